import type { Message } from '../shared/message.js';

/** User-facing text for citizen-reception days: part of the one catalogue (shared/messages.ts). */
export const RECEPTION_MESSAGES = {
  'reception.transition_not_allowed': {
    vi: 'Không thể "{action}" khi ngày tiếp công dân đang ở trạng thái "{status}".',
    en: 'Cannot "{action}" while the reception day is "{status}".',
  },
  'reception.role_not_allowed': {
    vi: 'Vai trò "{role}" không được thực hiện "{action}" với lịch tiếp công dân.',
    en: 'The role "{role}" may not "{action}" a reception day.',
  },
  'reception.held_in_future': {
    vi: 'Chưa thể ghi nhận đã tiếp công dân: ngày tiếp {date} chưa đến (hôm nay là {today}, giờ Việt Nam). Chỉ ghi nhận kết quả vào hoặc sau ngày tiếp.',
    en: 'Cannot record the reception as held: its day, {date}, has not come yet (today is {today}, Vietnam time). Record it on or after the day.',
  },
  'reception.date_in_past': {
    vi: 'Ngày tiếp công dân phải từ hôm nay trở đi.',
    en: 'A reception day must be today or later.',
  },
  'reception.headcount_below_names': {
    vi: 'Số lượt công dân đến không được ít hơn số người đã ghi tên.',
    en: 'The headcount cannot be lower than the number of names listed.',
  },
  'reception.petitions_already_linked': {
    vi: 'Các đơn này đã được gắn với ngày tiếp công dân.',
    en: 'These petitions are already linked to the reception day.',
  },
  'reception.petition_invalid': {
    vi: 'Đơn không tồn tại hoặc không thuộc phạm vi của bạn.',
    en: 'The petition does not exist or is outside your jurisdiction.',
  },
  'reception.unit_invalid': {
    vi: 'Đơn vị không tồn tại, không thuộc phạm vi của bạn hoặc không phải cấp {level}.',
    en: 'The unit does not exist, is outside your jurisdiction, or is not at {level} level.',
  },
  'reception.host_invalid': {
    vi: 'Người chủ trì tiếp công dân phải là lãnh đạo (vai trò "head") đang hoạt động của chính đơn vị đó.',
    en: 'The host must be an active head (role "head") of that very unit.',
  },
  'reception.host_not_duty_holder': {
    vi: 'Người chủ trì không giữ chức danh "{position}" tại đơn vị này vào ngày {date}. Hãy ghi nhận phân công tiếp công dân trước.',
    en: 'The host does not hold the position "{position}" in this unit on {date}. Record the reception duty first.',
  },
  'reception.day_exists': {
    vi: 'Người chủ trì đã có lịch tiếp công dân ngày {date}.',
    en: 'The host already has a reception day on {date}.',
  },
  'reception.version_conflict': {
    vi: 'Ngày tiếp công dân đã được người khác cập nhật (phiên bản hiện tại {version}). Hãy tải lại rồi thử lại.',
    en: 'Someone else updated this reception day (current version {version}). Reload and try again.',
  },
  'reception.duty_overlap': {
    vi: 'Người này đã giữ chức danh "{position}" tại đơn vị này trong khoảng thời gian đó.',
    en: 'This person already holds the position "{position}" in this unit over that period.',
  },
  'reception.rule_one_frequency': {
    vi: 'Cần đúng một trong hai: số ngày tối thiểu mỗi tháng hoặc mỗi tuần.',
    en: 'Give exactly one of the minimum days per month or per week.',
  },
  'reception.rule_dates_order': {
    vi: 'Ngày hết hiệu lực phải từ ngày bắt đầu hiệu lực trở đi.',
    en: 'The end of validity cannot precede its start.',
  },
  'reception.rule_effective_not_after_current': {
    vi: 'Ngày hiệu lực phải sau ngày bắt đầu của quy định đang áp dụng cho chức danh này ({from}).',
    en: 'The effective date must be after the start of the rule now in force for this position ({from}).',
  },
  'reception.compliance.required': {
    vi: 'Số ngày tiếp công dân tối thiểu trong tháng theo quy định đang áp dụng từ ngày đầu tháng, chỉ tính phần tháng người đó giữ chức danh: quy định theo tháng được tính theo tỷ lệ số ngày giữ chức danh trong tháng (làm tròn đến ngày gần nhất); quy định theo tuần: số ngày mỗi tuần × số tuần (có ngày thứ Năm thuộc tháng) mà người đó giữ chức danh suốt từ thứ Hai đến thứ Sáu.',
    en: 'Minimum reception days in the month under the rule in force on its first day, for the part of the month the person held the position: a monthly rule pro-rated to the days held in the month (rounded to the nearest day); a weekly rule, days per week × the weeks (whose Thursday falls in the month) held from Monday to Friday.',
  },
  'reception.compliance.held': {
    vi: 'Số ngày (theo lịch Việt Nam) đã ghi nhận tiếp công dân; ngày đã hủy hoặc mới lên lịch không được tính.',
    en: 'Distinct days (Vietnam calendar) recorded as held; cancelled or merely planned days do not count.',
  },
  'reception.compliance.flagged': {
    vi: 'Bị cảnh báo khi số ngày đã tiếp ít hơn mức tối thiểu và thời hạn đã qua hoặc không còn đủ ngày để bù (quy định theo tuần: có tuần đã qua mà chưa đủ).',
    en: 'Flagged when fewer days were held than required and the period is over or too few days are left to make it up (a weekly rule: any week over and short).',
  },
  'reception.compliance.in_progress': {
    vi: 'Đang thực hiện: tháng (hoặc tuần) chưa kết thúc, chưa đủ số ngày nhưng vẫn còn kịp; chưa bị cảnh báo.',
    en: 'In progress: the month (or week) is not over, not yet met but still possible; not flagged.',
  },
} as const satisfies Record<string, Message>;
