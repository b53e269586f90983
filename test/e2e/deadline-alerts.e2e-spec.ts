import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPetition, demoCommuneId, mustPerformAction, petitionBody } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';
import { waitFor } from '../support/wait-for.js';

/**
 * The statutory clock of a first-time complaint, end to end through the shared test clock: the API and the
 * worker are moved over HTTP, and the worker fires what the jump skipped over within seconds. Expected
 * instants are worked out by hand below (Civil Code Art 147–148, Asia/Ho_Chi_Minh), not by the code under test.
 */
describe('deadline alerts driven by the test clock', () => {
  let s: TestStack;
  let admin: string;
  let desk: string;
  let head: string;
  let handlerId: string;
  let headId: string;
  let boardId: string;
  let petitionId: string;

  const setClock = async (instant: string) => {
    const res = await s.http().post('/api/test-clock').set('Authorization', admin).send({ set: instant }).expect(200);
    expect(Math.abs(new Date(res.body.now).getTime() - new Date(instant).getTime())).toBeLessThan(2000);
  };
  /**
   * The worker has caught up with the shared clock: nothing due by the clock's instant is left unfired.
   * Checked before asserting that a jump produced nothing new, so the assertion cannot pass by being early.
   */
  const settled = () =>
    waitFor(
      async () => {
        const due = await s.sql.query(
          `SELECT t.key, t.due_at, c.rule_id, c.status FROM clock_thresholds t JOIN petition_clocks c ON c.id = t.clock_id
            WHERE t.fired_at IS NULL AND t.due_at <= now() + make_interval(secs => (SELECT offset_ms FROM test_clock) / 1000.0)`,
        );
        // Thrown, not returned: a timeout then says what was still due.
        if (due.rowCount !== 0) throw new Error(`still due: ${JSON.stringify(due.rows)}`);
        return true;
      },
      { what: 'the worker to fire everything due' },
    );
  /** Alerts stored for the petition, by threshold key, with their recipients. */
  const alerts = async () =>
    (
      await s.sql.query<{ key: string; recipient_id: string; due_at: Date; deliver_at: Date }>(
        `SELECT t.key, n.recipient_id, n.due_at, n.deliver_at
           FROM notifications n JOIN clock_thresholds t ON n.source_key LIKE 'threshold:' || t.id || ':%'
          WHERE n.petition_id = $1 AND n.kind = 'deadline.alert'
          ORDER BY t.key, n.recipient_id`,
        [petitionId],
      )
    ).rows;
  const keysFor = async (userId: string) => (await alerts()).filter((a) => a.recipient_id === userId).map((a) => a.key);
  const events = async () =>
    (await s.sql.query<{ type: string; payload: Record<string, unknown> }>(`SELECT type, payload FROM petition_events WHERE petition_id = $1 ORDER BY sequence`, [petitionId]))
      .rows;

  beforeAll(async () => {
    s = await startTestStack('alerts', { testClock: true });
    [admin, desk, head, handlerId, headId, boardId] = await Promise.all([
      s.token('admin'),
      s.token('desk'),
      s.token('head'),
      s.userId('handler'),
      s.userId('head'),
      s.userId('board'),
    ]);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('gives a complaint accepted on Mon 23/11/2026 the K3 due date: the end of Wed 23/12/2026', async () => {
    await setClock('2026-11-23T02:00:00.000Z'); // 09:00 in Hà Nội
    const p = await createPetition(s, desk, petitionBody(await demoCommuneId(s), { kind: 'complaint', title: 'Khiếu nại thu hồi đất' }));
    petitionId = p.id;
    await mustPerformAction(s, head, p.id, 'accept');
    await mustPerformAction(s, head, p.id, 'assign', { assigneeId: handlerId });

    const k3 = await s.sql.query(`SELECT status, due_at, days, unit FROM petition_clocks WHERE petition_id = $1 AND rule_id = 'K3'`, [p.id]);
    // 23/11 is not counted; 30 calendar days end on 23/12 (a Wednesday, a working day): 24:00 local = 17:00 UTC.
    expect(k3.rows).toEqual([{ status: 'running', due_at: new Date('2026-12-23T17:00:00.000Z'), days: 30, unit: 'calendar_days' }]);
    // The acceptance clock (K2) and the letter-processing clock (R7) were met by the acceptance.
    const met = await s.sql.query(`SELECT rule_id FROM petition_clocks WHERE petition_id = $1 AND status = 'met' ORDER BY rule_id`, [p.id]);
    expect(met.rows.map((r) => r.rule_id)).toEqual(['K2', 'R7']);
  });

  it('fires the 50% alert once, at night held back until 07:30 the next working morning', async () => {
    // 50% of 30 days = the end of day 15 (08/12, 17:00 UTC). Jump to 03:00 local on Wed 09/12.
    await setClock('2026-12-08T20:00:00.000Z');
    await waitFor(async () => (await keysFor(handlerId)).includes('50'), { what: 'the 50% alert', timeoutMs: 10_000 });
    const fifty = (await alerts()).filter((a) => a.key === '50');
    // The assignee and the unit's head; the head is also the commune's head, but gets it once.
    expect(fifty.map((a) => a.recipient_id).sort()).toEqual([handlerId, headId].sort());
    expect(fifty[0]!.due_at).toEqual(new Date('2026-12-08T17:00:00.000Z'));
    expect(fifty[0]!.deliver_at).toEqual(new Date('2026-12-09T00:30:00.000Z'));

    const handler = await s.token('handler');
    const visible = async () =>
      ((await s.http().get('/api/notifications').set('Authorization', handler).expect(200)).body.items as { petitionId: string; message: { vi: string } }[]).filter(
        (n) => n.petitionId === petitionId,
      );
    const beforeMorning = await visible();
    expect(beforeMorning.filter((n) => n.message.vi.includes('đã dùng'))).toHaveLength(0);
    await setClock('2026-12-09T01:00:00.000Z'); // 08:00 local
    await waitFor(async () => (await visible()).some((n) => n.message.vi.includes('đã dùng 50%')), { what: 'the alert to be delivered in the morning' });
    // The due date named is the last day of the period (23/12), not the instant it ends (00:00 on 24/12).
    expect((await visible()).find((n) => n.message.vi.includes('đã dùng 50%'))!.message.vi).toMatch(/hạn cuối 23\/12\/2026\.$/);

    // After 07:00 on a working day each recipient also gets one digest of the last day's alerts.
    const digests = () =>
      s.sql.query<{ recipient_id: string; params: Record<string, unknown> }>(
        `SELECT recipient_id, params FROM notifications WHERE kind = 'deadline.digest' ORDER BY recipient_id`,
      );
    await waitFor(async () => (await digests()).rowCount === 2, { what: 'the daily digests' });
    expect((await digests()).rows).toEqual(
      [handlerId, headId].sort().map((id) => ({
        recipient_id: id,
        params: { date: '09/12/2026', alerts: 1, petitions: 1, commitments: 0, dialogues: 0, subjects: { vi: '1 đơn', en: '1 petition' } },
      })),
    );
    // One of each, in words: no "1 alerts", no "petitions" for what was about one petition.
    const digest = ((await s.http().get('/api/notifications').set('Authorization', handler).expect(200)).body.items as { kind: string; message: { vi: string; en: string } }[]).find(
      (n) => n.kind === 'deadline.digest',
    );
    expect(digest?.message).toEqual({ vi: 'Tổng hợp ngày 09/12/2026: 1 cảnh báo thời hạn trên 1 đơn.', en: 'Digest for 09/12/2026: 1 deadline alert on 1 petition.' });
  });

  it('fires nothing new when advanced again within the same rung', async () => {
    const before = await alerts();
    const res = await s.http().post('/api/test-clock').set('Authorization', admin).send({ advance: 'P1D' }).expect(200);
    expect(new Date(res.body.now).getTime()).toBeGreaterThan(new Date('2026-12-10T00:00:00Z').getTime());
    await settled();
    expect(await alerts()).toEqual(before);
  });

  it('fires 80% and 100% on a jump past the due date: breach, escalation, watcher, and the citizen told of the second-time complaint', async () => {
    await setClock('2026-12-24T02:00:00.000Z'); // 09:00 on Thu 24/12, the day after the deadline
    await waitFor(async () => (await keysFor(handlerId)).includes('100'), { what: 'the 100% alert', timeoutMs: 10_000 });
    expect(await keysFor(handlerId)).toEqual(['100', '50', '80']);
    // The province's board hears of the breach, not of the earlier rungs.
    expect(await keysFor(boardId)).toEqual(['100']);
    const k3 = await s.sql.query(`SELECT status, breached_at FROM petition_clocks WHERE petition_id = $1 AND rule_id = 'K3'`, [petitionId]);
    expect(k3.rows).toEqual([{ status: 'breached', breached_at: new Date('2026-12-23T17:00:00.000Z') }]);

    await waitFor(async () => (await events()).some((e) => e.type === 'CitizenRightsNotified'), { what: 'escalation and rights notice' });
    const escalations = (await events()).filter((e) => e.type === 'PetitionEscalated');
    expect(escalations.map((e) => e.payload.level)).toEqual([1]);
    const rights = (await events()).find((e) => e.type === 'CitizenRightsNotified')!;
    expect(rights.payload).toMatchObject({ right: 'second_complaint', windowDays: 30 });
    const petition = await s.sql.query(`SELECT escalation_level, owning_unit_id, status, assignee_id FROM petitions WHERE id = $1`, [petitionId]);
    // Oversight, not transfer: the case stays where it was, with the same handler.
    expect(petition.rows[0]).toMatchObject({ escalation_level: 1, status: 'assigned', assignee_id: handlerId });
    const watchers = await s.sql.query(
      `SELECT u.level FROM petition_watchers w JOIN units u ON u.id = w.unit_id WHERE w.petition_id = $1`,
      [petitionId],
    );
    expect(watchers.rows).toEqual([{ level: 'province' }]);
  });

  it('fires each rung once however often the clock is moved, then the first overdue reminder 10 working days on', async () => {
    const before = await alerts();
    await s.http().post('/api/test-clock').set('Authorization', admin).send({ advance: 'P2D' }).expect(200);
    await s.http().post('/api/test-clock').set('Authorization', admin).send({ advance: 'PT1H' }).expect(200);
    await settled();
    expect(await alerts()).toEqual(before);

    // 10 working days after Wed 23/12/2026: 24, 25, 28, 29, 30, 31/12, (01/01/2027 New Year), 04, 05, 06, 07/01.
    await setClock('2027-01-08T02:00:00.000Z');
    await waitFor(async () => (await keysFor(headId)).includes('overdue-1'), { what: 'the first overdue reminder', timeoutMs: 10_000 });
    const reminder = (await alerts()).find((a) => a.key === 'overdue-1')!;
    expect(reminder.due_at).toEqual(new Date('2027-01-07T17:00:00.000Z'));
    await waitFor(async () => (await events()).filter((e) => e.type === 'PetitionEscalated').length === 2, { what: 'the second escalation' });
    // Exactly one alert per (threshold, recipient), whatever the redeliveries.
    const all = await alerts();
    expect(new Set(all.map((a) => `${a.key}:${a.recipient_id}`)).size).toBe(all.length);
  });

  it('moves a denunciation\'s T4 due date by exactly the paused days, and by 30 days per extension, on the test clock', async () => {
    // Thu 07/01/2027 09:00 local: thụ lý. T4 = 30 calendar days → nominal Sat 06/02/2027, a day off (it is also
    // the lunar New Year), so the period runs on to the end of the next working day.
    await setClock('2027-01-07T02:00:00.000Z');
    const p = await createPetition(s, desk, petitionBody(await demoCommuneId(s), { kind: 'denunciation', title: 'Tố cáo lấn chiếm đất công' }));
    await mustPerformAction(s, head, p.id, 'accept');
    const t4 = async () =>
      (await s.http().get(`/api/petitions/${p.id}/deadlines`).set('Authorization', head).expect(200)).body.clocks.find(
        (c: { ruleId: string }) => c.ruleId === 'T4',
      ) as { id: string; dueAt: string | null; status: string; explanation: { nominalLastDay: string; rolledForwardTo: string | null; pausedDays: number } };
    const before = await t4();
    expect(before.explanation.nominalLastDay).toBe('2027-02-06');
    expect(before.explanation.rolledForwardTo).not.toBeNull();

    // Paused on 07/01 awaiting the other agency, resumed 5 days later: the due date moves by exactly 5 days.
    const version = async () => (await s.http().get(`/api/petitions/${p.id}`).set('Authorization', head).expect(200)).body.version as number;
    await s.http().post(`/api/petitions/${p.id}/deadlines/${before.id}/pause`).set('Authorization', head).set('If-Match', String(await version())).send({ reason: 'awaiting_other_agency' }).expect(200);
    expect((await t4()).status).toBe('paused');
    await s.http().post('/api/test-clock').set('Authorization', admin).send({ advance: 'P5D' }).expect(200);
    await s.http().post(`/api/petitions/${p.id}/deadlines/${before.id}/resume`).set('Authorization', head).send({}).expect(200);
    const resumed = await t4();
    expect(resumed.explanation.pausedDays).toBe(5);
    expect(resumed.explanation.nominalLastDay).toBe('2027-02-11'); // 06/02 + 5 days, a Thursday after Tết

    // Two extensions of 30 days are lawful for a particularly complex case (LTC Art 30(3)); a third is refused.
    await s.http().post(`/api/petitions/${p.id}/flags`).set('Authorization', head).send({ particularlyComplex: true, reason: 'Nhiều nội dung, nhiều nơi' }).expect(200);
    await s.http().post(`/api/petitions/${p.id}/deadlines/${before.id}/extend`).set('Authorization', head).send({ reason: 'Vụ việc phức tạp' }).expect(200);
    expect((await t4()).explanation.nominalLastDay).toBe('2027-03-13'); // + 30 days (a Saturday: rolls to Mon 15/03)
    expect((await t4()).dueAt).toBe('2027-03-15T17:00:00.000Z');
    await s.http().post(`/api/petitions/${p.id}/deadlines/${before.id}/extend`).set('Authorization', head).send({ reason: 'Đặc biệt phức tạp' }).expect(200);
    const third = await s.http().post(`/api/petitions/${p.id}/deadlines/${before.id}/extend`).set('Authorization', head).send({ reason: 'Lần ba' });
    expect(third.status).toBe(409);
  });

  it('re-arms the alerts when an extension lifts a breach: the new due date gets its own breach alert', async () => {
    // Mon 01/03/2027: thụ lý of a denunciation; T4 runs 30 days to the end of Wed 31/03/2027.
    await setClock('2027-03-01T02:00:00.000Z');
    const p = await createPetition(s, desk, petitionBody(await demoCommuneId(s), { kind: 'denunciation', title: 'Tố cáo sai phạm đấu thầu' }));
    await mustPerformAction(s, head, p.id, 'accept');
    // The T4 clock's alerts to the head (the petition's T3 notice clock has its own ladder).
    const keys = async () =>
      (
        await s.sql.query<{ key: string }>(
          `SELECT DISTINCT t.key FROM notifications n
             JOIN clock_thresholds t ON n.source_key LIKE 'threshold:' || t.id || ':%'
             JOIN petition_clocks c ON c.id = t.clock_id AND c.rule_id = 'T4'
            WHERE n.petition_id = $1 AND n.recipient_id = $2 ORDER BY t.key`,
          [p.id, headId],
        )
      ).rows.map((r) => r.key);
    const t4 = async () =>
      (await s.sql.query(`SELECT status, due_at FROM petition_clocks WHERE petition_id = $1 AND rule_id = 'T4'`, [p.id])).rows[0] as {
        status: string;
        due_at: Date;
      };

    await setClock('2027-04-01T02:00:00.000Z');
    await waitFor(async () => (await keys()).includes('100'), { what: 'the first breach alert', timeoutMs: 10_000 });
    expect((await t4()).status).toBe('breached');

    // Extended by 30 days (LTC Art 30(2): recorded complex first): nominal Fri 30/04/2027 is Reunification Day,
    // then 01/05 and the weekend, and Mon 03/05/2027 is the day in lieu of Labour Day on a Saturday (BLLĐ Art
    // 111(3)), so the new period ends at the end of Tue 04/05/2027. The clock runs again.
    const clockId = (await s.sql.query(`SELECT id FROM petition_clocks WHERE petition_id = $1 AND rule_id = 'T4'`, [p.id])).rows[0].id;
    await s.http().post(`/api/petitions/${p.id}/flags`).set('Authorization', head).send({ complex: true, reason: 'Hai nội dung phải xác minh' }).expect(200);
    await s.http().post(`/api/petitions/${p.id}/deadlines/${clockId}/extend`).set('Authorization', head).send({ reason: 'Vụ việc phức tạp' }).expect(200);
    expect(await t4()).toEqual({ status: 'running', due_at: new Date('2027-05-04T17:00:00.000Z') });

    await setClock('2027-05-05T02:00:00.000Z');
    await waitFor(async () => (await keys()).includes('100@2'), { what: 'the breach alert for the extended due date', timeoutMs: 10_000 });
    await settled();
    // The re-armed ladder only had rungs still ahead: 80 % of the extended period (end of Sun 18/04) and the
    // breach; "50 % used" (end of 31/03) was not replayed.
    expect(await keys()).toEqual(['100', '100@2', '50', '80', '80@2']);
    expect((await t4()).status).toBe('breached');
    // One escalation per T4 breach, plus the 80 % rung of the extended period: a complex case escalates earlier.
    // The T3 notice clock, never marked met here, escalates on its own ladder.
    const t4Escalations = async () =>
      (
        await s.sql.query<{ key: string }>(
          `SELECT payload->>'thresholdKey' AS key FROM petition_events
            WHERE petition_id = $1 AND type = 'PetitionEscalated' AND payload->>'ruleId' = 'T4' ORDER BY sequence`,
          [p.id],
        )
      ).rows.map((r) => r.key);
    await waitFor(async () => (await t4Escalations()).length >= 3, { what: 'an escalation for each breach and the early rung' });
    expect((await t4Escalations()).sort()).toEqual(['100', '100@2', '80@2']);
  });
});

