## Telegram command menu

command-start = Bắt đầu, đăng ký vào công đoàn cơ sở
command-submit = Gửi sáng kiến theo mẫu đầy đủ
command-cancel = Dừng bước đang làm (bản nháp được giữ)
command-back = Quay lại câu hỏi trước
command-mine = Xem các sáng kiến của tôi
command-help = Hướng dẫn sử dụng
command-lang = Đổi ngôn ngữ

## General

error-generic = Xin lỗi, hệ thống đang gặp sự cố nên chưa xử lý được tin nhắn này. Bạn vui lòng thử lại sau ít phút nhé.
group-private-only = Mình chỉ nhận sáng kiến trong tin nhắn riêng. Bạn hãy nhắn riêng cho mình để đăng ký và gửi sáng kiến nhé.
unknown-command = Mình chưa hiểu lệnh /{ $command }. Gõ /help để xem các lệnh có thể dùng.
unsupported-message = Mình chỉ đọc được chữ, ảnh và tệp tài liệu thôi. Bạn vui lòng gửi lại bằng chữ, ảnh hoặc tệp nhé.
need-registration = Bạn chưa đăng ký. Gõ /start để chọn công đoàn cơ sở của mình, chỉ mất một phút thôi.
contact-unexpected = Cảm ơn bạn, nhưng lúc này mình không cần số điện thoại.

## Guided flows

flow-stale-button = Nút này thuộc một tin nhắn cũ nên không còn dùng được. Bạn hãy dùng câu hỏi mới nhất nhé.
flow-btn-restart = 🗑 Bỏ bản nháp, làm lại từ đầu
flow-expected-text = Câu này cần bạn trả lời bằng chữ.
flow-empty-answer = Câu trả lời chưa có nội dung. Bạn vui lòng viết bằng chữ hoặc số nhé.
flow-too-long = Câu trả lời dài { $length } ký tự, vượt quá giới hạn { $max } ký tự. Bạn vui lòng rút gọn lại nhé.
flow-use-buttons = { $surface ->
        [telegram] Bạn vui lòng chọn một trong các nút bên dưới câu hỏi.
       *[other] Bạn vui lòng chọn một trong các lựa chọn của câu hỏi: gõ số của lựa chọn đó.
    }
flow-current-answer = <i>Câu trả lời hiện tại:</i> { $value }
flow-btn-skip = Bỏ qua
flow-btn-done = ✅ Xong
flow-btn-yes = Có
flow-btn-no = Không

## Language

lang-name-vi = 🇻🇳 Tiếng Việt
lang-name-en = 🇬🇧 English
lang-choose = Bạn muốn dùng ngôn ngữ nào?
lang-changed = Đã chuyển sang tiếng Việt.

## Registration

start-welcome = Chào mừng bạn đến với <b>Sáng kiến</b> – nơi mỗi đoàn viên gửi ý tưởng cải tiến của mình đến tổ hỗ trợ sáng kiến của công đoàn.
start-welcome-back = Chào { $name }! Bạn đang thuộc <b>{ $unit }</b>.
start-link-unknown-unit = Đường dẫn này có mã đơn vị "{ $code }" không phải một công đoàn cơ sở mà mình biết, nên bạn sẽ tự chọn đơn vị ở bước sau.
register-choose-language = Chào bạn! Vui lòng chọn ngôn ngữ.
    Hello! Please choose your language.
register-ask-unit = Bạn thuộc công đoàn cơ sở nào? Hãy gõ <b>mã đơn vị</b> (ví dụ CDCS-001) hoặc vài chữ trong <b>tên</b> (có dấu hay không dấu đều được, ví dụ "cong ty may").
register-unit-not-grassroots = "{ $name }" là công đoàn cấp trên, không phải công đoàn cơ sở. Bạn hãy gõ tên hoặc mã công đoàn cơ sở nơi bạn làm việc.
register-unit-not-found = Không tìm thấy công đoàn cơ sở nào khớp với "{ $query }". Bạn thử gõ ít chữ hơn, hoặc gõ mã đơn vị nhé.
register-unit-pick = Bạn chọn đơn vị của mình:
register-unit-many = Có nhiều đơn vị khớp, dưới đây là { $count } đơn vị đầu tiên. Chọn đơn vị của bạn, hoặc gõ thêm chữ để tìm chính xác hơn:
register-unit-choice = { $name } ({ $code })
register-ask-phone = Bạn có muốn chia sẻ số điện thoại để tổ hỗ trợ liên hệ khi cần không? { $surface ->
        [zalo-bot] Zalo Bot không nhận được số điện thoại: chọn "Bỏ qua"; nếu bạn dùng cả Telegram, gửi /link để nối hai tài khoản.
        [zalo-oa] Điền vào mẫu "Chia sẻ số điện thoại" Zalo gửi ngay sau tin này, hoặc chọn "Bỏ qua".
       *[other] Bấm nút "Chia sẻ số điện thoại" bên dưới, hoặc "Bỏ qua".
    }
register-btn-share-phone = 📱 Chia sẻ số điện thoại
register-phone-not-own = Mình chỉ nhận số điện thoại của chính bạn. { $surface ->
        [zalo-bot] Chọn "Bỏ qua" để tiếp tục.
        [zalo-oa] Vui lòng điền mẫu "Chia sẻ số điện thoại" của Zalo, hoặc chọn "Bỏ qua".
       *[other] Vui lòng bấm nút "Chia sẻ số điện thoại", hoặc "Bỏ qua".
    }
register-phone-use-button = { $surface ->
        [zalo-bot] Zalo Bot không nhận được số điện thoại: chọn "Bỏ qua" để tiếp tục.
        [zalo-oa] Vui lòng điền mẫu "Chia sẻ số điện thoại" của Zalo, hoặc chọn "Bỏ qua" nếu không muốn chia sẻ.
       *[other] Vui lòng bấm nút "Chia sẻ số điện thoại" bên dưới, hoặc "Bỏ qua" nếu không muốn chia sẻ.
    }
register-done = 🎉 Đăng ký xong! Bạn thuộc <b>{ $unit }</b>.
register-recorded-ideas = Tổ hỗ trợ sáng kiến đã ghi lại { $count ->
        [1] ý tưởng
       *[other] { $count } ý tưởng
    } bạn kể với họ; từ nay đó là sáng kiến của bạn:
register-recorded-idea = • <b>{ $code }</b>: { $title }
register-recorded-mine = Gõ /mine để theo dõi; tổ hỗ trợ sẽ trao đổi với bạn ngay tại đây. Có ý tưởng mới, bạn chỉ cần viết vào đây.

## Help

help-short = Gõ /submit để gửi sáng kiến theo mẫu, hoặc chỉ cần viết ý tưởng của bạn vào đây, mình sẽ hỏi bạn có muốn gửi không. /help để xem hướng dẫn.
help-full =
    <b>Sáng kiến – hướng dẫn</b>
    • Viết ý tưởng vào đây (có thể kèm ảnh có chú thích): mình hỏi lại rồi gửi như một <b>ý tưởng nhanh</b>, tổ hỗ trợ sẽ cùng bạn hoàn thiện.
    • /submit – gửi sáng kiến theo mẫu đầy đủ: tên, thực trạng, giải pháp, hiệu quả, giá trị làm lợi, phạm vi, lĩnh vực, đồng tác giả, ảnh/tài liệu, bảo mật.
    • /back – quay lại câu trước; /cancel – dừng lại, bản nháp được giữ cho lần /submit sau.
    • /mine – xem sáng kiến đã gửi, mã số và trạng thái.
    • /lang – đổi ngôn ngữ; /start – đăng ký hoặc đổi đơn vị; /progress – tiến độ phong trào của đơn vị; /lagging – các đơn vị trực thuộc chậm tiến độ; /goldenbook – sổ vàng sáng kiến của đơn vị (tệp Excel, cho cán bộ và tổ hỗ trợ).
    • Cán bộ công đoàn: /ping (giờ nhận báo cáo tuần), /quiet (giờ yên lặng), /pledge và /pledges (giao ước thi đua), /dashboard (bảng điều khiển trên web).
    • Tổ hỗ trợ sáng kiến: /queue, /show, /reply, /note, /tpl, /onbehalf, /merge; trong nhóm: /linkgroup.
help-in-flow = Bạn đang trả lời dở một mẫu; câu hỏi đang chờ ở ngay dưới đây.
staff-help =
    Chào { $name }! Bạn có vai trò trên bot (do quản trị viên phân công):{ $support ->
        [none] {""}
       *[other] {""}
        • <b>Tổ hỗ trợ sáng kiến</b> – { $support }: sáng kiến mới đến với bạn (hoặc nhóm của tổ) thành thẻ để xử lý. /queue – sáng kiến đang chờ; /show mã – xem một sáng kiến; /reply mã nội dung – nhắn tác giả; /note, /tpl, /onbehalf, /merge.
    }{ $officer ->
        [none] {""}
       *[other] {""}
        • <b>Cán bộ công đoàn</b> – { $officer }: /progress – tiến độ; /lagging – đơn vị chậm tiến độ; /ping – giờ nhận báo cáo tuần; /quiet – giờ yên lặng; /pledge, /pledges – giao ước thi đua; /goldenbook – sổ vàng sáng kiến.
    }{ $admin ->
        [none] {""}
       *[other] {""}
        • <b>Quản trị</b> – { $admin }: /queue – sáng kiến đang chờ của các đơn vị trực thuộc; /show mã; /goldenbook; trong nhóm của tổ hỗ trợ: /linkgroup.
    }
    Muốn gửi sáng kiến của chính mình, bạn gõ /start để đăng ký vào công đoàn cơ sở nơi bạn làm việc.

## Initiative form

submit-intro = Mình sẽ hỏi 10 câu ngắn. Có thể /back để quay lại câu trước, /cancel để dừng (bản nháp được giữ).
submit-already = Bạn đang điền mẫu sáng kiến, mình hỏi tiếp nhé.
submit-resumed = Tiếp tục bản nháp bạn đã lưu.
submit-resumed-restart = Muốn bỏ bản nháp này và làm lại từ đầu thì gửi /restart (mình sẽ hỏi lại trước khi bỏ).
submit-ask-title = <b>Câu { $n }/{ $total }.</b> Tên sáng kiến của bạn là gì? (tối đa 200 ký tự)
submit-ask-problem = <b>Câu { $n }/{ $total }.</b> Thực trạng hiện nay: đang có vấn đề hay khó khăn gì?
submit-ask-solution = <b>Câu { $n }/{ $total }.</b> Giải pháp bạn đề xuất là gì?
submit-ask-benefit = <b>Câu { $n }/{ $total }.</b> Hiệu quả mong đợi: giải pháp mang lại lợi ích gì?
submit-ask-valueVnd = <b>Câu { $n }/{ $total }.</b> Ước tính giá trị làm lợi mỗi năm (đồng), ví dụ "50 triệu", "50tr", "50.000.000", "1,2 tỷ". Không ước tính được thì chọn "Bỏ qua".
submit-ask-scope = <b>Câu { $n }/{ $total }.</b> Phạm vi áp dụng: sáng kiến dùng được ở đâu (tổ, phân xưởng, công ty...)?
submit-ask-category = <b>Câu { $n }/{ $total }.</b> Sáng kiến thuộc lĩnh vực nào?
submit-ask-coAuthors = <b>Câu { $n }/{ $total }.</b> Đồng tác giả (họ tên, bộ phận), nếu có. Không có thì chọn "Bỏ qua".
submit-ask-attachments = <b>Câu { $n }/{ $total }.</b> Gửi ảnh hoặc tài liệu minh họa (nếu có), từng cái một. Đã có { $count } tệp. Xong thì gõ "xong" hoặc chọn "Xong".
submit-ask-confidential = <b>Câu { $n }/{ $total }.</b> Sáng kiến có chứa bí mật sản xuất kinh doanh, cần giữ kín không? Nếu có, chỉ tổ hỗ trợ của đơn vị bạn được xem nội dung.
submit-value-invalid = Mình chưa đọc được số tiền này. Bạn thử viết như "50 triệu", "50tr", "50.000.000" hoặc "1,2 tỷ", hoặc chọn "Bỏ qua".
submit-btn-clear-attachments = 🗑 Xóa các tệp đã gửi
submit-attachments-full = Mỗi sáng kiến kèm được tối đa { $max } tệp. Gõ "xong" để sang câu tiếp theo.
submit-attachment-received = Đã nhận tệp thứ { $count }. Gửi tiếp, hoặc chọn "Xong".
submit-attachments-hint = Ở bước này bạn gửi ảnh hoặc tệp tài liệu; xong thì gõ "xong" hoặc chọn "Xong".
category-name = { $category ->
    [renewal] Đổi mới
    [creativity] Sáng tạo
    [effectiveness] Hiệu quả
   *[none] —
}
submit-summary =
    <b>Kiểm tra lại sáng kiến của bạn</b>
    <b>Tên:</b> { $title }
    <b>Thực trạng:</b> { $problem }
    <b>Giải pháp:</b> { $solution }
    <b>Hiệu quả:</b> { $benefit }
    <b>Giá trị làm lợi/năm:</b> { $value }
    <b>Phạm vi áp dụng:</b> { $scope }
    <b>Lĩnh vực:</b> { $category ->
        [renewal] Đổi mới
        [creativity] Sáng tạo
        [effectiveness] Hiệu quả
       *[none] —
    }
    <b>Đồng tác giả:</b> { $coAuthors }
    <b>Tệp đính kèm:</b> { $attachments }
    <b>Bảo mật:</b> { $confidential ->
        [yes] Có – chỉ tổ hỗ trợ của đơn vị được xem
       *[no] Không
    }
submit-btn-confirm = ✅ Gửi sáng kiến
submit-btn-edit = ✏️ Sửa một mục
submit-edit-which = Bạn muốn sửa mục nào?
submit-field-title = Tên
submit-field-problem = Thực trạng
submit-field-solution = Giải pháp
submit-field-benefit = Hiệu quả
submit-field-valueVnd = Giá trị làm lợi
submit-field-scope = Phạm vi
submit-field-category = Lĩnh vực
submit-field-coAuthors = Đồng tác giả
submit-field-attachments = Tệp đính kèm
submit-field-confidential = Bảo mật
submit-done = ✅ Đã gửi! Mã sáng kiến của bạn là <b>{ $code }</b>. Tổ hỗ trợ sáng kiến sẽ xem và trả lời bạn tại đây. Gõ /mine để theo dõi.

## Quick idea

quick-offer =
    Bạn có muốn gửi nội dung này như một <b>ý tưởng nhanh</b> không? Tổ hỗ trợ sẽ cùng bạn hoàn thiện sau.
    <i>{ $idea }</i>{ $attachments ->
        [0] {""}
       *[other] {" "}(kèm { $attachments } tệp)
    }
quick-btn-send = 📨 Gửi ý tưởng
quick-btn-discard = Không gửi
quick-discarded = Đã bỏ, không gửi gì cả.
quick-done = ✅ Đã gửi ý tưởng nhanh, mã <b>{ $code }</b>. Tổ hỗ trợ sáng kiến sẽ liên hệ để cùng bạn hoàn thiện.
quick-photo-needs-caption = Mình đã thấy ảnh, nhưng chưa có lời mô tả. Bạn gửi lại ảnh kèm chú thích nói ý tưởng là gì, hoặc gõ /submit để gửi theo mẫu nhé.

## Cancel and back

cancel-nothing = Hiện không có việc gì đang làm dở để dừng.
cancel-draft-kept = Đã dừng. Bản nháp được giữ lại, gõ /submit để làm tiếp.
cancel-done = Đã dừng.
back-nothing = Hiện không có câu hỏi nào để quay lại.
back-at-first = Đây đã là câu hỏi đầu tiên.

## My initiatives

mine-empty = Bạn chưa gửi sáng kiến nào. Gõ /submit, hoặc viết ý tưởng của bạn vào đây.
mine-header = <b>Sáng kiến của bạn</b> ({ $shown }/{ $total }, mới nhất trước):
mine-item = <b>{ $code }</b> · { $date } · { $status ->
        [submitted] Đã gửi
        [in_review] Đang xem xét
        [needs_info] Cần bổ sung thông tin
        [accepted] Được chấp nhận
        [recognized] Được công nhận
        [replicated] Được nhân rộng
        [rejected] Không được chấp nhận
        [merged] Đã gộp vào { $into }
       *[withdrawn] Đã rút
    }{ $coAuthor ->
        [yes] {" "}· bạn là đồng tác giả
       *[no] {""}
    }
    { $title }

## Admin CLI

admin-usage =
    Cách dùng: npm run admin -- <lệnh> [tùy chọn] [--lang vi|en]

    Các lệnh:
      import-units TỆP.csv
          Nhập hoặc cập nhật cây đơn vị. Tệp CSV có tiêu đề code,name,parent_code,level;
          level là một trong: national, province, sector, upper, grassroots.
      import-clusters TỆP.csv
          Nhập cụm, khối thi đua: tiêu đề cluster_code,cluster_name,unit_code.
      import-pledges TỆP.csv
          Nhập giao ước thi đua ký tại hội nghị cụm: cluster_code,unit_code,due_date,commitment.
      create-campaign --code MÃ --name "TÊN" --start YYYY-MM-DD --end YYYY-MM-DD [--targets TỆP.csv] [--phases ...]
          Tạo phong trào thi đua (hoặc cập nhật tên, ngày nếu mã đã có).
          Tệp chỉ tiêu có tiêu đề unit_code,target.
          --phases "2026-05-31=50,2026-09-30=80": mốc giai đoạn (ngày = % chỉ tiêu cần đạt) cho nhịp tiến độ.
      grant-role --unit MÃ --role support|officer|admin (--telegram-id ID | --zalo-id ID)
          Cấp vai trò tại một đơn vị cho một tài khoản Telegram hoặc Zalo.
      revoke-role --unit MÃ --role support|officer|admin (--telegram-id ID | --zalo-id ID)
          Thu hồi vai trò đó.
      list-units [--under MÃ]
          In cây đơn vị, hoặc nhánh bắt đầu từ đơn vị MÃ.
      recount --campaign MÃ
          Tính lại bộ đếm tiến độ của phong trào từ các sáng kiến và báo chỗ lệch.
      export-goldenbook --unit MÃ (--campaign MÃ | --year NĂM) [--out TỆP.xlsx|TỆP.csv]
          Xuất sổ vàng sáng kiến của đơn vị và các đơn vị trực thuộc: XLSX (mỗi đơn vị trực thuộc một trang,
          thêm trang tổng hợp) hoặc CSV (UTF-8). Mặc định: so-vang-MÃ-NĂM.xlsx.
      help
          In hướng dẫn này.

    Biến môi trường: MONGODB_URI (bắt buộc), ADMIN_LANG (vi hoặc en, mặc định vi).
    Mã thoát: 0 thành công, 1 dữ liệu bị từ chối hoặc có lỗi, 2 sai cách dùng.
admin-usage-bad-lang = Ngôn ngữ "{ $lang }" không được hỗ trợ; vui lòng chọn vi hoặc en.
admin-usage-unknown-command = Không có lệnh "{ $command }".
admin-usage-unknown-command-near = Không có lệnh "{ $command }". Có phải ý bạn là { $near }?
admin-usage-unknown-option = Lệnh này không có tùy chọn { $option }.
admin-usage-missing-option = Vui lòng nhập tùy chọn { $option }.
admin-usage-missing-value = Tùy chọn { $option } cần có giá trị.
admin-usage-repeated-option = Tùy chọn { $option } chỉ được nhập một lần.
admin-usage-missing-file = Vui lòng cho biết đường dẫn tệp CSV.
admin-usage-extra-argument = Không hiểu tham số "{ $argument }".
admin-usage-one-account = Vui lòng nhập đúng một trong hai: --telegram-id hoặc --zalo-id.

admin-rejected = Chưa ghi gì vào cơ sở dữ liệu. Vui lòng sửa { $count } lỗi sau rồi chạy lại:
admin-row-error = Dòng { $line }: { $reason }
admin-failed = Lệnh không thực hiện được: { $error }
admin-file-unreadable = không đọc được tệp "{ $file }" ({ $error }).
admin-file-not-text = tệp "{ $file }" không phải tệp văn bản CSV (có thể là tệp .xlsx đổi tên?): hãy lưu lại dưới dạng CSV UTF-8 trong Excel.
admin-file-encoding = Đã đọc tệp "{ $file }" theo bảng mã { $encoding } (không phải UTF-8); hãy kiểm tra dấu tiếng Việt trong kết quả.
admin-csv-malformed-line = không đọc được dòng này theo định dạng CSV (có thể thiếu dấu ngoặc kép đóng).
admin-csv-empty = tệp trống; dòng đầu tiên phải là tiêu đề { $expected }.
admin-csv-bad-header = dòng tiêu đề phải là { $expected }.
admin-reason-columns = có { $found } cột, cần đúng { $expected } cột.
admin-reason-empty-code = thiếu mã đơn vị.
admin-reason-code-format = mã "{ $code }" không hợp lệ: chỉ dùng chữ không dấu, chữ số, "_" hoặc "-", tối đa 32 ký tự.
admin-reason-empty-name = thiếu tên.
admin-reason-name-too-long = tên dài { $length } ký tự, tối đa { $max } ký tự.
admin-reason-bad-level = cấp "{ $level }" không hợp lệ; chọn một trong: { $levels }.
admin-reason-duplicate-code = mã "{ $code }" đã xuất hiện ở dòng { $first }.
admin-reason-cycle = đơn vị trở thành cấp trên của chính nó: { $path }.
admin-reason-needs-parent = đơn vị thuộc cấp { $level } phải có đơn vị cấp trên (parent_code).
admin-reason-unknown-parent = không có đơn vị cấp trên "{ $parent }" trong tệp hay trong cơ sở dữ liệu.
admin-reason-parent-level = đơn vị cấp trên "{ $parent }" ({ $parentLevel }) không thể là cấp trên của một đơn vị cấp { $level }.
admin-reason-child-level = đơn vị cấp dưới "{ $child }" ({ $childLevel }) đã có sẵn không thể trực thuộc một đơn vị cấp { $level }.
admin-reason-bad-date = ngày --{ $option } "{ $value }" không hợp lệ; vui lòng nhập một ngày có thật theo dạng YYYY-MM-DD.
admin-reason-date-order = ngày bắt đầu { $start } nằm sau ngày kết thúc { $end }.
admin-reason-empty-unit = thiếu mã đơn vị.
admin-reason-duplicate-unit = đơn vị "{ $unit }" đã có chỉ tiêu ở dòng { $first }.
admin-reason-bad-target = chỉ tiêu "{ $value }" phải là số nguyên dương.
admin-reason-unknown-unit = không có đơn vị mã "{ $unit }".
admin-reason-bad-role = vai trò "{ $role }" không hợp lệ; chọn một trong: { $roles }.
admin-reason-bad-telegram-id = ID Telegram "{ $id }" không hợp lệ: chỉ gồm chữ số.
admin-reason-bad-zalo-id = ID Zalo "{ $id }" không hợp lệ.

admin-import-done = Đã nhập cây đơn vị: tạo mới { $created }, cập nhật { $updated }, không đổi { $unchanged }.
admin-import-descendants-moved = Đã cập nhật đường dẫn cấp trên cho { $count } đơn vị cấp dưới không có trong tệp.
admin-campaign-created = Đã tạo phong trào { $code } ({ $start } đến { $end }).
admin-campaign-updated = Đã cập nhật phong trào { $code } ({ $start } đến { $end }).
admin-campaign-targets-set = Đã đặt chỉ tiêu cho { $count } đơn vị.
admin-role-granted = Đã cấp vai trò { $role } tại đơn vị { $unit } cho tài khoản { $channel } { $id }.
admin-role-already = Tài khoản { $channel } { $id } đã có vai trò { $role } tại đơn vị { $unit }; không thay đổi gì.
admin-role-revoked = Đã thu hồi vai trò { $role } tại đơn vị { $unit } của tài khoản { $channel } { $id }.
admin-role-absent = Tài khoản { $channel } { $id } không có vai trò { $role } tại đơn vị { $unit }; không thay đổi gì.
admin-list-unknown-unit = Không có đơn vị mã "{ $unit }".
admin-list-empty = Chưa có đơn vị nào. Vui lòng nhập cây đơn vị bằng lệnh import-units.

## Support teams

command-reply = Trả lời về một sáng kiến: /reply mã nội dung
command-queue = Tổ hỗ trợ: sáng kiến đang chờ xử lý
command-show = Xem một sáng kiến và lịch sử: /show mã
command-withdraw = Rút sáng kiến của mình: /withdraw mã
command-linkgroup = Gắn nhóm này với tổ hỗ trợ của đơn vị: /linkgroup mã
card =
    📥 <b>{ $code }</b> · { $unit } · { $status ->
        [submitted] Đã gửi
        [in_review] Đang xem xét
        [needs_info] Cần bổ sung thông tin
        [accepted] Được chấp nhận
        [recognized] Được công nhận
        [replicated] Được nhân rộng
        [rejected] Không được chấp nhận
        [merged] Đã gộp vào { $into }
       *[withdrawn] Đã rút
    }{ $quick ->
        [yes] {" "}· ý tưởng nhanh
       *[no] {""}
    }
    <b>Tác giả:</b> { $author } ({ $phone }){ $mergedAuthors ->
        [none] {""}
       *[other] , { $mergedAuthors } (gộp từ sáng kiến trùng)
    } · <b>Người phụ trách:</b> { $assignee }
    <b>Tên:</b> { $title }{ $quick ->
        [yes] {""}
        <b>Nội dung:</b> { $idea }
       *[no] {""}
        <b>Thực trạng:</b> { $problem }
        <b>Giải pháp:</b> { $solution }
        <b>Hiệu quả:</b> { $benefit }
        <b>Giá trị làm lợi/năm:</b> { $value } · <b>Phạm vi:</b> { $scope }
        <b>Lĩnh vực:</b> { $category ->
            [renewal] Đổi mới
            [creativity] Sáng tạo
            [effectiveness] Hiệu quả
           *[none] —
        } · <b>Đồng tác giả:</b> { $coAuthors }
    }
    <b>Tệp đính kèm:</b> { $attachments }{ $confidential ->
        [yes] {" "}· 🔒 bí mật sản xuất kinh doanh
       *[no] {""}
    }
    <i>{ $surface ->
        [web] {""}
        [zalo-bot] Gõ /reply { $code } nội dung để nhắn tác giả; /note { $code } nội dung để ghi chú nội bộ.
       *[other] Trả lời (reply) tin này để nhắn tác giả; bắt đầu bằng ! để ghi chú nội bộ.
    }</i>
card-confidential = 🔒 <b>{ $code }</b> · { $unit } · { $status ->
        [submitted] Đã gửi
        [in_review] Đang xem xét
        [needs_info] Cần bổ sung thông tin
        [accepted] Được chấp nhận
        [recognized] Được công nhận
        [replicated] Được nhân rộng
        [rejected] Không được chấp nhận
        [merged] Đã gộp vào { $into }
       *[withdrawn] Đã rút
    }: sáng kiến có bí mật sản xuất kinh doanh; chỉ tổ hỗ trợ của đơn vị được xem nội dung.
card-btn-take = 🙋 Nhận xử lý
card-btn-info = ❓ Cần thêm thông tin
card-btn-accept = ✅ Chấp nhận
card-btn-recognize = 🏅 Công nhận
card-btn-replicate = 🔁 Nhân rộng
card-btn-reject = ✖️ Không chấp nhận
card-ask-info = { $code }: cần tác giả bổ sung thông tin gì? { $surface ->
        [telegram] Trả lời tin này bằng câu hỏi của bạn.
       *[other] Bạn gõ câu hỏi vào đây.
    }
card-ask-reject = { $code }: vì sao không chấp nhận? { $surface ->
        [telegram] Trả lời tin này bằng lý do; tác giả sẽ nhận được.
       *[other] Bạn gõ lý do vào đây; tác giả sẽ nhận được.
    }
card-ask-recognize = { $code }: số quyết định công nhận của Hội đồng sáng kiến là gì? Có thể gõ kèm ngày ký, ví dụ "15/QĐ-HĐSK ngày 20/11/2026". { $surface ->
        [telegram] Trả lời tin này.
       *[other] Bạn gõ vào đây.
    }
card-ask-recognize-date = { $code }: quyết định số { $number } ký ngày nào? Gõ theo dạng ngày/tháng/năm, ví dụ 20/11/2026.{ $surface ->
        [telegram] {" "}Trả lời tin này.
       *[other] {""}
    }
recognize-no-number = Mình cần số của quyết định (ví dụ 15/QĐ-HĐSK), có thể kèm ngày ký. Bạn vui lòng gõ lại nhé.
recognize-not-a-day = Mình chưa đọc được "{ $typed }" thành một ngày có thật. Bạn vui lòng gõ ngày ký theo dạng ngày/tháng/năm, ví dụ 20/11/2026.
recognize-date-future = Ngày { $date } chưa tới: quyết định công nhận phải ký từ hôm nay trở về trước. Bạn kiểm tra lại giúp nhé.
recognize-date-before-submission = Ngày { $date } còn trước ngày sáng kiến được gửi ({ $submitted }), nên quyết định không thể ký ngày đó. Bạn kiểm tra lại giúp nhé.
card-author-unreachable = ⚠️ { $code }: không gửi được tin cho tác giả (có thể họ đã chặn bot). Tin đã được lưu vào hồ sơ sáng kiến; tin nhắn và thông báo sau cũng chỉ được lưu vào hồ sơ cho tới khi tác giả nhắn lại bot (bot không báo lại điều này).
member-unreachable = ⚠️ Không gửi được tin nhắc của bot cho { $name } ({ $unit }): có thể họ đã chặn bot. Nhờ anh/chị nhắn họ mở lại cuộc trò chuyện với bot; bot sẽ gửi tiếp khi họ nhắn lại.
support-group-lost = ⚠️ Bot không còn ở nhóm "{ $title }" của đơn vị { $unit }. Sáng kiến mới sẽ được gửi riêng cho từng thành viên tổ hỗ trợ cho đến khi nhóm được gắn lại bằng /linkgroup.
status-notice = Sáng kiến <b>{ $code }</b> của bạn: <b>{ $status ->
        [submitted] Đã gửi
        [in_review] Đang xem xét
        [needs_info] Cần bổ sung thông tin
        [accepted] Được chấp nhận
        [recognized] Được công nhận
        [replicated] Được nhân rộng
        [rejected] Không được chấp nhận
       *[withdrawn] Đã rút
    }</b>.
    { $status ->
        [in_review] Tổ hỗ trợ sáng kiến đang xem xét; có câu hỏi họ sẽ nhắn bạn tại đây.
        [needs_info] Tổ hỗ trợ cần bạn bổ sung: { $note }
            Bạn chỉ cần nhắn câu trả lời vào đây.
        [accepted] Chúc mừng! Sáng kiến sẽ được trình Hội đồng sáng kiến để công nhận.
        [recognized] Chúc mừng! Sáng kiến đã được Hội đồng sáng kiến công nhận theo Quyết định số { $decision } ngày { $date } và được ghi vào sổ vàng sáng kiến.
        [replicated] Sáng kiến của bạn đang được nhân rộng ở các đơn vị khác. Cảm ơn bạn!
        [rejected] Lý do: { $note }. Đừng nản lòng – bạn có thể gửi ý tưởng mới bất cứ lúc nào.
       *[withdrawn] Sáng kiến đã được rút theo yêu cầu của bạn.
    }
support-not-allowed = Xin lỗi, bạn không thuộc tổ hỗ trợ phụ trách sáng kiến này nên không thể thao tác.
support-unknown-code = Không có sáng kiến nào mã "{ $code }". Mã có dạng SK-2026-000123.
support-illegal = { $code } đang ở trạng thái "{ $status ->
        [submitted] Đã gửi
        [in_review] Đang xem xét
        [needs_info] Cần bổ sung thông tin
        [accepted] Được chấp nhận
        [recognized] Được công nhận
        [replicated] Được nhân rộng
        [rejected] Không được chấp nhận
        [merged] Đã gộp
       *[withdrawn] Đã rút
    }", không thể làm thao tác này.
support-taken = { $code } đã có người khác nhận xử lý.
support-done = { $code }: { $status ->
        [submitted] Đã gửi
        [in_review] Đang xem xét
        [needs_info] Cần bổ sung thông tin
        [accepted] Được chấp nhận
        [recognized] Được công nhận
        [replicated] Được nhân rộng
        [rejected] Không được chấp nhận
       *[withdrawn] Đã rút
    }.
support-withdrawn = { $code } đã được tác giả rút, không gửi thêm tin được nữa.
support-note-saved = Đã lưu ghi chú nội bộ cho { $code } (tác giả không thấy).
support-relayed = ✓ Đã chuyển tới tác giả của { $code }.
support-relay-unreachable = ⚠️ { $code }: tin chưa tới được tác giả, vì bot hiện không nhắn được cho họ (có thể họ đã chặn bot). Tin của bạn đã được lưu vào hồ sơ sáng kiến.
support-not-a-card = Tin bạn trả lời không phải thẻ sáng kiến. Hãy trả lời (reply) đúng thẻ, hoặc dùng /reply mã nội dung.
relay-to-author =
    💬 <b>Tổ hỗ trợ sáng kiến – { $team }</b> về <b>{ $code }</b>:
    { $text }
    <i>{ $surface ->
        [zalo-bot] Gõ /reply { $code } nội dung để nhắn lại tổ hỗ trợ.
       *[other] Trả lời (reply) tin này để nhắn lại tổ hỗ trợ.
    }</i>
relay-from-author =
    💬 Tác giả <b>{ $author }</b> trả lời về <b>{ $code }</b>:
    { $text }
relay-sent-to-team = ✓ Đã chuyển tới tổ hỗ trợ về { $code }.
relay-queued = Đã lưu tin của bạn vào hồ sơ { $code }; tổ hỗ trợ sẽ xem khi nhận xử lý.
relay-closed = { $code } đã kết thúc nên không nhận thêm tin nhắn. Bạn có thể gửi ý tưởng mới bất cứ lúc nào.
relay-merged = { $code } đã được gộp vào { $into }, bạn là đồng tác giả của sáng kiến đó. Muốn nhắn tổ hỗ trợ, bạn gõ /reply { $into } nội dung.
reply-usage = Cách dùng: /reply SK-2026-000123 nội dung tin nhắn
queue-empty = Không có sáng kiến nào đang chờ xử lý. 🎉
queue-not-support = /queue liệt kê sáng kiến đang chờ tổ hỗ trợ sáng kiến xử lý, nên chỉ dành cho tổ hỗ trợ và quản trị viên. { $officer ->
        [yes] Đồng chí xem tiến độ của đơn vị bằng /progress, và các đơn vị trực thuộc chậm tiến độ bằng /lagging.
       *[no] Sáng kiến bạn đã gửi: /mine.
    }
queue-header = <b>Sáng kiến đang chờ</b> ({ $count }, cũ nhất trước):
queue-item = <b>{ $code }</b> · { $status ->
        [submitted] Đã gửi
        [in_review] Đang xem xét
        [needs_info] Cần bổ sung thông tin
        [accepted] Được chấp nhận
        [recognized] Được công nhận
        [replicated] Được nhân rộng
        [rejected] Không được chấp nhận
       *[withdrawn] Đã rút
    } · { $hours } giờ · { $taken ->
        [yes] đã có người nhận
       *[no] chưa ai nhận
    } · { $title }
show-history-item = { $date }: { $from ->
        [submitted] Đã gửi
        [in_review] Đang xem xét
        [needs_info] Cần bổ sung thông tin
        [accepted] Được chấp nhận
        [recognized] Được công nhận
        [replicated] Được nhân rộng
        [rejected] Không được chấp nhận
        [merged] Đã gộp
       *[withdrawn] Đã rút
    } → { $to ->
        [submitted] Đã gửi
        [in_review] Đang xem xét
        [needs_info] Cần bổ sung thông tin
        [accepted] Được chấp nhận
        [recognized] Được công nhận
        [replicated] Được nhân rộng
        [rejected] Không được chấp nhận
        [merged] Đã gộp
       *[withdrawn] Đã rút
    } ({ $note })
withdraw-not-author = Chỉ tác giả mới rút được { $code }.
linkgroup-usage = Cách dùng (trong nhóm): /linkgroup mã-đơn-vị
linkgroup-in-group-only = Lệnh này dùng trong nhóm chat của tổ hỗ trợ, không dùng trong tin nhắn riêng.
linkgroup-unknown-unit = Không có đơn vị mã "{ $code }".
linkgroup-not-allowed = Chỉ thành viên tổ hỗ trợ hoặc quản trị của { $unit } mới gắn được nhóm.
linkgroup-linked = ✓ Nhóm này nay là nơi tổ hỗ trợ sáng kiến của { $unit } nhận sáng kiến mới.
linkgroup-already = Nhóm này đã được gắn với { $unit } rồi.
linkgroup-unit-has-group = { $unit } đã có một nhóm tổ hỗ trợ khác đang hoạt động. Gửi /unlinkgroup ở nhóm cũ (hoặc /unlinkgroup mã-đơn-vị) rồi gắn lại ở đây.
linkgroup-group-has-unit = Nhóm này đang gắn với một đơn vị khác; mỗi nhóm chỉ phục vụ một đơn vị.
card-similar = 🔎 Có thể trùng với: { $list }
card-decision = 🏅 Công nhận theo Quyết định số { $number } ngày { $date }
card-escalated = ⏫ Chuyển lên từ { $unit }: chưa ai nhận xử lý sau { $hours } giờ.
card-escalated-away = ⏫ Chưa ai nhận sau { $hours } giờ nên đã chuyển lên tổ hỗ trợ của { $unit }.
command-note = Tổ hỗ trợ: ghi chú nội bộ /note mã nội dung
command-tpl = Tổ hỗ trợ: mẫu trả lời có sẵn
command-onbehalf = Tổ hỗ trợ: ghi sáng kiến giúp người lao động
command-merge = Tổ hỗ trợ: gộp sáng kiến trùng /merge mã mã-gộp-vào
note-usage = Cách dùng: /note SK-2026-000123 nội dung ghi chú
tpl-none = Tổ chưa có mẫu trả lời nào. Thêm bằng: /tpl add tên Nội dung tiếng Việt || English text
tpl-list-header = <b>Mẫu trả lời của tổ</b> (dùng: /tpl tên mã-sáng-kiến):
tpl-list-item = • <b>{ $name }</b>: { $text }
tpl-usage = Cách dùng: /tpl add tên Nội dung tiếng Việt || English text (tên gồm chữ thường không dấu, số, - hoặc _).
tpl-saved = ✓ Đã lưu mẫu "{ $name }".
tpl-unknown = Không có mẫu "{ $name }". Gõ /tpl để xem danh sách.
onbehalf-usage = Cách dùng: /onbehalf số điện thoại | họ tên | nội dung ý tưởng
onbehalf-told = Tổ hỗ trợ sáng kiến ({ $team }) đã ghi ý tưởng bạn kể thành sáng kiến <b>{ $code }</b>. Gõ /mine để theo dõi.
onbehalf-done-told = ✓ Đã ghi { $code } cho người lao động ở { $unit } và báo cho họ.
onbehalf-done = ✓ Đã ghi { $code } cho người lao động ở { $unit }. Họ chưa dùng bot nên chưa nhận được thông báo.
merge-usage = Cách dùng: /merge SK-mã-trùng SK-mã-giữ-lại
merge-other-unit = Chỉ gộp được các sáng kiến của cùng một đơn vị.
merge-into-closed = Không gộp vào { $into } được: sáng kiến này { $status ->
        [rejected] đã không được chấp nhận
        [merged] đã được gộp vào một sáng kiến khác
       *[withdrawn] đã được tác giả rút
    }. Hãy gộp vào sáng kiến còn đang xử lý hoặc đã được chấp nhận.
merge-told = 🤝 Sáng kiến { $code } của bạn trùng ý với sáng kiến { $into }, nên tổ hỗ trợ đã gộp hai sáng kiến làm một. Bạn được ghi nhận là đồng tác giả của { $into }; gõ /mine để theo dõi.
merge-told-kept = 🤝 Sáng kiến { $code } của { $author } trùng ý với sáng kiến { $into } của bạn, nên tổ hỗ trợ đã gộp vào { $into }. { $author } được ghi nhận là đồng tác giả.
merge-done = ✓ Đã gộp { $code } vào { $into }; cả hai tác giả được ghi nhận.
admin-recount-unknown-campaign = không có phong trào mã "{ $code }".
admin-goldenbook-unknown-unit = không có đơn vị mã "{ $code }".
admin-goldenbook-scope = cần đúng một trong --campaign MÃ hoặc --year NĂM (năm 4 chữ số).
admin-goldenbook-bad-out = tệp xuất phải có đuôi .xlsx hoặc .csv: "{ $file }".
admin-goldenbook-written = Đã ghi sổ vàng: { $file } ({ $count } sáng kiến được công nhận).
admin-recount-done = Đã tính lại tiến độ phong trào { $code } từ { $initiatives } sáng kiến: { $drifted } bộ đếm bị lệch và đã được sửa.
admin-recount-drift = { "  " }- { $unitCode } { $metric }: đúng là { $expected }, bộ đếm ghi { $actual }
command-progress = Tiến độ phong trào của một đơn vị: /progress mã
progress-usage = Cách dùng: /progress mã-đơn-vị
progress-no-campaign = { $unit } hiện không có phong trào nào đang diễn ra.
progress-report =
    📊 <b>{ $unit }</b> – { $campaign }
    Sáng kiến: <b>{ $total }</b>{ $target ->
        [0] {""}
       *[other] {" "}/ chỉ tiêu { $target } (<b>{ $percent }%</b>)
    }
    Tuần này: { $week } · Được chấp nhận: { $accepted } · Được công nhận: { $recognized }
command-ping = Cán bộ: giờ nhận báo cáo tiến độ hằng tuần
weekly-intro = 🗓 <b>Báo cáo tiến độ tuần { $week }</b>
weekly-outro = Xem chi tiết bất cứ lúc nào: /progress
weekly-btn-details = 📊 Xem chi tiết
command-lagging = Các đơn vị chậm tiến độ
command-goldenbook = Sổ vàng sáng kiến của đơn vị (tệp Excel)
goldenbook-not-allowed = Sổ vàng sáng kiến của { $unit } dành cho cán bộ, tổ hỗ trợ và quản trị của đơn vị (hoặc cấp trên).
goldenbook-sent = 📒 Sổ vàng sáng kiến – { $unit } – { $scope }: { $count } sáng kiến được công nhận. { $surface ->
        [zalo-oa] Tệp PDF ở dưới (trang đầu là tổng hợp, sau đó mỗi đơn vị trực thuộc một bảng).
        [zalo-bot] Tải tệp Excel trên bảng điều khiển (/dashboard).
       *[other] Tệp Excel ở dưới (mỗi đơn vị trực thuộc một trang, trang đầu là tổng hợp).
    }
command-dashboard = Bảng điều khiển trên web (cán bộ, tổ hỗ trợ, quản trị)
dashboard-link = 🔐 Liên kết đăng nhập bảng điều khiển của bạn (dùng được một lần, trong { $minutes } phút):
    { $url }
    Đừng chuyển tiếp liên kết này: ai mở nó sẽ xem được các đơn vị như bạn.
dashboard-not-configured = Bảng điều khiển trên web chưa được bật cho bot này (quản trị cần đặt PUBLIC_BASE_URL). Trong lúc chờ, bạn xem tiến độ bằng /progress và sổ vàng bằng /goldenbook.
dashboard-not-allowed = Bảng điều khiển dành cho cán bộ công đoàn, tổ hỗ trợ sáng kiến và quản trị; bạn chưa có vai trò nào. Tiến độ của đơn vị: /progress.
zalo-export-elsewhere = 📎 { $file }: { $surface ->
        [zalo-bot] Zalo Bot không gửi được tệp. Mở bảng điều khiển (/dashboard) để tải, hoặc nối tài khoản bằng /link rồi gõ /goldenbook ở Telegram.
       *[other] Zalo OA chỉ nhận tệp PDF và Word, nên tệp này được gửi qua Telegram. Nối tài khoản bằng /link rồi gõ /goldenbook ở Telegram, hoặc mở bảng điều khiển (/dashboard) để tải.
    }
zalo-export-too-big = 📎 { $file } lớn hơn 5 MB, quá giới hạn tệp của Zalo. Mở bảng điều khiển (/dashboard) để tải, hoặc gõ /goldenbook ở Telegram.

## Bảng điều khiển trên web (/dashboard)

dashboard-title = Sáng kiến – Bảng điều khiển
dashboard-nav-overview = Tổng quan
dashboard-nav-initiatives = Sáng kiến
dashboard-nav-queues = Hàng đợi
dashboard-logout = Đăng xuất
dashboard-unit-pick = Đơn vị
dashboard-go = Xem
dashboard-login-title = Mở bảng điều khiển
dashboard-login-open = Mở bảng điều khiển
dashboard-login-hint = Liên kết này chỉ dùng được một lần; sau đó bạn vẫn đăng nhập trong { $hours } giờ trên trình duyệt này.
dashboard-login-refused = Liên kết đăng nhập này đã được dùng hoặc đã hết hạn. Gửi /dashboard cho bot trong Telegram hoặc Zalo để nhận liên kết mới.
dashboard-login-needed = Bạn chưa đăng nhập, hoặc phiên làm việc đã hết. Gửi /dashboard cho bot trong Telegram hoặc Zalo để nhận liên kết đăng nhập.
dashboard-logged-out = Bạn đã đăng xuất. Gửi /dashboard cho bot khi cần vào lại.
dashboard-forbidden = Trang này chỉ dành cho quản trị viên.
dashboard-not-found = Không tìm thấy trang này.
dashboard-unit-forbidden = Bạn không có quyền xem đơn vị này; bạn xem được các đơn vị mình có vai trò và các đơn vị trực thuộc.
dashboard-no-campaign = { $unit } hiện không có phong trào thi đua nào đang diễn ra.
dashboard-campaign = { $campaign }: { $start } – { $end }
dashboard-stat-total = Sáng kiến
dashboard-stat-target = { $target ->
        [0] chưa có chỉ tiêu
       *[other] trên chỉ tiêu { $target } ({ $percent }%)
    }
dashboard-stat-week = Tuần này
dashboard-stat-accepted = Được chấp nhận
dashboard-stat-recognized = Được công nhận
dashboard-charts = Biểu đồ
dashboard-chart-units-alt = Các đơn vị trực thuộc: thực hiện so với chỉ tiêu và nhịp đều
dashboard-chart-trend-alt = Số sáng kiến cộng dồn theo tuần so với chỉ tiêu
dashboard-ranking = Xếp hạng đơn vị trực thuộc (theo % chỉ tiêu)
dashboard-col-rank = Hạng
dashboard-col-unit = Đơn vị
dashboard-col-actual = Thực hiện
dashboard-col-target = Chỉ tiêu
dashboard-col-percent = % chỉ tiêu
dashboard-col-expected = Theo nhịp đều
dashboard-col-pace = Tiến độ
dashboard-pace = { $lagging ->
        [yes] ⚠️ Chậm
       *[no] ✓ Đúng nhịp
    }
dashboard-no-children = Không có đơn vị trực thuộc nào có chỉ tiêu trong phong trào này.
dashboard-lagging = Đơn vị chậm tiến độ
dashboard-lagging-none = Không có đơn vị trực thuộc nào chậm tiến độ.
dashboard-lagging-item = { $unit }: { $actual } sáng kiến, nhịp đều cần khoảng { $expected } (thiếu { $gap })
dashboard-pledges = Giao ước thi đua và tự kiểm tra
dashboard-pledges-none = Chưa có giao ước thi đua nào.
dashboard-col-due = Hạn
dashboard-col-commitments = Cam kết
dashboard-col-selfcheck = Tự kiểm tra { $months } tháng
dashboard-due-state = { $state ->
        [overdue] quá hạn { $days } ngày
        [today] hôm nay
       *[left] còn { $days } ngày
    }
dashboard-selfcheck = { $state ->
        [done] Đã báo cáo { $date }
        [due] Đến hạn từ { $date }, chưa báo cáo
       *[later] Từ { $date }
    }
dashboard-selfcheck-summary = { $done } xong · { $progress } đang làm · { $none } chưa bắt đầu
dashboard-clusters = Xếp hạng cụm thi đua – quý { $quarter } (đến hôm nay)
dashboard-clusters-none = Các đơn vị này chưa thuộc cụm thi đua nào.
dashboard-col-initiatives = Sáng kiến
dashboard-col-per-member = Bình quân/đoàn viên
dashboard-col-beat = Chỉ tiêu quý
dashboard-beat = { $beat ->
        [yes] ✅ Vượt
        [no] Chưa đạt
       *[none] —
    }
dashboard-cluster-leader = Dẫn đầu cụm: { $unit }
dashboard-cluster-no-leader = Chưa đơn vị nào vượt chỉ tiêu quý của mình.
dashboard-goldenbook = Sổ vàng sáng kiến
dashboard-goldenbook-hint = Các sáng kiến được công nhận của { $unit } và các đơn vị trực thuộc: tệp Excel (trang tổng hợp, mỗi đơn vị trực thuộc một trang) hoặc CSV.
dashboard-goldenbook-scope = Phạm vi
dashboard-goldenbook-xlsx = ⬇ Tải Excel (.xlsx)
dashboard-goldenbook-csv = ⬇ Tải CSV
dashboard-filter-status = Trạng thái
dashboard-filter-category = Lĩnh vực
dashboard-filter-unit = Đơn vị
dashboard-filter-from = Gửi từ ngày
dashboard-filter-to = đến ngày
dashboard-filter-any = Tất cả
dashboard-filter-apply = Lọc
dashboard-filter-clear = Bỏ lọc
dashboard-list-count = { $total } sáng kiến
dashboard-list-hidden = 🔒 Thêm { $count } sáng kiến là bí mật sản xuất kinh doanh: chỉ được đếm ở đây; nội dung chỉ tổ hỗ trợ của đơn vị đó và quản trị xem được.
dashboard-list-empty = Không có sáng kiến nào khớp bộ lọc.
dashboard-col-code = Mã
dashboard-col-title = Tên sáng kiến
dashboard-col-status = Trạng thái
dashboard-col-category = Lĩnh vực
dashboard-col-submitted = Ngày gửi
dashboard-col-value = Giá trị làm lợi/năm
dashboard-page = Trang { $page }/{ $pages }
dashboard-page-prev = ← Trang trước
dashboard-page-next = Trang sau →
dashboard-status = { $status ->
        [submitted] Đã gửi
        [in_review] Đang xem xét
        [needs_info] Cần bổ sung thông tin
        [accepted] Được chấp nhận
        [recognized] Được công nhận
        [replicated] Được nhân rộng
        [rejected] Không được chấp nhận
        [withdrawn] Đã rút
       *[other] { $status }
    }
dashboard-confidential-badge = 🔒 Bí mật
dashboard-initiative-secret = Sáng kiến này là bí mật sản xuất kinh doanh: chỉ tổ hỗ trợ của đơn vị và quản trị xem được nội dung, lịch sử trao đổi. Bạn xem được mã, đơn vị và trạng thái.
dashboard-history = Lịch sử trạng thái
dashboard-history-by = bởi { $name }
dashboard-history-empty = Chưa có thay đổi trạng thái nào kể từ khi gửi.
dashboard-thread = Trao đổi giữa tổ hỗ trợ và tác giả
dashboard-thread-empty = Chưa có trao đổi nào.
dashboard-thread-from = { $direction ->
        [to_submitter] Tổ hỗ trợ gửi tác giả
        [from_submitter] Tác giả trả lời
       *[note] Ghi chú nội bộ của tổ
    }
dashboard-back-list = ← Danh sách sáng kiến
dashboard-queues-title = Hàng đợi (BullMQ)
chart-link-refused = { $reason ->
        [expired] Liên kết biểu đồ này đã hết hạn. Gửi /progress cho bot để xem biểu đồ mới.
       *[other] Liên kết biểu đồ này không hợp lệ.
    }
lagging-title = ⚠️ { $unit }: { $count } đơn vị trực thuộc chậm so với nhịp đều:
lagging-none = ✓ { $unit }: không có đơn vị trực thuộc nào chậm tiến độ.
ping-not-officer = Báo cáo hằng tuần dành cho cán bộ công đoàn; bạn chưa có vai trò cán bộ.
ping-off = Bạn đã tắt báo cáo tiến độ hằng tuần.
ping-at = Bạn nhận báo cáo tiến độ vào { $day ->
        [7] Chủ nhật
       *[other] thứ { $day ->
            [1] Hai
            [2] Ba
            [3] Tư
            [4] Năm
            [5] Sáu
           *[6] Bảy
        }
    } lúc { $time } hằng tuần.
ping-usage = Đổi giờ: /ping t2 7:30 (t2…t7, cn) · tắt: /ping off · bật lại: /ping on
command-quiet = Giờ yên lặng: khi nào bot không gửi nhắc nhở
quiet-now = Từ { $from }:00 đến { $to }:00{ $overnight ->
        [yes] {" "}hôm sau
       *[no] {""}
    } (giờ Việt Nam) bot không gửi nhắc nhở hay báo cáo; tin đến hạn trong khoảng đó được gửi lúc { $to }:00.
quiet-none = Bạn đã tắt giờ yên lặng: nhắc nhở và báo cáo đến bất cứ lúc nào.
quiet-usage = Đổi giờ yên lặng: /quiet 22-6 · tắt: /quiet off
command-messenger = Nhận thông báo qua Telegram hay Zalo
messenger-last = Thông báo đến ứng dụng bạn nhắn cho bot gần nhất.
messenger-fixed = Thông báo luôn đến { $messenger }.
messenger-usage = Chọn: /messenger telegram · /messenger zalo · /messenger auto (ứng dụng nhắn gần nhất)
messenger-not-linked = Tài khoản { $messenger } của bạn chưa được nối với bot.
nudge =
    📣 <b>{ $unit }</b> đang chậm so với tiến độ: mới có <b>{ $actual }</b> sáng kiến, trong khi theo nhịp đều lẽ ra đã có khoảng { $expected } (chỉ tiêu { $target }). Còn thiếu { $gap }, còn { $days } ngày.
    { $reader ->
        [support] Gợi ý: tổ hỗ trợ sáng kiến đi thu ý tưởng nhanh ở các tổ, chuyền trong tuần này – mỗi người chỉ cần nhắn một dòng cho bot, hoặc kể để tổ ghi giúp bằng /onbehalf.
       *[officer] Gợi ý: nhờ tổ hỗ trợ sáng kiến đi thu ý tưởng nhanh ở các tổ, chuyền trong tuần này – mỗi người chỉ cần nhắn một dòng cho bot.
    }
nudge-btn-ack = ✅ Đã nhận, sẽ đôn đốc
nudge-thanks = Cảm ơn bạn! Chúc đơn vị sớm bắt kịp tiến độ.
nudge-parent = ⚠️ <b>{ $unit }</b> chậm tiến độ ({ $actual } so với khoảng { $expected } theo nhịp đều) và chưa phản hồi hai lần nhắc. Đồng chí vui lòng hỗ trợ đơn vị.
nudge-parent-nobody = ⚠️ <b>{ $unit }</b> chậm tiến độ ({ $actual } so với khoảng { $expected } theo nhịp đều), nhưng bot không nhắc được ai ở đơn vị: { $why ->
        [none] đơn vị chưa có cán bộ hay thành viên tổ hỗ trợ nào được phân công trên bot
       *[silent] cán bộ và tổ hỗ trợ của đơn vị chưa ai nhắn cho bot lần nào, nên bot chưa được phép nhắn họ
    }. Đồng chí vui lòng trực tiếp đôn đốc đơn vị và đề nghị quản trị viên phân công người nhận tin nhắc.
command-pledge = Cán bộ: ghi giao ước thi đua của đơn vị
command-pledges = Xem các giao ước thi đua của đơn vị
pledge-ask-commitments = Giao ước thi đua của <b>{ $unit }</b>: gửi các nội dung cam kết, mỗi dòng một nội dung (ví dụ "Ít nhất 300 sáng kiến", "100% đoàn viên tham gia").
pledge-commitments-count = Cần từ 1 đến { $max } nội dung, mỗi dòng một nội dung.
pledge-ask-due = Hạn hoàn thành là ngày nào? (ví dụ 31/5/2027)
pledge-due-invalid = Mình chưa đọc được ngày này. Bạn viết theo dạng ngày/tháng/năm, ví dụ 31/5/2027.
pledge-due-past = Hạn hoàn thành phải là một ngày sau hôm nay.
pledge-summary =
    <b>Giao ước thi đua – { $unit }</b>
    { $list }
    <b>Hạn:</b> { $due }
pledge-btn-save = ✅ Lưu giao ước
pledge-saved = ✅ Đã lưu giao ước. Mình sẽ nhắc trước hạn { $due } 14, 7 và 1 ngày, và vào đúng ngày.
pledges-none = { $unit } chưa có giao ước thi đua nào.
pledges-header = <b>Giao ước thi đua – { $unit }</b>
pledges-item = <b>Hạn { $due }</b> ({ $state ->
        [overdue] quá hạn { $days } ngày
        [today] hôm nay
       *[left] còn { $days } ngày
    }):
    { $list }
pledge-reminder = 📌 Giao ước thi đua của <b>{ $unit }</b> ({ $count } nội dung) đến hạn ngày { $due }{ $days ->
        [0] {" "}– hôm nay
       *[other] , còn { $days } ngày
    }.
pledge-overdue = ⏰ Giao ước thi đua của <b>{ $unit }</b> đã quá hạn { $days } ngày (hạn { $due }). Đồng chí vui lòng rà soát và báo cáo kết quả.
pledge-overdue-parent = ⏰ Giao ước thi đua của <b>{ $unit }</b> đã quá hạn { $days } ngày (hạn { $due }). Đề nghị đơn vị cấp trên đôn đốc.
pledge-see = Xem: /pledges
campaign-final = 🏁 <b>{ $campaign }</b> đã kết thúc. Kết quả cuối cùng:
admin-clusters-done = Đã nhập { $clusters } cụm, khối thi đua với { $units } đơn vị.
admin-reason-duplicate-member = đơn vị "{ $unit }" đã có trong cụm { $cluster }.
ranking-header = 🏆 <b>Xếp hạng { $cluster }</b> – quý { $quarter }:
ranking-item = { $rank }. { $unit }: { $initiatives } sáng kiến, { NUMBER($perMember, minimumFractionDigits: 2, maximumFractionDigits: 2) } sáng kiến/đoàn viên{ $beat ->
        [yes] {" "}– ✅ vượt chỉ tiêu quý
        [no] {" "}– chưa đạt chỉ tiêu quý
       *[none] {""}
    }
ranking-leader = Dẫn đầu cụm (vượt chỉ tiêu của mình): <b>{ $unit }</b>. Chúc mừng!
ranking-no-leader = Quý này chưa đơn vị nào vượt chỉ tiêu của mình.
selfcheck-reminder = 📝 Đã { $months } tháng kể từ khi <b>{ $unit }</b> ký giao ước thi đua. Đồng chí vui lòng tự kiểm tra từng nội dung cam kết.
selfcheck-btn-start = 📝 Tự kiểm tra ngay
selfcheck-intro = Tự kiểm tra giao ước sau { $months } tháng (hạn { $due }). Với mỗi nội dung, chọn tình trạng; muốn ghi chú thì gõ trước khi chọn.
selfcheck-item = <b>{ $n }/{ $total }.</b> { $text }
selfcheck-state = { $state ->
        [done] ✅ Đã xong
        [in_progress] ⏳ Đang làm
       *[not_started] ⭕ Chưa bắt đầu
    }
selfcheck-saved = ✅ Đã lưu kết quả tự kiểm tra. Cảm ơn đồng chí!
selfcheck-already = Kỳ tự kiểm tra này đã được báo cáo rồi.
admin-pledges-done = Đã nhập { $pledges } giao ước thi đua với { $commitments } nội dung cam kết.
admin-reason-unknown-cluster = không có cụm thi đua "{ $cluster }" (nhập bằng import-clusters trước).
admin-reason-not-in-cluster = đơn vị "{ $unit }" không thuộc cụm { $cluster }.
admin-reason-due-past = hạn "{ $value }" không phải là ngày sau hôm nay.
admin-reason-empty-commitment = nội dung cam kết đang trống.
admin-reason-due-differs = các dòng của đơn vị "{ $unit }" ghi hạn khác nhau.
admin-reason-no-campaign = đơn vị "{ $unit }" hiện không có phong trào nào đang diễn ra.
weekly-rank = Xếp thứ { $rank }/{ $of }{ $tied ->
        [yes] {" "}(đồng hạng)
       *[no] {""}
    } trong các đơn vị cùng cấp (theo tỷ lệ chỉ tiêu).
weekly-lagging-child = ⚠️ Chậm tiến độ: { $unit } – { $actual } so với khoảng { $expected } theo nhịp đều.
weekly-pledge = 📌 Giao ước của { $unit }: { $overdue ->
        [yes] quá hạn từ { $due }
       *[no] đến hạn { $due }
    }
admin-reason-bad-phases = mốc giai đoạn "{ $value }" không hợp lệ: viết NGÀY=PHẦN_TRĂM cách nhau bằng dấu phẩy, ngày nằm trong phong trào, ngày và phần trăm (1–99) tăng dần.

chart-actual = Thực hiện
chart-lagging = Chậm tiến độ
chart-target = Chỉ tiêu
chart-pace = Mức cần đạt đến nay
chart-cumulative = Lũy kế sáng kiến
chart-phase-pace = Tiến độ theo mốc giai đoạn
chart-trend-caption = lũy kế theo tuần

zalo-choose-by-number = (Gõ số để chọn.)
zalo-choose-by-number-after-question = (Bạn đang trả lời dở một câu hỏi khác: trả lời xong câu đó, hoặc gõ /cancel, rồi gõ số để chọn ở đây.)
zalo-number-after-question = Số { $n } là lựa chọn của một tin nhắn khác. Bạn đang trả lời dở câu hỏi dưới đây: trả lời xong (hoặc gõ /cancel) rồi gõ lại { $n } nhé.
zalo-number-stale = Số { $n } là lựa chọn của một tin nhắn đã hơn một tuần, nay không dùng được nữa, nên mình chưa làm gì. Gõ /help để xem các việc bot làm được.
zalo-phone-form-title = Chia sẻ số điện thoại
zalo-phone-form-subtitle = Để công đoàn liên hệ khi cần và để nối tài khoản Zalo với Telegram của bạn.
zalo-file-link = 📎 Tệp đính kèm: { $url }
zalo-file-elsewhere = 📎 (Kèm một tệp gửi qua Telegram; tệp được lưu trong hồ sơ sáng kiến.)
support-relay-held = ⏳ { $code }: tác giả dùng Zalo và lâu chưa nhắn cho bot, nên Zalo chưa cho gửi. Tin sẽ được gửi ngay khi tác giả nhắn lại.

## Nối Telegram và Zalo (/link, và số điện thoại khi đăng ký)

command-link = Dùng một tài khoản cho cả Telegram và Zalo
help-link = • /link – dùng Telegram và Zalo như một tài khoản: gõ /link ở đây để lấy mã, rồi gửi /link kèm mã đó ở ứng dụng còn lại. /messenger – chọn nhận thông báo qua Telegram hay Zalo.
link-code =
    🔗 Mã nối tài khoản của bạn: <b>{ $code }</b>
    Bạn mở bot trên { $other ->
        [zalo] Zalo
       *[telegram] Telegram
    } và gửi: /link { $code }
    Mã chỉ dùng được một lần, trong vòng { $minutes } phút.
link-unknown = Mình không tìm thấy mã này. Bạn kiểm tra lại 6 chữ số nhé; chỉ mã mới nhất từ /link còn dùng được.
link-used = Mã này đã được dùng rồi. Bạn gửi /link ở ứng dụng còn lại để lấy mã mới nhé.
link-expired = Mã này đã hết hạn. Bạn gửi /link ở ứng dụng còn lại để lấy mã mới, rồi gõ mã trong vòng { $minutes } phút nhé.
link-same-member = Mã này là của chính tài khoản này. Bạn hãy gõ mã ở ứng dụng nhắn tin còn lại nhé.
link-messenger-taken = Tài khoản tạo mã này đã có một tài khoản khác trên ứng dụng này, nên mình không nối thêm được. Mã chưa được dùng; bạn vui lòng nhờ quản trị viên công đoàn kiểm tra giúp.
link-has-history = Tài khoản này đã có đăng ký, sáng kiến hoặc vai trò riêng nên mình không tự gộp, và mã chưa được dùng. Nếu tài khoản ở ứng dụng còn lại mới lập, bạn làm ngược lại: gửi /link ở đây rồi gõ mã ở bên kia. Nếu không, bạn nhờ quản trị viên công đoàn gộp hai tài khoản rồi thử lại nhé.
link-done = ✅ Đã nối: Telegram và Zalo của bạn nay là một tài khoản. Sáng kiến và vai trò đi theo bạn; thông báo sẽ gửi tới ứng dụng bạn dùng gần nhất.
link-phone-recognised = 🔗 Chào { $name }! Số điện thoại này đã đăng ký với <b>{ $unit }</b> trên ứng dụng còn lại của bạn, nên mình đã nối hai tài khoản: Telegram và Zalo của bạn nay là một, sáng kiến của bạn đi theo bạn.
link-phone-taken = ⚠️ Số điện thoại này đã được một tài khoản khác dùng, nên mình đăng ký cho bạn mà không kèm số. Quản trị viên công đoàn cần kiểm tra lại; đăng ký của bạn vẫn được giữ.

## Sân chơi (trang http://localhost:PORT/ khi chưa cấu hình Telegram hay Zalo)

playground-title = Sân chơi Sáng kiến bot
playground-intro = Bot thật, Telegram và Zalo giả lập trên máy này: bạn đóng vai bốn người cùng lúc. Gõ, bấm nút, gửi ảnh như trong ứng dụng nhắn tin.
playground-clock = Giờ Việt Nam
playground-jump-monday = ⏭ Thứ Hai tới 07:30
playground-jump-tomorrow = ⏭ Ngày mai 08:00
playground-jumped = Đồng hồ đã chuyển tới { $time }: các việc định kỳ đang chạy.
playground-other-lang = English
playground-pane-zalo = Công nhân trên Zalo
playground-pane-telegram = Công nhân trên Telegram
playground-pane-team = Nhóm của tổ hỗ trợ sáng kiến
playground-pane-officer = Cán bộ công đoàn
playground-who-zalo = Nguyễn Thị Lan · nhắn tin với OA của công đoàn trên Zalo
playground-who-telegram = Trần Văn Minh · chat riêng với bot trên Telegram
playground-who-team = Phạm Thu Hà · nhóm Telegram của tổ hỗ trợ Canon
playground-who-officer = Lê Văn Hải · cán bộ Công đoàn KCN Thăng Long (Telegram)
playground-input = Nhập tin nhắn…
playground-send = Gửi
playground-photo = Gửi ảnh
playground-photo-caption = Ảnh chụp tại xưởng
playground-reply = Trả lời
playground-replying = Đang trả lời:
playground-cancel = Hủy
playground-choose-hint = Bấm một số, hoặc gõ số để chọn
playground-share-info = Chia sẻ thông tin
playground-empty-private = Chưa có tin nhắn. Gõ /start để bắt đầu.
playground-empty-group = Thẻ sáng kiến mới của đơn vị sẽ hiện ở đây. Trả lời một thẻ để nhắn cho người gửi.
playground-empty-officer = Báo cáo tiến độ tuần đến vào thứ Hai 07:30: bấm ⏭ ở trên để tới đó. Hoặc gõ /progress.
playground-error = Không gửi được: { $error }
playground-image = Ảnh
playground-document = Tệp
playground-bot-name = Sáng Kiến Bot
playground-oa-name = Công đoàn Việt Nam – Sáng kiến
zalo-card-commands = Để xử lý sáng kiến này, gõ một trong các lệnh (kèm mã):
card-command-usage = Gõ lệnh kèm mã sáng kiến, ví dụ: /{ $command } SK-2026-000123
draft-discard-confirm = Bỏ bản nháp với { $answers } câu trả lời đã điền và làm lại từ đầu?
draft-discard-yes = 🗑 Bỏ bản nháp
draft-discard-no = ↩️ Giữ bản nháp
confirm-pick-one = Hãy chọn một trong hai lựa chọn dưới đây.
restart-nothing = Bạn không có bản nháp sáng kiến nào để làm lại. Gõ /submit để bắt đầu.
draft-kept = Bản nháp vẫn được giữ, mình hỏi tiếp nhé.
draft-discarded = Đã bỏ bản nháp. Bắt đầu mẫu mới.
card-reject-confirm = Không chấp nhận { $code } với lý do: «{ $note }»? Tác giả sẽ nhận được thông báo.
card-reject-yes = ✖️ Đúng, không chấp nhận
card-reject-no = ↩️ Thôi, chưa quyết
card-reject-kept = { $code }: chưa thay đổi gì.
command-restart = Bỏ bản nháp sáng kiến và làm lại (có hỏi lại)
command-take = Tổ hỗ trợ: nhận xử lý /take mã
command-info = Tổ hỗ trợ: hỏi thêm thông tin /info mã
command-accept = Tổ hỗ trợ: chấp nhận /accept mã
command-recognize = Tổ hỗ trợ: công nhận /recognize mã
command-replicate = Tổ hỗ trợ: nhân rộng /replicate mã
command-reject = Tổ hỗ trợ: không chấp nhận /reject mã
unlinkgroup-usage = Cách dùng: /unlinkgroup trong nhóm đã gắn, hoặc /unlinkgroup mã-đơn-vị
unlinkgroup-done = ✓ Đã gỡ nhóm tổ hỗ trợ của { $unit }. Sáng kiến mới sẽ gửi riêng cho từng thành viên tổ hỗ trợ cho đến khi một nhóm khác được gắn bằng /linkgroup.
unlinkgroup-none = { $unit } không có nhóm tổ hỗ trợ nào được gắn.
command-unlinkgroup = Gỡ nhóm tổ hỗ trợ của đơn vị: /unlinkgroup [mã]
link-already-linked = Hai tài khoản Telegram và Zalo của bạn đã được nối với nhau rồi, không cần gõ mã nữa.
attachment-caption = 📎 Tệp đính kèm của { $code }
support-already-yours = Bạn đang xử lý { $code } rồi.

## Sổ vàng sáng kiến (/goldenbook, export-goldenbook)

goldenbook-title = Sổ vàng sáng kiến – { $unit } – { $scope }
goldenbook-heading = Sổ vàng sáng kiến
goldenbook-scope-campaign = phong trào { $campaign }
goldenbook-scope-year = năm { $year }
goldenbook-summary-sheet = Tổng hợp
goldenbook-col-no = STT
goldenbook-col-code = Mã sáng kiến
goldenbook-col-title = Tên sáng kiến
goldenbook-col-author = Tác giả
goldenbook-col-coauthors = Đồng tác giả
goldenbook-col-unit = Đơn vị
goldenbook-col-unit-code = Mã đơn vị
goldenbook-col-category = Lĩnh vực
goldenbook-col-value = Giá trị làm lợi/năm (đồng)
goldenbook-col-decision = Số quyết định công nhận
goldenbook-col-date = Ngày quyết định
goldenbook-col-count = Số sáng kiến
goldenbook-total = Tổng cộng
goldenbook-total-count = Tổng cộng: { $count } sáng kiến
goldenbook-confidential = (Bí mật sản xuất kinh doanh)
