import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../petition/petition-commands.js';
import { isMessageKey } from '../shared/messages.js';
import type { ReceptionDayEvent, ReceptionDayState, ReceptionDecision } from './reception-day.js';
import { availableReceptionActions, decideReceptionDay, mayReadAttendeeNames, planReceptionDay, replayReceptionDay } from './reception-day.js';

/** 09:00 local (UTC+7) on Mon 23/11/2026. */
const NOW = new Date('2026-11-23T02:00:00.000Z');
const desk: Actor = { userId: 'u-desk', role: 'desk' };
const head: Actor = { userId: 'u-head', role: 'head' };
const handler: Actor = { userId: 'u-handler', role: 'handler' };
const board: Actor = { userId: 'u-board', role: 'board' };

function ok(d: ReceptionDecision): { state: ReceptionDayState; events: ReceptionDayEvent[] } {
  if (!d.ok) throw new Error(`refused: ${JSON.stringify(d.refusal)}`);
  return d;
}

function planned(date = '2026-11-25', actor: Actor = desk, now = NOW) {
  return planReceptionDay(
    { receptionDayId: 'rd-1', unitId: 'commune-1', hostUserId: 'u-head', position: 'commune_party_head', date, venue: ' Trụ sở Đảng ủy phường ', actor, legalBasis: 'QĐ11' },
    now,
  );
}

describe('planning a reception day', () => {
  it('puts the day on the schedule with who planned it, for the named head and position', () => {
    const { state, events } = ok(planned());
    expect(state).toMatchObject({
      id: 'rd-1',
      status: 'planned',
      hostUserId: 'u-head',
      position: 'commune_party_head',
      date: '2026-11-25',
      venue: 'Trụ sở Đảng ủy phường',
      legalBasis: 'QĐ11',
      version: 1,
      petitionIds: [],
      attendeeCount: null,
    });
    expect(events).toEqual([expect.objectContaining({ type: 'ReceptionDayPlanned', actorId: 'u-desk', actorRole: 'desk', at: NOW.toISOString() })]);
  });

  it('accepts today (local date) and refuses yesterday', () => {
    // 23:30 on 22/11 UTC is already 06:30 on 23/11 in Vietnam: "today" is 23/11.
    const justAfterLocalMidnight = new Date('2026-11-22T23:30:00.000Z');
    expect(planned('2026-11-23', desk, justAfterLocalMidnight).ok).toBe(true);
    expect(planned('2026-11-22', desk, justAfterLocalMidnight)).toEqual({
      ok: false,
      refusal: { code: 'invalid-command', action: 'plan', field: 'date', messageKey: 'reception.date_in_past' },
    });
  });

  it('refuses a date that is not on the calendar, and an empty venue', () => {
    expect(planned('2026-02-30')).toMatchObject({ ok: false, refusal: { field: 'date', messageKey: 'validation.isLocalDate' } });
    const noVenue = planReceptionDay(
      { receptionDayId: 'rd', unitId: 'c', hostUserId: 'h', position: 'commune_chair', date: '2026-11-30', venue: '  ', actor: desk },
      NOW,
    );
    expect(noVenue).toMatchObject({ ok: false, refusal: { field: 'venue', messageKey: 'validation.required' } });
  });

  it('is refused to handlers and to the board', () => {
    for (const actor of [handler, board]) {
      expect(planned('2026-11-25', actor)).toEqual({ ok: false, refusal: { code: 'role-not-allowed', action: 'plan', role: actor.role } });
    }
  });
});

describe('recording a reception day', () => {
  const day = ok(planned('2026-11-23')).state;

  it('records who came and the petitions taken; names without a headcount count as the headcount', () => {
    const { state, events } = ok(
      decideReceptionDay(day, { action: 'hold', actor: head, attendeeNames: [' Nguyễn Văn An ', 'Trần Thị Bích'], petitionIds: ['p1', 'p2', 'p1'] }, NOW),
    );
    expect(state).toMatchObject({ status: 'held', attendeeCount: 2, attendeeNames: ['Nguyễn Văn An', 'Trần Thị Bích'], petitionIds: ['p1', 'p2'], version: 2 });
    expect(events[0]).toMatchObject({ type: 'ReceptionDayHeld', actorId: 'u-head', actorRole: 'head' });
  });

  it('keeps a headcount larger than the names given (not everyone gives a name), and refuses a smaller one', () => {
    expect(ok(decideReceptionDay(day, { action: 'hold', actor: desk, attendeeCount: 12, attendeeNames: ['A'] }, NOW)).state.attendeeCount).toBe(12);
    expect(decideReceptionDay(day, { action: 'hold', actor: desk, attendeeCount: 1, attendeeNames: ['A', 'B'] }, NOW)).toMatchObject({
      ok: false,
      refusal: { field: 'attendeeCount', messageKey: 'reception.headcount_below_names' },
    });
    expect(ok(decideReceptionDay(day, { action: 'hold', actor: desk }, NOW)).state.attendeeCount).toBeNull();
  });

  it('refuses to record a day that has not come yet, in Vietnam local time', () => {
    const tomorrow = ok(planned('2026-11-24')).state;
    expect(decideReceptionDay(tomorrow, { action: 'hold', actor: head }, NOW)).toEqual({
      ok: false,
      refusal: { code: 'held-in-future', date: '2026-11-24', today: '2026-11-23' },
    });
    // 17:00Z on 23/11 is 00:00 on 24/11 in Vietnam: the day has begun.
    expect(decideReceptionDay(tomorrow, { action: 'hold', actor: head }, new Date('2026-11-23T17:00:00.000Z')).ok).toBe(true);
    expect(decideReceptionDay(tomorrow, { action: 'hold', actor: head }, new Date('2026-11-23T16:59:59.000Z')).ok).toBe(false);
  });

  it('cancels a planned day with a reason, and then allows nothing', () => {
    expect(decideReceptionDay(day, { action: 'cancel', actor: desk, reason: ' ' }, NOW)).toMatchObject({ ok: false, refusal: { field: 'reason' } });
    const { state } = ok(decideReceptionDay(day, { action: 'cancel', actor: desk, reason: 'Lãnh đạo đi công tác' }, NOW));
    expect(state).toMatchObject({ status: 'cancelled', cancelReason: 'Lãnh đạo đi công tác', cancelledAt: NOW.toISOString() });
    expect(availableReceptionActions(state, 'head')).toEqual([]);
    expect(decideReceptionDay(state, { action: 'hold', actor: head }, NOW)).toEqual({
      ok: false,
      refusal: { code: 'transition-not-allowed', action: 'hold', status: 'cancelled', allowedActions: [] },
    });
  });

  it('links petitions logged after the day was recorded, only new ones, and never to a planned day', () => {
    const held = ok(decideReceptionDay(day, { action: 'hold', actor: head, petitionIds: ['p1'] }, NOW)).state;
    expect(availableReceptionActions(held, 'desk')).toEqual(['link-petitions']);
    const linked = ok(decideReceptionDay(held, { action: 'link-petitions', actor: desk, petitionIds: ['p1', 'p3'] }, NOW));
    expect(linked.events[0]).toMatchObject({ type: 'ReceptionPetitionsLinked', petitionIds: ['p3'] });
    expect(linked.state.petitionIds).toEqual(['p1', 'p3']);
    expect(decideReceptionDay(linked.state, { action: 'link-petitions', actor: desk, petitionIds: ['p3'] }, NOW)).toMatchObject({
      ok: false,
      refusal: { messageKey: 'reception.petitions_already_linked' },
    });
    expect(decideReceptionDay(day, { action: 'link-petitions', actor: desk, petitionIds: ['p3'] }, NOW)).toMatchObject({
      ok: false,
      refusal: { code: 'transition-not-allowed', allowedActions: ['hold', 'cancel'] },
    });
  });

  it('is refused to the board, which only watches', () => {
    expect(decideReceptionDay(day, { action: 'hold', actor: board }, NOW)).toEqual({ ok: false, refusal: { code: 'role-not-allowed', action: 'hold', role: 'board' } });
  });

  it('rebuilds the exact state by replaying its events', () => {
    const e1 = ok(planned('2026-11-23')).events;
    const s1 = ok(planned('2026-11-23')).state;
    const d2 = ok(decideReceptionDay(s1, { action: 'hold', actor: head, attendeeCount: 3, petitionIds: ['p1'] }, NOW));
    const d3 = ok(decideReceptionDay(d2.state, { action: 'link-petitions', actor: desk, petitionIds: ['p2'] }, new Date(NOW.getTime() + 60_000)));
    expect(replayReceptionDay([...e1, ...d2.events, ...d3.events])).toEqual(d3.state);
  });

  it('keeps attendee names out of the append-only event trail: the event records only how many (DOMAIN.md §7)', () => {
    const s1 = ok(planned('2026-11-23')).state;
    const held = ok(decideReceptionDay(s1, { action: 'hold', actor: desk, attendeeCount: 4, attendeeNames: ['Nguyễn Văn An', 'Trần Thị Bích'], petitionIds: ['p1'] }, NOW));
    expect(held.state.attendeeNames).toEqual(['Nguyễn Văn An', 'Trần Thị Bích']);
    expect(held.events).toEqual([expect.objectContaining({ type: 'ReceptionDayHeld', attendeeCount: 4, namesGiven: 2 })]);
    expect(JSON.stringify(held.events)).not.toMatch(/Nguyễn|Trần|attendeeNames/);
    // Later decisions keep the names the state carries (the store fills them from the row after a replay).
    const linked = ok(decideReceptionDay(held.state, { action: 'link-petitions', actor: desk, petitionIds: ['p2'] }, NOW));
    expect(linked.state.attendeeNames).toEqual(['Nguyễn Văn An', 'Trần Thị Bích']);
    expect(JSON.stringify(linked.events)).not.toMatch(/Nguyễn|Trần/);
    // The trail alone rebuilds everything but the names.
    const replayed = replayReceptionDay([...ok(planned('2026-11-23')).events, ...held.events, ...linked.events]);
    expect(replayed).toEqual({ ...linked.state, attendeeNames: [] });
  });

  it('shows attendee names only to those who keep the schedule, never to handlers or the board', () => {
    expect((['desk', 'head', 'admin'] as const).map(mayReadAttendeeNames)).toEqual([true, true, true]);
    expect((['handler', 'board'] as const).map(mayReadAttendeeNames)).toEqual([false, false]);
  });

  it('refuses only with message keys that exist in the catalogue', () => {
    for (const key of ['reception.date_in_past', 'reception.headcount_below_names', 'reception.petitions_already_linked', 'reception.held_in_future']) {
      expect(isMessageKey(key)).toBe(true);
    }
  });
});
