import type { Message } from '../shared/message.js';

/** What the public tracking page tells the citizen (citizen-timeline.ts): part of the one catalogue (shared/messages.ts). */
export const TRACKING_MESSAGES = {
  'tracking.received': { vi: 'Đơn đã được tiếp nhận tại {unitName}.', en: 'Your petition was received by {unitName}.' },
  'tracking.received_on': {
    vi: 'Đơn đến ngày {receivedOn} và được tiếp nhận tại {unitName}; thời hạn xử lý tính từ ngày đơn đến.',
    en: 'Your letter arrived on {receivedOn} and was received by {unitName}; the processing time counts from the day it arrived.',
  },
  'tracking.accepted': { vi: 'Đơn đã được thụ lý để giải quyết.', en: 'Your petition was accepted for handling.' },
  'tracking.rejected': { vi: 'Đơn không được thụ lý. Lý do: {reason}', en: 'Your petition was not accepted. Reason: {reason}' },
  'tracking.transferred': {
    vi: 'Đơn đã được chuyển đến {destination} là nơi có thẩm quyền giải quyết.',
    en: 'Your petition was sent on to {destination}, which is competent to handle it.',
  },
  'tracking.unit_unknown': { vi: 'cơ quan khác', en: 'another body' },
  'tracking.guided': { vi: 'Ông/bà được hướng dẫn như sau: {guidance}', en: 'You were advised as follows: {guidance}' },
  'tracking.filed': { vi: 'Đơn được lưu, không xử lý tiếp.', en: 'Your petition was filed without further action.' },
  'tracking.resolved': { vi: 'Đã có kết quả giải quyết ({status}).', en: 'Your petition has a result ({status}).' },
  'tracking.resolved_summary': { vi: 'Đã có kết quả giải quyết ({status}): {summary}', en: 'Your petition has a result ({status}): {summary}' },
  'tracking.reopened': { vi: 'Đơn được mở lại để xem xét tiếp.', en: 'Your petition was reopened to be looked at again.' },
  'tracking.second_instance': {
    vi: 'Ông/bà đã khiếu nại lần hai; vụ việc được giải quyết tiếp ở cấp trên trực tiếp.',
    en: 'You filed a second-time complaint; the matter continues with the direct superior body.',
  },
  'tracking.withdrawn': { vi: 'Đơn đã được rút.', en: 'The petition was withdrawn.' },
  'tracking.closed': { vi: 'Hồ sơ đơn đã kết thúc.', en: 'The case is closed.' },
  'tracking.rights.second_complaint': {
    vi: 'Nếu không đồng ý với quyết định giải quyết lần đầu, ông/bà có quyền khiếu nại lần hai đến cơ quan cấp trên trực tiếp trong {days} ngày kể từ ngày nhận quyết định: đến hết ngày {lastDay} nếu nhận quyết định ngày {decidedOn} (Luật Khiếu nại 2011 Điều 33), hoặc khởi kiện vụ án hành chính tại Tòa án trong thời hiệu 01 năm kể từ ngày nhận được hoặc biết được quyết định hành chính, hành vi hành chính (Luật Tố tụng hành chính 2015 Điều 116).',
    en: 'If you disagree with the first-time decision, you may file a second-time complaint with the direct superior body within {days|day|days} of receiving it: by the end of {lastDay} if you received it on {decidedOn} (Law on Complaints 2011, Art 33), or bring an administrative lawsuit in court within one year of receiving or learning of the administrative decision or act (Law on Administrative Procedure 2015, Art 116).',
  },
  'tracking.rights.second_complaint_lapsed': {
    vi: 'Thời hạn giải quyết khiếu nại lần đầu đã hết ngày {lapsedOn} mà chưa có quyết định. Ông/bà có quyền khiếu nại lần hai đến cơ quan cấp trên trực tiếp trong {days} ngày, đến hết ngày {lastDay} (Luật Khiếu nại 2011 Điều 33), hoặc khởi kiện vụ án hành chính tại Tòa án trong thời hiệu 01 năm kể từ ngày nhận được hoặc biết được quyết định hành chính, hành vi hành chính (Luật Tố tụng hành chính 2015 Điều 116).',
    en: 'The time to decide the first-time complaint ran out on {lapsedOn} without a decision. You may file a second-time complaint with the direct superior body within {days|day|days}, by the end of {lastDay} (Law on Complaints 2011, Art 33), or bring an administrative lawsuit in court within one year of receiving or learning of the administrative decision or act (Law on Administrative Procedure 2015, Art 116).',
  },
  'tracking.rights.lawsuit': {
    vi: 'Nếu không đồng ý với quyết định giải quyết lần hai, ông/bà có quyền khởi kiện vụ án hành chính tại Tòa án trong thời hiệu 01 năm kể từ ngày nhận được hoặc biết được quyết định hành chính, hành vi hành chính (Luật Tố tụng hành chính 2015 Điều 116; Luật Khiếu nại 2011 Điều 7, Điều 33).',
    en: 'If you disagree with the second-time decision, you may bring an administrative lawsuit in court within one year of receiving or learning of the administrative decision or act (Law on Administrative Procedure 2015, Art 116; Law on Complaints 2011, Art 7 and 33).',
  },
  'tracking.rights.re_denunciation': {
    vi: 'Nếu có căn cứ cho rằng việc giải quyết tố cáo không đúng pháp luật, ông/bà có quyền tố cáo tiếp đến cơ quan cấp trên trực tiếp (Luật Tố cáo 2018 Điều 37, chưa xác minh điều khoản).',
    en: 'If you have grounds to believe the denunciation was handled unlawfully, you may re-denounce to the direct superior body (Law on Denunciations 2018, Art 37, article not verified).',
  },
  'tracking.rights.re_denunciation_lapsed': {
    vi: 'Thời hạn giải quyết tố cáo đã hết mà chưa có kết luận. Ông/bà có quyền tố cáo tiếp đến cơ quan cấp trên trực tiếp (Luật Tố cáo 2018 Điều 37, chưa xác minh điều khoản).',
    en: 'The time to settle the denunciation ran out without a conclusion. You may re-denounce to the direct superior body (Law on Denunciations 2018, Art 37, article not verified).',
  },
} as const satisfies Record<string, Message>;
