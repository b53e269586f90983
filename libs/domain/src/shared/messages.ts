import { DIALOGUE_LABELS, DIALOGUE_MESSAGES } from '../dialogue/dialogue.messages.js';
import { GROUPING_MESSAGES } from '../grouping/grouping.messages.js';
import { RECEPTION_MESSAGES } from '../reception/reception.messages.js';
import { SATISFACTION_MESSAGES } from '../satisfaction/satisfaction.messages.js';
import { COMPLAINT_PATH_MESSAGES } from '../petition/complaint-path.messages.js';
import { TRACKING_MESSAGES } from '../petition/tracking.messages.js';
import { PETITION_EVENT_LABELS } from '../petition/petition-event.messages.js';
import { RECEIPT_LABELS, RECEIPT_MESSAGES } from '../petition/receipt.messages.js';
import type { Message } from './message.js';

export type { Message };

/**
 * The one catalogue of user-facing text: Vietnamese first, English second. Placeholders are `{name}`.
 * Codes are stable identifiers that clients may rely on; the text may be improved at any time.
 */
const CORE_MESSAGES = {
  'error.validation': { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request contains invalid data.' },
  'error.unauthenticated': { vi: 'Cần đăng nhập để thực hiện thao tác này.', en: 'You must sign in to do this.' },
  'error.bad_credentials': { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  'error.forbidden': { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  'error.not_found': { vi: 'Không tìm thấy {what}.', en: '{what} not found.' },
  'error.payload_too_large': { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  'error.malformed_json': { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  'error.internal': { vi: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.', en: 'Something went wrong on our side. Please try again later.' },
  'error.unsupported_media_type': { vi: 'Chỉ chấp nhận nội dung JSON.', en: 'Only JSON request bodies are accepted.' },
  'error.too_many_requests': {
    vi: 'Có quá nhiều yêu cầu từ địa chỉ này. Vui lòng thử lại sau {seconds} giây (lúc {retryAt}, giờ Việt Nam).',
    en: 'Too many requests from this address. Please try again in {seconds} seconds (at {retryAt}, Vietnam time).',
  },
  'error.login_locked': {
    vi: 'Tài khoản đã bị tạm khóa đăng nhập do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau {seconds} giây (lúc {retryAt}, giờ Việt Nam). Nếu quên mật khẩu, hãy liên hệ quản trị viên.',
    en: 'Sign-in to this account is paused after too many wrong passwords. Please try again in {seconds} seconds (at {retryAt}, Vietnam time). If you forgot the password, ask your administrator.',
  },
  'error.too_many_streams': {
    vi: 'Tài khoản đang mở quá nhiều cửa sổ nhận thông báo trực tiếp (tối đa {max}). Hãy đóng bớt cửa sổ rồi thử lại.',
    en: 'Too many windows are receiving live notifications for this account (at most {max|window|windows}). Close some and try again.',
  },
  'error.headers_too_large': { vi: 'Địa chỉ hoặc phần đầu của yêu cầu quá dài.', en: 'The address or the headers of the request are too long.' },
  'error.idempotency_key_reused': {
    vi: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  'error.idempotency_in_progress': {
    vi: 'Yêu cầu với khóa Idempotency-Key này đang được xử lý.',
    en: 'A request with this Idempotency-Key is still being processed.',
  },
  'petition.transition_not_allowed': {
    vi: 'Không thể "{action}" khi đơn đang ở trạng thái "{status}".',
    en: 'Cannot "{action}" while the petition is "{status}".',
  },
  'petition.role_not_allowed': {
    vi: 'Vai trò "{role}" không được thực hiện "{action}".',
    en: 'The role "{role}" may not "{action}".',
  },
  'petition.not_assignee': {
    vi: 'Chỉ người được giao xử lý mới thực hiện được thao tác này.',
    en: 'Only the assigned handler may do this.',
  },
  'petition.out_of_jurisdiction': {
    vi: 'Đơn này không thuộc phạm vi đơn vị của bạn.',
    en: 'This petition is outside your unit.',
  },
  'petition.version_conflict': {
    vi: 'Đơn đã được người khác cập nhật (phiên bản hiện tại {version}). Hãy tải lại rồi thử lại.',
    en: 'Someone else updated this petition (current version {version}). Reload and try again.',
  },
  'petition.transfer_target_required': {
    vi: 'Cần chọn đúng một nơi nhận: một đơn vị trong hệ thống hoặc tên cơ quan bên ngoài.',
    en: 'Give exactly one destination: a unit in the system or the name of an outside body.',
  },
  'petition.transfer_to_self': { vi: 'Không thể chuyển đơn cho chính đơn vị đang giữ đơn.', en: 'A petition cannot be transferred to the unit that holds it.' },
  'petition.already_assigned': { vi: 'Đơn đã được giao cho người này.', en: 'The petition is already assigned to this person.' },
  'petition.assignee_invalid': {
    vi: 'Người được giao phải là cán bộ xử lý hoặc lãnh đạo của đơn vị giữ đơn.',
    en: 'The assignee must be a handler or head of the unit that holds the petition.',
  },
  'petition.anonymous_kind': {
    vi: 'Chỉ thông tin tố cáo mới được tiếp nhận khi không rõ họ tên người gửi (Luật Tố cáo 2018 Điều 25 khoản 2). Đơn khiếu nại phải ghi rõ họ tên, địa chỉ người khiếu nại (Luật Khiếu nại 2011 Điều 8); đơn kiến nghị, phản ánh cũng cần họ tên người gửi.',
    en: 'Only a denunciation may be received without the sender\'s name (Denunciation Law 2018 Art 25(2)). A complaint must give the complainant\'s name and address (Complaints Law 2011 Art 8); recommendations and feedback need the sender\'s name too.',
  },
  'petition.anonymous_with_person': {
    vi: 'Đơn nặc danh không ghi người gửi: bỏ thông tin người gửi, người cùng ký và người đại diện, hoặc bỏ đánh dấu nặc danh.',
    en: 'An anonymous letter names nobody: leave out the petitioner, co-petitioners and representatives, or do not mark it anonymous.',
  },
  'petition.anonymous_no_second_instance': {
    vi: 'Thông tin tố cáo nặc danh không được giải quyết theo thủ tục tố cáo nên không có tố cáo tiếp (Luật Tố cáo 2018 Điều 25 khoản 2).',
    en: 'Anonymous information is not handled as a denunciation, so there is no re-denunciation (Denunciation Law 2018 Art 25(2)).',
  },
  'petition.unit_invalid': { vi: 'Đơn vị không tồn tại hoặc ngoài phạm vi của bạn.', en: 'The unit does not exist or is outside your jurisdiction.' },
  'petition.received_on_future': { vi: 'Ngày nhận đơn (dấu bưu điện hoặc ngày nhận tại bộ phận tiếp dân) không thể sau hôm nay.', en: 'The day the letter arrived (postmark or desk receipt) cannot be after today.' },
  'petition.received_on_too_old': {
    vi: 'Ngày nhận đơn chỉ được ghi lùi tối đa {days} ngày (không trước {earliest}).',
    en: 'The day the letter arrived may be at most {days|day|days} back (not before {earliest}).',
  },
  'petition.second_instance_not_yet': {
    vi: 'Chỉ được khiếu nại lần hai / tố cáo tiếp khi đã có quyết định, kết luận hoặc đã hết thời hạn giải quyết.',
    en: 'A second-time complaint or re-denunciation needs a decision or conclusion, or a lapsed resolution deadline.',
  },
  'petition.no_third_instance': {
    vi: 'Đây đã là khiếu nại lần hai / tố cáo tiếp; không có cấp giải quyết thứ ba trong hệ thống.',
    en: 'This is already a second instance; there is no third instance in the system.',
  },
  'petition.no_superior_unit': {
    vi: 'Đơn vị giữ đơn không có cấp trên trực tiếp trong hệ thống.',
    en: 'The unit holding this petition has no direct superior in the system.',
  },
  'unit.remote_area_commune_only': {
    vi: 'Chỉ xã, phường, đặc khu mới được đánh dấu vùng sâu, vùng xa.',
    en: 'Only a commune, ward or special zone can be marked as a remote area.',
  },
  'petition.if_match_invalid': { vi: 'Tiêu đề If-Match phải là số phiên bản.', en: 'The If-Match header must be a version number.' },
  'validation.required': { vi: 'Trường này là bắt buộc.', en: 'This field is required.' },
  'validation.isDefined': { vi: 'Trường này là bắt buộc.', en: 'This field is required.' },
  'validation.isNotEmpty': { vi: 'Không được để trống.', en: 'Must not be empty.' },
  'validation.isString': { vi: 'Phải là chuỗi ký tự.', en: 'Must be a string.' },
  'validation.isIn': { vi: 'Giá trị không nằm trong danh sách cho phép.', en: 'Not one of the allowed values.' },
  'validation.isEnum': { vi: 'Giá trị không nằm trong danh sách cho phép.', en: 'Not one of the allowed values.' },
  'validation.isUuid': { vi: 'Phải là mã định danh UUID.', en: 'Must be a UUID.' },
  'validation.isEmail': { vi: 'Địa chỉ email không hợp lệ.', en: 'Not a valid email address.' },
  'validation.isObject': { vi: 'Phải là một đối tượng.', en: 'Must be an object.' },
  'validation.isArray': { vi: 'Phải là một danh sách.', en: 'Must be a list.' },
  'validation.isInt': { vi: 'Phải là số nguyên.', en: 'Must be an integer.' },
  'validation.min': { vi: 'Giá trị quá nhỏ.', en: 'Value is too small.' },
  'validation.max': { vi: 'Giá trị quá lớn.', en: 'Value is too large.' },
  'validation.maxLength': { vi: 'Quá dài.', en: 'Too long.' },
  'validation.minLength': { vi: 'Quá ngắn.', en: 'Too short.' },
  'validation.arrayMaxSize': { vi: 'Danh sách quá dài.', en: 'Too many items.' },
  'validation.matches': { vi: 'Sai định dạng.', en: 'Wrong format.' },
  'validation.whitelistValidation': { vi: 'Trường này không được phép.', en: 'This field is not allowed.' },
  'alert.threshold': {
    vi: 'Đơn {trackingCode} ({title}) đã dùng {share} thời hạn {rule}; hạn cuối {due}.',
    en: 'Petition {trackingCode} ({title}) has used {share} of its {rule} period; due {due}.',
  },
  'alert.breached': {
    vi: 'Đơn {trackingCode} ({title}) đã quá hạn {rule} (hạn cuối {due}).',
    en: 'Petition {trackingCode} ({title}) is past its {rule} deadline (due {due}).',
  },
  'alert.overdue': {
    vi: 'Đơn {trackingCode} ({title}) vẫn quá hạn {rule}: hạn cuối {due}, nhắc lần {n}.',
    en: 'Petition {trackingCode} ({title}) is still past its {rule} deadline (due {due}); reminder {n}.',
  },
  'alert.commitment.threshold': {
    vi: 'Cam kết "{title}" đã dùng {share} thời gian thực hiện; hạn {due}.',
    en: 'Commitment "{title}" has used {share} of its time; due {due}.',
  },
  'alert.commitment.breached': { vi: 'Cam kết "{title}" đã quá hạn thực hiện (hạn {due}).', en: 'Commitment "{title}" is overdue (due {due}).' },
  'alert.commitment.overdue': {
    vi: 'Cam kết "{title}" vẫn chưa được thực hiện: hạn {due}, nhắc lần {n}.',
    en: 'Commitment "{title}" is still not fulfilled (due {due}); reminder {n}.',
  },
  'alert.results.threshold': {
    vi: 'Kết quả hội nghị đối thoại "{title}" chưa được công khai; đã dùng {share} thời hạn, hạn {due}.',
    en: 'The results of the dialogue "{title}" are not yet published; {share} of the period used, due {due}.',
  },
  'alert.results.breached': {
    vi: 'Đã quá hạn công khai kết quả hội nghị đối thoại "{title}" (hạn {due}).',
    en: 'The results of the dialogue "{title}" are overdue for publication (due {due}).',
  },
  'alert.results.overdue': {
    vi: 'Kết quả hội nghị đối thoại "{title}" vẫn chưa được công khai: hạn {due}, nhắc lần {n}.',
    en: 'The results of the dialogue "{title}" are still not published (due {due}); reminder {n}.',
  },
  'alert.digest': {
    vi: 'Tổng hợp ngày {date}: {alerts} cảnh báo thời hạn trên {subjects}.',
    en: 'Digest for {date}: {alerts|deadline alert|deadline alerts} on {subjects}.',
  },
  'alert.digest.petitions': { vi: '{count} đơn', en: '{count|petition|petitions}' },
  'alert.digest.commitments': { vi: '{count} cam kết', en: '{count|commitment|commitments}' },
  'alert.digest.dialogues': { vi: '{count} cuộc đối thoại', en: '{count|dialogue|dialogues}' },
  'rights.second_complaint': {
    vi: 'Đã hết thời hạn giải quyết khiếu nại lần đầu. Ông/bà có quyền khiếu nại lần hai đến cấp trên trực tiếp trong {days} ngày (Luật Khiếu nại 2011 Điều 33), hoặc khởi kiện vụ án hành chính tại Tòa án trong thời hiệu 01 năm kể từ ngày nhận được hoặc biết được quyết định hành chính, hành vi hành chính (Luật Tố tụng hành chính 2015 Điều 116).',
    en: 'The first-time complaint was not decided in time. You may file a second-time complaint with the direct superior within {days|day|days} (Law on Complaints 2011 Art 33), or bring an administrative lawsuit in court within one year of receiving or learning of the administrative decision or act (Law on Administrative Procedure 2015 Art 116).',
  },
  'rights.re_denunciation': {
    vi: 'Đã hết thời hạn giải quyết tố cáo. Ông/bà có quyền tố cáo tiếp đến cơ quan cấp trên trực tiếp.',
    en: 'The denunciation was not resolved in time. You may re-denounce to the superior body.',
  },
  'notification.assigned': {
    vi: 'Bạn được giao xử lý đơn {trackingCode}: {title}',
    en: 'You have been assigned petition {trackingCode}: {title}',
  },
  'notification.citizen_reopened': {
    vi: 'Công dân chưa hài lòng với kết quả; đơn {trackingCode} ({title}) được mở lại để xử lý tiếp.',
    en: 'The citizen is not satisfied with the result; petition {trackingCode} ({title}) is reopened for further handling.',
  },
  'notification.commitment_assigned': {
    vi: 'Đơn vị được giao thực hiện cam kết "{title}", hạn {due}.',
    en: 'Your unit is to fulfil the commitment "{title}", due {due}.',
  },
  'validation.isBoolean': { vi: 'Phải là true hoặc false.', en: 'Must be true or false.' },
  'validation.isNumber': { vi: 'Phải là một số.', en: 'Must be a number.' },
  'validation.arrayNotEmpty': { vi: 'Danh sách không được để trống.', en: 'The list must not be empty.' },
  'validation.isLocalDate': { vi: 'Phải là ngày hợp lệ dạng YYYY-MM-DD.', en: 'Must be a valid date, YYYY-MM-DD.' },
  'validation.dateRange': { vi: 'Phải nằm trong các năm 2000–2100.', en: 'Must be within the years 2000–2100.' },
  'validation.isWellFormed': { vi: 'Chứa ký tự không hợp lệ.', en: 'Contains an invalid character.' },
  'validation.maxDepth': { vi: 'Dữ liệu lồng nhau quá nhiều tầng.', en: 'Nested too deeply.' },
  'deadline.summary': {
    vi: '{days} {unit} từ {firstDay} (không tính {startLabel} {startDay}){details}; hạn cuối là hết {weekday} {lastDay}.',
    en: '{days} {unit} from {firstDay} ({startLabel} {startDay} not counted){details}; due by the end of {weekday} {lastDay}.',
  },
  'deadline.summary_rolled': {
    vi: '{days} {unit} từ {firstDay} (không tính {startLabel} {startDay}){details}; ngày cuối {nominalDay} rơi vào {offDay} nên kéo dài đến hết {weekday} {lastDay}.',
    en: '{days} {unit} from {firstDay} ({startLabel} {startDay} not counted){details}; the last day, {nominalDay}, falls on {offDay}, so the period runs to the end of {weekday} {lastDay}.',
  },
  'deadline.summary_paused_now': {
    vi: '{days} {unit} từ {firstDay} (không tính {startLabel} {startDay}){details}; đang tạm dừng từ {since} ({reason}) nên chưa có hạn cuối.',
    en: '{days} {unit} from {firstDay} ({startLabel} {startDay} not counted){details}; paused since {since} ({reason}), so there is no due date yet.',
  },
  'deadline.summary_extended': { vi: ', gia hạn thêm {days} {unit}', en: ', extended by {days} {unit}' },
  'deadline.summary_paused': { vi: ', cộng {days} {unit} tạm dừng', en: ', plus {days} paused {unit}' },
  'deadline.summary_skipped': { vi: ', bỏ qua {count} ngày nghỉ', en: ', skipping {count|day off|days off}' },
  'deadline.day_off_named': { vi: 'ngày nghỉ {name} ({weekday})', en: 'a day off, {name} ({weekday})' },
  'deadline.clock_not_open': {
    vi: 'Thời hạn {rule} đã ở trạng thái "{status}", không thể thay đổi.',
    en: 'The {rule} deadline is already "{status}" and can no longer be changed.',
  },
  'deadline.already_paused': { vi: 'Thời hạn {rule} đang tạm dừng.', en: 'The {rule} deadline is already paused.' },
  'deadline.not_paused': { vi: 'Thời hạn {rule} không ở trạng thái tạm dừng.', en: 'The {rule} deadline is not paused.' },
  'deadline.pause_reason_not_allowed': {
    vi: 'Không được tạm dừng thời hạn {rule} với lý do "{reason}". Lý do được phép: {allowed}.',
    en: 'The {rule} deadline cannot be paused for "{reason}". Allowed reasons: {allowed}.',
  },
  'deadline.extension_not_allowed': {
    vi: 'Pháp luật không quy định gia hạn thời hạn {rule} ({legalBasis}).',
    en: 'The law provides no extension of the {rule} deadline ({legalBasis}).',
  },
  'deadline.extension_limit_reached': {
    vi: 'Thời hạn {rule} đã được gia hạn tối đa {max} lần ({legalBasis}).',
    en: 'The {rule} deadline has already been extended the maximum of {max|time|times} ({legalBasis}).',
  },
  'deadline.extension_complexity': {
    vi: 'Vụ việc đang được ghi nhận là "{complexity}" nên thời hạn {rule} chỉ được gia hạn {allowed} lần ({legalBasis}: vụ việc phức tạp gia hạn một lần, đặc biệt phức tạp gia hạn hai lần). Hãy ghi nhận mức độ phức tạp của vụ việc trước khi gia hạn.',
    en: 'The case is recorded as "{complexity}", so the {rule} deadline may be extended {allowed} time(s) ({legalBasis}: a complex case once, a particularly complex case twice). Record the case\'s complexity before extending.',
  },
  'deadline.met_by_workflow': {
    vi: 'Thời hạn {rule} được ghi nhận hoàn thành qua bước xử lý đơn ({steps}), không đánh dấu thủ công.',
    en: 'The {rule} deadline is met by a workflow step ({steps}), not marked by hand.',
  },
  'deadline.rule_missing': {
    vi: 'Không tìm thấy quy tắc {rule} trong phiên bản chính sách thời hạn {version}.',
    en: 'Rule {rule} is not in deadline policy version {version}.',
  },
  'deadline.flags_required': {
    vi: 'Cần nêu ít nhất một trong các mục: phức tạp (complex), đặc biệt phức tạp (particularlyComplex) hoặc kéo dài (prolonged).',
    en: 'Give at least one of complex, particularlyComplex or prolonged.',
  },
  'deadline.rule_id_duplicate': { vi: 'Mã quy tắc bị trùng.', en: 'Duplicate rule id.' },
  'deadline.alert_key_duplicate': { vi: 'Mã mốc cảnh báo bị trùng.', en: 'Duplicate alert step key.' },
  'deadline.alert_step_kind': {
    vi: 'Mỗi mốc cảnh báo cần đúng một trong hai: tỷ lệ thời hạn (share) hoặc số ngày làm việc nhắc lại khi quá hạn (everyWorkingDaysOverdue).',
    en: 'Each alert step needs exactly one of share or everyWorkingDaysOverdue.',
  },
  'deadline.alert_overdue_key': {
    vi: 'Mốc nhắc lại khi quá hạn phải có mã "overdue"; các mốc theo tỷ lệ không được dùng mã này.',
    en: 'The overdue repeat step must have the key "overdue"; share steps may not use it.',
  },
  'deadline.alert_due_step_required': {
    vi: 'Thang cảnh báo phải có mốc "100" với tỷ lệ 1 (đến hạn).',
    en: 'The alert ladder needs the step "100" with share 1 (the due instant).',
  },
  'deadline.share_range': { vi: 'Tỷ lệ phải lớn hơn 0 và không quá 1.', en: 'The share must be above 0 and at most 1.' },
  'deadline.working_hours_order': { vi: 'Giờ bắt đầu phải trước giờ kết thúc.', en: 'The start of office hours must be before the end.' },
  'deadline.effective_from_past': {
    vi: 'Ngày hiệu lực không được trước hôm nay ({today}).',
    en: 'The effective date cannot be before today ({today}).',
  },
  'deadline.effective_from_not_after_current': {
    vi: 'Ngày hiệu lực phải sau ngày hiệu lực của phiên bản {version} ({from}).',
    en: 'The effective date must be after that of version {version} ({from}).',
  },
  'deadline.rule_not_in_policy': {
    vi: 'Phiên bản chính sách {version} không có quy tắc {rule}.',
    en: 'Policy version {version} has no rule {rule}.',
  },
  'deadline.role_not_allowed': {
    vi: 'Vai trò "{role}" không được thực hiện thao tác này với thời hạn; chỉ lãnh đạo có thẩm quyền giải quyết mới được làm.',
    en: 'The role "{role}" may not do this to a deadline; only the competent head may.',
  },
  'deadline.no_pause_reasons': { vi: 'không có', en: 'none' },
  // A list's deadline badge (deadline-badge.ts): counts in the clock's own unit; overdue in calendar days.
  'deadline.badge.left': { vi: 'Còn {days} ngày', en: '{days|day|days} left' },
  'deadline.badge.left_working': { vi: 'Còn {days} ngày làm việc', en: '{days|working day|working days} left' },
  'deadline.badge.due_today': { vi: 'Hết hạn trong hôm nay', en: 'Due by the end of today' },
  'deadline.badge.overdue': { vi: 'Quá hạn {days} ngày', en: '{days|day|days} overdue' },
  'deadline.badge.paused': { vi: 'Tạm dừng, còn {days} ngày', en: 'Paused, {days|day|days} left' },
  'deadline.badge.paused_working': { vi: 'Tạm dừng, còn {days} ngày làm việc', en: 'Paused, {days|working day|working days} left' },
  'error.admin_only': { vi: 'Chỉ quản trị viên mới được thực hiện thao tác này.', en: 'Only an administrator may do this.' },
  'calendar.entry_not_found': {
    vi: 'Không có ngày {date} trong bảng lịch do quản trị viên nhập (ngày lễ theo luật không xóa được; hãy nhập ngày làm bù).',
    en: 'There is no administrator entry for {date} (statutory holidays cannot be deleted; enter a swapped working day instead).',
  },
  // Yearly announcements of the calendar (BLLĐ 2019 Art 112(3)) that are not yet recorded.
  'calendar.unconfirmed.tet': {
    vi: 'Chưa có thông báo lịch nghỉ Tết Nguyên đán năm {year} (mùng 1 Tết là {newYear}). Tạm tính chỉ mùng 1, mùng 2, mùng 3 là ngày nghỉ, các ngày khác vẫn là ngày làm việc, để không thời hạn nào bị tính dài hơn luật cho phép. Khi có thông báo, quản trị viên nhập các ngày nghỉ Tết và ghi nhận thông báo.',
    en: 'The Tết holiday schedule for {year} has not been announced (lunar New Year\'s Day is {newYear}). For now only the 1st, 2nd and 3rd days of Tết are days off and every other day counts as a working day, so that no deadline runs longer than the law allows. When the notice is out, an administrator enters the Tết days off and records the notice.',
  },
  'calendar.unconfirmed.national_day': {
    vi: 'Chưa có thông báo ngày nghỉ liền kề Quốc khánh năm {year} (ngày 01/09 hay 03/09). Tạm tính chỉ ngày 02/09 là ngày nghỉ, để không thời hạn nào bị tính dài hơn luật cho phép. Khi có thông báo, quản trị viên nhập ngày nghỉ đó và ghi nhận thông báo.',
    en: 'The day off next to National Day {year} (1 or 3 September) has not been announced. For now only 2 September is a day off, so that no deadline runs longer than the law allows. When the notice is out, an administrator enters that day and records the notice.',
  },
  'calendar.unconfirmed.swaps': {
    vi: 'Chưa ghi nhận thông báo hoán đổi ngày làm việc năm {year} của cơ quan nhà nước. Chưa áp dụng ngày nghỉ hoán đổi hay ngày làm bù nào.',
    en: 'No notice of swapped working days for the state sector in {year} has been recorded. No swapped day off or make-up working day is applied.',
  },
  'calendar.fact_not_found': {
    vi: 'Chưa ghi nhận thông báo "{fact}" năm {year}.',
    en: 'No notice is recorded for "{fact}" in {year}.',
  },
  // Board (issue 3): read-only oversight views.
  'petition.received_range_invalid': {
    vi: 'Ngày nhận từ (receivedFrom) phải trước hoặc trùng ngày nhận đến (receivedTo).',
    en: 'The first day received (receivedFrom) must be on or before the last (receivedTo).',
  },
  'board.period_invalid': {
    vi: 'Ngày bắt đầu (from) phải trước hoặc trùng ngày kết thúc (to).',
    en: 'The first day (from) must be on or before the last day (to).',
  },
  'validation.isShare': { vi: 'Phải là một số từ 0 đến 1.', en: 'Must be a number from 0 to 1.' },
  'board.definition.overdue': {
    vi: 'Quá hạn: thời hạn còn mở (đang chạy hoặc đã quá hạn; thời hạn đang tạm dừng không được liệt kê) mà hạn cuối đã qua. lateBy là thời gian đã quá hạn, tính theo giờ lịch (ISO 8601).',
    en: 'Overdue: an open clock (running or breached; paused clocks are not listed) whose due instant has passed. lateBy is how late it is, in elapsed calendar time (ISO 8601).',
  },
  'board.definition.near_breach': {
    vi: 'Sắp quá hạn: thời hạn còn mở, chưa đến hạn nhưng đã dùng ít nhất nearShare thời gian. Phần đã dùng = (bây giờ − lúc bắt đầu) / (hạn cuối − lúc bắt đầu), tính theo giờ lịch: đây là ước lượng, vì ngày nghỉ và thời gian tạm dừng trước đó cũng được tính là thời gian đã trôi qua. remaining là thời gian còn lại đến hạn cuối.',
    en: 'Near breach: an open clock, not yet due, that has used at least nearShare of its time. Share used = (now − start) / (due − start) in calendar time: an approximation, since days off and earlier pauses count as elapsed time. remaining is the time left before the due instant.',
  },
  'board.definition.order': {
    vi: 'Sắp xếp theo hạn cuối, sớm nhất trước: đơn quá hạn lâu nhất đứng đầu, sau đó là đơn sắp đến hạn nhất. Mỗi dòng là một thời hạn; một đơn có hai thời hạn mở thì xuất hiện hai lần.',
    en: 'Sorted by due instant, earliest first: the most overdue first, then the nearest to breach. Each row is one clock; a petition with two open clocks appears twice.',
  },
  'board.definition.period': {
    vi: 'Kỳ báo cáo theo giờ Việt Nam (UTC+7), gồm cả ngày đầu và ngày cuối: từ 00:00 ngày from đến 24:00 ngày to. Mỗi đơn được tính cho đơn vị đang giữ đơn (đơn vị có thẩm quyền); nâng mức theo dõi không đổi đơn vị giữ đơn, còn chuyển đơn tạo một đơn mới ở nơi nhận. Chỉ tính đơn do đơn vị trong phạm vi của bạn giữ.',
    en: 'The period is in Vietnam time (UTC+7) and includes both days: from 00:00 on from to 24:00 on to. Each petition counts for the unit that holds it (the competent unit); oversight escalation does not move it, and a transfer opens a new petition at the receiving unit. Only petitions held by units in your jurisdiction are counted.',
  },
  'board.definition.received': {
    vi: 'Tiếp nhận: số đơn được tạo trong kỳ tại đơn vị, kể cả đơn do đơn vị khác chuyển đến.',
    en: 'Received: petitions created at the unit in the period, including petitions transferred in from another unit.',
  },
  'board.definition.resolved': {
    vi: 'Đã giải quyết: số đơn có thời hạn giải quyết được hoàn thành trong kỳ (đã có quyết định, kết luận hoặc văn bản trả lời).',
    en: 'Resolved: petitions whose resolution clock was met in the period (a decision, conclusion or answer was issued).',
  },
  'board.definition.resolved_on_time': {
    vi: 'Giải quyết đúng hạn: số đơn đã giải quyết trong kỳ mà thời điểm hoàn thành không muộn hơn hạn cuối (hạn cuối đã tính thời gian tạm dừng và gia hạn) và chưa từng quá hạn. Đơn đã quá hạn vẫn tính là trễ hạn dù sau đó được gia hạn, xác định phức tạp hoặc tính lại hạn; chỉ trừ trường hợp thời điểm quá hạn nằm trong thời gian tạm dừng hợp pháp đã ghi nhận. Đơn được mở lại tính cả thời hạn của lần mở lại. resolvedLate là số còn lại.',
    en: 'Resolved on time: petitions resolved in the period no later than their due instant (the due instant includes pauses and extensions) and never overdue. A petition that went overdue stays late even if it was later extended, flagged complex or had its due date recomputed; the only exception is a breach that fell inside a recorded lawful pause. A reopened petition counts the deadline of its reopening too. resolvedLate is the rest.',
  },
  'board.definition.overdue_now': {
    vi: 'Đang quá hạn: số đơn có thời hạn giải quyết còn mở và đã qua hạn cuối tại thời điểm asOf, không phụ thuộc kỳ báo cáo. Thời hạn đang tạm dừng không được tính.',
    en: 'Overdue now: petitions whose resolution clock is still open and past its due instant at asOf, whatever the period. Paused clocks are not counted.',
  },
  'board.definition.escalated': {
    vi: 'Nâng mức theo dõi: số đơn được báo lên cấp trên để đôn đốc, chỉ đạo trong kỳ vì quá hạn (sự kiện PetitionEscalated). Thẩm quyền giải quyết không chuyển lên cấp trên.',
    en: 'Escalated: petitions reported upward for oversight in the period because of a deadline (a PetitionEscalated event). Competence does not move upward.',
  },
  'board.definition.transferred_out': {
    vi: 'Chuyển đi: số đơn đơn vị đã chuyển cho cơ quan khác trong kỳ (sự kiện PetitionTransferred), tính cho đơn vị chuyển đi.',
    en: 'Transferred out: petitions the unit transferred to another body in the period (a PetitionTransferred event), counted at the transferring unit.',
  },
  'board.definition.on_time_rate': {
    vi: 'Tỷ lệ đúng hạn = giải quyết đúng hạn / đã giải quyết. n là mẫu số; tỷ lệ là null khi n = 0. Khi n nhỏ, không nên so sánh các đơn vị bằng tỷ lệ này.',
    en: 'On-time rate = resolved on time / resolved. n is the denominator; the rate is null when n = 0. With a small n, do not rank units by this rate.',
  },
  'board.definition.grassroots_rate': {
    vi: 'Tỷ lệ giải quyết tại cơ sở = số đơn được giải quyết trong kỳ ở cấp xã (đơn vị giữ đơn là xã, phường, đặc khu hoặc phòng, ban, thôn thuộc xã) mà (a) chưa từng bị nâng mức theo dõi lên cấp trên (mức nâng = 0, không có sự kiện PetitionEscalated) và công dân chưa khiếu nại lần hai lên cấp trên (SecondInstanceRequested); (b) chưa từng bị chuyển đi (không có PetitionTransferred); (c) không phải đơn do cấp trên chuyển xuống (đơn chuyển đến chỉ được tính khi đơn gốc nằm trong hệ thống và do một đơn vị cấp xã giữ), chia cho n = tổng số đơn được giải quyết trong kỳ ở cấp xã. Tỷ lệ là null khi n = 0. Sự hài lòng của công dân chưa được ghi nhận nên chưa tính vào tỷ lệ; các sự việc xảy ra sau kỳ (nâng mức, khiếu nại lần hai) cũng được tính.',
    en: 'Grassroots resolution rate = petitions resolved in the period at commune level (held by a commune, ward or special zone, or a department or hamlet under it) that (a) were never escalated upward (escalation level 0, no PetitionEscalated event) and were not taken to the superior by a second-time complaint (SecondInstanceRequested); (b) were never transferred (no PetitionTransferred); (c) were not sent down from a higher level (a transferred-in petition counts only when its original is in the system and was held by a commune-level unit), divided by n = all petitions resolved in the period at commune level. The rate is null when n = 0. Citizen satisfaction is not recorded yet, so it is not part of the rate; events after the period (an escalation, a second-time complaint) are taken into account.',
  },
} as const satisfies Record<string, Message>;

/**
 * One catalogue, assembled from parts so each feature keeps its text next to its code. A key defined twice is
 * caught by messages.spec.ts.
 */
export const MESSAGES = {
  ...CORE_MESSAGES,
  ...DIALOGUE_MESSAGES,
  ...RECEPTION_MESSAGES,
  ...SATISFACTION_MESSAGES,
  ...TRACKING_MESSAGES,
  ...GROUPING_MESSAGES,
  ...COMPLAINT_PATH_MESSAGES,
  ...RECEIPT_MESSAGES,
} as const satisfies Record<string, Message>;

/** The parts, for the duplicate-key check. */
export const MESSAGE_PARTS: readonly Readonly<Record<string, Message>>[] = [CORE_MESSAGES, DIALOGUE_MESSAGES, RECEPTION_MESSAGES, SATISFACTION_MESSAGES, GROUPING_MESSAGES, TRACKING_MESSAGES, COMPLAINT_PATH_MESSAGES, RECEIPT_MESSAGES];

export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES, key);
}

/** A placeholder value: plain, or already translated (e.g. a status label). */
export type MessageParam = string | number | Message;

/** English plural forms: 1 takes the singular, every other count the plural (Vietnamese nouns do not inflect). */
export function pluralForm<T>(count: number, one: T, other: T): T {
  return count === 1 ? one : other;
}

/**
 * A count with its noun: `{count|alert|alerts}` renders "1 alert", "2 alerts". English templates write every
 * count this way; Vietnamese ones write `{count}`. The forms are literal text (no placeholders inside).
 */
export const PLURAL_PLACEHOLDER = /\{(\w+)\|([^{}|]*)\|([^{}|]*)\}/g;

/** Fills one template's `{name}` and `{count|one|other}` placeholders in `lang` (translated params pick their language). */
export function fillTemplate(template: string, lang: keyof Message, params: Readonly<Record<string, MessageParam>> = {}): string {
  const value = (name: string) => (Object.hasOwn(params, name) ? params[name] : undefined);
  return template.replace(/\{(\w+)\}|\{(\w+)\|([^{}|]*)\|([^{}|]*)\}/g, (m, name: string | undefined, counted: string | undefined, one: string, other: string) => {
    if (counted !== undefined) {
      const n = value(counted);
      return typeof n === 'number' ? `${n} ${pluralForm(n, one, other)}` : n === undefined ? m : `${typeof n === 'object' ? n[lang] : n} ${other}`;
    }
    const v = value(name!);
    return v === undefined ? m : typeof v === 'object' ? v[lang] : String(v);
  });
}

/** Renders a message in both languages, filling `{name}` placeholders (translated params pick their language). */
export function renderMessage(key: MessageKey, params: Record<string, MessageParam> = {}): Message {
  const m = MESSAGES[key];
  return { vi: fillTemplate(m.vi, 'vi', params), en: fillTemplate(m.en, 'en', params) };
}

/** Parts of one sentence as a list: "a", "a and b", "a, b and c" (và in Vietnamese). */
export function listMessages(parts: readonly Message[]): Message {
  const join = (items: string[], and: string) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`);
  return { vi: join(parts.map((p) => p.vi), ' và '), en: join(parts.map((p) => p.en), ' and ') };
}

/** Labels for enumerations shown to people. */
export const LABELS = {
  // Dialogue and commitment enumerations (issue 4), kept next to their messages.
  ...DIALOGUE_LABELS,
  ...RECEIPT_LABELS,
  status: {
    received: { vi: 'Tiếp nhận', en: 'Received' },
    accepted: { vi: 'Đã thụ lý', en: 'Accepted' },
    rejected: { vi: 'Không thụ lý', en: 'Not accepted' },
    transferred: { vi: 'Đã chuyển đơn', en: 'Transferred' },
    guided: { vi: 'Đã hướng dẫn', en: 'Guided' },
    filed: { vi: 'Lưu đơn', en: 'Filed without action' },
    assigned: { vi: 'Đã giao xử lý', en: 'Assigned' },
    verifying: { vi: 'Đang xác minh', en: 'Verifying' },
    decided: { vi: 'Đã có quyết định giải quyết', en: 'Decided' },
    concluded: { vi: 'Đã kết luận', en: 'Concluded' },
    answered: { vi: 'Đã trả lời', en: 'Answered' },
    reopened: { vi: 'Phản hồi lại', en: 'Reopened' },
    closed: { vi: 'Kết thúc', en: 'Closed' },
    withdrawn: { vi: 'Đã rút đơn', en: 'Withdrawn' },
  },
  action: {
    accept: { vi: 'Thụ lý', en: 'Accept' },
    reject: { vi: 'Không thụ lý', en: 'Reject' },
    transfer: { vi: 'Chuyển đơn', en: 'Transfer' },
    guide: { vi: 'Hướng dẫn', en: 'Guide' },
    file: { vi: 'Lưu đơn', en: 'File without action' },
    assign: { vi: 'Giao xử lý', en: 'Assign' },
    'start-verification': { vi: 'Bắt đầu xác minh', en: 'Start verification' },
    'report-verification': { vi: 'Báo cáo kết quả xác minh', en: 'Report verification results' },
    resolve: { vi: 'Giải quyết', en: 'Resolve' },
    close: { vi: 'Kết thúc', en: 'Close' },
    withdraw: { vi: 'Rút đơn', en: 'Withdraw' },
    reopen: { vi: 'Mở lại', en: 'Reopen' },
    'request-second-instance': { vi: 'Khiếu nại lần hai / tố cáo tiếp', en: 'Second instance' },
    create: { vi: 'Tạo đơn', en: 'Create' },
  },
  /** Entries of a petition's trail on the staff timeline. */
  event: PETITION_EVENT_LABELS,
  role: {
    desk: { vi: 'Tiếp dân', en: 'Reception desk' },
    head: { vi: 'Lãnh đạo', en: 'Head' },
    handler: { vi: 'Cán bộ xử lý', en: 'Handler' },
    board: { vi: 'Ban Dân vận', en: 'Mass-mobilization board' },
    admin: { vi: 'Quản trị', en: 'Administrator' },
  },
  entity: {
    petition: { vi: 'đơn', en: 'Petition' },
    notification: { vi: 'thông báo', en: 'Notification' },
    trackingCode: { vi: 'mã tra cứu', en: 'Tracking code' },
    action: { vi: 'thao tác', en: 'Action' },
    resource: { vi: 'tài nguyên', en: 'Resource' },
    clock: { vi: 'thời hạn', en: 'Deadline' },
    deadlinePolicy: { vi: 'phiên bản chính sách thời hạn', en: 'Deadline policy version' },
  },
  kind: {
    complaint: { vi: 'Khiếu nại', en: 'Complaint' },
    denunciation: { vi: 'Tố cáo', en: 'Denunciation' },
    recommendation: { vi: 'Kiến nghị', en: 'Recommendation' },
    feedback: { vi: 'Phản ánh', en: 'Feedback' },
  },
  /** Day names as used mid-sentence ("hết thứ Hai 28/12/2026"); 0 = Sunday, as dayOfWeek() counts. */
  weekday: {
    '0': { vi: 'Chủ nhật', en: 'Sunday' },
    '1': { vi: 'thứ Hai', en: 'Monday' },
    '2': { vi: 'thứ Ba', en: 'Tuesday' },
    '3': { vi: 'thứ Tư', en: 'Wednesday' },
    '4': { vi: 'thứ Năm', en: 'Thursday' },
    '5': { vi: 'thứ Sáu', en: 'Friday' },
    '6': { vi: 'thứ Bảy', en: 'Saturday' },
  },
  durationUnit: {
    calendar_days: { vi: 'ngày', en: 'days' },
    working_days: { vi: 'ngày làm việc', en: 'working days' },
  },
  /** The unit after a count of 1 (see pluralForm). */
  durationUnitOne: {
    calendar_days: { vi: 'ngày', en: 'day' },
    working_days: { vi: 'ngày làm việc', en: 'working day' },
  },
  /** What starts a clock, as the day that is not counted (BLDS Art 147). */
  clockStart: {
    PetitionReceived: { vi: 'ngày nhận đơn', en: 'the day of receipt' },
    PetitionAccepted: { vi: 'ngày thụ lý', en: 'the day of acceptance' },
    PetitionReopened: { vi: 'ngày mở lại đơn', en: 'the day the petition was reopened' },
    CommitmentCreated: { vi: 'ngày đưa ra cam kết', en: 'the day the commitment was made' },
    DialogueHeld: { vi: 'ngày tổ chức đối thoại', en: 'the day of the dialogue' },
    other: { vi: 'ngày phát sinh', en: 'the starting day' },
  },
  clockStatus: {
    running: { vi: 'Đang tính', en: 'Running' },
    paused: { vi: 'Tạm dừng', en: 'Paused' },
    breached: { vi: 'Quá hạn', en: 'Overdue' },
    met: { vi: 'Đã hoàn thành', en: 'Met' },
    cancelled: { vi: 'Không còn áp dụng', en: 'Cancelled' },
  },
  complexity: {
    standard: { vi: 'không phức tạp', en: 'not complex' },
    complex: { vi: 'phức tạp', en: 'complex' },
    particularly_complex: { vi: 'đặc biệt phức tạp', en: 'particularly complex' },
  },
  pauseReason: {
    suspension: { vi: 'tạm đình chỉ giải quyết', en: 'suspension' },
    awaiting_citizen_documents: { vi: 'chờ công dân bổ sung tài liệu', en: 'awaiting documents from the citizen' },
    awaiting_other_agency: { vi: 'chờ kết quả của cơ quan khác', en: 'awaiting another agency' },
    force_majeure: { vi: 'sự kiện bất khả kháng', en: 'force majeure' },
  },
  dayOffKind: {
    weekend: { vi: 'Cuối tuần', en: 'Weekend' },
    holiday: { vi: 'Ngày lễ', en: 'Public holiday' },
    compensatory: { vi: 'Nghỉ bù', en: 'Compensatory day off' },
    swap_off: { vi: 'Nghỉ hoán đổi', en: 'Swapped day off' },
  },
  /** Facts of the calendar fixed by a yearly announcement (calendar-facts.ts). */
  calendarFact: {
    tet: { vi: 'Lịch nghỉ Tết Nguyên đán', en: 'Tết holiday schedule' },
    national_day: { vi: 'Ngày nghỉ liền kề Quốc khánh 2/9', en: 'Day off next to National Day (2 September)' },
    swaps: { vi: 'Ngày nghỉ hoán đổi và ngày làm bù', en: 'Swapped days off and make-up working days' },
  },
} as const satisfies Record<string, Record<string, Message>>;
