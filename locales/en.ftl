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
flow-use-buttons = Please choose one of the buttons under the question.
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
register-ask-phone = Would you like to share your phone number so the support team can reach you? Tap "Share my phone number" below, or "Skip".
register-btn-share-phone = 📱 Share my phone number
register-phone-not-own = I can only take your own phone number. Please tap "Share my phone number", or "Skip".
register-phone-use-button = Please tap "Share my phone number" below, or "Skip" if you prefer not to share it.
register-done = 🎉 You are registered with <b>{ $unit }</b>.

## Help

help-short = Type /submit to send an initiative with the form, or just write your idea here and I'll ask whether to send it. /help shows the guide.
help-full =
    <b>Sáng kiến – guide</b>
    • Write your idea here (a photo with a caption works too): I'll confirm and send it as a <b>quick idea</b>; the support team completes it with you.
    • /submit – the full initiative form: title, current problem, solution, benefit, yearly value, scope, category, co-authors, photos/files, confidentiality.
    • /back – previous question; /cancel – stop, your draft is kept for the next /submit.
    • /mine – your initiatives, their codes and status.
    • /lang – change language; /start – register or change your unit.
help-in-flow = You are in the middle of a form; the pending question is right below.

## Initiative form

submit-intro = I'll ask 10 short questions. Use /back for the previous question, /cancel to stop (your draft is kept).
submit-already = You are filling in the initiative form; let's continue.
submit-resumed = Continuing the draft you saved.
submit-resumed-restart = To discard this draft and start over, tap the button below.
submit-ask-title = <b>Question { $n }/{ $total }.</b> What is the title of your initiative? (up to 200 characters)
submit-ask-problem = <b>Question { $n }/{ $total }.</b> The current situation: what problem or difficulty is there?
submit-ask-solution = <b>Question { $n }/{ $total }.</b> What solution do you propose?
submit-ask-benefit = <b>Question { $n }/{ $total }.</b> Expected benefit: what will the solution bring?
submit-ask-valueVnd = <b>Question { $n }/{ $total }.</b> Estimated value per year in VND, e.g. "50 triệu", "50tr", "50.000.000", "1,2 tỷ". Tap "Skip" if you cannot estimate it.
submit-ask-scope = <b>Question { $n }/{ $total }.</b> Scope: where can the initiative be applied (team, workshop, company...)?
submit-ask-category = <b>Question { $n }/{ $total }.</b> Which area does it belong to?
submit-ask-coAuthors = <b>Question { $n }/{ $total }.</b> Co-authors (name, department), if any. Tap "Skip" if none.
submit-ask-attachments = <b>Question { $n }/{ $total }.</b> Send photos or documents (optional), one at a time. { $count } so far. When finished, type "done" or tap "Done".
submit-ask-confidential = <b>Question { $n }/{ $total }.</b> Does it contain a trade secret to keep confidential? If yes, only your unit's support team sees its content.
submit-value-invalid = I couldn't read that amount. Try "50 triệu", "50tr", "50.000.000" or "1,2 tỷ", or tap "Skip".
submit-btn-clear-attachments = 🗑 Remove the files sent
submit-attachments-full = An initiative can carry at most { $max } files. Type "done" to go on.
submit-attachment-received = File { $count } received. Send another, or tap "Done".
submit-attachments-hint = At this step, send a photo or a document; when finished, type "done" or tap "Done".
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
       *[withdrawn] Withdrawn
    }
    { $title }
