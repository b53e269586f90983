import { describe, expect, it } from '@jest/globals';
import { statutoryHolidays } from '../calendar/statutory-holidays.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { citizenTimeline, type CitizenTimelineContext } from './citizen-timeline.js';
import type { PetitionEvent } from './petition-events.js';

const cal = new WorkingCalendar([...statutoryHolidays(2026), ...statutoryHolidays(2027)]);
const base = { petitionId: 'p', actorId: 'u-1', actorRole: 'head' as const, legalBasis: null };
const ctx = (over: Partial<CitizenTimelineContext> = {}): CitizenTimelineContext => ({
  kind: 'denunciation',
  instance: 1,
  remoteArea: false,
  calendar: cal,
  unitName: (id) => ({ 'u-c1': 'Phường Hạ Long' })[id] ?? null,
  clockLastDay: () => null,
  ...over,
});

describe('citizenTimeline', () => {
  const events: PetitionEvent[] = [
    { ...base, type: 'PetitionReceived', at: '2026-11-23T02:00:00.000Z', kind: 'denunciation', channel: 'mail', receivingUnitId: 'u-c1', trackingCode: 'T', parentPetitionId: null },
    { ...base, type: 'PetitionAccepted', at: '2026-11-24T02:00:00.000Z', note: 'internal note' },
    { ...base, type: 'PetitionAssigned', at: '2026-11-24T03:00:00.000Z', assigneeId: 'u-2', previousAssigneeId: null, note: 'internal' },
    { ...base, type: 'PetitionResolved', at: '2026-12-01T02:00:00.000Z', outcome: 'concluded', summary: 'internal summary', decisionNumber: null },
    { ...base, type: 'PetitionClosed', at: '2026-12-02T02:00:00.000Z', note: 'internal' },
  ];

  it('shows what the citizen may know, in order, and drops internal steps and texts', () => {
    const t = citizenTimeline(events, ctx());
    expect(t.map((e) => e.type)).toEqual(['received', 'accepted', 'resolved', 'rights', 'closed']);
    expect(t[2]!.message.en).toBe('Your petition has a result (Concluded).');
    expect(t[3]!.message.en).toContain('re-denounce');
    expect(JSON.stringify(t)).not.toMatch(/internal|u-1|u-2/);
  });

  it('gives feedback no rights notice, and an unknown destination a neutral name', () => {
    const t = citizenTimeline(
      [events[0]!, { ...base, type: 'PetitionTransferred', at: '2026-11-24T02:00:00.000Z', toUnitId: 'u-gone', toBodyName: null, reason: 'internal' }],
      ctx({ kind: 'feedback' }),
    );
    expect(t.map((e) => e.message.en)).toEqual(['Your petition was received by Phường Hạ Long.', 'Your petition was sent on to another body, which is competent to handle it.']);
  });
});
