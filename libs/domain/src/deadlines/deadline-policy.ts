import type { DurationUnit } from '../calendar/deadline.js';
import type { WorkingHours } from '../calendar/working-hours.js';
import type { PetitionEventType } from '../petition/petition-events.js';
import type { PetitionKind } from '../petition/petition-kind.js';

/** The clocks a petition can carry (DOMAIN.md §2). */
export const CLOCK_KINDS = ['processing', 'acceptance', 'resolution', 'notice', 'party_reply'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** How sure DOMAIN.md is of a rule: unverified rules are data precisely so they can be corrected without code. */
export type Verification = 'verified' | 'partial' | 'unverified';

/** Period variants the law provides (LKN Art 28, 37): complex cases and remote areas get longer. */
export interface PeriodVariants {
  readonly standard: number;
  readonly complex?: number;
  readonly remote?: number;
  readonly remoteComplex?: number;
}

export interface ClockRule {
  /** DOMAIN.md row id: R7, K2, K3, T1, T3, T4, ... */
  readonly ruleId: string;
  readonly clockKind: ClockKind;
  readonly petitionKinds: readonly PetitionKind[];
  /** 1 = first-time complaint (and every other kind), 2 = second-time complaint / re-denunciation. */
  readonly instance: 1 | 2;
  /** Only for petitions addressed to a Party committee head (R5). */
  readonly addressedToPartyHead?: boolean;
  readonly legalBasis: string;
  readonly verification: Verification;
  readonly unit: DurationUnit;
  readonly days: PeriodVariants;
  readonly startsOn: PetitionEventType;
  /** Events that stop the clock as met (on time or late). */
  readonly metOn: readonly PetitionEventType[];
  /** Events after which the clock no longer applies. */
  readonly cancelledOn: readonly PetitionEventType[];
  /**
   * Events that start the rule's clock again, as a new clock with the full period and its own alert ladder,
   * when the earlier one has stopped (a feedback or recommendation reopened because the citizen is not satisfied).
   */
  readonly restartsOn?: readonly PetitionEventType[];
  /** Extensions as legal acts: at most `maxCount`, each of `days` (LTC Art 30: twice 30 days at most). */
  readonly extension?: { readonly maxCount: number; readonly days: number };
  /** Whether the clock may be paused, and for which typed reasons. */
  readonly pauseReasons: readonly PauseReason[];
}

export const PAUSE_REASONS = ['suspension', 'awaiting_citizen_documents', 'awaiting_other_agency', 'force_majeure'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export type AlertRecipient = 'assignee' | 'unit_heads' | 'commune_heads' | 'province_board';

/** One rung of the alert ladder (DOMAIN.md §4.4, a design proposal: hence data). */
export interface AlertStep {
  /** Stable key, part of the threshold's unique key: '50', '80', '100', 'overdue'. */
  readonly key: string;
  /** Share of the period used (0.5, 0.8, 1). Absent for the overdue repeat. */
  readonly share?: number;
  /** For the overdue repeat: every N working days after the due instant. */
  readonly everyWorkingDaysOverdue?: number;
  readonly notify: readonly AlertRecipient[];
  /** Raise the escalation level (oversight, never a transfer). */
  readonly escalate: boolean;
  /** Tell the citizen of the next legal step (second-time complaint; re-denunciation). */
  readonly informCitizenOfRights?: boolean;
}

export interface DeadlinePolicy {
  readonly version: number;
  /** Local dates; the version in force on a clock's triggering day is pinned to that clock. */
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly legalReference: string;
  readonly rules: readonly ClockRule[];
  readonly alertLadder: readonly AlertStep[];
  /** Cases that escalate earlier: a group of this many petitioners, or flagged prolonged/complex. */
  readonly earlyEscalation: { readonly groupSize: number; readonly atShare: number };
  readonly workingHours: WorkingHours;
  /** Oversight alerts are rolled into one digest per recipient and day. */
  readonly digestHour: number;
  /** Clocks of dialogues and commitments (issue 4). Absent in versions published before them: defaults apply. */
  readonly subjectClocks?: SubjectClockRules;
  /**
   * How many days back a letter's arrival day (postmark or desk receipt) may be entered at intake; no statute
   * sets it. Absent: DEFAULT_RECEIVED_ON_MAX_DAYS_BACK.
   */
  readonly receivedOnMaxDaysBack?: number;
}

/** A clock on something other than a petition, counted and alerted like a petition clock. */
export interface SubjectClockRule {
  readonly ruleId: string;
  readonly legalBasis: string;
  readonly verification: Verification;
  readonly unit: DurationUnit;
  /** The period; for a commitment, the default when the dialogue set no due date. */
  readonly days: number;
}

export interface SubjectClockRules {
  /** A commitment made at a dialogue: no statute sets its period (DOMAIN.md §5.2 suggests 30 days). */
  readonly commitment: SubjectClockRule;
  /** G4: a commune conference publishes its results within 10 days (LTCCQĐP Art 43). */
  readonly resultsPublication: SubjectClockRule;
}

export const DEFAULT_SUBJECT_CLOCKS: SubjectClockRules = {
  commitment: {
    ruleId: 'CM',
    legalBasis: 'Theo dõi thực hiện cam kết sau đối thoại (DOMAIN.md §5.2; thời hạn mặc định do chính sách đặt)',
    verification: 'unverified',
    unit: 'calendar_days',
    days: 30,
  },
  resultsPublication: {
    ruleId: 'G4',
    legalBasis: 'Luật Tổ chức chính quyền địa phương 72/2025/QH15 Điều 43 (công khai kết quả đối thoại)',
    verification: 'partial',
    unit: 'calendar_days',
    days: 10,
  },
};

/** The subject-clock rules of a policy version, defaults for versions that predate them. */
export function subjectClocksOf(policy: Pick<DeadlinePolicy, 'subjectClocks'>): SubjectClockRules {
  return policy.subjectClocks ?? DEFAULT_SUBJECT_CLOCKS;
}

const INTAKE_DECISIONS: readonly PetitionEventType[] = ['PetitionAccepted', 'PetitionRejected', 'PetitionTransferred', 'PetitionGuided', 'PetitionFiled'];
const ENDED: readonly PetitionEventType[] = ['PetitionWithdrawn'];
const ALL_KINDS: readonly PetitionKind[] = ['complaint', 'denunciation', 'recommendation', 'feedback'];
const NO_PAUSE: readonly PauseReason[] = [];
const RESOLUTION_PAUSES: readonly PauseReason[] = ['suspension', 'awaiting_citizen_documents', 'awaiting_other_agency', 'force_majeure'];

/**
 * Version 1, seeded from DOMAIN.md §2 and §4.4 (research of 22/11/2026). Every value marked partial or
 * unverified there is marked so here, and an administrator can publish a corrected version through the API.
 */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  version: 1,
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  legalReference: 'Luật Khiếu nại 2011, Luật Tố cáo 2018, Luật Tiếp công dân 2013 (sửa đổi bởi Luật 136/2025/QH15); TT 05/2021/TT-TTCP; QĐ 11-QĐi/TW',
  rules: [
    {
      ruleId: 'R7',
      clockKind: 'processing',
      petitionKinds: ALL_KINDS,
      instance: 1,
      legalBasis: 'TT 05/2021/TT-TTCP (xử lý đơn: 10 ngày)',
      verification: 'partial', // the value is verified; calendar vs working days is not
      unit: 'calendar_days',
      days: { standard: 10 },
      startsOn: 'PetitionReceived',
      metOn: INTAKE_DECISIONS,
      cancelledOn: ENDED,
      pauseReasons: ['awaiting_citizen_documents'],
    },
    {
      ruleId: 'K2',
      clockKind: 'acceptance',
      petitionKinds: ['complaint'],
      instance: 1,
      legalBasis: 'Luật Khiếu nại 2011 Điều 27',
      verification: 'partial', // some provincial listings say working days
      unit: 'calendar_days',
      days: { standard: 10 },
      startsOn: 'PetitionReceived',
      metOn: INTAKE_DECISIONS,
      cancelledOn: ENDED,
      pauseReasons: NO_PAUSE,
    },
    {
      ruleId: 'K7',
      clockKind: 'acceptance',
      petitionKinds: ['complaint'],
      instance: 2,
      legalBasis: 'Luật Khiếu nại 2011 Điều 36',
      verification: 'partial',
      unit: 'calendar_days',
      days: { standard: 10 },
      startsOn: 'PetitionReceived',
      metOn: INTAKE_DECISIONS,
      cancelledOn: ENDED,
      pauseReasons: NO_PAUSE,
    },
    {
      ruleId: 'T1',
      clockKind: 'acceptance',
      petitionKinds: ['denunciation'],
      instance: 1,
      legalBasis: 'Luật Tố cáo 2018 Điều 24 khoản 1 (chưa xác minh)',
      verification: 'unverified',
      unit: 'working_days',
      days: { standard: 7, complex: 10 },
      startsOn: 'PetitionReceived',
      metOn: INTAKE_DECISIONS,
      cancelledOn: ENDED,
      pauseReasons: NO_PAUSE,
    },
    {
      ruleId: 'K3',
      clockKind: 'resolution',
      petitionKinds: ['complaint'],
      instance: 1,
      legalBasis: 'Luật Khiếu nại 2011 Điều 28',
      verification: 'verified',
      unit: 'calendar_days',
      days: { standard: 30, complex: 45, remote: 45, remoteComplex: 60 },
      startsOn: 'PetitionAccepted',
      metOn: ['PetitionResolved'],
      cancelledOn: ENDED,
      pauseReasons: RESOLUTION_PAUSES,
    },
    {
      ruleId: 'K8',
      clockKind: 'resolution',
      petitionKinds: ['complaint'],
      instance: 2,
      legalBasis: 'Luật Khiếu nại 2011 Điều 37',
      verification: 'verified',
      unit: 'calendar_days',
      days: { standard: 45, complex: 60, remote: 60, remoteComplex: 70 },
      startsOn: 'PetitionAccepted',
      metOn: ['PetitionResolved'],
      cancelledOn: ENDED,
      pauseReasons: RESOLUTION_PAUSES,
    },
    {
      ruleId: 'T3',
      clockKind: 'notice',
      petitionKinds: ['denunciation'],
      instance: 1,
      legalBasis: 'Luật Tố cáo 2018 Điều 29',
      verification: 'verified',
      unit: 'working_days',
      days: { standard: 5 },
      startsOn: 'PetitionAccepted',
      metOn: [],
      cancelledOn: ENDED,
      pauseReasons: NO_PAUSE,
    },
    {
      ruleId: 'T4',
      clockKind: 'resolution',
      petitionKinds: ['denunciation'],
      instance: 1,
      legalBasis: 'Luật Tố cáo 2018 Điều 30',
      verification: 'verified',
      unit: 'calendar_days',
      days: { standard: 30 },
      startsOn: 'PetitionAccepted',
      metOn: ['PetitionResolved'],
      cancelledOn: ENDED,
      extension: { maxCount: 2, days: 30 },
      pauseReasons: RESOLUTION_PAUSES,
    },
    {
      ruleId: 'T1-2',
      clockKind: 'acceptance',
      petitionKinds: ['denunciation'],
      instance: 2,
      legalBasis: 'Luật Tố cáo 2018 Điều 37 (tố cáo tiếp; thời hạn chưa xác minh, áp dụng như Điều 24)',
      verification: 'unverified',
      unit: 'working_days',
      days: { standard: 7, complex: 10 },
      startsOn: 'PetitionReceived',
      metOn: INTAKE_DECISIONS,
      cancelledOn: ENDED,
      pauseReasons: NO_PAUSE,
    },
    {
      ruleId: 'T4-2',
      clockKind: 'resolution',
      petitionKinds: ['denunciation'],
      instance: 2,
      legalBasis: 'Luật Tố cáo 2018 Điều 37 (tố cáo tiếp; thời hạn chưa xác minh, áp dụng như Điều 30)',
      verification: 'unverified',
      unit: 'calendar_days',
      days: { standard: 30 },
      startsOn: 'PetitionAccepted',
      metOn: ['PetitionResolved'],
      cancelledOn: ENDED,
      extension: { maxCount: 2, days: 30 },
      pauseReasons: RESOLUTION_PAUSES,
    },
    {
      ruleId: 'P1',
      clockKind: 'resolution',
      petitionKinds: ['recommendation', 'feedback'],
      instance: 1,
      legalBasis: 'NĐ 20/2008/NĐ-CP (thời hạn chưa xác định; mặc định theo QĐ 852/QĐ-BNV: 20 ngày)',
      verification: 'unverified',
      unit: 'calendar_days',
      days: { standard: 20 },
      startsOn: 'PetitionAccepted',
      metOn: ['PetitionResolved'],
      cancelledOn: ENDED,
      // No statute sets a period for a reopened case; it gets this rule's period again (unverified, like the rule).
      restartsOn: ['PetitionReopened'],
      pauseReasons: RESOLUTION_PAUSES,
    },
    {
      ruleId: 'R5',
      clockKind: 'party_reply',
      petitionKinds: ALL_KINDS,
      instance: 1,
      addressedToPartyHead: true,
      legalBasis: 'Quy định 11-QĐi/TW',
      verification: 'verified',
      unit: 'working_days',
      days: { standard: 10 },
      startsOn: 'PetitionReceived',
      metOn: ['PetitionResolved', 'PetitionTransferred', 'PetitionGuided'],
      cancelledOn: ENDED,
      pauseReasons: NO_PAUSE,
    },
  ],
  alertLadder: [
    { key: '50', share: 0.5, notify: ['assignee', 'unit_heads'], escalate: false },
    { key: '80', share: 0.8, notify: ['assignee', 'unit_heads', 'commune_heads'], escalate: false },
    { key: '100', share: 1, notify: ['assignee', 'unit_heads', 'commune_heads', 'province_board'], escalate: true, informCitizenOfRights: true },
    { key: 'overdue', everyWorkingDaysOverdue: 10, notify: ['unit_heads', 'commune_heads', 'province_board'], escalate: true },
  ],
  earlyEscalation: { groupSize: 5, atShare: 0.8 },
  workingHours: { startHour: 7, startMinute: 30, endHour: 17, endMinute: 0 },
  digestHour: 7,
  subjectClocks: DEFAULT_SUBJECT_CLOCKS,
  receivedOnMaxDaysBack: 30,
};

/** The rules that apply to a petition, by kind, instance and addressee. */
export function rulesFor(
  policy: DeadlinePolicy,
  p: { kind: PetitionKind; instance: 1 | 2; addressedToPartyHead: boolean },
): ClockRule[] {
  return policy.rules.filter(
    (r) => r.petitionKinds.includes(p.kind) && r.instance === p.instance && (!r.addressedToPartyHead || p.addressedToPartyHead),
  );
}

/** The policy in force on a local date (the one with the latest effectiveFrom not after it). */
export function policyInForce<P extends Pick<DeadlinePolicy, 'effectiveFrom' | 'effectiveTo' | 'version'>>(policies: readonly P[], day: string): P | null {
  const candidates = policies.filter((p) => p.effectiveFrom <= day && (p.effectiveTo === null || day < p.effectiveTo));
  return candidates.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0] ?? null;
}
