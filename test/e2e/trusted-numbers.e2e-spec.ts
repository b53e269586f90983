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
  const track = async (code: string) =>
    (await s.http().get(`/api/track/${code}`).expect(200)).body as { timeline: { at: string; type: string; message: { vi: string; en: string }; deadline?: string }[] };
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
      // The lapse of K3 on 23/12 gave the citizen the second-time complaint right (LKN Art 33): 30 days → 22/01/2027.
      await waitFor(async () => (await track(late.trackingCode)).timeline.some((t) => t.type === 'rights'), { what: 'the rights notice on the tracking page' });
      expect((await track(late.trackingCode)).timeline.filter((t) => t.type === 'rights')).toEqual([
        expect.objectContaining({
          type: 'rights',
          deadline: '2027-01-22',
          message: expect.objectContaining({
            en: 'The time to decide the first-time complaint ran out on 23/12/2026 without a decision. You may file a second-time complaint with the direct superior body within 30 days, by the end of 22/01/2027 (Law on Complaints 2011, Art 33), or bring an administrative lawsuit in court within one year of receiving or learning of the administrative decision or act (Law on Administrative Procedure 2015, Art 116).',
          }),
        }),
        // And the decision opens it again, from the decision (29/12 + 30 days = Thu 28/01/2027).
        expect.objectContaining({ type: 'rights', deadline: '2027-01-28' }),
      ]);
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

  describe('the public tracking timeline', () => {
    const petitioner = { fullName: 'Lê Thị Bình', idNumber: '022190004567', phone: '0987654321', email: 'binh.le@example.vn', address: 'Số 12 ngõ 4, tổ 9' };
    const secrets = [
      petitioner.fullName,
      petitioner.idNumber,
      petitioner.phone,
      petitioner.email,
      petitioner.address,
      'Khiếu nại quyết định thu hồi đất nhà bà Bình',
      'GHI-CHU-NOI-BO-1',
      'GHI-CHU-NOI-BO-2',
      'GHI-CHU-NOI-BO-3',
      'TOM-TAT-NOI-BO',
    ];
    const expectNoSecrets = (text: string, extra: string[] = []) => {
      for (const secret of [...secrets, ...extra]) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    };

    it('tells the citizen of receipt, acceptance, the result in the words written for them, and the second-time complaint window', async () => {
      clock.set('2027-03-01T02:00:00.000Z'); // Mon 01/03/2027
      const p = await createPetition(s, tok.desk!, {
        ...petitionBody(communeId, { kind: 'complaint', title: 'Khiếu nại quyết định thu hồi đất nhà bà Bình', petitioner }),
        receivedOn: '2027-02-26',
      } as never);
      await act(p.id, 'accept', { note: 'GHI-CHU-NOI-BO-1 đã gọi điện cho bà Bình' });
      const handlerId = await s.userId('handler');
      await act(p.id, 'assign', { assigneeId: handlerId, note: 'GHI-CHU-NOI-BO-2' });
      await act(p.id, 'start-verification', { note: 'GHI-CHU-NOI-BO-3 xác minh tại nhà' });
      clock.set('2027-03-02T02:00:00.000Z'); // Tue 02/03/2027
      await act(p.id, 'resolve', {
        summary: 'TOM-TAT-NOI-BO: hộ bà Bình lấn chiếm 20 m²',
        decisionNumber: '45/QĐ-UBND',
        citizenSummary: 'Giữ nguyên quyết định thu hồi đất; phần bồi thường được tính lại theo giá mới.',
      });

      const res = await s.http().get(`/api/track/${p.trackingCode}`).expect(200);
      const timeline = (res.body as Awaited<ReturnType<typeof track>>).timeline;
      expect(timeline.map((t) => t.type)).toEqual(['received', 'accepted', 'resolved', 'rights']);
      expect(timeline[0]!.message).toEqual({
        vi: 'Đơn đến ngày 26/02/2027 và được tiếp nhận tại Phường Hạ Long; thời hạn xử lý tính từ ngày đơn đến.',
        en: 'Your letter arrived on 26/02/2027 and was received by Phường Hạ Long; the processing time counts from the day it arrived.',
      });
      expect(timeline[2]!.message.vi).toBe('Đã có kết quả giải quyết (Đã có quyết định giải quyết): Giữ nguyên quyết định thu hồi đất; phần bồi thường được tính lại theo giá mới.');
      // LKN Art 33: 30 days from the decision (02/03) → Thu 01/04/2027.
      expect(timeline[3]).toEqual({
        at: '2027-03-02T02:00:00.000Z',
        type: 'rights',
        deadline: '2027-04-01',
        message: {
          vi: expect.stringContaining('đến hết ngày 01/04/2027 nếu nhận quyết định ngày 02/03/2027 (Luật Khiếu nại 2011 Điều 33)'),
          en: 'If you disagree with the first-time decision, you may file a second-time complaint with the direct superior body within 30 days of receiving it: by the end of 01/04/2027 if you received it on 02/03/2027 (Law on Complaints 2011, Art 33), or bring an administrative lawsuit in court within one year of receiving or learning of the administrative decision or act (Law on Administrative Procedure 2015, Art 116).',
        },
      });
      // Never personal data, internal notes, the internal summary, the content or who handled it.
      const staff = await s.sql.query<{ full_name: string }>(`SELECT full_name FROM users WHERE username IN ('desk', 'head', 'handler')`);
      expectNoSecrets(res.text, [handlerId, await s.userId('head'), await s.userId('desk'), ...staff.rows.map((r) => r.full_name), 'Nội dung:']);
    });

    it('says where a petition was transferred, and why one was not accepted', async () => {
      clock.set('2027-03-03T02:00:00.000Z');
      const other = (
        await s.sql.query<{ id: string; name: string }>(
          `SELECT o.id, o.name FROM units o JOIN units c ON c.id = $1 WHERE o.level = 'commune' AND o.province_id = c.province_id AND o.id <> c.id ORDER BY o.code LIMIT 1`,
          [communeId],
        )
      ).rows[0]!;
      const sent = await createPetition(s, tok.desk!, petitionBody(communeId, { kind: 'feedback', title: 'Phản ánh của bà Bình về phường khác', petitioner }));
      await mustPerformAction(s, tok.desk!, sent.id, 'transfer', { toUnitId: other.id, reason: 'GHI-CHU-NOI-BO-1 không thuộc thẩm quyền' });
      const refused = await createPetition(s, tok.desk!, petitionBody(communeId, { kind: 'complaint', title: 'Khiếu nại quyết định thu hồi đất nhà bà Bình', petitioner }));
      await act(refused.id, 'reject', { reason: 'Quyết định bị khiếu nại đã có hiệu lực pháp luật từ năm 2020.' });

      const t1 = await s.http().get(`/api/track/${sent.trackingCode}`).expect(200);
      expect((t1.body as Awaited<ReturnType<typeof track>>).timeline.map((t) => [t.type, t.message.en])).toEqual([
        ['received', 'Your petition was received by Phường Hạ Long.'],
        ['transferred', `Your petition was sent on to ${other.name}, which is competent to handle it.`],
      ]);
      const t2 = await s.http().get(`/api/track/${refused.trackingCode}`).expect(200);
      expect((t2.body as Awaited<ReturnType<typeof track>>).timeline.map((t) => [t.type, t.message.vi])).toEqual([
        ['received', 'Đơn đã được tiếp nhận tại Phường Hạ Long.'],
        ['rejected', 'Đơn không được thụ lý. Lý do: Quyết định bị khiếu nại đã có hiệu lực pháp luật từ năm 2020.'],
      ]);
      for (const res of [t1, t2]) expectNoSecrets(res.text);
    });
  });
});
