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
  readonly extension?: ExtensionRule;
  /**
   * Also met by a recorded act (POST …/met with the document's reference), besides the `metOn` events: R5, the
   * Party head's written notice of receipt or transfer (QĐ 11-QĐi/TW). Rules with no `metOn` are always so.
   */
  readonly metByNotice?: boolean;
  /** Not for anonymous letters: LTC Art 25(2) has them checked within competence, not resolved as denunciations. */
  readonly skipAnonymous?: boolean;
  /**
   * Whether this clock's rungs may raise the escalation level (default true). False for a duty that applies only
   * if a fact unknown at receipt turns out true (T2: transfer, if outside competence): it still alerts, while the
   * intake clock that always applies (T1) carries the escalation, so a letter kept within competence is never
   * escalated for a transfer it did not need.
   */
  readonly escalates?: boolean;
  /** Whether the clock may be paused, and for which typed reasons. */
  readonly pauseReasons: readonly PauseReason[];
}

/** How complex the competent head has recorded a case to be (LTC Art 30; ND 31/2019 criteria). */
export const COMPLEXITY_LEVELS = ['standard', 'complex', 'particularly_complex'] as const;
export type ComplexityLevel = (typeof COMPLEXITY_LEVELS)[number];

export interface ExtensionRule {
  /** The most extensions any case gets. */
  readonly maxCount: number;
  readonly days: number;
  /**
   * The most extensions by the case's recorded complexity (LTC Art 30(2)–(3): complex once, particularly
   * complex twice, an ordinary case never). A level left out gets `maxCount`; absent: `maxCount` for every case.
   */
  readonly maxCountByComplexity?: Partial<Readonly<Record<ComplexityLevel, number>>>;
}

/** How many extensions a case of this complexity may have under the rule. */
export function extensionsAllowed(extension: ExtensionRule, complexity: ComplexityLevel): number {
  return Math.min(extension.maxCount, extension.maxCountByComplexity?.[complexity] ?? extension.maxCount);
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
  /** The complainant's own periods (K1, K6, K10/K11). Absent in versions published before them: defaults apply. */
  readonly complaintPeriods?: ComplaintPeriods;
  /** Where a complainant is guided when the second instance is outside the system. Absent: defaults apply. */
  readonly outsideSecondInstance?: OutsideSecondInstance;
  /**
   * How many days back a letter's arrival day (postmark or desk receipt) may be entered at intake; no statute
   * sets it. Absent: DEFAULT_RECEIVED_ON_MAX_DAYS_BACK.
   */
  readonly receivedOnMaxDaysBack?: number;
}

/**
 * A period the law gives the complainant, or after which a decision takes effect. Not a clock on an official:
 * nobody is alerted; the period decides what the case allows (a second-time complaint in time) and what it shows.
 */
export interface ComplaintPeriodRule {
  readonly ruleId: string;
  readonly legalBasis: string;
  readonly verification: Verification;
  readonly unit: DurationUnit;
  readonly days: { readonly standard: number; readonly remote?: number };
}

export interface ComplaintPeriods {
  /** K1: a first-time complaint is filed within 90 days of receiving or knowing of the decision (LKN Art 9). */
  readonly filing: ComplaintPeriodRule;
  /** K6: a second-time complaint within 30 days of receiving the first decision, 45 in remote areas (LKN Art 33). */
  readonly secondComplaint: ComplaintPeriodRule;
  /** K10: a first-time decision takes legal effect this long after issuance with no second complaint (LKN Art 44). */
  readonly firstDecisionEffect: ComplaintPeriodRule;
  /** K11: a second-time decision takes legal effect this long after issuance (LKN Art 44). */
  readonly secondDecisionEffect: ComplaintPeriodRule;
}

export const DEFAULT_COMPLAINT_PERIODS: ComplaintPeriods = {
  filing: {
    ruleId: 'K1',
    legalBasis: 'Luật Khiếu nại 2011 Điều 9 (thời hiệu 90 ngày; thời gian ốm đau, thiên tai, địch họa, đi công tác, học tập ở nơi xa hoặc trở ngại khách quan khác không tính vào thời hiệu)',
    verification: 'verified', // 90 days verified; the list of obstacles only partly
    unit: 'calendar_days',
    days: { standard: 90 },
  },
  secondComplaint: {
    ruleId: 'K6',
    legalBasis: 'Luật Khiếu nại 2011 Điều 33',
    verification: 'verified',
    unit: 'calendar_days',
    days: { standard: 30, remote: 45 },
  },
  // LKN 2011 Art 44(1) and (2) as read in secondary sources: both decisions take effect 30 days after issuance
  // (remote areas up to 45); whether Law 136/2025 changed this was not checked, hence partial.
  firstDecisionEffect: {
    ruleId: 'K10',
    legalBasis: 'Luật Khiếu nại 2011 Điều 44 khoản 1',
    verification: 'partial',
    unit: 'calendar_days',
    days: { standard: 30, remote: 45 },
  },
  secondDecisionEffect: {
    ruleId: 'K11',
    legalBasis: 'Luật Khiếu nại 2011 Điều 44 khoản 2',
    verification: 'partial',
    unit: 'calendar_days',
    days: { standard: 30, remote: 45 },
  },
};

/** A competent body outside the system, where a complainant is guided for a second instance. */
export interface OutsideBody {
  readonly name: string;
  readonly address: string;
  readonly legalBasis: string;
  readonly verification: Verification;
}

/**
 * Above a provincial chair the second instance is the minister of the sector (LKN Art 21, 25): outside the
 * system. Matched on the petition's topic and title (diacritics-insensitive keywords), else the fallback.
 */
export interface OutsideSecondInstance {
  readonly bySector: readonly (OutsideBody & { readonly keywords: readonly string[] })[];
  readonly fallback: OutsideBody;
}

// Names and addresses after the 2025 merger of ministries, not checked against official sources: unverified.
export const DEFAULT_OUTSIDE_SECOND_INSTANCE: OutsideSecondInstance = {
  bySector: [
    {
      keywords: ['đất đai', 'thu hồi đất', 'bồi thường', 'tái định cư', 'môi trường', 'nông nghiệp'],
      name: 'Bộ trưởng Bộ Nông nghiệp và Môi trường',
      address: 'Bộ Nông nghiệp và Môi trường, số 2 Ngọc Hà, Ba Đình, Hà Nội',
      legalBasis: 'Luật Khiếu nại 2011 Điều 21, Điều 25 (chưa xác minh sau sắp xếp bộ, ngành 2025)',
      verification: 'unverified',
    },
    {
      keywords: ['xây dựng', 'nhà ở', 'quy hoạch', 'giao thông'],
      name: 'Bộ trưởng Bộ Xây dựng',
      address: 'Bộ Xây dựng, số 37 Lê Đại Hành, Hai Bà Trưng, Hà Nội',
      legalBasis: 'Luật Khiếu nại 2011 Điều 21, Điều 25 (chưa xác minh sau sắp xếp bộ, ngành 2025)',
      verification: 'unverified',
    },
  ],
  fallback: {
    name: 'Bộ trưởng bộ quản lý ngành, lĩnh vực của quyết định bị khiếu nại',
    address: 'Ban Tiếp công dân Trung ương (hướng dẫn nơi gửi), số 1 Ngô Thì Nhậm, Hà Đông, Hà Nội',
    legalBasis: 'Luật Khiếu nại 2011 Điều 21, Điều 25 (chưa xác minh sau sắp xếp bộ, ngành 2025)',
    verification: 'unverified',
  },
};

export function outsideSecondInstanceOf(policy: Pick<DeadlinePolicy, 'outsideSecondInstance'>): OutsideSecondInstance {
  return policy.outsideSecondInstance ?? DEFAULT_OUTSIDE_SECOND_INSTANCE;
}

/** The complaint periods of a policy version, defaults for versions that predate them. */
export function complaintPeriodsOf(policy: Pick<DeadlinePolicy, 'complaintPeriods'>): ComplaintPeriods {
  return policy.complaintPeriods ?? DEFAULT_COMPLAINT_PERIODS;
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
/** LTC Art 30(2)–(3): an ordinary case is not extended; complex once, particularly complex twice, 30 days each. */
const DENUNCIATION_EXTENSION: ExtensionRule = { maxCount: 2, days: 30, maxCountByComplexity: { standard: 0, complex: 1, particularly_complex: 2 } };

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
      // Runs beside T1: the competence question must be settled within 5 working days of receipt. Met by the
      // transfer; any other intake decision (acceptance, refusal, filing) means the case stayed here.
      ruleId: 'T2',
      clockKind: 'processing',
      petitionKinds: ['denunciation'],
      instance: 1,
      legalBasis: 'Luật Tố cáo 2018 Điều 24 khoản 2 (chuyển tố cáo không thuộc thẩm quyền, thông báo người tố cáo)',
      verification: 'partial', // the 2011 law's Art 20 rule is verified; the 2018 text was seen only as quoted
      unit: 'working_days',
      days: { standard: 5 },
      startsOn: 'PetitionReceived',
      metOn: ['PetitionTransferred'],
      cancelledOn: ['PetitionAccepted', 'PetitionRejected', 'PetitionGuided', 'PetitionFiled', ...ENDED],
      escalates: false,
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
      skipAnonymous: true, // there is no denouncer to notify
    },
    {
      // The first-time decision goes to the complainant and the parties; met by the "decision sent" act.
      ruleId: 'K5',
      clockKind: 'notice',
      petitionKinds: ['complaint'],
      instance: 1,
      legalBasis: 'Luật Khiếu nại 2011 Điều 32 (chưa xác minh)',
      verification: 'unverified',
      unit: 'working_days',
      days: { standard: 3 },
      startsOn: 'PetitionResolved',
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
      extension: DENUNCIATION_EXTENSION,
      pauseReasons: RESOLUTION_PAUSES,
      skipAnonymous: true, // LTC Art 25(2): checked within competence, not resolved under Art 30
    },
    {
      // LTC 2018 Art 38 (tố cáo tiếp): the superior examines the earlier resolution and either has the lower
      // level resolve it (lapsed deadline), declines to re-resolve (it was lawful) or re-resolves it itself.
      // The period was not found in the 2018 text (the 2011 law, Art 27, gave the superior 10 days).
      ruleId: 'T7',
      clockKind: 'acceptance',
      petitionKinds: ['denunciation'],
      instance: 2,
      legalBasis: 'Luật Tố cáo 2018 Điều 38 (tố cáo tiếp: cấp trên xem xét việc giải quyết; thời hạn chưa xác minh)',
      verification: 'unverified',
      unit: 'working_days',
      days: { standard: 7 },
      startsOn: 'PetitionReceived',
      metOn: INTAKE_DECISIONS,
      cancelledOn: ENDED,
      pauseReasons: NO_PAUSE,
    },
    {
      // When the superior re-resolves, it follows the resolution procedure, so the Art 30 periods and
      // extensions apply; that Art 38 sends it there was not seen in the text.
      ruleId: 'T7-R',
      clockKind: 'resolution',
      petitionKinds: ['denunciation'],
      instance: 2,
      legalBasis: 'Luật Tố cáo 2018 Điều 38, Điều 30 (giải quyết lại tố cáo; áp dụng thời hạn Điều 30 chưa xác minh)',
      verification: 'unverified',
      unit: 'calendar_days',
      days: { standard: 30 },
      startsOn: 'PetitionAccepted',
      metOn: ['PetitionResolved'],
      cancelledOn: ENDED,
      extension: DENUNCIATION_EXTENSION,
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
      // The duty is a written notice of receipt or of transfer within 10 working days, not the resolution.
      metByNotice: true,
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
  complaintPeriods: DEFAULT_COMPLAINT_PERIODS,
  outsideSecondInstance: DEFAULT_OUTSIDE_SECOND_INSTANCE,
  receivedOnMaxDaysBack: 30,
};

/** The rules that apply to a petition, by kind, instance, addressee and whether the letter is anonymous. */
export function rulesFor(
  policy: DeadlinePolicy,
  p: { kind: PetitionKind; instance: 1 | 2; addressedToPartyHead: boolean; anonymous?: boolean },
): ClockRule[] {
  return policy.rules.filter(
    (r) =>
      r.petitionKinds.includes(p.kind) &&
      r.instance === p.instance &&
      (!r.addressedToPartyHead || p.addressedToPartyHead) &&
      !(r.skipAnonymous === true && p.anonymous === true),
  );
}

/** The policy in force on a local date (the one with the latest effectiveFrom not after it). */
export function policyInForce<P extends Pick<DeadlinePolicy, 'effectiveFrom' | 'effectiveTo' | 'version'>>(policies: readonly P[], day: string): P | null {
  const candidates = policies.filter((p) => p.effectiveFrom <= day && (p.effectiveTo === null || day < p.effectiveTo));
  return candidates.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0] ?? null;
}
