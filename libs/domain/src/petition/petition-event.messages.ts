import type { Message } from '../shared/message.js';
import type { PetitionEventType } from './petition-events.js';

/**
 * What each entry of a petition's trail is called on the staff timeline, in the words a commune officer uses:
 * part of the one catalogue (LABELS.event in shared/messages.ts). Every event type must have one.
 */
export const PETITION_EVENT_LABELS = {
  PetitionReceived: { vi: 'Tiếp nhận đơn', en: 'Petition received' },
  PetitionAccepted: { vi: 'Thụ lý đơn', en: 'Accepted for handling' },
  PetitionRejected: { vi: 'Không thụ lý', en: 'Not accepted' },
  PetitionTransferred: { vi: 'Chuyển đơn', en: 'Transferred' },
  PetitionGuided: { vi: 'Hướng dẫn công dân', en: 'Citizen guided' },
  PetitionFiled: { vi: 'Lưu đơn', en: 'Filed without action' },
  PetitionAssigned: { vi: 'Giao xử lý', en: 'Assigned' },
  VerificationStarted: { vi: 'Bắt đầu xác minh', en: 'Verification started' },
  VerificationReported: { vi: 'Báo cáo kết quả xác minh', en: 'Verification report' },
  PetitionResolved: { vi: 'Giải quyết đơn', en: 'Resolved' },
  PetitionClosed: { vi: 'Kết thúc hồ sơ', en: 'Case closed' },
  PetitionWithdrawn: { vi: 'Rút đơn', en: 'Withdrawn' },
  PetitionReopened: { vi: 'Mở lại đơn', en: 'Reopened' },
  SecondInstanceRequested: { vi: 'Khiếu nại lần hai / tố cáo tiếp', en: 'Second instance requested' },
  PetitionEscalated: { vi: 'Nâng mức giám sát', en: 'Oversight raised' },
  CitizenRightsNotified: { vi: 'Thông báo quyền cho công dân', en: 'Citizen told of their rights' },
  DeadlinePaused: { vi: 'Tạm dừng thời hạn', en: 'Deadline paused' },
  DeadlineResumed: { vi: 'Tính tiếp thời hạn', en: 'Deadline resumed' },
  DeadlineExtended: { vi: 'Gia hạn', en: 'Deadline extended' },
  DeadlineMet: { vi: 'Hoàn thành thời hạn', en: 'Deadline met' },
  CaseFlagsChanged: { vi: 'Đánh dấu tính chất vụ việc', en: 'Case flags changed' },
  PetitionClustered: { vi: 'Gộp vào nhóm vụ việc', en: 'Added to a cluster' },
  PetitionUnclustered: { vi: 'Tách khỏi nhóm vụ việc', en: 'Removed from a cluster' },
  PetitionClusterClosed: { vi: 'Nhóm vụ việc kết thúc', en: 'Cluster closed' },
  RepresentativesAppointed: { vi: 'Cử người đại diện', en: 'Representatives appointed' },
  CitizenFeedbackRecorded: { vi: 'Công dân đánh giá kết quả', en: 'Citizen rated the result' },
  ComplaintObstacleRecorded: { vi: 'Ghi nhận trở ngại khách quan', en: 'Obstacle recorded' },
} as const satisfies Record<PetitionEventType, Message>;
