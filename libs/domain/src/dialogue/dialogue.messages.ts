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
    en: 'At least {required|voter|voters} (10% of {registeredVoters}) must request it; only {voterCount} did.',
  },
  'dialogue.complaint_petition_required': {
    vi: 'Đối thoại giải quyết khiếu nại phải gắn với đơn khiếu nại.',
    en: 'A complaint-resolution dialogue must be linked to the complaint.',
  },
  'dialogue.schedule_in_past': { vi: 'Thời gian tổ chức phải ở tương lai.', en: 'The dialogue must be scheduled in the future.' },
  'dialogue.notice_too_short': {
    vi: 'Phải thông báo trước ít nhất {days} ngày: thông báo hôm nay thì sớm nhất ngày {earliest} mới được tổ chức, nhưng lịch là ngày {scheduledOn}. Hãy đổi lịch trước.',
    en: 'Notice must be given at least {days|day|days} before: announced today, the earliest day is {earliest}, but it is scheduled for {scheduledOn}. Reschedule first.',
  },
  'dialogue.notice_period_not_met': {
    vi: 'Hội nghị đã thông báo ngày {announcedOn} nên sớm nhất ngày {earliest} mới được tổ chức (trước ít nhất {days} ngày), không phải ngày {heldOn}.',
    en: 'Announced on {announcedOn}, the conference may be held from {earliest} (at least {days|day|days} later), not on {heldOn}.',
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
    en: '{count|question is|questions are} not yet answered, turned into a petition or into a commitment.',
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
  'dialogue.commitments_pending': {
    vi: 'Còn {count} cam kết đang thực hiện và chưa đến hạn; chỉ kết thúc đối thoại khi mọi cam kết đã hoàn thành, chuyển thành đơn, hủy bỏ hoặc quá hạn (sẽ được báo cáo lại ở hội nghị sau).',
    en: '{count|commitment is|commitments are} still under way and not yet due; a dialogue closes only once every commitment is done, transferred, dropped or overdue (overdue ones are reported at the next conference).',
  },
  'dialogue.version_conflict': {
    vi: 'Cuộc đối thoại đã được người khác cập nhật (phiên bản hiện tại {version}). Hãy tải lại rồi thử lại.',
    en: 'Someone else updated this dialogue (current version {version}). Reload and try again.',
  },
  'dialogue.unit_invalid': {
    vi: 'Đơn vị tổ chức không tồn tại hoặc ngoài phạm vi của bạn.',
    en: 'The convening unit does not exist or is outside your jurisdiction.',
  },
  'dialogue.conference_unit_commune': {
    vi: 'Hội nghị đối thoại với Nhân dân do UBND xã, phường, đặc khu tổ chức (Luật Tổ chức chính quyền địa phương Điều 43).',
    en: 'A dialogue conference with the people is convened by a commune, ward or special zone (Law on Local Government Art 43).',
  },
  'dialogue.petition_invalid': {
    vi: 'Đơn không tồn tại hoặc ngoài phạm vi của bạn.',
    en: 'The petition does not exist or is outside your jurisdiction.',
  },
  'dialogue.complaint_petition_kind': {
    vi: 'Đối thoại giải quyết khiếu nại chỉ gắn với đơn khiếu nại có cùng lần giải quyết (lần đầu / lần hai).',
    en: 'A complaint-resolution dialogue links only complaints of the same instance (first or second time).',
  },
  'dialogue.second_complaint_dialogue_required': {
    vi: 'Chưa thể giải quyết khiếu nại lần hai: người giải quyết phải tổ chức đối thoại trước khi ra quyết định (Luật Khiếu nại 2011 Điều 39; Nghị định 124/2020/NĐ-CP Điều 28). Hãy gắn đơn với một cuộc đối thoại giải quyết khiếu nại và tổ chức đối thoại.',
    en: 'This second-time complaint cannot be decided yet: the resolver must hold a dialogue first (Law on Complaints 2011 Art 39; Decree 124/2020/ND-CP Art 28). Link it to a complaint-resolution dialogue and hold it.',
  },
  'dialogue.default_petitioner': { vi: 'Người dân tại hội nghị đối thoại', en: 'A resident at the dialogue' },
  'commitment.version_conflict': {
    vi: 'Cam kết đã được người khác cập nhật (phiên bản hiện tại {version}). Hãy tải lại rồi thử lại.',
    en: 'Someone else updated this commitment (current version {version}). Reload and try again.',
  },
  'commitment.role_not_allowed': {
    vi: 'Vai trò "{role}" không được thực hiện "{action}" với cam kết.',
    en: 'The role "{role}" may not "{action}" a commitment.',
  },
  'commitment.owner_unit_invalid': {
    vi: 'Đơn vị chủ trì thực hiện cam kết không tồn tại hoặc ngoài phạm vi của bạn.',
    en: 'The owner unit does not exist or is outside your jurisdiction.',
  },
  'commitment.dialogue_not_held': {
    vi: 'Chỉ tạo cam kết cho cuộc đối thoại đã tổ chức và chưa kết thúc (đang ở trạng thái "{status}").',
    en: 'Commitments are made only at a dialogue that was held and is not closed (it is "{status}").',
  },
  'commitment.transfer_target_required': {
    vi: 'Cần nêu đúng một trong hai: đơn đã có (petitionId) hoặc loại đơn mới cần mở (petitionKind).',
    en: 'Give exactly one of an existing petition (petitionId) or the kind of a new petition to open (petitionKind).',
  },
} as const satisfies Record<string, Message>;

/** Labels for the dialogue and commitment enumerations, spread into LABELS (shared/messages.ts). */
export const DIALOGUE_LABELS = {
  dialogueKind: {
    commune_conference: { vi: 'Hội nghị đối thoại với Nhân dân', en: 'Commune dialogue conference' },
    party_head_direct: { vi: 'Bí thư đối thoại trực tiếp', en: 'Party head direct dialogue' },
    complaint_resolution: { vi: 'Đối thoại giải quyết khiếu nại', en: 'Complaint-resolution dialogue' },
    draft_decision_consultation: { vi: 'Lấy ý kiến dự thảo quyết định', en: 'Consultation on a draft decision' },
  },
  dialogueStatus: {
    requested: { vi: 'Có yêu cầu', en: 'Requested' },
    planned: { vi: 'Lập kế hoạch', en: 'Planned' },
    announced: { vi: 'Đã thông báo', en: 'Announced' },
    held: { vi: 'Đã tổ chức', en: 'Held' },
    results_published: { vi: 'Đã thông báo kết quả', en: 'Results published' },
    follow_up: { vi: 'Theo dõi thực hiện cam kết', en: 'Follow-up' },
    closed: { vi: 'Kết thúc', en: 'Closed' },
    cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
  },
  dialogueAction: {
    request: { vi: 'Đề nghị tổ chức đối thoại', en: 'Request' },
    plan: { vi: 'Lập kế hoạch', en: 'Plan' },
    announce: { vi: 'Thông báo', en: 'Announce' },
    reschedule: { vi: 'Đổi lịch', en: 'Reschedule' },
    hold: { vi: 'Tổ chức hội nghị', en: 'Hold' },
    'publish-results': { vi: 'Thông báo kết quả', en: 'Publish results' },
    'start-follow-up': { vi: 'Theo dõi thực hiện', en: 'Start follow-up' },
    close: { vi: 'Kết thúc', en: 'Close' },
    cancel: { vi: 'Hủy', en: 'Cancel' },
    'link-petitions': { vi: 'Gắn đơn', en: 'Link petitions' },
    'resolve-question': { vi: 'Xử lý câu hỏi', en: 'Resolve a question' },
  },
  commitmentStatus: {
    open: { vi: 'Mới', en: 'Open' },
    in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
    done: { vi: 'Đã thực hiện', en: 'Done' },
    overdue: { vi: 'Quá hạn', en: 'Overdue' },
    transferred: { vi: 'Đã chuyển thành đơn', en: 'Transferred to a petition' },
    dropped: { vi: 'Không thực hiện (có lý do)', en: 'Dropped' },
  },
  commitmentAction: {
    create: { vi: 'Tạo cam kết', en: 'Create' },
    start: { vi: 'Bắt đầu thực hiện', en: 'Start' },
    'add-evidence': { vi: 'Bổ sung minh chứng', en: 'Add evidence' },
    complete: { vi: 'Xác nhận hoàn thành', en: 'Complete' },
    'mark-overdue': { vi: 'Ghi nhận quá hạn', en: 'Mark overdue' },
    transfer: { vi: 'Chuyển thành đơn', en: 'Transfer to a petition' },
    drop: { vi: 'Không thực hiện', en: 'Drop' },
  },
  dialogueEntity: {
    dialogue: { vi: 'cuộc đối thoại', en: 'Dialogue' },
    commitment: { vi: 'cam kết', en: 'Commitment' },
  },
} as const satisfies Record<string, Record<string, Message>>;
