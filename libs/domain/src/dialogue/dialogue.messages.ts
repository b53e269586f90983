import type { Message } from '../shared/message.js';

/** User-facing text for dialogues and commitments: part of the one catalogue (shared/messages.ts). */
export const DIALOGUE_MESSAGES = {
  'dialogue.transition_not_allowed': {
    vi: 'Không thể "{action}" khi cuộc đối thoại đang ở trạng thái "{status}".',
    en: 'Cannot "{action}" while the dialogue is "{status}".',
  },
  'dialogue.role_not_allowed': { vi: 'Vai trò "{role}" không được thực hiện "{action}" với cuộc đối thoại.', en: 'The role "{role}" may not "{action}" a dialogue.' },
  'dialogue.voters_request_commune_only': {
    vi: 'Yêu cầu của cử tri (từ 10% trở lên) chỉ áp dụng cho hội nghị đối thoại ở xã.',
    en: 'A request by voters (10% or more) applies only to a commune dialogue conference.',
  },
  'dialogue.voter_threshold_not_met': {
    vi: 'Cần ít nhất {required} cử tri (10% của {registeredVoters} cử tri) yêu cầu; mới có {voterCount}.',
    en: 'At least {required} voters (10% of {registeredVoters}) must request it; only {voterCount} did.',
  },
  'dialogue.complaint_petition_required': {
    vi: 'Đối thoại giải quyết khiếu nại phải gắn với đơn khiếu nại.',
    en: 'A complaint-resolution dialogue must be linked to the complaint.',
  },
  'dialogue.schedule_in_past': { vi: 'Thời gian tổ chức phải ở tương lai.', en: 'The dialogue must be scheduled in the future.' },
  'dialogue.notice_too_short': {
    vi: 'Phải thông báo trước ít nhất {days} ngày: thông báo hôm nay thì sớm nhất ngày {earliest} mới được tổ chức, nhưng lịch là ngày {scheduledOn}. Hãy đổi lịch trước.',
    en: 'Notice must be given at least {days} days before: announced today, the earliest day is {earliest}, but it is scheduled for {scheduledOn}. Reschedule first.',
  },
  'dialogue.notice_period_not_met': {
    vi: 'Hội nghị đã thông báo ngày {announcedOn} nên sớm nhất ngày {earliest} mới được tổ chức (trước ít nhất {days} ngày), không phải ngày {heldOn}.',
    en: 'Announced on {announcedOn}, the conference may be held from {earliest} (at least {days} days later), not on {heldOn}.',
  },
  'dialogue.held_in_future': { vi: 'Thời điểm tổ chức không thể ở tương lai.', en: 'The time it was held cannot be in the future.' },
  'dialogue.held_before_announcement': {
    vi: 'Thời điểm tổ chức không thể trước thời điểm thông báo.',
    en: 'The time it was held cannot precede the announcement.',
  },
  'dialogue.question_id_duplicate': { vi: 'Mã câu hỏi "{questionId}" bị trùng trong biên bản.', en: 'The question id "{questionId}" appears twice in the minutes.' },
  'dialogue.question_unknown': { vi: 'Biên bản không có câu hỏi này.', en: 'The minutes contain no such question.' },
  'dialogue.question_already_resolved': {
    vi: 'Câu hỏi "{questionId}" đã được xử lý.',
    en: 'The question "{questionId}" has already been resolved.',
  },
  'dialogue.questions_unresolved': {
    vi: 'Còn {count} câu hỏi chưa được trả lời, chuyển thành đơn hoặc thành cam kết.',
    en: '{count} questions are not yet answered, turned into a petition or into a commitment.',
  },
  'dialogue.petitions_already_linked': { vi: 'Các đơn này đã được gắn với cuộc đối thoại.', en: 'These petitions are already linked to the dialogue.' },
  'commitment.transition_not_allowed': {
    vi: 'Không thể "{action}" khi cam kết đang ở trạng thái "{status}".',
    en: 'Cannot "{action}" while the commitment is "{status}".',
  },
  'commitment.due_in_past': { vi: 'Hạn thực hiện cam kết không thể ở quá khứ.', en: 'A commitment cannot be due in the past.' },
  'commitment.evidence_required': {
    vi: 'Cần có ít nhất một minh chứng trước khi xác nhận đã thực hiện cam kết.',
    en: 'At least one piece of evidence is needed before a commitment is marked done.',
  },
  'commitment.not_yet_due': { vi: 'Cam kết chưa đến hạn nên chưa thể coi là quá hạn.', en: 'The commitment is not yet due, so it cannot be overdue.' },
} as const satisfies Record<string, Message>;
