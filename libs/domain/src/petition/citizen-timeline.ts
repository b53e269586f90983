import { type LocalDate, startOfLocalDay, toLocalDate } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { formatLocalDate } from '../deadlines/clock-acts.js';
import { secondComplaintWindow } from '../satisfaction/satisfaction.js';
import { LABELS, type Message, renderMessage } from '../shared/messages.js';
import type { PetitionEvent } from './petition-events.js';
import type { PetitionKind } from './petition-kind.js';

/**
 * What the public tracking page tells the citizen, event by event: receipt, acceptance or refusal with its
 * reason, transfer with where to, guidance, the result in the words written for the citizen, and the rights that
 * follow with their deadlines. Built only from fields meant for the citizen: never a name, contact, title,
 * content, internal note, internal summary or staff identity.
 */
export interface CitizenTimelineEntry {
  readonly at: string;
  readonly type: 'received' | 'accepted' | 'rejected' | 'transferred' | 'guided' | 'filed' | 'resolved' | 'reopened' | 'second_instance' | 'withdrawn' | 'closed' | 'rights';
  readonly message: Message;
  /** For a rights notice with a time limit: the last local day to use the right. */
  readonly deadline?: LocalDate;
}

export interface CitizenTimelineContext {
  readonly kind: PetitionKind;
  readonly instance: 1 | 2;
  /** Remote area (longer windows, LKN Art 33). */
  readonly remoteArea: boolean;
  readonly calendar: WorkingCalendar;
  /** Names of units in the system, by id (the receiving unit, transfer destinations). */
  readonly unitName: (unitId: string) => string | null;
  /** The last local day of a clock's period, by clock id (when its lapse gave the citizen a right). */
  readonly clockLastDay: (clockId: string) => LocalDate | null;
}

export function citizenTimeline(events: readonly PetitionEvent[], ctx: CitizenTimelineContext): CitizenTimelineEntry[] {
  const out: CitizenTimelineEntry[] = [];
  const entry = (e: PetitionEvent, type: CitizenTimelineEntry['type'], message: Message, deadline?: LocalDate) =>
    out.push({ at: e.at, type, message, ...(deadline ? { deadline } : {}) });
  const name = (id: string | null): Message => {
    const n = id === null ? null : ctx.unitName(id);
    return n === null ? renderMessage('tracking.unit_unknown') : { vi: n, en: n };
  };
  for (const e of events) {
    switch (e.type) {
      case 'PetitionReceived':
        if (e.receivedOn) entry(e, 'received', renderMessage('tracking.received_on', { unitName: name(e.receivingUnitId), receivedOn: formatLocalDate(e.receivedOn) }));
        else entry(e, 'received', renderMessage('tracking.received', { unitName: name(e.receivingUnitId) }));
        break;
      case 'PetitionAccepted':
        entry(e, 'accepted', renderMessage('tracking.accepted'));
        break;
      case 'PetitionRejected':
        entry(e, 'rejected', renderMessage('tracking.rejected', { reason: e.reason }));
        break;
      case 'PetitionTransferred': {
        const destination: Message = e.toUnitId !== null ? name(e.toUnitId) : { vi: e.toBodyName ?? '', en: e.toBodyName ?? '' };
        entry(e, 'transferred', renderMessage('tracking.transferred', { destination }));
        break;
      }
      case 'PetitionGuided':
        entry(e, 'guided', renderMessage('tracking.guided', { guidance: e.guidance }));
        break;
      case 'PetitionFiled':
        entry(e, 'filed', renderMessage('tracking.filed'));
        break;
      case 'PetitionResolved': {
        const status = LABELS.status[e.outcome];
        entry(e, 'resolved', e.citizenSummary ? renderMessage('tracking.resolved_summary', { status, summary: e.citizenSummary }) : renderMessage('tracking.resolved', { status }));
        const right = rightAfterResult(e, ctx);
        if (right) out.push(right);
        break;
      }
      case 'PetitionReopened':
        entry(e, 'reopened', renderMessage('tracking.reopened'));
        break;
      case 'SecondInstanceRequested':
        entry(e, 'second_instance', renderMessage('tracking.second_instance'));
        break;
      case 'PetitionWithdrawn':
        entry(e, 'withdrawn', renderMessage('tracking.withdrawn'));
        break;
      case 'PetitionClosed':
        entry(e, 'closed', renderMessage('tracking.closed'));
        break;
      case 'CitizenRightsNotified': {
        if (e.right === 're_denunciation') {
          entry(e, 'rights', renderMessage('tracking.rights.re_denunciation_lapsed'));
          break;
        }
        // LKN Art 33: the window runs from the day the resolution period lapsed (that day not counted).
        const lapsed = ctx.clockLastDay(e.clockId) ?? toLocalDate(new Date(e.at));
        const w = secondComplaintWindow(startOfLocalDay(lapsed), ctx.remoteArea, ctx.calendar);
        entry(e, 'rights', renderMessage('tracking.rights.second_complaint_lapsed', { lapsedOn: formatLocalDate(lapsed), days: w.days, lastDay: formatLocalDate(w.lastDay) }), w.lastDay);
        break;
      }
      default:
        // Internal steps (assignment, verification, escalation, deadline acts, grouping, ratings) are not shown.
        break;
    }
  }
  return out;
}

/** The right a result opens to the citizen, with its deadline where the law sets one the system knows. */
function rightAfterResult(e: Extract<PetitionEvent, { type: 'PetitionResolved' }>, ctx: CitizenTimelineContext): CitizenTimelineEntry | null {
  if (ctx.kind === 'complaint' && ctx.instance === 1) {
    const w = secondComplaintWindow(new Date(e.at), ctx.remoteArea, ctx.calendar);
    return {
      at: e.at,
      type: 'rights',
      message: renderMessage('tracking.rights.second_complaint', { days: w.days, decidedOn: formatLocalDate(w.decidedOn), lastDay: formatLocalDate(w.lastDay) }),
      deadline: w.lastDay,
    };
  }
  if (ctx.kind === 'complaint') return { at: e.at, type: 'rights', message: renderMessage('tracking.rights.lawsuit') };
  if (ctx.kind === 'denunciation') return { at: e.at, type: 'rights', message: renderMessage('tracking.rights.re_denunciation') };
  return null;
}
