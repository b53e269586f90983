/**
 * Kinds of dialogue (DOMAIN.md §2.5 G1–G6, §5.1). Only the commune conference has statutory gates on notice
 * and on publishing results (LTCCQĐP Art 43); the others follow the same lifecycle with fewer constraints.
 */
export const DIALOGUE_KINDS = [
  /** Hội nghị đối thoại với Nhân dân ở xã (LTCCQĐP Art 43; G1–G4). */
  'commune_conference',
  /** Bí thư cấp ủy đối thoại trực tiếp (QĐ11; G5). */
  'party_head_direct',
  /** Đối thoại trong giải quyết khiếu nại (LKN Art 30 first time: conditional; Art 39 second time: mandatory). */
  'complaint_resolution',
  /** Lấy ý kiến về dự thảo quyết định hành chính (LTHDC Art 26). */
  'draft_decision_consultation',
] as const;
export type DialogueKind = (typeof DIALOGUE_KINDS)[number];

/** DOMAIN.md §5.2, plus `cancelled` for a dialogue called off before it was held. */
export const DIALOGUE_STATUSES = [
  'requested',
  'planned',
  'announced',
  'held',
  'results_published',
  'follow_up',
  'closed',
  'cancelled',
] as const;
export type DialogueStatus = (typeof DIALOGUE_STATUSES)[number];

export const TERMINAL_DIALOGUE_STATUSES: readonly DialogueStatus[] = ['closed', 'cancelled'];

/** Statuses at which the dialogue has taken place (K9 counts these as "a dialogue was held"). */
export const HELD_OR_LATER_STATUSES: readonly DialogueStatus[] = ['held', 'results_published', 'follow_up', 'closed'];

/**
 * Why the dialogue is convened (G1/G2): an annual plan entry, a request of ≥10% of the commune's voters,
 * a proposal of the Fatherland Front, or "when necessary".
 */
export const DIALOGUE_REQUEST_SOURCES = ['voters', 'front', 'plan', 'necessity'] as const;
export type DialogueRequestSource = (typeof DIALOGUE_REQUEST_SOURCES)[number];

/** Where a notice or the results are published (G3: public notice; G4: mass media, office board, hamlet heads). */
export const PUBLICATION_CHANNELS = [
  'notice_board',
  'loudspeaker',
  'mass_media',
  'website',
  'social_network',
  'hamlet_heads',
  'direct_notice',
] as const;
export type PublicationChannel = (typeof PUBLICATION_CHANNELS)[number];

/** G3: the notice must precede the conference day by at least this many days. */
export const CONFERENCE_NOTICE_DAYS = 7;
/** G4: results are published within this many calendar days of the conference. */
export const RESULTS_PUBLICATION_DAYS = 10;
/** G2: share of the commune's voters whose request obliges an ad hoc conference, in percent. */
export const VOTER_REQUEST_PERCENT = 10;

/** Legal references recorded on each dialogue event. They annotate the trail; the gates are in decide. */
export function dialogueLegalBasis(kind: DialogueKind, complaintInstance: 1 | 2 | null): string {
  switch (kind) {
    case 'commune_conference':
      return 'Luật Tổ chức chính quyền địa phương 72/2025/QH15 Điều 43';
    case 'party_head_direct':
      return 'Quy định 11-QĐi/TW (hình thức đối thoại chưa xác minh)';
    case 'complaint_resolution':
      return complaintInstance === 2
        ? 'Luật Khiếu nại 2011 Điều 39; NĐ 124/2020/NĐ-CP Điều 28'
        : 'Luật Khiếu nại 2011 Điều 30';
    case 'draft_decision_consultation':
      return 'Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15 Điều 26';
  }
}

/**
 * Whether a complaint needs a dialogue before it is decided: K9 (second time) mandatory; K4 (first time)
 * only when the complainant's request and the verification result differ, which the resolver judges.
 */
export function complaintDialogueRequirement(instance: 1 | 2): 'mandatory' | 'conditional' {
  return instance === 2 ? 'mandatory' : 'conditional';
}
