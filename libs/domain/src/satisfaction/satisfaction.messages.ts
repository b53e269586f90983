import type { Message } from '../shared/message.js';

/** User-facing text for the citizen's satisfaction feedback: part of the one catalogue (shared/messages.ts). */
export const SATISFACTION_MESSAGES = {
  // The link a citizen receives when the petition is resolved (an outgoing citizen message).
  'satisfaction.citizen_message.link': {
    vi: 'Đơn mã {trackingCode} đã có kết quả giải quyết. Xin ông/bà cho biết có hài lòng với kết quả không tại {link} (chỉ dùng một lần, hiệu lực đến hết ngày {expiresOn}). Theo dõi đơn: {trackingLink}',
    en: 'Petition {trackingCode} has been resolved. Please tell us whether you are satisfied with the result at {link} (single use, valid until {expiresOn}). Follow the petition: {trackingLink}',
  },
  // Token problems. Unknown and malformed tokens get the same answer, so nothing about valid tokens leaks.
  'satisfaction.token_unknown': {
    vi: 'Liên kết đánh giá không tồn tại hoặc không đúng. Hãy kiểm tra lại đường dẫn trong tin nhắn đã nhận.',
    en: 'This feedback link does not exist or is wrong. Please check the link in the message you received.',
  },
  'satisfaction.token_used': {
    vi: 'Ý kiến đánh giá qua liên kết này đã được ghi nhận lúc {usedAt}. Mỗi liên kết chỉ dùng được một lần.',
    en: 'Feedback through this link was already recorded at {usedAt}. Each link can be used only once.',
  },
  'satisfaction.token_expired': {
    vi: 'Liên kết đánh giá đã hết hạn lúc {expiredAt} ({days} ngày kể từ khi có kết quả giải quyết). Ông/bà vẫn có thể liên hệ bộ phận tiếp công dân, nêu mã đơn {trackingCode}.',
    en: 'This feedback link expired at {expiredAt} ({days|day|days} after the result). You can still contact the citizen reception desk, quoting petition {trackingCode}.',
  },
  'satisfaction.token_superseded': {
    vi: 'Liên kết này không còn hiệu lực vì đơn {trackingCode} đang được xem xét lại. Ông/bà sẽ nhận liên kết mới khi có kết quả mới.',
    en: 'This link is no longer valid because petition {trackingCode} is being reconsidered. You will receive a new link with the new result.',
  },
  'satisfaction.feedback_not_open': {
    vi: 'Đơn đang ở trạng thái "{status}" nên chưa thể ghi nhận đánh giá về kết quả giải quyết.',
    en: 'The petition is "{status}", so no rating of its result can be recorded now.',
  },
  // What the citizen may do (GET) and what happened (POST).
  'satisfaction.option.rate': {
    vi: 'Ông/bà cho biết có hài lòng với kết quả giải quyết hay không (một lần, trước {expiresAt}), có thể kèm ý kiến tối đa 2.000 ký tự.',
    en: 'Tell us whether you are satisfied with the result (once, before {expiresAt}); you may add a comment of up to 2,000 characters.',
  },
  'satisfaction.option.already_rated': {
    vi: 'Ý kiến đánh giá của ông/bà đã được ghi nhận lúc {usedAt}. Cảm ơn ông/bà.',
    en: 'Your rating was recorded at {usedAt}. Thank you.',
  },
  'satisfaction.if_not_satisfied.reopened': {
    vi: 'Nếu không hài lòng, đơn sẽ được mở lại tại {unitName} để xem xét, giải quyết lại.',
    en: 'If you are not satisfied, the petition will be reopened at {unitName} and looked at again.',
  },
  'satisfaction.if_not_satisfied.second_complaint_right': {
    vi: 'Khiếu nại không được mở lại. Nếu không đồng ý với quyết định giải quyết lần đầu, ông/bà có quyền khiếu nại lần hai trong {days} ngày kể từ ngày nhận quyết định (Luật Khiếu nại 2011 Điều 33), hoặc khởi kiện vụ án hành chính tại Tòa án trong thời hiệu 01 năm kể từ ngày nhận được hoặc biết được quyết định hành chính, hành vi hành chính (Luật Tố tụng hành chính 2015 Điều 116).',
    en: 'A complaint is not reopened. If you disagree with the first-time decision, you may file a second-time complaint within {days|day|days} of receiving it (Law on Complaints 2011, Art 33), or bring an administrative lawsuit in court within one year of receiving or learning of the administrative decision or act (Law on Administrative Procedure 2015, Art 116).',
  },
  'satisfaction.if_not_satisfied.lawsuit_right': {
    vi: 'Đây là quyết định giải quyết khiếu nại lần hai. Nếu không đồng ý, ông/bà có quyền khởi kiện vụ án hành chính tại Tòa án trong thời hiệu 01 năm kể từ ngày nhận được hoặc biết được quyết định hành chính, hành vi hành chính (Luật Tố tụng hành chính 2015 Điều 116); Luật Khiếu nại 2011 Điều 7, Điều 33.',
    en: 'This is a second-time complaint decision. If you disagree, you may bring an administrative lawsuit in court within one year of receiving or learning of the administrative decision or act (Law on Administrative Procedure 2015, Art 116); Law on Complaints 2011, Art 7 and 33.',
  },
  'satisfaction.if_not_satisfied.re_denunciation_right': {
    vi: 'Tố cáo không được mở lại. Nếu có căn cứ cho rằng việc giải quyết không đúng pháp luật, ông/bà có thể tố cáo tiếp đến cơ quan cấp trên trực tiếp (Luật Tố cáo 2018 Điều 37, điều khoản chưa được xác minh).',
    en: 'A denunciation is not reopened. If you have grounds to believe it was handled unlawfully, you may re-denounce to the direct superior body (Law on Denunciations 2018, Art 37, article not verified).',
  },
  'satisfaction.if_not_satisfied.recorded': {
    vi: 'Ý kiến không hài lòng sẽ được ghi nhận và báo cáo cho cơ quan theo dõi.',
    en: 'A "not satisfied" rating is recorded and reported to the oversight body.',
  },
  'satisfaction.outcome.recorded': {
    vi: 'Cảm ơn ông/bà. Ý kiến đánh giá đã được ghi nhận.',
    en: 'Thank you. Your rating has been recorded.',
  },
  'satisfaction.outcome.reopened': {
    vi: 'Ý kiến đã được ghi nhận và đơn {trackingCode} đã được mở lại tại {unitName} để xem xét, giải quyết lại. Ông/bà sẽ nhận kết quả mới và liên kết đánh giá mới.',
    en: 'Your rating was recorded and petition {trackingCode} has been reopened at {unitName} to be looked at again. You will receive the new result and a new feedback link.',
  },
  'satisfaction.outcome.second_complaint_right': {
    vi: 'Ý kiến đã được ghi nhận. Khiếu nại không được mở lại; theo Luật Khiếu nại 2011 Điều 33, nếu không đồng ý với quyết định giải quyết lần đầu (ngày {decidedOn}) ông/bà có quyền khiếu nại lần hai trong {days} ngày kể từ ngày nhận quyết định, tức chậm nhất đến hết ngày {lastDay} nếu nhận quyết định ngay ngày ban hành. Cách nộp: gửi đơn khiếu nại lần hai (ghi mã đơn {trackingCode}, kèm bản sao quyết định lần đầu và tài liệu liên quan) đến {superiorName}, hoặc đến trực tiếp bộ phận tiếp công dân của {superiorName}. Ông/bà cũng có thể khởi kiện vụ án hành chính tại Tòa án trong thời hiệu 01 năm kể từ ngày nhận được hoặc biết được quyết định hành chính, hành vi hành chính (Luật Tố tụng hành chính 2015 Điều 116).',
    en: 'Your rating was recorded. A complaint is not reopened: under the Law on Complaints 2011, Art 33, if you disagree with the first-time decision (of {decidedOn}) you may file a second-time complaint within {days|day|days} of receiving it, that is by the end of {lastDay} if you received it on the day it was issued. How to file: send a second-time complaint (quoting petition {trackingCode}, with a copy of the first decision and related documents) to {superiorName}, or bring it to the citizen reception desk of {superiorName}. You may also bring an administrative lawsuit in court within one year of receiving or learning of the administrative decision or act (Law on Administrative Procedure 2015, Art 116).',
  },
  'satisfaction.outcome.lawsuit_right': {
    vi: 'Ý kiến đã được ghi nhận. Đây là quyết định giải quyết khiếu nại lần hai; nếu không đồng ý, ông/bà có quyền khởi kiện vụ án hành chính tại Tòa án có thẩm quyền trong thời hiệu 01 năm kể từ ngày nhận được hoặc biết được quyết định hành chính, hành vi hành chính (Luật Tố tụng hành chính 2015 Điều 116); Luật Khiếu nại 2011 Điều 7, Điều 33; nêu mã đơn {trackingCode}.',
    en: 'Your rating was recorded. This is a second-time complaint decision; if you disagree, you may bring an administrative lawsuit in the competent court within one year of receiving or learning of the administrative decision or act (Law on Administrative Procedure 2015, Art 116); Law on Complaints 2011, Art 7 and 33; quoting petition {trackingCode}.',
  },
  'satisfaction.outcome.re_denunciation_right': {
    vi: 'Ý kiến đã được ghi nhận. Tố cáo không được mở lại; nếu có căn cứ cho rằng việc giải quyết tố cáo không đúng pháp luật, ông/bà có thể tố cáo tiếp đến {superiorName} (Luật Tố cáo 2018 Điều 37, điều khoản chưa được xác minh), nêu mã đơn {trackingCode}. Danh tính người tố cáo tiếp tục được giữ bí mật.',
    en: 'Your rating was recorded. A denunciation is not reopened; if you have grounds to believe it was handled unlawfully, you may re-denounce to {superiorName} (Law on Denunciations 2018, Art 37, article not verified), quoting petition {trackingCode}. Your identity stays confidential.',
  },
  'satisfaction.superior_central': { vi: 'cơ quan cấp trên trực tiếp ở trung ương', en: 'the direct superior body at central level' },
  // Board figures.
  'satisfaction.definition.period': {
    vi: 'Kỳ: các đánh giá ghi nhận từ 00:00 ngày đầu đến 24:00 ngày cuối (giờ Việt Nam).',
    en: 'Period: ratings recorded from 00:00 on the first day to 24:00 on the last day (Vietnam time).',
  },
  'satisfaction.definition.rated': {
    vi: 'Số đánh giá: số lượt công dân đánh giá kết quả giải quyết trong kỳ (mỗi kết quả giải quyết một lượt).',
    en: 'Rated: ratings citizens gave of a resolution in the period (one per resolution).',
  },
  'satisfaction.definition.satisfied': {
    vi: 'Hài lòng: số đánh giá "hài lòng" trong số đó.',
    en: 'Satisfied: how many of them said "satisfied".',
  },
  'satisfaction.definition.satisfied_share': {
    vi: 'Tỷ lệ hài lòng = hài lòng / số đánh giá; để trống khi chưa có đánh giá nào (n = 0).',
    en: 'Share satisfied = satisfied / rated; null when there is no rating (n = 0).',
  },
  'satisfaction.definition.unit': {
    vi: 'Đơn vị: đơn vị giữ đơn khi có kết quả giải quyết được đánh giá.',
    en: 'Unit: the unit that held the petition when the rated result was given.',
  },
  'satisfaction.definition.handler': {
    vi: 'Cán bộ: người được giao xử lý đơn khi có kết quả được đánh giá; "chưa giao" khi lãnh đạo giải quyết mà không giao.',
    en: 'Handler: the person assigned to the petition when the rated result was given; none when it was resolved without an assignee.',
  },
} as const satisfies Record<string, Message>;
