import type { Message } from '../shared/message.js';

/*
 * Who must hold periodic citizen-reception days (tiếp công dân định kỳ), DOMAIN.md §2.1: the commune People's
 * Committee chair (R1, R1'), the provincial chair (R2), and the Party committee head at province and commune
 * level (R4). The district level (R3) was abolished on 01/07/2025, so it has no position here. The users table
 * only knows roles, so a position is recorded per person in a reception duty (who holds it, where, since when).
 */
export const RECEPTION_POSITIONS = ['commune_chair', 'commune_party_head', 'province_chair', 'province_party_head'] as const;
export type ReceptionPosition = (typeof RECEPTION_POSITIONS)[number];

/** The level of unit a position belongs to: a commune chair receives citizens for a commune, and so on. */
export function positionLevel(position: ReceptionPosition): 'commune' | 'province' {
  return position.startsWith('commune_') ? 'commune' : 'province';
}

export const RECEPTION_DAY_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type ReceptionDayStatus = (typeof RECEPTION_DAY_STATUSES)[number];

/** Labels shown to people (kept with the feature rather than in the shared LABELS). */
export const RECEPTION_LABELS = {
  position: {
    commune_chair: { vi: 'Chủ tịch UBND xã', en: "Commune People's Committee chair" },
    commune_party_head: { vi: 'Bí thư Đảng ủy xã', en: 'Commune Party committee secretary' },
    province_chair: { vi: 'Chủ tịch UBND tỉnh', en: "Provincial People's Committee chair" },
    province_party_head: { vi: 'Bí thư Tỉnh ủy', en: 'Provincial Party committee secretary' },
  },
  status: {
    planned: { vi: 'Đã lên lịch', en: 'Planned' },
    held: { vi: 'Đã tiếp', en: 'Held' },
    cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
  },
  action: {
    plan: { vi: 'Lên lịch tiếp công dân', en: 'Plan' },
    hold: { vi: 'Ghi nhận đã tiếp', en: 'Record as held' },
    cancel: { vi: 'Hủy lịch tiếp', en: 'Cancel' },
    'link-petitions': { vi: 'Gắn đơn đã nhận', en: 'Link petitions' },
  },
  entity: {
    receptionDay: { vi: 'ngày tiếp công dân', en: 'Reception day' },
    receptionDuty: { vi: 'phân công tiếp công dân', en: 'Reception duty' },
  },
} as const satisfies Record<string, Record<string, Message>>;
