import type { Message } from '../shared/message.js';

/** User-facing text for group petitions, clusters and repeated or over-level petitions: part of the one catalogue (shared/messages.ts). */
export const GROUPING_MESSAGES = {
  // Representatives of a group petition (K16).
  'grouping.representatives_not_group': {
    vi: 'Đơn có {petitioners} người đứng tên, chưa phải đơn đông người (từ {groupMin} người) nên không cử người đại diện ({legalBasis}).',
    en: 'The petition has {petitioners|signatory|signatories}, fewer than the {groupMin} of a group petition, so no representatives are appointed ({legalBasis}).',
  },
  'grouping.representatives_count': {
    vi: 'Đơn có {petitioners} người đứng tên phải cử từ {min} đến {max} người đại diện ({legalBasis}); đã nêu {given} người.',
    en: 'A petition with {petitioners|signatory|signatories} appoints {min} to {max|representative|representatives} ({legalBasis}); {given} given.',
  },
  'grouping.representative_not_petitioner': {
    vi: 'Người đại diện phải là một trong những người đứng tên đơn.',
    en: 'A representative must be one of the signatories of the petition.',
  },
  'grouping.representative_duplicate': {
    vi: 'Một người chỉ được nêu một lần trong danh sách người đại diện.',
    en: 'A person may appear only once among the representatives.',
  },
  'grouping.role_not_allowed': {
    vi: 'Vai trò "{role}" không được thay đổi nhóm đơn hoặc người đại diện; chỉ cán bộ tiếp dân và lãnh đạo đơn vị được làm.',
    en: 'The role "{role}" may not change clusters or representatives; only the reception desk and the head of the unit may.',
  },
  // Clusters: petitions about one matter, handled once.
  'grouping.entity.cluster': { vi: 'nhóm đơn', en: 'Cluster' },
  'grouping.already_clustered': {
    vi: 'Đơn {trackingCode} đã thuộc nhóm đơn "{cluster}"; mỗi đơn chỉ thuộc một nhóm. Hãy tách đơn khỏi nhóm đó trước.',
    en: 'Petition {trackingCode} is already in the cluster "{cluster}"; a petition belongs to at most one cluster. Remove it from that cluster first.',
  },
  'grouping.not_clusterable': {
    vi: 'Đơn {trackingCode} đang ở trạng thái "{status}": đơn đã chuyển, hướng dẫn, lưu, rút hoặc không thụ lý thì không gộp vào nhóm đơn.',
    en: 'Petition {trackingCode} is "{status}": a transferred, guided, filed, withdrawn or rejected petition is not put in a cluster.',
  },
  'grouping.scope_mismatch': {
    vi: 'Các đơn trong một nhóm phải do cùng một xã, phường, đặc khu (hoặc cùng các đơn vị cấp tỉnh) giữ.',
    en: 'The petitions of a cluster must be held by one commune (or by province-level units of one province).',
  },
  'grouping.not_member': { vi: 'Đơn không thuộc nhóm đơn này.', en: 'The petition is not in this cluster.' },
  'grouping.duplicate_ids': { vi: 'Danh sách có mã đơn trùng nhau.', en: 'The list repeats a petition id.' },
  'grouping.cluster_closed': { vi: 'Nhóm đơn đã đóng, không thay đổi thành viên.', en: 'The cluster is closed; its members cannot change.' },
  'grouping.match.same_decision': { vi: 'Cùng quyết định bị khiếu nại/kiến nghị', en: 'Same respondent decision' },
  'grouping.match.same_place_topic': { vi: 'Cùng địa điểm và nội dung', en: 'Same place and topic' },
  'grouping.match.similar_topic': { vi: 'Nội dung tương tự', en: 'Similar topic' },
  // Repeats.
  'grouping.person.id_number': { vi: 'Cùng số CCCD/CMND', en: 'Same ID number' },
  'grouping.person.phone': { vi: 'Cùng số điện thoại', en: 'Same phone number' },
  'grouping.person.name_address': { vi: 'Cùng họ tên và địa chỉ', en: 'Same full name and address' },
  'grouping.repeat_explained': {
    vi: 'Đơn trùng lặp: {person}; {matter} (điểm {score}).',
    en: 'Repeat: {person}; {matter} (score {score}).',
  },
  // Hot spots.
  'grouping.hot.growth': {
    vi: 'Tăng {count} người đứng tên trong {days} ngày (ngưỡng {threshold})',
    en: '{count|new signatory|new signatories} in {days|day|days} (threshold {threshold})',
  },
  'grouping.hot.group_petition': {
    vi: 'Có đơn đông người ({count} người, ngưỡng {threshold})',
    en: 'Contains a group petition ({count|signatory|signatories}, threshold {threshold})',
  },
  // Over-level (vượt cấp).
  'grouping.over_level.received_at_province_level': { vi: 'Đơn được tiếp nhận ở cấp tỉnh', en: 'Received at province level' },
  'grouping.over_level.commune_competent_kind': {
    vi: 'Loại đơn thuộc thẩm quyền giải quyết ban đầu của cấp xã (không phải tố cáo)',
    en: 'A kind the commune resolves first (not a denunciation)',
  },
  'grouping.over_level.first_instance_not_transferred': {
    vi: 'Đơn lần đầu, không do đơn vị khác chuyển đến',
    en: 'A first-instance petition not sent on by another unit',
  },
  'grouping.over_level.no_decision_referenced': {
    vi: 'Không nêu quyết định nào (không phải khiếu nại lần hai hay quyết định của cấp tỉnh)',
    en: 'No decision referenced (not an appeal, nor a provincial decision)',
  },
  'grouping.over_level.petitioner_commune_known': {
    vi: 'Địa chỉ người gửi thuộc {commune}',
    en: "The petitioner's address is in {commune}",
  },
  'grouping.return_not_province_level': {
    vi: 'Chỉ đơn do đơn vị cấp tỉnh đang giữ mới được chuyển về cấp xã.',
    en: 'Only a petition held by a province-level unit can be returned to a commune.',
  },
  'grouping.return_commune_invalid': {
    vi: 'Nơi nhận phải là một xã, phường, đặc khu thuộc tỉnh đang giữ đơn.',
    en: 'The destination must be a commune of the province holding the petition.',
  },
  'grouping.return_complaint_guide': {
    vi: 'Khiếu nại không được chuyển đơn: hãy hướng dẫn công dân gửi khiếu nại đến {commune} (thao tác "Hướng dẫn").',
    en: 'A complaint is not transferred: guide the citizen to file it with {commune} (the "guide" action).',
  },
  'grouping.return_reason': {
    vi: 'Đơn vượt cấp: chuyển về {commune} giải quyết theo thẩm quyền; cấp tỉnh tiếp tục theo dõi.',
    en: 'Over-level petition: returned to {commune}, which is competent; the province keeps watching.',
  },
} as const satisfies Record<string, Message>;
