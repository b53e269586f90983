import type { Message } from '../shared/message.js';

/** Text of the complaint's legal path (LKN Art 9, 32, 33, 44; Luật Tố tụng hành chính 2015 Art 116). */
export const COMPLAINT_PATH_MESSAGES = {
  'petition.second_instance_exists': {
    vi: 'Quyết định này đã có yêu cầu giải quyết lần hai (đơn {trackingCode}); mỗi quyết định chỉ yêu cầu một lần. Hãy theo dõi đơn {trackingCode}.',
    en: 'A second instance was already requested for this decision (petition {trackingCode}); one request per decision. Follow petition {trackingCode}.',
  },
  'petition.second_complaint_window_closed': {
    vi: 'Đã hết thời hạn khiếu nại lần hai: hạn cuối là hết ngày {lastDay} (Luật Khiếu nại 2011 Điều 33). Nếu người khiếu nại không thể khiếu nại đúng hạn vì ốm đau, thiên tai, địch họa, đi công tác, học tập ở nơi xa hoặc trở ngại khách quan khác, hãy ghi nhận khoảng thời gian đó trước; thời gian ấy không tính vào thời hạn.',
    en: 'The time for a second-time complaint has run out: the last day was {lastDay} (Law on Complaints 2011, Art 33). If the complainant could not act in time because of illness, natural disaster, war, work or study far away or another objective obstacle, record that period first; it is not counted.',
  },
  'petition.obstacle_kind': {
    vi: 'Chỉ ghi nhận trở ngại khách quan cho đơn khiếu nại.',
    en: 'Obstacles are recorded for complaints only.',
  },
  'petition.obstacle_range': {
    vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi và không sau hôm nay.',
    en: 'The end date must be on or after the start date and not after today.',
  },
  'petition.filing_limit_exceeded': {
    vi: 'Đơn nộp sau {elapsed} ngày kể từ ngày nhận hoặc biết quyết định, hành vi bị khiếu nại ({knownOn}), quá thời hiệu {limit} ngày (Luật Khiếu nại 2011 Điều 9). Thời gian ốm đau, thiên tai, địch họa, đi công tác, học tập ở nơi xa hoặc trở ngại khách quan khác không tính vào thời hiệu: người đứng đầu xem xét và quyết định thụ lý, hoặc không thụ lý vì hết thời hiệu (Điều 11).',
    en: 'The complaint came {elapsed} days after the complainant received or learnt of the decision or act ({knownOn}), beyond the {limit}-day limit (Law on Complaints 2011, Art 9). Illness, natural disaster, war, work or study far away or another objective obstacle is not counted: the head decides whether to accept it, or to refuse it because the time limit expired (Art 11).',
  },
  'petition.filing_limit_note_required': {
    vi: 'Đơn khiếu nại này nộp quá thời hiệu 90 ngày: khi vẫn thụ lý, cần ghi rõ lý do (trở ngại khách quan không tính vào thời hiệu, Luật Khiếu nại 2011 Điều 9).',
    en: 'This complaint came after the 90-day limit: to accept it anyway, say why (objective obstacles are not counted, Law on Complaints 2011, Art 9).',
  },
  'petition.rejection_ground_kind': {
    vi: 'Căn cứ "hết thời hiệu khiếu nại" chỉ áp dụng cho đơn khiếu nại.',
    en: 'The ground "complaint time limit expired" applies to complaints only.',
  },
  'petition.decision_known_on_kind': {
    vi: 'Ngày nhận hoặc biết quyết định, hành vi bị khiếu nại chỉ ghi cho đơn khiếu nại.',
    en: 'The date of receiving or learning of the decision applies to complaints only.',
  },
  'petition.decision_known_on_future': {
    vi: 'Ngày nhận hoặc biết quyết định không được sau ngày nộp đơn.',
    en: 'The date of receiving or learning of the decision cannot be after the petition is received.',
  },
  'petition.second_instance_guided_already': {
    vi: 'Đã hướng dẫn người khiếu nại gửi khiếu nại lần hai đến {bodyName} ({address}); mỗi quyết định chỉ yêu cầu một lần.',
    en: 'The complainant was already guided to send the second-time complaint to {bodyName} ({address}); one request per decision.',
  },
  'petition.legal_effect.pending': {
    vi: 'Quyết định chưa có hiệu lực pháp luật; có hiệu lực từ ngày {effectiveOn} nếu không bị khiếu nại lần hai hoặc khởi kiện ({basis}).',
    en: 'The decision is not yet legally effective; it takes effect on {effectiveOn} unless a second-time complaint or a lawsuit is brought ({basis}).',
  },
  'petition.legal_effect.effective': {
    vi: 'Quyết định có hiệu lực pháp luật từ ngày {effectiveOn} và phải được thi hành ngay ({basis}).',
    en: 'The decision has been legally effective since {effectiveOn} and must be executed at once ({basis}).',
  },
  'petition.legal_effect.challenged': {
    vi: 'Người khiếu nại đã khiếu nại lần hai trong thời hạn; quyết định lần đầu không tự có hiệu lực ({basis}).',
    en: 'A second-time complaint was made in time; the first decision does not take effect by lapse of time ({basis}).',
  },
  'board.definition.effective_decisions': {
    vi: 'Số quyết định giải quyết khiếu nại đã có hiệu lực pháp luật trong kỳ: lần đầu sau 30 ngày (vùng sâu, vùng xa 45) kể từ ngày ban hành mà không bị khiếu nại lần hai; lần hai sau 30 ngày (45) kể từ ngày ban hành (Luật Khiếu nại 2011 Điều 44; thời hạn là dữ liệu chính sách). Chưa tính trường hợp khởi kiện.',
    en: 'Complaint decisions that became legally effective in the period: a first-time decision 30 days (45 in remote areas) after issuance without a second-time complaint; a second-time decision 30 days (45) after issuance (Law on Complaints 2011, Art 44; the periods are policy data). Lawsuits are not yet recorded.',
  },
} as const satisfies Record<string, Message>;
