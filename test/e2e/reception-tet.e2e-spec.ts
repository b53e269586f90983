import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoCommuneId } from '../support/petition-fixtures.js';
import { assignDuty, mustAct, mustPlan } from '../support/reception-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * Reception-day compliance over the Tết week of 2026 (Sat 14/02 – Sun 22/02, the 5 days Mon 16 – Fri 20/02 per
 * the recorded notice), end to end: the board's report reads the same working-day calendar as the clocks. The
 * commune chair is under R1 until 30/06/2026 (at least 1 day a week); February answers for the weeks of Mon 02,
 * 09, 16 and 23/02. He holds a day in each week but the Tết week, when the office is closed.
 */
describe('reception compliance and the Tết week', () => {
  let s: TestStack;
  const tok: Record<string, string> = {};
  const uid: Record<string, string> = {};
  let communeId: string;
  const setClock = (instant: string) => s.http().post('/api/test-clock').set('Authorization', tok.admin!).send({ set: instant }).expect(200);

  beforeAll(async () => {
    s = await startTestStack('reception_tet', { testClock: true });
    communeId = await demoCommuneId(s);
    for (const u of ['desk', 'head', 'board', 'admin']) [tok[u], uid[u]] = await Promise.all([s.token(u), s.userId(u)]);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('does not flag the chair for the week with no working day', async () => {
    await setClock('2026-02-02T02:00:00.000Z'); // Mon 02/02/2026 09:00 in Vietnam
    await assignDuty(s, tok.head!, { userId: uid.head, unitId: communeId, position: 'commune_chair', effectiveFrom: '2026-02-02' }).expect(201);
    const held: string[] = [];
    for (const date of ['2026-02-04', '2026-02-11', '2026-02-25']) {
      const id = await mustPlan(s, tok.desk!, { unitId: communeId, hostUserId: uid.head, position: 'commune_chair', venue: 'Trụ sở UBND phường', date });
      held.push(id);
    }
    await setClock('2026-02-26T02:00:00.000Z');
    for (const id of held) await mustAct(s, tok.desk!, id, 'hold', { attendeeCount: 1 });

    await setClock('2026-03-05T02:00:00.000Z'); // February is over
    const res = await s.http().get('/api/board/reception-compliance').query({ month: '2026-02' }).set('Authorization', tok.board!).expect(200);
    const row = (res.body.rows as { host: { id: string }; required: number; held: number; status: string; flagged: boolean; shortWeeks: unknown[] }[]).find(
      (r) => r.host.id === uid.head,
    );
    expect(row).toMatchObject({ required: 3, held: 3, status: 'met', flagged: false, shortWeeks: [] });
  });
});
