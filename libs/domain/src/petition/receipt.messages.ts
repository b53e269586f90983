import type { Message } from '../shared/message.js';

/** The printed receipt slip (giấy biên nhận đơn): part of the one catalogue (shared/messages.ts). */
export const RECEIPT_MESSAGES = {
  'receipt.heading': { vi: 'GIẤY BIÊN NHẬN ĐƠN', en: 'PETITION RECEIPT' },
  'receipt.received': {
    vi: '{unitName} đã nhận đơn {kind} của ông/bà ngày {receivedOn}.',
    en: '{unitName} received your {kind} petition on {receivedOn}.',
  },
  'receipt.received_anonymous': {
    vi: '{unitName} đã nhận thông tin {kind} không ghi tên người gửi ngày {receivedOn}.',
    en: '{unitName} received {kind} information without a sender’s name on {receivedOn}.',
  },
  'receipt.track': {
    vi: 'Tra cứu tình trạng giải quyết đơn tại {trackingUrl} (hoặc quét mã QR) với mã tra cứu {trackingCode}. Xin giữ giấy này.',
    en: 'Follow your petition at {trackingUrl} (or scan the QR code) with the tracking code {trackingCode}. Please keep this slip.',
  },
  'receipt.next_step': { vi: '{what}: chậm nhất hết ngày {dueOn}.', en: '{what}: by the end of {dueOn} at the latest.' },
  'receipt.next_step_paused': { vi: '{what}: thời hạn đang tạm dừng.', en: '{what}: the time limit is paused.' },
  'receipt.no_next_steps': {
    vi: 'Đơn không còn thời hạn nào đang tính; xem tình trạng đơn tại trang tra cứu.',
    en: 'No time limit is running on this petition; see its status on the tracking page.',
  },
} as const satisfies Record<string, Message>;

/** Labels the receipt uses, merged into LABELS. */
export const RECEIPT_LABELS = {
  /** What a running clock is waiting for, in the citizen's words (the "what happens next" on the slip). */
  clockKind: {
    processing: { vi: 'Xem xét, xử lý đơn', en: 'Your letter is looked at and dealt with' },
    acceptance: { vi: 'Quyết định thụ lý hoặc không thụ lý đơn', en: 'A decision on whether your petition is accepted' },
    resolution: { vi: 'Giải quyết đơn', en: 'Your petition is resolved' },
    notice: { vi: 'Thông báo bằng văn bản cho người gửi đơn', en: 'You are notified in writing' },
    party_reply: { vi: 'Bí thư cấp ủy trả lời bằng văn bản', en: 'The Party secretary replies in writing' },
  },
  /** How the petition reached the unit. */
  channel: {
    in_person: { vi: 'Trực tiếp', en: 'In person' },
    mail: { vi: 'Qua bưu điện', en: 'By post' },
    hotline: { vi: 'Qua đường dây nóng', en: 'By hotline' },
    online: { vi: 'Trực tuyến', en: 'Online' },
    dialogue: { vi: 'Tại buổi đối thoại', en: 'At a dialogue' },
    transferred_in: { vi: 'Do cơ quan khác chuyển đến', en: 'Transferred from another body' },
  },
} as const satisfies Record<string, Record<string, Message>>;
