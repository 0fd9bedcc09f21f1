## Telegram command menu

command-start = Start and register with your grassroots union
command-submit = Submit an initiative with the full form
command-cancel = Stop what you are doing (the draft is kept)
command-back = Go back to the previous question
command-mine = See my initiatives
command-help = How to use the bot
command-lang = Change language

## General

error-generic = Sorry, something went wrong on our side and this message was not processed. Please try again in a few minutes.
group-private-only = I only take initiatives in private chat. Please write to me directly to register and submit.
unknown-command = I don't know the command /{ $command }. Type /help to see what I can do.
unsupported-message = I can only read text, photos and files. Please send it again as text, a photo or a file.
need-registration = You are not registered yet. Type /start to choose your grassroots union; it takes a minute.
contact-unexpected = Thank you, but I don't need a phone number right now.

## Guided flows

flow-stale-button = That button belongs to an old message and no longer works. Please use the latest question.
flow-btn-restart = 🗑 Discard the draft and start over
flow-expected-text = This question needs a written answer.
flow-empty-answer = That answer has no content. Please write it in letters or numbers.
flow-too-long = Your answer is { $length } characters long, over the limit of { $max }. Please shorten it.
flow-use-buttons = { $surface ->
        [telegram] Please choose one of the buttons under the question.
       *[other] Please pick one of the question's choices: type its number.
    }
flow-current-answer = <i>Current answer:</i> { $value }
flow-btn-skip = Skip
flow-btn-done = ✅ Done
flow-btn-yes = Yes
flow-btn-no = No

## Language

lang-name-vi = 🇻🇳 Tiếng Việt
lang-name-en = 🇬🇧 English
lang-choose = Which language would you like to use?
lang-changed = Switched to English.

## Registration

start-welcome = Welcome to <b>Sáng kiến</b>, where every union member sends improvement ideas to their union's initiative support team.
start-welcome-back = Hello { $name }! You belong to <b>{ $unit }</b>.
start-link-unknown-unit = This link's unit code "{ $code }" is not a grassroots union I know, so you will choose your unit in a moment.
register-choose-language = Chào bạn! Vui lòng chọn ngôn ngữ.
    Hello! Please choose your language.
register-ask-unit = Which grassroots union do you belong to? Type its <b>code</b> (e.g. CDCS-001) or a few words of its <b>name</b> (accents optional, e.g. "cong ty may").
register-unit-not-grassroots = "{ $name }" is an upper-level union, not a grassroots union. Please type the name or code of the grassroots union where you work.
register-unit-not-found = No grassroots union matches "{ $query }". Try fewer words, or type the unit code.
register-unit-pick = Choose your unit:
register-unit-many = Many units match; here are the first { $count }. Choose yours, or type more words to narrow it down:
register-unit-choice = { $name } ({ $code })
register-ask-phone = Would you like to share your phone number so the support team can reach you? { $surface ->
        [zalo-bot] A Zalo Bot cannot receive phone numbers: choose "Skip"; if you also use Telegram, send /link to join the two accounts.
        [zalo-oa] Fill in the "Share phone number" form Zalo sends right after this message, or choose "Skip".
       *[other] Tap "Share my phone number" below, or "Skip".
    }
register-btn-share-phone = 📱 Share my phone number
register-phone-not-own = I can only take your own phone number. { $surface ->
        [zalo-bot] Choose "Skip" to continue.
        [zalo-oa] Please fill in Zalo's "Share phone number" form, or choose "Skip".
       *[other] Please tap "Share my phone number", or "Skip".
    }
register-phone-use-button = { $surface ->
        [zalo-bot] A Zalo Bot cannot receive phone numbers: choose "Skip" to continue.
        [zalo-oa] Please fill in Zalo's "Share phone number" form, or choose "Skip" if you prefer not to share it.
       *[other] Please tap "Share my phone number" below, or "Skip" if you prefer not to share it.
    }
register-done = 🎉 You are registered with <b>{ $unit }</b>.
register-recorded-ideas = The initiative support team recorded { $count ->
        [1] the idea
       *[other] the { $count } ideas
    } you told them; from now on they are your initiatives:
register-recorded-idea = • <b>{ $code }</b>: { $title }
register-recorded-mine = Type /mine to follow them; the support team will talk with you right here. Have a new idea? Just write it here.

## Help

help-short = Type /submit to send an initiative with the form, or just write your idea here and I'll ask whether to send it. /help shows the guide.
help-full =
    <b>Sáng kiến – guide</b>
    • Write your idea here (a photo with a caption works too): I'll confirm and send it as a <b>quick idea</b>; the support team completes it with you.
    • /submit – the full initiative form: title, current problem, solution, benefit, yearly value, scope, category, co-authors, photos/files, confidentiality.
    • /back – previous question; /cancel – stop, your draft is kept for the next /submit.
    • /mine – your initiatives, their codes and status.
    • /lang – change language; /start – register or change your unit; /progress – your unit's campaign progress; /lagging – child units behind pace; /goldenbook – the unit's golden book of initiatives (Excel file, for officers and support).
    • Union officers: /ping (weekly report time), /quiet (quiet hours), /pledge and /pledges (emulation pledges), /dashboard (the web dashboard).
    • Initiative support teams: /queue, /show, /reply, /note, /tpl, /onbehalf, /merge; in a group: /linkgroup.
help-in-flow = You are in the middle of a form; the pending question is right below.
staff-help =
    Hello { $name }! You have roles on the bot (assigned by an admin):{ $support ->
        [none] {""}
       *[other] {""}
        • <b>Initiative support team</b> – { $support }: new initiatives come to you (or your team's group) as cards to work on. /queue – initiatives waiting; /show code – one initiative; /reply code text – write to its author; /note, /tpl, /onbehalf, /merge.
    }{ $officer ->
        [none] {""}
       *[other] {""}
        • <b>Union officer</b> – { $officer }: /progress – progress; /lagging – units behind pace; /ping – when the weekly report comes; /quiet – quiet hours; /pledge, /pledges – emulation pledges; /goldenbook – golden book of initiatives.
    }{ $admin ->
        [none] {""}
       *[other] {""}
        • <b>Admin</b> – { $admin }: /queue – initiatives waiting in the units below; /show code; /goldenbook; in a support team's group: /linkgroup.
    }
    To send an initiative of your own, type /start to register with the grassroots union you work at.

## Initiative form

submit-intro = I'll ask 10 short questions. Use /back for the previous question, /cancel to stop (your draft is kept).
submit-already = You are filling in the initiative form; let's continue.
submit-resumed = Continuing the draft you saved.
submit-resumed-restart = To discard this draft and start over, send /restart (you will be asked before anything is lost).
submit-ask-title = <b>Question { $n }/{ $total }.</b> What is the title of your initiative? (up to 200 characters)
submit-ask-problem = <b>Question { $n }/{ $total }.</b> The current situation: what problem or difficulty is there?
submit-ask-solution = <b>Question { $n }/{ $total }.</b> What solution do you propose?
submit-ask-benefit = <b>Question { $n }/{ $total }.</b> Expected benefit: what will the solution bring?
submit-ask-valueVnd = <b>Question { $n }/{ $total }.</b> Estimated value per year in VND, e.g. "50 triệu", "50tr", "50.000.000", "1,2 tỷ". Choose "Skip" if you cannot estimate it.
submit-ask-scope = <b>Question { $n }/{ $total }.</b> Scope: where can the initiative be applied (team, workshop, company...)?
submit-ask-category = <b>Question { $n }/{ $total }.</b> Which area does it belong to?
submit-ask-coAuthors = <b>Question { $n }/{ $total }.</b> Co-authors (name, department), if any. Choose "Skip" if none.
submit-ask-attachments = <b>Question { $n }/{ $total }.</b> Send photos or documents (optional), one at a time. { $count } so far. When finished, type "done" or choose "Done".
submit-ask-confidential = <b>Question { $n }/{ $total }.</b> Does it contain a trade secret to keep confidential? If yes, only your unit's support team sees its content.
submit-value-invalid = I couldn't read that amount. Try "50 triệu", "50tr", "50.000.000" or "1,2 tỷ", or choose "Skip".
submit-btn-clear-attachments = 🗑 Remove the files sent
submit-attachments-full = An initiative can carry at most { $max } files. Type "done" to go on.
submit-attachment-received = File { $count } received. Send another, or choose "Done".
submit-attachments-hint = At this step, send a photo or a document; when finished, type "done" or choose "Done".
category-name = { $category ->
    [renewal] Renewal (Đổi mới)
    [creativity] Creativity (Sáng tạo)
    [effectiveness] Effectiveness (Hiệu quả)
   *[none] —
}
submit-summary =
    <b>Please check your initiative</b>
    <b>Title:</b> { $title }
    <b>Current problem:</b> { $problem }
    <b>Solution:</b> { $solution }
    <b>Benefit:</b> { $benefit }
    <b>Value per year:</b> { $value }
    <b>Scope:</b> { $scope }
    <b>Category:</b> { $category ->
        [renewal] Renewal (Đổi mới)
        [creativity] Creativity (Sáng tạo)
        [effectiveness] Effectiveness (Hiệu quả)
       *[none] —
    }
    <b>Co-authors:</b> { $coAuthors }
    <b>Attachments:</b> { $attachments }
    <b>Confidential:</b> { $confidential ->
        [yes] Yes – only your unit's support team sees it
       *[no] No
    }
submit-btn-confirm = ✅ Submit
submit-btn-edit = ✏️ Edit a field
submit-edit-which = Which field would you like to change?
submit-field-title = Title
submit-field-problem = Problem
submit-field-solution = Solution
submit-field-benefit = Benefit
submit-field-valueVnd = Value
submit-field-scope = Scope
submit-field-category = Category
submit-field-coAuthors = Co-authors
submit-field-attachments = Attachments
submit-field-confidential = Confidential
submit-done = ✅ Submitted! Your initiative code is <b>{ $code }</b>. The initiative support team will review it and answer you here. Type /mine to follow it.

## Quick idea

quick-offer =
    Send this as a <b>quick idea</b>? The support team will complete it with you later.
    <i>{ $idea }</i>{ $attachments ->
        [0] {""}
       *[other] {" "}(with { $attachments } files)
    }
quick-btn-send = 📨 Send the idea
quick-btn-discard = Don't send
quick-discarded = Discarded; nothing was sent.
quick-done = ✅ Quick idea sent, code <b>{ $code }</b>. The initiative support team will contact you to complete it.
quick-photo-needs-caption = I see the photo but no description. Send it again with a caption saying what the idea is, or type /submit for the full form.

## Cancel and back

cancel-nothing = There is nothing in progress to stop.
cancel-draft-kept = Stopped. Your draft is kept; type /submit to continue.
cancel-done = Stopped.
back-nothing = There is no question to go back to.
back-at-first = This is already the first question.

## My initiatives

mine-empty = You haven't sent any initiative yet. Type /submit, or just write your idea here.
mine-header = <b>Your initiatives</b> ({ $shown }/{ $total }, newest first):
mine-item = <b>{ $code }</b> · { $date } · { $status ->
        [submitted] Submitted
        [in_review] In review
        [needs_info] Needs more information
        [accepted] Accepted
        [recognized] Recognised
        [replicated] Replicated
        [rejected] Not accepted
        [merged] Merged into { $into }
       *[withdrawn] Withdrawn
    }{ $coAuthor ->
        [yes] {" "}· you are a co-author
       *[no] {""}
    }
    { $title }

## Admin CLI

admin-usage =
    Usage: npm run admin -- <command> [options] [--lang vi|en]

    Commands:
      import-units FILE.csv
          Import or update the unit tree. The CSV header is code,name,parent_code,level;
          level is one of: national, province, sector, upper, grassroots.
      import-clusters FILE.csv
          Import emulation clusters/blocs: header cluster_code,cluster_name,unit_code.
      import-pledges FILE.csv
          Import the pledges signed at cluster conferences: cluster_code,unit_code,due_date,commitment.
      create-campaign --code CODE --name "NAME" --start YYYY-MM-DD --end YYYY-MM-DD [--targets FILE.csv] [--phases ...]
          Create an emulation campaign (or update its name and dates if the code exists).
          The targets file has the header unit_code,target.
          --phases "2026-05-31=50,2026-09-30=80": phase deadlines (date = percent of target due) for the pace.
      grant-role --unit CODE --role support|officer|admin (--telegram-id ID | --zalo-id ID)
          Give a Telegram or Zalo account a role at a unit.
      revoke-role --unit CODE --role support|officer|admin (--telegram-id ID | --zalo-id ID)
          Take that role away.
      list-units [--under CODE]
          Print the unit tree, or the branch starting at unit CODE.
      recount --campaign CODE
          Rebuild the campaign's progress counters from its initiatives and report any drift.
      export-goldenbook --unit CODE (--campaign CODE | --year YEAR) [--out FILE.xlsx|FILE.csv]
          Export the golden book of the unit and its subtree: XLSX (a sheet per child unit plus a
          summary) or CSV (UTF-8). Default: so-vang-CODE-YEAR.xlsx.
      help
          Print this help.

    Environment: MONGODB_URI (required), ADMIN_LANG (vi or en, default vi).
    Exit codes: 0 done, 1 input rejected or failure, 2 usage error.
admin-usage-bad-lang = Language "{ $lang }" is not supported; please choose vi or en.
admin-usage-unknown-command = There is no command "{ $command }".
admin-usage-unknown-command-near = There is no command "{ $command }". Did you mean { $near }?
admin-usage-unknown-option = This command has no option { $option }.
admin-usage-missing-option = Please give the option { $option }.
admin-usage-missing-value = The option { $option } needs a value.
admin-usage-repeated-option = The option { $option } may be given only once.
admin-usage-missing-file = Please give the path of the CSV file.
admin-usage-extra-argument = Unexpected argument "{ $argument }".
admin-usage-one-account = Please give exactly one of --telegram-id or --zalo-id.

admin-rejected =
    Nothing was written to the database. Please fix { $count ->
        [one] this problem
       *[other] these { $count } problems
    } and run again:
admin-row-error = Line { $line }: { $reason }
admin-failed = The command could not be completed: { $error }
admin-file-unreadable = cannot read the file "{ $file }" ({ $error }).
admin-file-not-text = the file "{ $file }" is not a CSV text file (an .xlsx renamed?): save it again as "CSV UTF-8" in Excel.
admin-file-encoding = Read "{ $file }" as { $encoding } (not UTF-8); please check the Vietnamese accents in the result.
admin-csv-malformed-line = this line cannot be read as CSV (perhaps a closing quote is missing).
admin-csv-empty = the file is empty; its first line must be the header { $expected }.
admin-csv-bad-header = the header line must be { $expected }.
admin-reason-columns = { $found } columns, expected exactly { $expected }.
admin-reason-empty-code = the unit code is missing.
admin-reason-code-format = code "{ $code }" is not valid: use only unaccented letters, digits, "_" or "-", at most 32 characters.
admin-reason-empty-name = the name is missing.
admin-reason-name-too-long = the name is { $length } characters long, at most { $max } are allowed.
admin-reason-bad-level = level "{ $level }" is not valid; choose one of: { $levels }.
admin-reason-duplicate-code = code "{ $code }" already appears on line { $first }.
admin-reason-cycle = the unit would become its own ancestor: { $path }.
admin-reason-needs-parent = a unit of level { $level } needs a parent unit (parent_code).
admin-reason-unknown-parent = parent unit "{ $parent }" is neither in the file nor in the database.
admin-reason-parent-level = parent unit "{ $parent }" ({ $parentLevel }) cannot be the parent of a { $level } unit.
admin-reason-child-level = existing child unit "{ $child }" ({ $childLevel }) cannot belong to a { $level } unit.
admin-reason-bad-date = --{ $option } date "{ $value }" is not valid; please give a real day as YYYY-MM-DD.
admin-reason-date-order = the start date { $start } is after the end date { $end }.
admin-reason-empty-unit = the unit code is missing.
admin-reason-duplicate-unit = unit "{ $unit }" already has a target on line { $first }.
admin-reason-bad-target = target "{ $value }" must be a positive whole number.
admin-reason-unknown-unit = there is no unit with code "{ $unit }".
admin-reason-bad-role = role "{ $role }" is not valid; choose one of: { $roles }.
admin-reason-bad-telegram-id = Telegram ID "{ $id }" is not valid: it must be digits only.
admin-reason-bad-zalo-id = Zalo ID "{ $id }" is not valid.

admin-import-done = Unit tree imported: { $created } created, { $updated } updated, { $unchanged } unchanged.
admin-import-descendants-moved = Updated the ancestors of { $count ->
        [one] { $count } descendant unit
       *[other] { $count } descendant units
    } not in the file.
admin-campaign-created = Created campaign { $code } ({ $start } to { $end }).
admin-campaign-updated = Updated campaign { $code } ({ $start } to { $end }).
admin-campaign-targets-set = Targets set for { $count ->
        [one] { $count } unit
       *[other] { $count } units
    }.
admin-role-granted = Granted role { $role } at unit { $unit } to the { $channel } account { $id }.
admin-role-already = The { $channel } account { $id } already has role { $role } at unit { $unit }; nothing changed.
admin-role-revoked = Revoked role { $role } at unit { $unit } from the { $channel } account { $id }.
admin-role-absent = The { $channel } account { $id } does not have role { $role } at unit { $unit }; nothing changed.
admin-list-unknown-unit = There is no unit with code "{ $unit }".
admin-list-empty = There are no units yet. Please import the unit tree with import-units.

## Support teams

command-reply = Write about an initiative: /reply code text
command-queue = Support team: initiatives waiting
command-show = One initiative with its history: /show code
command-withdraw = Withdraw your initiative: /withdraw code
command-linkgroup = Link this group to a unit's support team: /linkgroup code
card =
    📥 <b>{ $code }</b> · { $unit } · { $status ->
        [submitted] Submitted
        [in_review] In review
        [needs_info] Needs more information
        [accepted] Accepted
        [recognized] Recognised
        [replicated] Replicated
        [rejected] Not accepted
        [merged] Merged into { $into }
       *[withdrawn] Withdrawn
    }{ $quick ->
        [yes] {" "}· quick idea
       *[no] {""}
    }
    <b>Author:</b> { $author } ({ $phone }){ $mergedAuthors ->
        [none] {""}
       *[other] , { $mergedAuthors } (from a merged duplicate)
    } · <b>Assignee:</b> { $assignee }
    <b>Title:</b> { $title }{ $quick ->
        [yes] {""}
        <b>Idea:</b> { $idea }
       *[no] {""}
        <b>Problem:</b> { $problem }
        <b>Solution:</b> { $solution }
        <b>Benefit:</b> { $benefit }
        <b>Value per year:</b> { $value } · <b>Scope:</b> { $scope }
        <b>Category:</b> { $category ->
            [renewal] Renewal (Đổi mới)
            [creativity] Creativity (Sáng tạo)
            [effectiveness] Effectiveness (Hiệu quả)
           *[none] —
        } · <b>Co-authors:</b> { $coAuthors }
    }
    <b>Attachments:</b> { $attachments }{ $confidential ->
        [yes] {" "}· 🔒 trade secret
       *[no] {""}
    }
    <i>{ $surface ->
        [web] {""}
        [zalo-bot] Type /reply { $code } your text to write to the author; /note { $code } your text for an internal note.
       *[other] Reply to this message to write to the author; start with ! for an internal note.
    }</i>
card-confidential = 🔒 <b>{ $code }</b> · { $unit } · { $status ->
        [submitted] Submitted
        [in_review] In review
        [needs_info] Needs more information
        [accepted] Accepted
        [recognized] Recognised
        [replicated] Replicated
        [rejected] Not accepted
        [merged] Merged into { $into }
       *[withdrawn] Withdrawn
    }: contains a trade secret; only the unit's own support team sees its content.
card-btn-take = 🙋 Take it
card-btn-info = ❓ Needs more info
card-btn-accept = ✅ Accept
card-btn-recognize = 🏅 Recognise
card-btn-replicate = 🔁 Replicate
card-btn-reject = ✖️ Reject
card-ask-info = { $code }: what should the author add? { $surface ->
        [telegram] Reply to this message with your question.
       *[other] Type your question here.
    }
card-ask-reject = { $code }: why is it not accepted? { $surface ->
        [telegram] Reply to this message with the reason; the author will receive it.
       *[other] Type the reason here; the author will receive it.
    }
card-ask-recognize = { $code }: what is the number of the initiative council's decision? You may add its date, e.g. "15/QĐ-HĐSK of 20/11/2026". { $surface ->
        [telegram] Reply to this message.
       *[other] Type it here.
    }
card-ask-recognize-date = { $code }: on what date was decision { $number } signed? Write day/month/year, e.g. 20/11/2026.{ $surface ->
        [telegram] {" "}Reply to this message.
       *[other] {""}
    }
recognize-no-number = I need the decision's number (e.g. 15/QĐ-HĐSK), and may take its date with it. Please type it again.
recognize-not-a-day = I can't read "{ $typed }" as a real date. Please type the date it was signed as day/month/year, e.g. 20/11/2026.
recognize-date-future = { $date } has not come yet: a recognition decision is dated today or earlier. Please check it.
recognize-date-before-submission = { $date } is before the initiative was submitted ({ $submitted }), so the decision cannot be dated then. Please check it.
card-author-unreachable = ⚠️ { $code }: the message could not reach the author (they may have blocked the bot). It is kept in the initiative's record, and so is whatever follows until the author writes to the bot again (this is not repeated).
member-unreachable = ⚠️ The bot could not deliver its reminders to { $name } ({ $unit }): they may have blocked the bot. Please ask them to open the chat with the bot again; it resumes when they write.
support-group-lost = ⚠️ The bot is no longer in the group "{ $title }" of unit { $unit }. New initiatives go to each support member privately until a group is linked again with /linkgroup.
status-notice = Your initiative <b>{ $code }</b>: <b>{ $status ->
        [submitted] Submitted
        [in_review] In review
        [needs_info] Needs more information
        [accepted] Accepted
        [recognized] Recognised
        [replicated] Replicated
        [rejected] Not accepted
       *[withdrawn] Withdrawn
    }</b>.
    { $status ->
        [in_review] The initiative support team is reviewing it; they will write here if they have questions.
        [needs_info] The support team asks: { $note }
            Just send your answer here.
        [accepted] Congratulations! It goes to the initiative council for recognition.
        [recognized] Congratulations! The initiative council recognised it by decision no. { $decision } of { $date }, and it is entered in the golden book of initiatives.
        [replicated] Your initiative is being replicated in other units. Thank you!
        [rejected] Reason: { $note }. Don't give up – you can send a new idea any time.
       *[withdrawn] It was withdrawn at your request.
    }
support-not-allowed = Sorry, you are not on the support team for this initiative, so you cannot act on it.
support-unknown-code = There is no initiative with code "{ $code }". Codes look like SK-2026-000123.
support-illegal = { $code } is "{ $status ->
        [submitted] Submitted
        [in_review] In review
        [needs_info] Needs more information
        [accepted] Accepted
        [recognized] Recognised
        [replicated] Replicated
        [rejected] Not accepted
        [merged] Merged
       *[withdrawn] Withdrawn
    }"; this action is not possible now.
support-taken = Someone else already took { $code }.
support-done = { $code }: { $status ->
        [submitted] Submitted
        [in_review] In review
        [needs_info] Needs more information
        [accepted] Accepted
        [recognized] Recognised
        [replicated] Replicated
        [rejected] Not accepted
       *[withdrawn] Withdrawn
    }.
support-withdrawn = The author withdrew { $code }; no more messages can be sent.
support-note-saved = Internal note saved on { $code } (the author does not see it).
support-relayed = ✓ Sent to the author of { $code }.
support-relay-unreachable = ⚠️ { $code }: not delivered: the bot cannot write to the author at the moment (they may have blocked it). Your message is kept in the initiative's record.
support-not-a-card = The message you replied to is not an initiative card. Reply to the card itself, or use /reply code text.
relay-to-author =
    💬 <b>Initiative support team – { $team }</b> about <b>{ $code }</b>:
    { $text }
    <i>{ $surface ->
        [zalo-bot] Type /reply { $code } your text to answer the support team.
       *[other] Reply to this message to answer the support team.
    }</i>
relay-from-author =
    💬 Author <b>{ $author }</b> answers about <b>{ $code }</b>:
    { $text }
relay-sent-to-team = ✓ Sent to the support team about { $code }.
relay-queued = Your message is kept in the record of { $code }; the support team will see it when they take it.
relay-closed = { $code } is closed and takes no more messages. You can send a new idea any time.
relay-merged = { $code } was merged into { $into }, of which you are a co-author. To write to the support team, type /reply { $into } and your message.
reply-usage = Usage: /reply SK-2026-000123 your message
queue-empty = No initiative is waiting. 🎉
queue-not-support = /queue lists the initiatives waiting for a support team, so it is for support teams and admins. { $officer ->
        [yes] For your unit's progress, type /progress; for the units behind pace, /lagging.
       *[no] Your own initiatives: /mine.
    }
queue-header = <b>Initiatives waiting</b> ({ $count }, oldest first):
queue-item = <b>{ $code }</b> · { $status ->
        [submitted] Submitted
        [in_review] In review
        [needs_info] Needs more information
        [accepted] Accepted
        [recognized] Recognised
        [replicated] Replicated
        [rejected] Not accepted
       *[withdrawn] Withdrawn
    } · { $hours } h · { $taken ->
        [yes] taken
       *[no] nobody yet
    } · { $title }
show-history-item = { $date }: { $from ->
        [submitted] Submitted
        [in_review] In review
        [needs_info] Needs more information
        [accepted] Accepted
        [recognized] Recognised
        [replicated] Replicated
        [rejected] Not accepted
        [merged] Merged
       *[withdrawn] Withdrawn
    } → { $to ->
        [submitted] Submitted
        [in_review] In review
        [needs_info] Needs more information
        [accepted] Accepted
        [recognized] Recognised
        [replicated] Replicated
        [rejected] Not accepted
        [merged] Merged
       *[withdrawn] Withdrawn
    } ({ $note })
withdraw-not-author = Only the author can withdraw { $code }.
linkgroup-usage = Usage (in the group): /linkgroup unit-code
linkgroup-in-group-only = Use this command in the support team's group chat, not in private chat.
linkgroup-unknown-unit = There is no unit with code "{ $code }".
linkgroup-not-allowed = Only support members or admins of { $unit } can link a group.
linkgroup-linked = ✓ This group is now where the initiative support team of { $unit } receives new initiatives.
linkgroup-already = This group is already linked to { $unit }.
linkgroup-unit-has-group = { $unit } already has another working support group. Send /unlinkgroup in the old group (or /unlinkgroup unit-code), then link this one.
linkgroup-group-has-unit = This group is linked to another unit; one group serves one unit.
card-similar = 🔎 May duplicate: { $list }
card-decision = 🏅 Recognised by decision no. { $number } of { $date }
card-escalated = ⏫ Escalated from { $unit }: nobody took it within { $hours } hours.
card-escalated-away = ⏫ Nobody took it within { $hours } hours, so it went up to the support team of { $unit }.
command-note = Support team: internal note /note code text
command-tpl = Support team: canned replies
command-onbehalf = Support team: enter an idea for a worker
command-merge = Support team: merge a duplicate /merge code into-code
note-usage = Usage: /note SK-2026-000123 note text
tpl-none = The team has no canned replies yet. Add one: /tpl add name Nội dung tiếng Việt || English text
tpl-list-header = <b>The team's canned replies</b> (use: /tpl name initiative-code):
tpl-list-item = • <b>{ $name }</b>: { $text }
tpl-usage = Usage: /tpl add name Nội dung tiếng Việt || English text (name: lower-case letters, digits, - or _).
tpl-saved = ✓ Saved the reply "{ $name }".
tpl-unknown = There is no canned reply "{ $name }". Type /tpl for the list.
onbehalf-usage = Usage: /onbehalf phone number | full name | the idea
onbehalf-told = The initiative support team ({ $team }) recorded the idea you told them as initiative <b>{ $code }</b>. Type /mine to follow it.
onbehalf-done-told = ✓ Recorded { $code } for the worker at { $unit } and told them.
onbehalf-done = ✓ Recorded { $code } for the worker at { $unit }. They don't use the bot yet, so they were not told.
merge-usage = Usage: /merge SK-duplicate-code SK-code-to-keep
merge-other-unit = Only initiatives of the same unit can be merged.
merge-into-closed = Cannot merge into { $into }: it { $status ->
        [rejected] was not accepted
        [merged] was itself merged into another initiative
       *[withdrawn] was withdrawn by its author
    }. Merge into one still in review or accepted.
merge-told = 🤝 Your initiative { $code } repeats initiative { $into }, so the support team merged the two into one. You are credited as a co-author of { $into }; type /mine to follow it.
merge-told-kept = 🤝 Initiative { $code } by { $author } repeats your initiative { $into }, so the support team merged it into { $into }. { $author } is credited as a co-author.
merge-done = ✓ Merged { $code } into { $into }; both authors are credited.
admin-recount-unknown-campaign = there is no campaign with code "{ $code }".
admin-goldenbook-unknown-unit = there is no unit with code "{ $code }".
admin-goldenbook-scope = give exactly one of --campaign CODE or --year YEAR (four digits).
admin-goldenbook-bad-out = the output file must end in .xlsx or .csv: "{ $file }".
admin-goldenbook-written = Golden book written: { $file } ({ $count } recognised initiatives).
admin-recount-done = Recounted campaign { $code } from { $initiatives } initiatives: { $drifted } counters had drifted and were fixed.
admin-recount-drift = { "  " }- { $unitCode } { $metric }: should be { $expected }, the counter said { $actual }
command-progress = A unit's campaign progress: /progress code
progress-usage = Usage: /progress unit-code
progress-no-campaign = { $unit } has no campaign running now.
progress-report =
    📊 <b>{ $unit }</b> – { $campaign }
    Initiatives: <b>{ $total }</b>{ $target ->
        [0] {""}
       *[other] {" "}/ target { $target } (<b>{ $percent }%</b>)
    }
    This week: { $week } · Accepted: { $accepted } · Recognised: { $recognized }
command-ping = Officers: when to get the weekly progress report
weekly-intro = 🗓 <b>Progress report, week { $week }</b>
weekly-outro = Details any time: /progress
weekly-btn-details = 📊 See details
command-goldenbook = The unit's golden book of initiatives (Excel file)
goldenbook-not-allowed = The golden book of { $unit } is for the unit's officers, support team and admins (or those above it).
goldenbook-sent = 📒 Golden book – { $unit } – { $scope }: { $count } recognised initiatives. { $surface ->
        [zalo-oa] The PDF file is below (a summary first, then a table per child unit).
        [zalo-bot] Download the Excel file from the dashboard (/dashboard).
       *[other] The Excel file is below (a sheet per child unit, the first one a summary).
    }
command-dashboard = The web dashboard (officers, support teams, admins)
dashboard-link = 🔐 Your dashboard login link (works once, within { $minutes } minutes):
    { $url }
    Do not forward it: whoever opens it sees your units as you do.
dashboard-not-configured = The web dashboard is not set up for this bot yet (an admin needs to set PUBLIC_BASE_URL). Meanwhile, /progress shows the progress and /goldenbook the golden book.
dashboard-not-allowed = The dashboard is for union officers, initiative support teams and admins; you have no role yet. Your unit's progress: /progress.
zalo-export-elsewhere = 📎 { $file }: { $surface ->
        [zalo-bot] a Zalo Bot cannot send files. Open the dashboard (/dashboard) to download it, or link your accounts with /link and send /goldenbook on Telegram.
       *[other] the Zalo OA only takes PDF and Word files, so this file comes through Telegram. Link your accounts with /link and send /goldenbook there, or open the dashboard (/dashboard) to download it.
    }
zalo-export-too-big = 📎 { $file } is over 5 MB, more than Zalo takes. Open the dashboard (/dashboard) to download it, or send /goldenbook on Telegram.

## The web dashboard (/dashboard)

dashboard-title = Initiatives – Dashboard
dashboard-nav-overview = Overview
dashboard-nav-initiatives = Initiatives
dashboard-nav-queues = Queues
dashboard-logout = Log out
dashboard-unit-pick = Unit
dashboard-go = Show
dashboard-login-title = Open the dashboard
dashboard-login-open = Open the dashboard
dashboard-login-hint = This link works only once; afterwards you stay logged in for { $hours } hours in this browser.
dashboard-login-refused = This login link has been used or has expired. Send /dashboard to the bot on Telegram or Zalo for a new one.
dashboard-login-needed = You are not logged in, or your session has ended. Send /dashboard to the bot on Telegram or Zalo for a login link.
dashboard-logged-out = You are logged out. Send /dashboard to the bot to come back.
dashboard-forbidden = This page is for admins only.
dashboard-not-found = There is no such page.
dashboard-unit-forbidden = You may not view this unit; you see the units you hold a role in and those under them.
dashboard-no-campaign = { $unit } has no emulation campaign running now.
dashboard-campaign = { $campaign }: { $start } – { $end }
dashboard-stat-total = Initiatives
dashboard-stat-target = { $target ->
        [0] no target yet
       *[other] of a target of { $target } ({ $percent }%)
    }
dashboard-stat-week = This week
dashboard-stat-accepted = Accepted
dashboard-stat-recognized = Recognised
dashboard-charts = Charts
dashboard-chart-units-alt = Child units: actual against target and the steady pace
dashboard-chart-trend-alt = Initiatives so far, week by week, against the target
dashboard-ranking = Child units ranked (by share of target)
dashboard-col-rank = Rank
dashboard-col-unit = Unit
dashboard-col-actual = Actual
dashboard-col-target = Target
dashboard-col-percent = % of target
dashboard-col-expected = Expected by now
dashboard-col-pace = Pace
dashboard-pace = { $lagging ->
        [yes] ⚠️ Behind
       *[no] ✓ On pace
    }
dashboard-no-children = No child unit has a target in this campaign.
dashboard-lagging = Units behind pace
dashboard-lagging-none = No child unit is behind pace.
dashboard-lagging-item = { $unit }: { $actual } initiatives, a steady pace expects about { $expected } ({ $gap } short)
dashboard-pledges = Emulation pledges and self-checks
dashboard-pledges-none = No emulation pledge yet.
dashboard-col-due = Due
dashboard-col-commitments = Commitments
dashboard-col-selfcheck = { $months }-month self-check
dashboard-due-state = { $state ->
        [overdue] { $days } days overdue
        [today] today
       *[left] { $days } days left
    }
dashboard-selfcheck = { $state ->
        [done] Reported { $date }
        [due] Due since { $date }, not reported
       *[later] From { $date }
    }
dashboard-selfcheck-summary = { $done } done · { $progress } in progress · { $none } not started
dashboard-clusters = Emulation cluster rankings – quarter { $quarter } (so far)
dashboard-clusters-none = These units belong to no emulation cluster.
dashboard-col-initiatives = Initiatives
dashboard-col-per-member = Per member
dashboard-col-beat = Quarterly target
dashboard-beat = { $beat ->
        [yes] ✅ Beaten
        [no] Not yet
       *[none] —
    }
dashboard-cluster-leader = Cluster leader: { $unit }
dashboard-cluster-no-leader = No unit has beaten its own quarterly target yet.
dashboard-goldenbook = Golden book of initiatives
dashboard-goldenbook-hint = The recognised initiatives of { $unit } and its child units: an Excel file (a summary sheet, then a sheet per child unit) or CSV.
dashboard-goldenbook-scope = Scope
dashboard-goldenbook-xlsx = ⬇ Download Excel (.xlsx)
dashboard-goldenbook-csv = ⬇ Download CSV
dashboard-filter-status = Status
dashboard-filter-category = Category
dashboard-filter-unit = Unit
dashboard-filter-from = Submitted from
dashboard-filter-to = to
dashboard-filter-any = All
dashboard-filter-apply = Filter
dashboard-filter-clear = Clear filters
dashboard-list-count = { $total } initiatives
dashboard-list-hidden = 🔒 { $count } more initiatives are trade secrets: only counted here; their content is for that unit's support team and admins.
dashboard-list-empty = No initiative matches the filters.
dashboard-col-code = Code
dashboard-col-title = Title
dashboard-col-status = Status
dashboard-col-category = Category
dashboard-col-submitted = Submitted
dashboard-col-value = Yearly value
dashboard-page = Page { $page } of { $pages }
dashboard-page-prev = ← Previous page
dashboard-page-next = Next page →
dashboard-status = { $status ->
        [submitted] Submitted
        [in_review] In review
        [needs_info] Needs more information
        [accepted] Accepted
        [recognized] Recognised
        [replicated] Replicated
        [rejected] Not accepted
        [withdrawn] Withdrawn
       *[other] { $status }
    }
dashboard-confidential-badge = 🔒 Secret
dashboard-initiative-secret = This initiative is a trade secret: only its unit's support team and admins see its content and conversation. You see its code, unit and status.
dashboard-history = Status history
dashboard-history-by = by { $name }
dashboard-history-empty = No status change since it was submitted.
dashboard-thread = Conversation between the support team and the author
dashboard-thread-empty = No messages yet.
dashboard-thread-from = { $direction ->
        [to_submitter] Support team to the author
        [from_submitter] The author's answer
       *[note] Team-only note
    }
dashboard-back-list = ← Initiatives
dashboard-queues-title = Job queues (BullMQ)
chart-link-refused = { $reason ->
        [expired] This chart link has expired. Send /progress to the bot for fresh charts.
       *[other] This chart link is not valid.
    }
command-lagging = Units behind pace
lagging-title = ⚠️ { $unit }: { $count } child units are behind a steady pace:
lagging-none = ✓ { $unit }: no child unit is behind pace.
ping-not-officer = The weekly report is for union officers; you do not have an officer role.
ping-off = You turned the weekly progress report off.
ping-at = You get the progress report every { $day ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    } at { $time }.
ping-usage = Change it: /ping mon 7:30 (mon…sun, or t2…cn) · off: /ping off · back on: /ping on
command-quiet = Quiet hours: when the bot sends no reminders
quiet-now = From { $from }:00 to { $to }:00{ $overnight ->
        [yes] {" "}the next day
       *[no] {""}
    } (Vietnam time) the bot sends no reminders or reports; whatever falls due then is sent at { $to }:00.
quiet-none = Quiet hours are off: reminders and reports come at any time.
quiet-usage = Change them: /quiet 22-6 · turn off: /quiet off
command-messenger = Get notifications on Telegram or Zalo
messenger-last = Notifications go to the messenger you last wrote to the bot from.
messenger-fixed = Notifications always go to { $messenger }.
messenger-usage = Choose: /messenger telegram · /messenger zalo · /messenger auto (the one you wrote from last)
messenger-not-linked = Your { $messenger } account is not linked yet.
nudge =
    📣 <b>{ $unit }</b> is behind pace: <b>{ $actual }</b> initiatives so far, where a steady pace would have about { $expected } by now (target { $target }). { $gap } to catch up, { $days } days left.
    { $reader ->
        [support] Suggestion: collect quick ideas in every team and line this week – each person only needs to send the bot one line, or tell you and you record it with /onbehalf.
       *[officer] Suggestion: ask your support team to collect quick ideas in every team and line this week – each person only needs to send the bot one line.
    }
nudge-btn-ack = ✅ Got it, we'll push
nudge-thanks = Thank you! Good luck catching up.
nudge-parent = ⚠️ <b>{ $unit }</b> is behind pace ({ $actual } against about { $expected } at a steady pace) and has not answered two nudges. Please support the unit.
nudge-parent-nobody = ⚠️ <b>{ $unit }</b> is behind pace ({ $actual } against about { $expected } at a steady pace), but the bot could nudge nobody there: { $why ->
        [none] the unit has no officer or support member assigned on the bot
       *[silent] none of its officers or support members has ever written to the bot, so the bot may not write to them
    }. Please follow up with the unit directly, and ask an admin to assign who gets its reminders.
command-pledge = Officers: record your unit's emulation pledge
command-pledges = Your unit's emulation pledges
pledge-ask-commitments = Emulation pledge of <b>{ $unit }</b>: send the commitments, one per line (e.g. "At least 300 initiatives", "100% of members take part").
pledge-commitments-count = Send 1 to { $max } commitments, one per line.
pledge-ask-due = When is it due? (e.g. 31/5/2027)
pledge-due-invalid = I couldn't read that date. Write it as day/month/year, e.g. 31/5/2027.
pledge-due-past = The due date must be after today.
pledge-summary =
    <b>Emulation pledge – { $unit }</b>
    { $list }
    <b>Due:</b> { $due }
pledge-btn-save = ✅ Save the pledge
pledge-saved = ✅ Pledge saved. I'll remind you 14, 7 and 1 days before { $due }, and on the day.
pledges-none = { $unit } has no emulation pledge yet.
pledges-header = <b>Emulation pledges – { $unit }</b>
pledges-item = <b>Due { $due }</b> ({ $state ->
        [overdue] { $days } days overdue
        [today] today
       *[left] { $days } days left
    }):
    { $list }
pledge-reminder = 📌 The emulation pledge of <b>{ $unit }</b> ({ $count } commitments) is due on { $due }{ $days ->
        [0] {" "}– today
       *[other] , in { $days } days
    }.
pledge-overdue = ⏰ The emulation pledge of <b>{ $unit }</b> is { $days } days overdue (due { $due }). Please review it and report the results.
pledge-overdue-parent = ⏰ The emulation pledge of <b>{ $unit }</b> is { $days } days overdue (due { $due }). Please follow it up.
pledge-see = See: /pledges
campaign-final = 🏁 <b>{ $campaign }</b> has ended. The final results:
admin-clusters-done = Imported { $clusters } emulation clusters with { $units } units.
admin-reason-duplicate-member = unit "{ $unit }" is already in cluster { $cluster }.
ranking-header = 🏆 <b>{ $cluster } ranking</b> – quarter { $quarter }:
ranking-item = { $rank }. { $unit }: { $initiatives } initiatives, { NUMBER($perMember, minimumFractionDigits: 2, maximumFractionDigits: 2) } per member{ $beat ->
        [yes] {" "}– ✅ beat its quarterly target
        [no] {" "}– below its quarterly target
       *[none] {""}
    }
ranking-leader = Cluster leader (beat its own target): <b>{ $unit }</b>. Congratulations!
ranking-no-leader = No unit beat its own target this quarter.
selfcheck-reminder = 📝 It is { $months } months since <b>{ $unit }</b> signed its emulation pledge. Please self-check each commitment.
selfcheck-btn-start = 📝 Self-check now
selfcheck-intro = Pledge self-check after { $months } months (due { $due }). For each commitment choose its state; to add a note, type it before choosing.
selfcheck-item = <b>{ $n }/{ $total }.</b> { $text }
selfcheck-state = { $state ->
        [done] ✅ Done
        [in_progress] ⏳ In progress
       *[not_started] ⭕ Not started
    }
selfcheck-saved = ✅ Self-check saved. Thank you!
selfcheck-already = This self-check has already been reported.
admin-pledges-done = Imported { $pledges } emulation pledges with { $commitments } commitments.
admin-reason-unknown-cluster = there is no cluster "{ $cluster }" (import it with import-clusters first).
admin-reason-not-in-cluster = unit "{ $unit }" is not in cluster { $cluster }.
admin-reason-due-past = the due date "{ $value }" is not after today.
admin-reason-empty-commitment = the commitment is empty.
admin-reason-due-differs = the rows of unit "{ $unit }" give different due dates.
admin-reason-no-campaign = unit "{ $unit }" has no campaign running now.
weekly-rank = Ranked { $rank } of { $of }{ $tied ->
        [yes] {" "}(tied)
       *[no] {""}
    } among sibling units (by share of target).
weekly-lagging-child = ⚠️ Behind pace: { $unit } – { $actual } against about { $expected } at a steady pace.
weekly-pledge = 📌 Pledge of { $unit }: { $overdue ->
        [yes] overdue since { $due }
       *[no] due { $due }
    }
admin-reason-bad-phases = the phases "{ $value }" are not valid: write DATE=PERCENT separated by commas, dates within the campaign, dates and percents (1–99) rising.

chart-actual = Actual
chart-lagging = Behind pace
chart-target = Target
chart-pace = Expected by now
chart-cumulative = Initiatives so far
chart-phase-pace = Pace to phase deadlines
chart-trend-caption = cumulative by week

zalo-choose-by-number = (Type a number to choose.)
zalo-choose-by-number-after-question = (You have another question open: answer it, or type /cancel, then type a number to choose here.)
zalo-number-after-question = { $n } is a choice in another message. You have the question below open: answer it (or type /cancel), then type { $n } again.
zalo-number-stale = { $n } was a choice in a message over a week old, which no longer works, so nothing was done. Type /help to see what the bot can do.
zalo-phone-form-title = Share your phone number
zalo-phone-form-subtitle = So the union can reach you when needed, and to link your Zalo and Telegram accounts.
zalo-file-link = 📎 Attachment: { $url }
zalo-file-elsewhere = 📎 (A file sent on Telegram came with this; it is kept in the initiative’s record.)
support-relay-held = ⏳ { $code }: the author uses Zalo and has not written to the bot for a while, so Zalo does not let it through yet. It goes out as soon as the author writes again.

## Linking Telegram and Zalo (/link, and the phone at registration)

command-link = Use one account on both Telegram and Zalo
help-link = • /link – use Telegram and Zalo as one account: /link here gives a code, then send /link with that code on the other messenger. /messenger – choose where notifications go.
link-code =
    🔗 Your link code: <b>{ $code }</b>
    Open the bot on { $other ->
        [zalo] Zalo
       *[telegram] Telegram
    } and send: /link { $code }
    The code works once, within { $minutes } minutes.
link-unknown = I don't know that code. Please check the six digits; only the latest code from /link works.
link-used = That code has already been used. Send /link on your other messenger to get a new one.
link-expired = That code has expired. Send /link on your other messenger to get a new one, and type it within { $minutes } minutes.
link-same-member = That code belongs to this same account. Please type it on your other messenger.
link-messenger-taken = The account that made this code already has another account on this messenger, so I can't add a second one. The code was not used; please ask a union admin to check.
link-has-history = This account already has its own registration, initiatives or roles, so I won't merge it on my own, and the code was not used. If your account on the other messenger is new, do it the other way round: send /link here and type the code there. Otherwise ask a union admin to merge the two accounts, then try again.
link-done = ✅ Linked: your Telegram and Zalo are now one account. Your initiatives and roles follow you, and notifications go to the messenger you used last.
link-phone-recognised = 🔗 Welcome back, { $name }! This phone number is already registered with <b>{ $unit }</b> on your other messenger, so I linked the two: your Telegram and Zalo are now one account, and your initiatives follow you.
link-phone-taken = ⚠️ This phone number is already used by another account, so I registered you without it. A union admin needs to check this; your registration is kept.

## Playground (the page at http://localhost:PORT/ when neither Telegram nor Zalo is configured)

playground-title = Sáng kiến bot playground
playground-intro = The real bot, with Telegram and Zalo simulated on this machine: you play four people at once. Type, press buttons and send photos as in the messenger apps.
playground-clock = Vietnam time
playground-jump-monday = ⏭ Next Monday 07:30
playground-jump-tomorrow = ⏭ Tomorrow 08:00
playground-jumped = The clock moved to { $time }: the scheduled jobs are running.
playground-other-lang = Tiếng Việt
playground-pane-zalo = A worker on Zalo
playground-pane-telegram = A worker on Telegram
playground-pane-team = The support team's group
playground-pane-officer = A union officer
playground-who-zalo = Nguyễn Thị Lan · writing to the union's Official Account on Zalo
playground-who-telegram = Trần Văn Minh · in a private chat with the bot on Telegram
playground-who-team = Phạm Thu Hà · the Canon support team's Telegram group
playground-who-officer = Lê Văn Hải · officer of the Thăng Long industrial zone union (Telegram)
playground-input = Type a message…
playground-send = Send
playground-photo = Send a photo
playground-photo-caption = A photo from the workshop
playground-reply = Reply
playground-replying = Replying to:
playground-cancel = Cancel
playground-choose-hint = Tap a number, or type it, to choose
playground-share-info = Share my info
playground-empty-private = No messages yet. Type /start to begin.
playground-empty-group = New initiative cards of the unit appear here. Reply to a card to write to its author.
playground-empty-officer = The weekly progress report comes on Monday at 07:30: press ⏭ above to get there. Or type /progress.
playground-error = Could not send: { $error }
playground-image = Photo
playground-document = File
playground-bot-name = Sáng Kiến Bot
playground-oa-name = Công đoàn Việt Nam – Sáng kiến
zalo-card-commands = To act on this initiative, type one of these commands (with its code):
card-command-usage = Type the command with the initiative code, e.g. /{ $command } SK-2026-000123
draft-discard-confirm = Discard the draft with { $answers } answers filled in and start over?
draft-discard-yes = 🗑 Discard the draft
draft-discard-no = ↩️ Keep the draft
confirm-pick-one = Please pick one of the two options below.
restart-nothing = You have no initiative draft to start over. Send /submit to begin.
draft-kept = The draft is kept; let us continue.
draft-discarded = Draft discarded. Starting a new form.
card-reject-confirm = Reject { $code } with the reason «{ $note }»? The author will be told.
card-reject-yes = ✖️ Yes, reject
card-reject-no = ↩️ No, not yet
card-reject-kept = { $code }: nothing changed.
command-restart = Discard the initiative draft and start over (asks first)
command-take = Support team: take it /take code
command-info = Support team: ask for more info /info code
command-accept = Support team: accept /accept code
command-recognize = Support team: recognise /recognize code
command-replicate = Support team: replicate /replicate code
command-reject = Support team: reject /reject code
unlinkgroup-usage = Usage: /unlinkgroup in the linked group, or /unlinkgroup unit-code
unlinkgroup-done = ✓ The support group of { $unit } is unlinked. New initiatives go to each support member privately until another group is linked with /linkgroup.
unlinkgroup-none = { $unit } has no linked support group.
command-unlinkgroup = Unlink the unit's support group: /unlinkgroup [code]
link-already-linked = Your Telegram and Zalo accounts are already linked; no code is needed.
attachment-caption = 📎 Attachment of { $code }
support-already-yours = You are already handling { $code }.

## Golden book of initiatives (/goldenbook, export-goldenbook)

goldenbook-title = Golden book of initiatives – { $unit } – { $scope }
goldenbook-heading = Golden book of initiatives
goldenbook-scope-campaign = campaign { $campaign }
goldenbook-scope-year = year { $year }
goldenbook-summary-sheet = Summary
goldenbook-col-no = No.
goldenbook-col-code = Code
goldenbook-col-title = Title
goldenbook-col-author = Author
goldenbook-col-coauthors = Co-authors
goldenbook-col-unit = Unit
goldenbook-col-unit-code = Unit code
goldenbook-col-category = Category
goldenbook-col-value = Yearly value (VND)
goldenbook-col-decision = Recognition decision no.
goldenbook-col-date = Decision date
goldenbook-col-count = Initiatives
goldenbook-total = Total
goldenbook-total-count = Total: { $count } initiatives
goldenbook-confidential = (Trade secret)
