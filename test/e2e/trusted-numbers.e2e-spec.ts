import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ClockView, FireDueThresholdsUseCase, type PetitionDeadlinesView, type PetitionView } from '@app/application';
import { ManualClock } from '@app/domain';
import { createPetition, demoCommuneId, mustPerformAction, petitionBody } from '../support/petition-fixtures.js';
import { latestFeedbackToken } from '../support/satisfaction-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Numbers the board can trust (issue 7 §7), end to end with a ManualClock: a breach stays a breach after the
 * clock is made to run again. Dates (Hà Nội time) are counted by hand: a complaint accepted Mon 23/11/2026 has
 * 30 days (K3) → due end of Wed 23/12 (17:00Z); flagged complex it has 45 → due end of Thu 07/01/2027.
 */
describe('trusted numbers', () => {
  const clock = new ManualClock('2026-11-23T02:00:00.000Z');
  let s: TestStack;
  const tok: Record<string, string> = {};
  let communeId: string;

  beforeAll(async () => {
    s = await startTestStack('trusted-numbers', { clock });
    communeId = await demoCommuneId(s);
    for (const u of ['desk', 'head', 'handler', 'board']) tok[u] = await s.token(u);
  });
  afterAll(async () => {
    await s?.close();
  });

  const act = (id: string, action: string, body: object = {}) => mustPerformAction(s, tok.head!, id, action, body);
  async function accepted(kind: string, title: string): Promise<PetitionView> {
    const p = await createPetition(s, tok.desk!, petitionBody(communeId, { kind, title }));
    await act(p.id, 'accept');
    return act(p.id, 'assign', { assigneeId: await s.userId('handler') });
  }
  const deadlines = async (id: string) =>
    (await s.http().get(`/api/petitions/${id}/deadlines`).set('Authorization', tok.head!).expect(200)).body as PetitionDeadlinesView;
  const resolutionClocks = async (id: string) => (await deadlines(id)).clocks.filter((c: ClockView) => c.kind === 'resolution');
  const fire = () => s.worker()!.get(FireDueThresholdsUseCase).execute();
  /** A breach escalates the case in the worker: let that land before the next staff command on it. */
  const escalated = (id: string) =>
    waitFor(async () => (await s.sql.query(`SELECT 1 FROM petition_events WHERE petition_id = $1 AND type = 'PetitionEscalated'`, [id])).rowCount === 1, {
      what: 'the escalation',
    });
  const stats = async (query: string) => {
    const res = await s.http().get(`/api/board/stats?${query}`).set('Authorization', tok.board!);
    if (res.status !== 200) throw new Error(`stats → ${res.status} ${res.text}`);
    return res.body as { totals: { resolved: number; resolvedOnTime: number; resolvedLate: number }; definitions: Record<string, { vi: string; en: string }> };
  };

  describe('a breach is a historical fact', () => {
    it('a complaint 5 days late, then flagged complex so its clock runs again, and resolved: counted late', async () => {
      clock.set('2026-11-23T02:00:00.000Z');
      const late = await accepted('complaint', 'Khiếu nại chậm giải quyết');
      clock.set('2026-12-21T02:00:00.000Z');
      const onTime = await accepted('feedback', 'Phản ánh được trả lời đúng hạn');

      clock.set('2026-12-28T02:00:00.000Z');
      await fire();
      await escalated(late.id);
      const [breached] = await resolutionClocks(late.id);
      expect(breached).toMatchObject({ ruleId: 'K3', status: 'breached', breachedAt: '2026-12-23T17:00:00.000Z', late: true });

      const flagged = await s.http().post(`/api/petitions/${late.id}/flags`).set('Authorization', tok.head!).send({ complex: true, reason: 'Vụ việc phức tạp' });
      expect(flagged.status).toBe(200);
      const [running] = await resolutionClocks(late.id);
      expect(running).toMatchObject({
        status: 'running',
        variant: 'complex',
        dueAt: '2027-01-07T17:00:00.000Z',
        breachedAt: null,
        breaches: [{ at: '2026-12-23T17:00:00.000Z', liftedAt: '2026-12-28T02:00:00.000Z', liftedBy: 'flags' }],
        late: true,
      });

      clock.set('2026-12-29T02:00:00.000Z');
      await act(late.id, 'start-verification');
      await act(late.id, 'resolve', { summary: 'Đã giải quyết', decisionNumber: '15/QĐ-UBND' });
      await act(onTime.id, 'resolve', { summary: 'Đã trả lời công dân' });
      const [met] = await resolutionClocks(late.id);
      // Met before the (new) due instant, yet late: the breach on 23/12 is on record.
      expect(met).toMatchObject({ status: 'met', metAt: '2026-12-29T02:00:00.000Z', dueAt: '2027-01-07T17:00:00.000Z', late: true });
      expect((await resolutionClocks(onTime.id))[0]).toMatchObject({ status: 'met', late: false, breaches: [] });

      const body = await stats('from=2026-12-01&to=2026-12-31&groupBy=unit');
      expect(body.totals).toMatchObject({ resolved: 2, resolvedOnTime: 1, resolvedLate: 1 });
      expect(body.definitions.resolvedOnTime!.en).toContain('stays late');
    });
  });

  describe('a reopened feedback gets the resolution clock again', () => {
    it('the citizen is not satisfied: P1 starts again from the reopen with its alert ladder, and the next resolution meets it', async () => {
      clock.set('2027-01-04T02:00:00.000Z');
      const p = await accepted('feedback', 'Phản ánh đèn đường hỏng');
      clock.set('2027-01-05T02:00:00.000Z');
      await act(p.id, 'resolve', { summary: 'Đã sửa đèn' });

      clock.set('2027-01-06T02:00:00.000Z');
      const token = await latestFeedbackToken(s, p.id);
      const res = await s.http().post(`/api/feedback/${token}`).send({ satisfied: false, comment: 'Đèn vẫn hỏng' });
      expect({ status: res.status, outcome: res.body.outcome }).toEqual({ status: 200, outcome: 'reopened' });

      const [first, second] = await resolutionClocks(p.id);
      expect(first).toMatchObject({ ruleId: 'P1', status: 'met', metAt: '2027-01-05T02:00:00.000Z', late: false });
      // 20 days from the day after the reopen (06/01): the last day is Tue 26/01/2027.
      expect(second).toMatchObject({
        ruleId: 'P1',
        status: 'running',
        startEvent: 'PetitionReopened',
        startedAt: '2027-01-06T02:00:00.000Z',
        dueAt: '2027-01-26T17:00:00.000Z',
        breaches: [],
      });
      expect(second!.summary.en).toContain('the day the petition was reopened');
      expect(second!.thresholds.map((t) => [t.key, t.dueAt, t.firedAt])).toEqual([
        ['50', '2027-01-16T17:00:00.000Z', null],
        ['80', '2027-01-22T17:00:00.000Z', null],
        ['100', '2027-01-26T17:00:00.000Z', null],
        ['overdue-1', expect.any(String), null],
      ]);

      // The ladder fires for the reopened case like any other: the breach is recorded on the new clock.
      clock.set('2027-01-27T02:00:00.000Z');
      await fire();
      expect((await resolutionClocks(p.id))[1]).toMatchObject({ status: 'breached', breachedAt: '2027-01-26T17:00:00.000Z' });
      const alerts = await s.sql.query<{ message_key: string }>(
        `SELECT DISTINCT n.message_key FROM notifications n JOIN clock_thresholds t ON 'threshold:' || t.id || ':' || n.recipient_id = n.source_key
          WHERE t.clock_id = $1 ORDER BY 1`,
        [second!.id],
      );
      expect(alerts.rows.map((r) => r.message_key)).toEqual(['alert.breached', 'alert.threshold']);

      await escalated(p.id);
      await act(p.id, 'assign', { assigneeId: await s.userId('handler') });
      await act(p.id, 'resolve', { summary: 'Đã thay đèn mới' });
      const after = await resolutionClocks(p.id);
      expect(after.map((c) => [c.status, c.late])).toEqual([
        ['met', false],
        ['met', true],
      ]);
      expect(after[1]!.metAt).toBe('2027-01-27T02:00:00.000Z');
      // January: the case was resolved (twice) and, counting its reopening, late.
      expect((await stats('from=2027-01-01&to=2027-01-31&groupBy=unit')).totals).toMatchObject({ resolved: 1, resolvedOnTime: 0, resolvedLate: 1 });
    });
  });

  describe('a letter entered after it arrived', () => {
    const countPetitions = async () => (await s.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM petitions')).rows[0]!.n;

    it('records the arrival day on the event and the petition, and starts the receipt clock (R7) from it', async () => {
      clock.set('2026-11-23T02:00:00.000Z'); // Mon 23/11/2026, 09:00
      const late = await createPetition(s, tok.desk!, { ...petitionBody(communeId, { kind: 'feedback', title: 'Thư gửi qua bưu điện' }), receivedOn: '2026-11-18' } as never);
      const today = await createPetition(s, tok.desk!, petitionBody(communeId, { kind: 'feedback', title: 'Thư nộp trực tiếp' }));
      expect(late).toMatchObject({ receivedOn: '2026-11-18', createdAt: '2026-11-23T02:00:00.000Z' });
      expect(today).toMatchObject({ receivedOn: '2026-11-23' });
      const received = await s.sql.query(`SELECT payload FROM petition_events WHERE petition_id = $1 AND type = 'PetitionReceived'`, [late.id]);
      expect(received.rows[0].payload).toMatchObject({ receivedOn: '2026-11-18', at: '2026-11-23T02:00:00.000Z' });
      // 10 calendar days from 19/11 (18/11 itself not counted) end on Sat 28/11, which rolls to Mon 30/11;
      // entered today instead, they would run from 24/11 to Thu 03/12.
      const r7 = async (id: string) => (await deadlines(id)).clocks.find((c: ClockView) => c.ruleId === 'R7')!;
      expect(await r7(late.id)).toMatchObject({ startedAt: '2026-11-17T17:00:00.000Z', dueAt: '2026-11-30T17:00:00.000Z', explanation: { startDay: '2026-11-18', firstCountedDay: '2026-11-19' } });
      expect(await r7(today.id)).toMatchObject({ startedAt: '2026-11-23T02:00:00.000Z', dueAt: '2026-12-03T17:00:00.000Z' });
      // The policy's limit (30 days back) is inclusive.
      await createPetition(s, tok.desk!, { ...petitionBody(communeId, { kind: 'feedback', title: 'Thư cũ' }), receivedOn: '2026-10-24' } as never);
    });

    it.each([
      ['2026-11-24', 422, 'petition.received_on_future'],
      ['2026-10-23', 422, 'petition.received_on_too_old'],
      ['2026-02-30', 400, 'validation.isLocalDate'],
      ['23/11/2026', 400, 'validation.isLocalDate'],
    ])('refuses receivedOn %s (%i %s) naming the field, and creates nothing', async (receivedOn, status, code) => {
      clock.set('2026-11-23T02:00:00.000Z');
      const before = await countPetitions();
      const res = await s.http().post('/api/petitions').set('Authorization', tok.desk!).send({ ...petitionBody(communeId, { kind: 'feedback' }), receivedOn });
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([['receivedOn', code]]);
      if (code === 'petition.received_on_too_old') expect(res.body.errors[0].messages.en).toBe('The day the letter arrived may be at most 30 days back (not before 24/10/2026).');
      expect(await countPetitions()).toBe(before);
    });
  });
});
