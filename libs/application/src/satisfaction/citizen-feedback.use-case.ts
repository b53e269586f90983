import {
  acceptsFeedback,
  type Clock,
  type FeedbackOutcome,
  feedbackOutcome,
  formatLocalDate,
  LABELS,
  type LocalDate,
  type Message,
  type MessageKey,
  type MessageParam,
  type PetitionKind,
  type PetitionStatus,
  recordCitizenFeedback,
  renderMessage,
  periodDays,
  secondComplaintWindow,
  toLocalDate,
} from '@app/domain';
import { type PetitionEntity, petitionStore, toPetitionState } from '@app/persistence';
import { JobName, outboxMessage } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { loadCalendar } from '../deadlines/deadline-sources.js';
import { complaintPeriodsOn } from '../petitions/complaint-facts.js';
import { followWorkflowEvents, storePetitionChange } from '../petitions/petition-writer.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { FEEDBACK_LINK_KEY, formatLocalInstant, hashToken, isTokenShaped, trackingPath, writeCitizenMessage } from './satisfaction-tokens.js';

/** The petition as the holder of a feedback link may see it: the public tracking facts, never personal data. */
export interface FeedbackPetitionSummary {
  readonly trackingCode: string;
  readonly kind: PetitionKind;
  readonly kindLabel: Message;
  readonly status: PetitionStatus;
  readonly statusLabel: Message;
  readonly resolvedAt: string | null;
  readonly unitName: string;
  readonly trackingLink: string;
}

export interface FeedbackView {
  readonly petition: FeedbackPetitionSummary;
  readonly link: { readonly status: 'active' | 'used'; readonly expiresAt: string; readonly usedAt: string | null };
  /** Whether a rating may be posted now. */
  readonly canRate: boolean;
  /** What the citizen may do now. */
  readonly instructions: Message;
  /** What a "not satisfied" rating leads to for this petition. */
  readonly ifNotSatisfied: { readonly outcome: FeedbackOutcome; readonly message: Message };
  /** The rating already given through this link, if any. */
  readonly rating: { readonly satisfied: boolean; readonly outcome: FeedbackOutcome; readonly ratedAt: string } | null;
}

/** A legal remedy the citizen is told about instead of a reopen. */
export interface RemedyView {
  readonly right: 'second_complaint' | 'lawsuit' | 're_denunciation';
  readonly legalBasis: string;
  /** Second-time complaint only: the window (LKN Art 33), counted from the decision date as the earliest receipt. */
  readonly windowDays: number | null;
  readonly remoteArea: boolean;
  readonly decidedOn: LocalDate | null;
  readonly lastDay: LocalDate | null;
  readonly until: string | null;
  /** Where to file (second-time complaint, re-denunciation): the direct superior. */
  readonly fileWith: Message | null;
}

export interface FeedbackResult {
  readonly outcome: FeedbackOutcome;
  readonly satisfied: boolean;
  readonly reopened: boolean;
  readonly petition: FeedbackPetitionSummary;
  /** What happened and what the citizen may do next, Vietnamese first. */
  readonly message: Message;
  readonly remedy: RemedyView | null;
}

export interface FeedbackInput {
  readonly satisfied: boolean;
  readonly comment?: string | null;
}

interface TokenRow {
  id: string;
  petition_id: string;
  unit_id: string;
  handler_id: string | null;
  issued_at: Date;
  expires_at: Date;
  used_at: Date | null;
  superseded_at: Date | null;
}

interface UnitFacts {
  name: string;
  remote: boolean;
  /** Whether the province is the direct superior (a commune-level unit, or a province-level department). */
  commune_level: boolean;
  province_name: string | null;
}

const TOKEN_COLUMNS = 'id, petition_id, unit_id, handler_id, issued_at, expires_at, used_at, superseded_at';

const notFound = () => new AppError('not-found', 'satisfaction.token_unknown');

const IF_NOT_SATISFIED: Record<FeedbackOutcome, MessageKey> = {
  recorded: 'satisfaction.if_not_satisfied.recorded',
  reopened: 'satisfaction.if_not_satisfied.reopened',
  second_complaint_right: 'satisfaction.if_not_satisfied.second_complaint_right',
  lawsuit_right: 'satisfaction.if_not_satisfied.lawsuit_right',
  re_denunciation_right: 'satisfaction.if_not_satisfied.re_denunciation_right',
};

const OUTCOME_MESSAGE: Record<FeedbackOutcome, MessageKey> = {
  recorded: 'satisfaction.outcome.recorded',
  reopened: 'satisfaction.outcome.reopened',
  second_complaint_right: 'satisfaction.outcome.second_complaint_right',
  lawsuit_right: 'satisfaction.outcome.lawsuit_right',
  re_denunciation_right: 'satisfaction.outcome.re_denunciation_right',
};

/**
 * The citizen's side of satisfaction feedback, reached through a one-time link without logging in. Unknown and
 * malformed tokens get the same 404; a used link 409; an expired or superseded one 410.
 */
@Injectable()
export class CitizenFeedbackUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(FEEDBACK_LINK_KEY) private readonly feedbackLinkKey: Buffer,
  ) {}

  /** What the link is about and what the citizen may do with it. Reading changes nothing. */
  async view(rawToken: string): Promise<FeedbackView> {
    const em = this.dataSource.manager;
    const now = this.clock.now();
    const token = await this.findToken(em, rawToken);
    const row = (await petitionStore.load(em, token.petition_id))!;
    const unit = await this.unitFacts(em, row.owningUnitId);
    if (token.used_at === null) this.refuseUnusable(token, row, now);
    const ratings: { satisfied: boolean; outcome: FeedbackOutcome; rated_at: Date }[] =
      token.used_at === null ? [] : await em.query(`SELECT satisfied, outcome, rated_at FROM satisfaction_ratings WHERE token_id = $1`, [token.id]);
    const rating = ratings[0] ? { satisfied: ratings[0].satisfied, outcome: ratings[0].outcome, ratedAt: ratings[0].rated_at.toISOString() } : null;
    const ifNot = feedbackOutcome(row, false);
    const windowDays = periodDays((await complaintPeriodsOn(em, toLocalDate(row.resolvedAt ?? now))).secondComplaint, unit.remote);
    return {
      petition: summaryOf(row, unit),
      link: { status: token.used_at === null ? 'active' : 'used', expiresAt: token.expires_at.toISOString(), usedAt: token.used_at?.toISOString() ?? null },
      canRate: token.used_at === null && acceptsFeedback(row.status),
      instructions:
        token.used_at === null
          ? renderMessage('satisfaction.option.rate', { expiresAt: formatLocalInstant(token.expires_at) })
          : renderMessage('satisfaction.option.already_rated', { usedAt: formatLocalInstant(token.used_at) }),
      ifNotSatisfied: { outcome: ifNot, message: renderMessage(IF_NOT_SATISFIED[ifNot], { unitName: unit.name, days: windowDays }) },
      rating,
    };
  }

  /**
   * Records the rating once, in one transaction: the token is locked and spent, the petition decides through
   * the domain (reopen for feedback kinds; remedies explained for complaints and denunciations), the audit
   * events, outbox rows and clocks follow as for any command, and a rating row is stored for the board.
   *
   * Lock order, as in every petition command: the petition row first, then its token rows. A staff command
   * holds the petition (its compare-and-set) when it voids the live link (supersedeLiveTokens); taking the
   * token first here would deadlock against it.
   */
  async submit(rawToken: string, input: FeedbackInput): Promise<FeedbackResult> {
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      // Unlocked: only to learn which petition to lock. A token row never changes petition.
      const found = await this.findToken(em, rawToken);
      // Lock the petition before reading it so a concurrent staff command waits instead of failing the CAS.
      await em.query(`SELECT 1 FROM petitions WHERE id = $1 FOR NO KEY UPDATE`, [found.petition_id]);
      // Then the token, read again under its lock: two submissions of one link queue up on the petition, and the
      // second sees used_at; a staff reopen or re-resolution committed meanwhile shows as superseded_at.
      const token = await this.lockToken(em, found.id);
      const row = (await petitionStore.load(em, token.petition_id))!;
      if (token.used_at !== null) {
        throw new AppError('conflict', 'satisfaction.token_used', { usedAt: formatLocalInstant(token.used_at) }, { usedAt: token.used_at.toISOString() });
      }
      this.refuseUnusable(token, row, now);

      const state = toPetitionState(row);
      const decision = recordCitizenFeedback(state, { tokenId: token.id, satisfied: input.satisfied, comment: input.comment ?? null }, now);
      if (!decision.ok) {
        throw new AppError('conflict', 'satisfaction.feedback_not_open', { status: LABELS.status[decision.refusal.status] }, { currentStatus: decision.refusal.status });
      }
      // Work arrives without an assignment: the unit's heads and the last handler are told.
      const notify = decision.state.status === 'reopened' ? [outboxMessage(JobName.NotifyCitizenReopened, { petitionId: row.id, sequence: decision.state.version })] : [];
      if (!(await storePetitionChange(em, state.version, decision.state, decision.events, notify))) {
        throw new AppError('conflict', 'petition.version_conflict', { version: state.version });
      }
      await em.query(`UPDATE satisfaction_tokens SET used_at = $2 WHERE id = $1`, [token.id, now]);
      await followWorkflowEvents(em, row, decision.state, decision.events, now, this.feedbackLinkKey);
      const comment = decision.events[0]!.type === 'CitizenFeedbackRecorded' ? decision.events[0]!.comment : null;
      await em.query(
        `INSERT INTO satisfaction_ratings (petition_id, token_id, unit_id, handler_id, kind, satisfied, comment, outcome, rated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [row.id, token.id, token.unit_id, token.handler_id, row.kind, input.satisfied, comment, decision.outcome, now],
      );

      const unit = await this.unitFacts(em, row.owningUnitId);
      const remedy = await this.remedyFor(em, decision.outcome, row, unit, now);
      const params: Record<string, MessageParam> = {
        trackingCode: row.trackingCode,
        unitName: unit.name,
        ...(remedy?.windowDays ? { days: remedy.windowDays, decidedOn: formatLocalDate(remedy.decidedOn!), lastDay: formatLocalDate(remedy.lastDay!) } : {}),
        ...(remedy?.fileWith ? { superiorName: remedy.fileWith } : {}),
      };
      // The legal remedy also reaches the citizen on paper or by SMS, not only on this page.
      if (remedy !== null) await writeCitizenMessage(em, row.id, row.petitioner, OUTCOME_MESSAGE[decision.outcome], params, now);

      const after: PetitionEntity = { ...row, status: decision.state.status, resolvedAt: decision.state.resolvedAt === null ? null : row.resolvedAt };
      return {
        outcome: decision.outcome,
        satisfied: input.satisfied,
        reopened: decision.outcome === 'reopened',
        petition: summaryOf(after, unit),
        message: renderMessage(OUTCOME_MESSAGE[decision.outcome], params),
        remedy,
      };
    });
  }

  private async findToken(em: EntityManager, rawToken: string): Promise<TokenRow> {
    // A malformed token is answered exactly like an unknown one, without touching the database.
    if (!isTokenShaped(rawToken)) throw notFound();
    const rows: TokenRow[] = await em.query(`SELECT ${TOKEN_COLUMNS} FROM satisfaction_tokens WHERE token_hash = $1`, [hashToken(rawToken)]);
    if (rows.length === 0) throw notFound();
    return rows[0]!;
  }

  /** The token row under FOR UPDATE; call only with its petition already locked (petition, then token). */
  private async lockToken(em: EntityManager, tokenId: string): Promise<TokenRow> {
    const rows: TokenRow[] = await em.query(`SELECT ${TOKEN_COLUMNS} FROM satisfaction_tokens WHERE id = $1 FOR UPDATE`, [tokenId]);
    return rows[0]!;
  }

  /** Superseded (the case was reopened or re-resolved) or expired links are gone. */
  private refuseUnusable(token: TokenRow, row: PetitionEntity, now: Date): void {
    if (token.superseded_at !== null) throw new AppError('gone', 'satisfaction.token_superseded', { trackingCode: row.trackingCode });
    if (now.getTime() >= token.expires_at.getTime()) {
      const days = Math.round((token.expires_at.getTime() - token.issued_at.getTime()) / 86_400_000);
      throw new AppError(
        'gone',
        'satisfaction.token_expired',
        { expiredAt: formatLocalInstant(token.expires_at), days, trackingCode: row.trackingCode },
        { expiredAt: token.expires_at.toISOString() },
      );
    }
  }

  private async unitFacts(em: EntityManager, unitId: string): Promise<UnitFacts> {
    const rows: UnitFacts[] = await em.query(
      `SELECT u.name, (u.remote_area OR coalesce(c.remote_area, false)) AS remote, (u.commune_id IS NOT NULL OR (u.level = 'department' AND u.province_id <> u.id)) AS commune_level, pu.name AS province_name
         FROM units u LEFT JOIN units c ON c.id = u.commune_id LEFT JOIN units pu ON pu.id = u.province_id
        WHERE u.id = $1`,
      [unitId],
    );
    return rows[0]!;
  }

  private async remedyFor(em: EntityManager, outcome: FeedbackOutcome, row: PetitionEntity, unit: UnitFacts, now: Date): Promise<RemedyView | null> {
    // The direct superior: the province for a commune-level unit or a province-level department (as the
    // second-instance case is opened there); above the province itself, the central level.
    const superior: Message =
      unit.commune_level && unit.province_name ? { vi: unit.province_name, en: unit.province_name } : renderMessage('satisfaction.superior_central');
    switch (outcome) {
      case 'second_complaint_right': {
        const decidedAt = row.resolvedAt ?? now;
        const k6 = (await complaintPeriodsOn(em, toLocalDate(decidedAt))).secondComplaint;
        const w = secondComplaintWindow(decidedAt, unit.remote, await loadCalendar(em, decidedAt), k6.days);
        return {
          right: 'second_complaint',
          legalBasis: 'Luật Khiếu nại 2011 Điều 33',
          windowDays: w.days,
          remoteArea: w.remote,
          decidedOn: w.decidedOn,
          lastDay: w.lastDay,
          until: w.until.toISOString(),
          fileWith: superior,
        };
      }
      case 'lawsuit_right':
        return { right: 'lawsuit', legalBasis: 'Luật Khiếu nại 2011 Điều 7, Điều 33; Luật Tố tụng hành chính 2015 Điều 116 (thời hiệu khởi kiện 01 năm)', windowDays: null, remoteArea: unit.remote, decidedOn: null, lastDay: null, until: null, fileWith: null };
      case 're_denunciation_right':
        return {
          right: 're_denunciation',
          legalBasis: 'Luật Tố cáo 2018 Điều 37 (chưa xác minh điều khoản)',
          windowDays: null,
          remoteArea: unit.remote,
          decidedOn: null,
          lastDay: null,
          until: null,
          fileWith: superior,
        };
      default:
        return null;
    }
  }
}

function summaryOf(row: PetitionEntity, unit: UnitFacts): FeedbackPetitionSummary {
  return {
    trackingCode: row.trackingCode,
    kind: row.kind,
    kindLabel: LABELS.kind[row.kind],
    status: row.status,
    statusLabel: LABELS.status[row.status],
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    unitName: unit.name,
    trackingLink: trackingPath(row.trackingCode),
  };
}
