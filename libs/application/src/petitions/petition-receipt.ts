import { type Clock, complexityOf, formatLocalDate, LABELS, lastLocalDayOf, type Message, OPEN_CLOCK_STATUSES, type PetitionClock, renderMessage, toLocalDate } from '@app/domain';
import { UnitEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { maySeeIdentity } from '../auth/identity-access.js';
import { loadClockViews } from '../deadlines/clock-views.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { PUBLIC_BASE_URL, publicTrackingUrl } from '../shared/public-urls.js';
import { visiblePetition } from './visible-petition.js';

/** One running clock as the slip tells the citizen what happens next and by when. */
export interface ReceiptNextStep {
  readonly clockId: string;
  readonly ruleId: string;
  readonly clockKind: string;
  /** What is to happen, in plain words. */
  readonly what: Message;
  readonly legalBasis: string;
  readonly status: string;
  readonly dueAt: string | null;
  /** The last local day (YYYY-MM-DD), or null while the clock is paused. */
  readonly dueOn: string | null;
  /** The clock's own one-line explanation, as GET /petitions/:id/deadlines gives it. */
  readonly summary: Message;
  /** "What: by the end of dd/mm/yyyy". */
  readonly text: Message;
}

/** What the printed receipt slip (giấy biên nhận) needs. */
export interface PetitionReceiptView {
  readonly petitionId: string;
  readonly trackingCode: string;
  readonly trackingUrl: string;
  readonly kind: string;
  readonly kindLabel: Message;
  readonly channel: string;
  readonly channelLabel: Message;
  readonly title: string;
  readonly receivingUnit: { readonly id: string; readonly name: string };
  /** Local day the letter arrived, YYYY-MM-DD. */
  readonly receivedOn: string;
  /** Null for an anonymous letter, or when the caller may not see who petitioned. */
  readonly petitionerName: string | null;
  readonly anonymous: boolean;
  readonly heading: Message;
  readonly receivedText: Message;
  readonly trackingText: Message;
  /** Running and paused clocks, soonest first. */
  readonly nextSteps: ReceiptNextStep[];
  /** Said instead when no clock runs any more. */
  readonly noNextSteps: Message | null;
}

/** The slip is printed at intake: by the reception desk or the head of the unit holding the case. */
const RECEIPT_ROLES = ['desk', 'head'] as const;

@Injectable()
export class PetitionReceiptQuery {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PUBLIC_BASE_URL) private readonly publicBaseUrl: string,
  ) {}

  async get(user: CurrentUser, petitionId: string): Promise<PetitionReceiptView> {
    const em = this.dataSource.manager;
    // Jurisdiction first (404 outside it, as everywhere), then the role (403).
    const { row } = await visiblePetition(em, user, petitionId);
    if (!(RECEIPT_ROLES as readonly string[]).includes(user.role)) throw new AppError('forbidden', 'error.forbidden');
    const now = this.clock.now();
    const receivingUnit = await em.findOneOrFail(UnitEntity, { where: { id: row.receivingUnitId } });
    const clocks = await loadClockViews(em, row.id, now, complexityOf(row));
    const trackingUrl = publicTrackingUrl(this.publicBaseUrl, row.trackingCode);
    const receivedOn = row.receivedOn ?? toLocalDate(row.createdAt);
    const kindLabel = LABELS.kind[row.kind];
    const kindInSentence = { vi: kindLabel.vi.toLowerCase(), en: kindLabel.en.toLowerCase() };
    const petitionerName = row.anonymous || !maySeeIdentity(user, row.kind) ? null : row.petitioner.fullName;

    const nextSteps = clocks
      .filter((c) => OPEN_CLOCK_STATUSES.includes(c.status as PetitionClock['status']))
      .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || a.ruleId.localeCompare(b.ruleId))
      .map((c): ReceiptNextStep => {
        const what = LABELS.clockKind[c.kind as keyof typeof LABELS.clockKind] ?? LABELS.clockStart.other;
        const dueOn = c.dueAt === null ? null : lastLocalDayOf(new Date(c.dueAt));
        return {
          clockId: c.id,
          ruleId: c.ruleId,
          clockKind: c.kind,
          what,
          legalBasis: c.legalBasis,
          status: c.status,
          dueAt: c.dueAt,
          dueOn,
          summary: c.summary,
          text: dueOn === null ? renderMessage('receipt.next_step_paused', { what }) : renderMessage('receipt.next_step', { what, dueOn: formatLocalDate(dueOn) }),
        };
      });

    return {
      petitionId: row.id,
      trackingCode: row.trackingCode,
      trackingUrl,
      kind: row.kind,
      kindLabel,
      channel: row.channel,
      channelLabel: LABELS.channel[row.channel],
      title: row.title,
      receivingUnit: { id: receivingUnit.id, name: receivingUnit.name },
      receivedOn,
      petitionerName,
      anonymous: row.anonymous,
      heading: renderMessage('receipt.heading'),
      receivedText: renderMessage(row.anonymous ? 'receipt.received_anonymous' : 'receipt.received', {
        unitName: receivingUnit.name,
        kind: kindInSentence,
        receivedOn: formatLocalDate(receivedOn),
      }),
      trackingText: renderMessage('receipt.track', { trackingUrl, trackingCode: row.trackingCode }),
      nextSteps,
      noNextSteps: nextSteps.length === 0 ? renderMessage('receipt.no_next_steps') : null,
    };
  }
}
