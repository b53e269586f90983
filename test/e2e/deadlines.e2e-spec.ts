import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { ClockDiff, ClockView, PetitionDeadlinesView, PetitionView } from '@app/application';
import { DEFAULT_DEADLINE_POLICY, ManualClock } from '@app/domain';
import type { Response } from 'supertest';
import { createPetition, demoCommuneId, mustPerformAction, petitionBody } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * The deadline HTTP surface (issue 3) against the real database, with time held by a ManualClock. Every expected
 * date below is counted by hand from the calendar (BLDS Art 147–148: the trigger day is not counted; a period
 * ends at 24:00 Hà Nội time = 17:00Z of its last day; a last day off rolls to the next working day). November and
 * December 2026 have no public holidays; 28/11, 29/11, 5/12, 6/12, … are weekends.
 */

/** Monday 23/11/2026, 09:00 in Hà Nội. */
const MON = '2026-11-23T02:00:00.000Z';
/** Friday 27/11/2026, 09:00 in Hà Nội. */
const FRI = '2026-11-27T02:00:00.000Z';
/** 24:00 Hà Nội time at the end of a local date, as the API writes instants. */
const endOf = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 17 * 3600_000).toISOString();

function expectProblem(res: Response, status: number, code?: string) {
  expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status, type: expect.stringMatching(/^application\/problem\+json/) });
  if (code) expect(res.body.code).toBe(code);
  expect(res.body.messages.vi).toEqual(expect.any(String));
  expect(res.body.messages.en).toEqual(expect.any(String));
  return res.body as Record<string, unknown> & { errors?: { field: string; code: string }[] };
}

describe('deadlines over HTTP', () => {
  const clock = new ManualClock(MON);
  let s: TestStack;
  const tok: Record<string, string> = {};
  let communeId: string;
  let otherCommuneId: string;

  beforeAll(async () => {
    // No worker: nothing fires behind the tests' backs while the clock is moved (firing is not under test here).
    s = await startTestStack('deadlines', { clock, workerOnStart: false });
    communeId = await demoCommuneId(s);
    otherCommuneId = (
      await s.sql.query<{ id: string }>(
        `SELECT o.id FROM units o JOIN units c ON c.id = $1 WHERE o.level = 'commune' AND o.province_id = c.province_id AND o.id <> c.id ORDER BY o.code LIMIT 1`,
        [communeId],
      )
    ).rows[0]!.id;
    for (const [username, role] of [
      ['desk_other', 'desk'],
      ['head_other', 'head'],
    ] as const) {
      await s.sql.query(
        `INSERT INTO users (username, password_hash, full_name, role, unit_id) SELECT $1, password_hash, $1, $2, $3 FROM users WHERE username = 'desk'`,
        [username, role, otherCommuneId],
      );
    }
    for (const u of ['desk', 'head', 'handler', 'board', 'admin', 'desk_other', 'head_other']) tok[u] = await s.token(u);
  });
  afterAll(async () => {
    await s?.close();
  });
  beforeEach(() => clock.set(MON));

  /** A petition received and accepted (thụ lý) now, in the demo commune unless told otherwise. */
  async function accepted(kind: string, title: string, where: { desk: string; head: string; unitId: string } = { desk: 'desk', head: 'head', unitId: communeId }) {
    const p = await createPetition(s, tok[where.desk]!, petitionBody(where.unitId, { kind, title }));
    return mustPerformAction(s, tok[where.head]!, p.id, 'accept', { note: 'Đủ điều kiện thụ lý' });
  }
  const deadlines = async (id: string, user = 'head') =>
    (await s.http().get(`/api/petitions/${id}/deadlines`).set('Authorization', tok[user]!).expect(200)).body as PetitionDeadlinesView;
  const clockOf = (view: { clocks: ClockView[] } | PetitionDeadlinesView, ruleId: string) => view.clocks.find((c) => c.ruleId === ruleId)!;
  const act = (user: string, id: string, clockId: string, what: string, body: object = {}, version?: number) => {
    const req = s.http().post(`/api/petitions/${id}/deadlines/${clockId}/${what}`).set('Authorization', tok[user]!);
    if (version !== undefined) req.set('If-Match', `"${version}"`);
    return req.send(body);
  };
  async function mustAct(user: string, id: string, clockId: string, what: string, body: object = {}) {
    const res = await act(user, id, clockId, what, body);
    if (res.status !== 200) throw new Error(`${what} → ${res.status} ${res.text}`);
    return res.body as PetitionDeadlinesView;
  }
  const events = async (id: string) =>
    (
      await s.sql.query<{ sequence: number; type: string; actor_id: string | null; actor_role: string | null; legal_basis: string | null; payload: Record<string, unknown> }>(
        `SELECT sequence, type, actor_id, actor_role, legal_basis, payload FROM petition_events WHERE petition_id = $1 ORDER BY sequence`,
        [id],
      )
    ).rows;
  const thresholdDue = (c: ClockView, key: string) => c.thresholds.find((t) => t.key === key)?.dueAt;

  describe('reading clocks', () => {
    it('gives a complaint accepted on Monday 23/11 the K3 due date: 30 days → end of Wednesday 23/12/2026', async () => {
      const p = await accepted('complaint', 'Khiếu nại quyết định thu hồi đất');
      const view = await deadlines(p.id);
      expect(view).toMatchObject({ petitionId: p.id, trackingCode: p.trackingCode, version: p.version, flags: { complex: false, prolonged: false } });
      const k3 = clockOf(view, 'K3');
      expect(k3).toMatchObject({
        kind: 'resolution',
        legalBasis: 'Luật Khiếu nại 2011 Điều 28',
        policyVersion: 1,
        unit: 'calendar_days',
        variant: 'standard',
        days: 30,
        status: 'running',
        startEvent: 'PetitionAccepted',
        startedAt: MON,
        dueAt: endOf('2026-12-23'),
        breachedAt: null,
        metAt: null,
        pauses: [],
        extensions: [],
        variantChanges: [],
        acts: { manualMet: false, extension: null },
      });
      expect(k3.explanation).toMatchObject({
        startDay: '2026-11-23',
        firstCountedDay: '2026-11-24',
        baseDays: 30,
        extensionDays: 0,
        pausedDays: 0,
        countedDays: 30,
        nominalLastDay: '2026-12-23',
        rolledForwardTo: null,
        lastDay: '2026-12-23',
      });
      expect(k3.summary).toEqual({
        vi: '30 ngày từ 24/11/2026 (không tính ngày thụ lý 23/11/2026); hạn cuối là hết thứ Tư 23/12/2026.',
        en: '30 days from 24/11/2026 (the day of acceptance 23/11/2026 not counted); due by the end of Wednesday 23/12/2026.',
      });
      // 50% = end of day 15 (08/12), 80% = end of day 24 (17/12), 100% = the due instant.
      expect(k3.thresholds.map((t) => [t.key, t.dueAt, t.firedAt])).toEqual([
        ['50', endOf('2026-12-08'), null],
        ['80', endOf('2026-12-17'), null],
        ['100', endOf('2026-12-23'), null],
        ['overdue-1', expect.any(String), null],
      ]);
      // The intake clocks were met by the acceptance.
      expect(clockOf(view, 'K2')).toMatchObject({ status: 'met', metAt: MON });
      expect(clockOf(view, 'R7')).toMatchObject({ status: 'met' });

      // The petition view carries the same clocks.
      const full = (await s.http().get(`/api/petitions/${p.id}`).set('Authorization', tok.head!).expect(200)).body as PetitionView;
      expect(full.deadlines.map((c) => c.id).sort()).toEqual(view.clocks.map((c) => c.id).sort());
      expect(full.deadlines.find((c) => c.ruleId === 'K3')!.summary).toEqual(k3.summary);
    });

    it('rolls a period whose last day is a Sunday to the end of Monday, and lists the days off it spans', async () => {
      clock.set(FRI);
      const p = await accepted('complaint', 'Khiếu nại chấp nhận thứ Sáu');
      const k3 = clockOf(await deadlines(p.id), 'K3');
      // 27/11 + 30 days = Sunday 27/12 → runs to the end of Monday 28/12/2026.
      expect(k3.dueAt).toBe(endOf('2026-12-28'));
      expect(k3.explanation).toMatchObject({ nominalLastDay: '2026-12-27', rolledForwardTo: '2026-12-28', lastDay: '2026-12-28' });
      expect(k3.explanation.daysOff.map((d) => d.date)).toEqual([
        '2026-11-28', '2026-11-29', '2026-12-05', '2026-12-06', '2026-12-12', '2026-12-13', '2026-12-19', '2026-12-20', '2026-12-26', '2026-12-27',
      ]);
      expect(k3.explanation.daysOff[0]).toEqual({ date: '2026-11-28', kind: 'weekend', name: 'Cuối tuần' });
      expect(k3.summary.vi).toBe(
        '30 ngày từ 28/11/2026 (không tính ngày thụ lý 27/11/2026); ngày cuối 27/12/2026 rơi vào Chủ nhật nên kéo dài đến hết thứ Hai 28/12/2026.',
      );
      expect(k3.summary.en).toContain('falls on Sunday, so the period runs to the end of Monday 28/12/2026');
    });

    it('skips the weekend in a working-day clock (T3 from Monday 23/11: 5 working days → Monday 30/11)', async () => {
      const p = await accepted('denunciation', 'Tố cáo cán bộ địa chính');
      const t3 = clockOf(await deadlines(p.id), 'T3');
      expect(t3).toMatchObject({ unit: 'working_days', days: 5, dueAt: endOf('2026-11-30'), acts: { manualMet: true, pauseReasons: [] } });
      expect(t3.explanation.daysOff).toEqual([
        { date: '2026-11-28', kind: 'weekend', name: 'Cuối tuần' },
        { date: '2026-11-29', kind: 'weekend', name: 'Cuối tuần' },
      ]);
      expect(t3.summary.vi).toContain('bỏ qua 2 ngày nghỉ; hạn cuối là hết thứ Hai 30/11/2026');
    });

    it('follows the petition’s jurisdiction: the board reads, another commune gets 404', async () => {
      const p = await accepted('feedback', 'Phản ánh đèn đường');
      expect(clockOf(await deadlines(p.id, 'board'), 'P1').status).toBe('running');
      expectProblem(await s.http().get(`/api/petitions/${p.id}/deadlines`).set('Authorization', tok.head_other!), 404, 'error.not_found');
      expectProblem(await s.http().get(`/api/petitions/${randomUUID()}/deadlines`).set('Authorization', tok.head!), 404, 'error.not_found');
      expectProblem(await s.http().get(`/api/petitions/not-a-uuid/deadlines`).set('Authorization', tok.head!), 400, 'error.validation');
      expectProblem(await s.http().get(`/api/petitions/${p.id}/deadlines`), 401, 'error.unauthenticated');
    });
  });

  describe('pause and resume', () => {
    it('moves the due date by the paused days and records both acts on the trail', async () => {
      const p = await accepted('complaint', 'Khiếu nại chờ bổ sung tài liệu');
      const k3 = clockOf(await deadlines(p.id), 'K3');
      expect(k3.dueAt).toBe(endOf('2026-12-23'));

      const paused = await act('head', p.id, k3.id, 'pause', { reason: 'awaiting_citizen_documents', note: 'Chờ bản sao quyết định' }, p.version);
      expect(paused.status).toBe(200);
      expect(paused.headers.etag).toBe(`"${p.version + 1}"`);
      const whilePaused = clockOf(paused.body as PetitionDeadlinesView, 'K3');
      expect(whilePaused).toMatchObject({ status: 'paused', dueAt: null, pauses: [{ from: MON, to: null, reason: 'awaiting_citizen_documents', note: 'Chờ bản sao quyết định' }] });
      // A paused clock raises nothing.
      expect(whilePaused.thresholds.every((t) => t.dueAt === null)).toBe(true);
      expect(whilePaused.summary.vi).toContain('đang tạm dừng từ 23/11/2026 (chờ công dân bổ sung tài liệu) nên chưa có hạn cuối');
      expectProblem(await act('head', p.id, k3.id, 'pause', { reason: 'force_majeure' }), 409, 'deadline.already_paused');

      // Five days later (Saturday 28/11) the documents arrive.
      clock.set('2026-11-28T02:00:00.000Z');
      const resumed = clockOf(await mustAct('head', p.id, k3.id, 'resume'), 'K3');
      // 30 + 5 paused days from 23/11 = Monday 28/12/2026.
      expect(resumed).toMatchObject({ status: 'running', dueAt: endOf('2026-12-28') });
      expect(resumed.explanation).toMatchObject({ pausedDays: 5, countedDays: 35, lastDay: '2026-12-28' });
      expect(thresholdDue(resumed, '100')).toBe(endOf('2026-12-28'));
      expectProblem(await act('head', p.id, k3.id, 'resume'), 409, 'deadline.not_paused');

      const trail = await events(p.id);
      const headId = await s.userId('head');
      expect(trail.slice(-2).map((e) => [e.type, e.actor_id, e.actor_role, e.legal_basis])).toEqual([
        ['DeadlinePaused', headId, 'head', 'Luật Khiếu nại 2011 Điều 28'],
        ['DeadlineResumed', headId, 'head', 'Luật Khiếu nại 2011 Điều 28'],
      ]);
      expect(trail.at(-2)!.payload).toMatchObject({ clockId: k3.id, ruleId: 'K3', reason: 'awaiting_citizen_documents' });
      expect(trail.at(-1)!.payload).toMatchObject({ clockId: k3.id, dueAt: endOf('2026-12-28') });
      // Each act moved the petition's version by one, like a workflow action, and announced itself.
      expect((await deadlines(p.id)).version).toBe(p.version + 2);
      const outbox = await s.sql.query(`SELECT 1 FROM outbox WHERE payload->>'petitionId' = $1 AND (payload->>'sequence')::int > $2`, [p.id, p.version]);
      expect(outbox.rowCount).toBe(2);
    });

    it('refuses a pause reason the rule does not allow (T3 cannot be paused) with the allowed list', async () => {
      const p = await accepted('denunciation', 'Tố cáo không tạm dừng được');
      const t3 = clockOf(await deadlines(p.id), 'T3');
      const body = expectProblem(await act('head', p.id, t3.id, 'pause', { reason: 'suspension' }), 409, 'deadline.pause_reason_not_allowed');
      expect(body.allowedReasons).toEqual([]);
      expect((body.messages as { vi: string }).vi).toContain('Không được tạm dừng thời hạn T3');
    });
  });

  describe('extensions', () => {
    const flag = async (id: string, body: object) =>
      (await s.http().post(`/api/petitions/${id}/flags`).set('Authorization', tok.head!).send(body).expect(200)).body as PetitionDeadlinesView;

    it('extends a particularly complex denunciation (T4) twice by 30 days, then refuses a third time', async () => {
      const p = await accepted('denunciation', 'Tố cáo đặc biệt phức tạp');
      const view = await flag(p.id, { particularlyComplex: true, reason: 'Nhiều nội dung, nhiều địa điểm, có yếu tố nước ngoài' });
      // Particularly complex is recorded as complex too (LTC Art 30(3) builds on 30(2)).
      expect(view.flags).toEqual({ complex: true, particularlyComplex: true, prolonged: false });
      const t4 = clockOf(view, 'T4');
      expect(t4).toMatchObject({ dueAt: endOf('2026-12-23'), acts: { extension: { maxCount: 2, days: 30, allowed: 2, remaining: 2 } } });

      const once = clockOf(await mustAct('head', p.id, t4.id, 'extend', { reason: 'Vụ việc phức tạp', decisionRef: '15/QĐ-UBND' }), 'T4');
      // 23/11 + 60 days = Friday 22/01/2027.
      expect(once).toMatchObject({ dueAt: endOf('2027-01-22'), extensions: [{ days: 30, reason: 'Vụ việc phức tạp', decisionRef: '15/QĐ-UBND' }] });
      const twice = clockOf(await mustAct('head', p.id, t4.id, 'extend', { reason: 'Vụ việc đặc biệt phức tạp' }), 'T4');
      // 23/11 + 90 days = Sunday 21/02/2027 → the end of Monday 22/02/2027.
      expect(twice).toMatchObject({ dueAt: endOf('2027-02-22'), acts: { extension: { remaining: 0 } } });
      expect(twice.explanation).toMatchObject({ extensionDays: 60, nominalLastDay: '2027-02-21', rolledForwardTo: '2027-02-22' });

      const third = expectProblem(await act('head', p.id, t4.id, 'extend', { reason: 'Lần thứ ba' }), 409, 'deadline.extension_limit_reached');
      expect(third.maxCount).toBe(2);
      expect((third.messages as { vi: string }).vi).toBe('Thời hạn T4 đã được gia hạn tối đa 2 lần (Luật Tố cáo 2018 Điều 30).');
      const extended = (await events(p.id)).filter((e) => e.type === 'DeadlineExtended');
      expect(extended.map((e) => [e.legal_basis, e.payload.days, e.payload.dueAt])).toEqual([
        ['Luật Tố cáo 2018 Điều 30', 30, endOf('2027-01-22')],
        ['Luật Tố cáo 2018 Điều 30', 30, endOf('2027-02-22')],
      ]);
    });

    it('refuses to extend an ordinary denunciation, and extends a complex one only once (LTC Art 30(2))', async () => {
      const p = await accepted('denunciation', 'Tố cáo thông thường');
      const t4 = clockOf(await deadlines(p.id), 'T4');
      expect(t4.acts.extension).toMatchObject({ maxCount: 2, allowed: 0, remaining: 0 });
      const none = expectProblem(await act('head', p.id, t4.id, 'extend', { reason: 'Muốn thêm thời gian' }), 409, 'deadline.extension_complexity');
      expect(none).toMatchObject({ complexity: 'standard', allowed: 0, maxCount: 2 });
      expect((none.messages as { vi: string }).vi).toContain('"không phức tạp"');
      expect((none.messages as { vi: string }).vi).toContain('Luật Tố cáo 2018 Điều 30');
      expect((none.messages as { en: string }).en).toContain('a complex case once, a particularly complex case twice');
      expect(clockOf(await deadlines(p.id), 'T4').extensions).toEqual([]);

      expect(clockOf(await flag(p.id, { complex: true, reason: 'Hai nội dung phải xác minh' }), 'T4').acts.extension).toMatchObject({ allowed: 1, remaining: 1 });
      const once = clockOf(await mustAct('head', p.id, t4.id, 'extend', { reason: 'Vụ việc phức tạp', decisionRef: '16/QĐ-UBND' }), 'T4');
      expect(once).toMatchObject({ dueAt: endOf('2027-01-22'), acts: { extension: { remaining: 0 } } });
      const twice = expectProblem(await act('head', p.id, t4.id, 'extend', { reason: 'Lần hai' }), 409, 'deadline.extension_complexity');
      expect(twice).toMatchObject({ complexity: 'complex', allowed: 1 });
      // Recording it particularly complex afterwards allows the second extension.
      await flag(p.id, { particularlyComplex: true, reason: 'Có yếu tố nước ngoài' });
      expect(clockOf(await mustAct('head', p.id, t4.id, 'extend', { reason: 'Vụ việc đặc biệt phức tạp' }), 'T4').dueAt).toBe(endOf('2027-02-22'));
      // Clearing complex clears particularly complex too.
      expect((await flag(p.id, { complex: false, reason: 'Đánh giá lại' })).flags).toEqual({ complex: false, particularlyComplex: false, prolonged: false });
    });

    it('refuses to extend a complaint (K3 has no extension rule)', async () => {
      const p = await accepted('complaint', 'Khiếu nại không gia hạn');
      const k3 = clockOf(await deadlines(p.id), 'K3');
      expectProblem(await act('head', p.id, k3.id, 'extend', { reason: 'Muốn thêm thời gian' }), 409, 'deadline.extension_not_allowed');
      expect(clockOf(await deadlines(p.id), 'K3').extensions).toEqual([]);
    });
  });

  describe('case flags', () => {
    it('gives a complex complaint 45 days, recorded on the clock and on the trail, and escalates it earlier', async () => {
      const p = await accepted('complaint', 'Khiếu nại nhiều nội dung');
      const before = clockOf(await deadlines(p.id), 'K3');
      expect(before.thresholds.find((t) => t.key === '80')!.escalate).toBe(false);

      const res = await s
        .http()
        .post(`/api/petitions/${p.id}/flags`)
        .set('Authorization', tok.head!)
        .set('If-Match', `"${p.version}"`)
        .send({ complex: true, reason: 'Nhiều nội dung phải xác minh ở nhiều nơi' })
        .expect(200);
      const view = res.body as PetitionDeadlinesView;
      expect(view.flags).toEqual({ complex: true, particularlyComplex: false, prolonged: false });
      const k3 = clockOf(view, 'K3');
      // 23/11 + 45 days = Thursday 07/01/2027.
      expect(k3).toMatchObject({
        variant: 'complex',
        days: 45,
        dueAt: endOf('2027-01-07'),
        variantChanges: [{ at: MON, from: 'standard', to: 'complex', days: 45, reason: 'Nhiều nội dung phải xác minh ở nhiều nơi' }],
      });
      expect(k3.thresholds.find((t) => t.key === '80')!.escalate).toBe(true);
      expect(thresholdDue(k3, '100')).toBe(endOf('2027-01-07'));
      const last = (await events(p.id)).at(-1)!;
      expect(last).toMatchObject({ type: 'CaseFlagsChanged', actor_role: 'head', legal_basis: 'Luật Khiếu nại 2011 Điều 28' });
      expect(last.payload).toMatchObject({ complex: true, prolonged: false });
      expect((await s.sql.query(`SELECT complex, prolonged FROM petitions WHERE id = $1`, [p.id])).rows[0]).toEqual({ complex: true, prolonged: false });

      // The same flags again change nothing and record nothing.
      const again = await s.http().post(`/api/petitions/${p.id}/flags`).set('Authorization', tok.head!).send({ complex: true, reason: 'Lặp lại' }).expect(200);
      expect((again.body as PetitionDeadlinesView).version).toBe(view.version);
    });

    it('escalates a prolonged case earlier without changing its period', async () => {
      const p = await accepted('complaint', 'Khiếu nại kéo dài nhiều năm');
      const view = (await s.http().post(`/api/petitions/${p.id}/flags`).set('Authorization', tok.head!).send({ prolonged: true, reason: 'Đã khiếu nại nhiều lần' }).expect(200))
        .body as PetitionDeadlinesView;
      const k3 = clockOf(view, 'K3');
      expect(k3).toMatchObject({ variant: 'standard', days: 30, dueAt: endOf('2026-12-23'), variantChanges: [] });
      expect(k3.thresholds.filter((t) => t.escalate).map((t) => t.key)).toEqual(['80', '100', 'overdue-1']);
    });

    it('needs at least one flag, a reason, and the head', async () => {
      const p = await accepted('complaint', 'Khiếu nại cờ sai');
      const post = (user: string, body: object) => s.http().post(`/api/petitions/${p.id}/flags`).set('Authorization', tok[user]!).send(body);
      const none = expectProblem(await post('head', { reason: 'Không nêu cờ' }), 400, 'error.validation');
      expect(none.errors!.map((e) => e.code)).toEqual(['deadline.flags_required', 'deadline.flags_required']);
      expectProblem(await post('head', { complex: 'yes', reason: 'x' }), 400, 'error.validation');
      expectProblem(await post('head', { complex: true }), 400, 'error.validation');
      expectProblem(await post('handler', { complex: true, reason: 'x' }), 403, 'deadline.role_not_allowed');
      expectProblem(await post('head_other', { complex: true, reason: 'x' }), 404, 'error.not_found');
    });
  });

  describe('a clock met by hand', () => {
    it('records the T3 notices as met, and refuses /met on a clock the workflow meets', async () => {
      const p = await accepted('denunciation', 'Tố cáo cần thông báo');
      const view = await deadlines(p.id);
      clock.set('2026-11-25T03:00:00.000Z');
      const t3 = clockOf(await mustAct('head', p.id, clockOf(view, 'T3').id, 'met', { reference: 'CV 123/UBND ngày 25/11/2026' }), 'T3');
      expect(t3).toMatchObject({ status: 'met', metAt: '2026-11-25T03:00:00.000Z' });
      expect(t3.thresholds.every((th) => th.dueAt === null)).toBe(true);
      const last = (await events(p.id)).at(-1)!;
      expect(last).toMatchObject({ type: 'DeadlineMet', actor_role: 'head', legal_basis: 'Luật Tố cáo 2018 Điều 29' });
      expect(last.payload).toMatchObject({ clockId: t3.id, ruleId: 'T3', reference: 'CV 123/UBND ngày 25/11/2026' });

      expectProblem(await act('head', p.id, t3.id, 'met', { reference: 'Lần hai' }), 409, 'deadline.clock_not_open');
      const t4 = clockOf(view, 'T4');
      const refused = expectProblem(await act('head', p.id, t4.id, 'met', { reference: 'Không được' }), 409, 'deadline.met_by_workflow');
      expect(refused.metOn).toEqual(['PetitionResolved']);
    });
  });

  describe('refusals as problem+json', () => {
    let p: PetitionView;
    let k3: ClockView;
    beforeAll(async () => {
      clock.set(MON);
      p = await accepted('complaint', 'Khiếu nại kiểm tra lỗi');
      k3 = clockOf(await deadlines(p.id), 'K3');
    });

    it('403 for anyone but the head, 404 outside the jurisdiction or for an unknown clock', async () => {
      for (const user of ['desk', 'handler', 'board', 'admin']) {
        expectProblem(await act(user, p.id, k3.id, 'pause', { reason: 'suspension' }), 403, 'deadline.role_not_allowed');
      }
      expectProblem(await act('head_other', p.id, k3.id, 'pause', { reason: 'suspension' }), 404, 'error.not_found');
      expectProblem(await act('head', p.id, randomUUID(), 'pause', { reason: 'suspension' }), 404, 'error.not_found');
      // A clock of another petition is not this petition's clock.
      const other = await accepted('complaint', 'Khiếu nại khác');
      expectProblem(await act('head', p.id, clockOf(await deadlines(other.id), 'K3').id, 'resume'), 404, 'error.not_found');
      expectProblem(await act('head', p.id, k3.id, 'nap', {}), 404);
    });

    it('400 for bad input, naming the field', async () => {
      const bad = expectProblem(await act('head', p.id, k3.id, 'pause', { reason: 'vacation' }), 400, 'error.validation');
      expect(bad.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'validation.isIn' })]);
      expect(expectProblem(await act('head', p.id, k3.id, 'extend', {}), 400).errors![0]!.field).toBe('reason');
      expect(expectProblem(await act('head', p.id, k3.id, 'met', { reference: '  ' }), 400).errors![0]!.field).toBe('reference');
      expect(expectProblem(await act('head', p.id, k3.id, 'resume', { now: true }), 400).errors![0]).toMatchObject({ field: 'now', code: 'validation.whitelistValidation' });
      expect(expectProblem(await act('head', p.id, 'x', 'resume'), 400).errors![0]!.field).toBe('clockId');
      const ifMatch = await s.http().post(`/api/petitions/${p.id}/deadlines/${k3.id}/resume`).set('Authorization', tok.head!).set('If-Match', 'soon').send({});
      expectProblem(ifMatch, 400, 'petition.if_match_invalid');
    });

    it('412 for a stale If-Match, and nothing changes', async () => {
      const res = expectProblem(await act('head', p.id, k3.id, 'pause', { reason: 'suspension' }, p.version - 1), 412, 'petition.version_conflict');
      expect(res.currentVersion).toBe(p.version);
      expect(clockOf(await deadlines(p.id), 'K3').status).toBe('running');
      expect((await deadlines(p.id)).version).toBe(p.version);
    });
  });

  describe('the calendar', () => {
    it('lists the days off of a year with their reasons, weekends only on request', async () => {
      const body = (await s.http().get('/api/calendar?year=2026').set('Authorization', tok.board!).expect(200)).body as {
        daysOff: { date: string; kind: string; name: string; source: string }[];
        swappedWorkingDays: unknown[];
      };
      const byDate = new Map(body.daysOff.map((d) => [d.date, d]));
      expect(byDate.get('2026-01-01')).toMatchObject({ kind: 'holiday', name: 'Tết Dương lịch', source: 'statute' });
      for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) expect(byDate.get(d)?.kind).toBe('holiday');
      // The Hùng Kings' day in lieu is derived (Art 111(3)), no longer typed in the table.
      expect(byDate.get('2026-04-27')).toMatchObject({ kind: 'compensatory', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', source: 'rule' });
      expect(body.daysOff.some((d) => d.kind === 'weekend')).toBe(false);
      // The announced 2026 swaps: New Year (Fri 02/01 ↔ Sat 10/01) and National Day (Mon 31/08 ↔ Sat 22/08).
      expect(byDate.get('2026-01-02')).toMatchObject({ kind: 'swap_off', source: 'table' });
      expect(byDate.get('2026-08-31')).toMatchObject({ kind: 'swap_off', source: 'table' });
      expect(byDate.get('2026-09-01')).toMatchObject({ kind: 'holiday', source: 'table' });
      expect(body.swappedWorkingDays.map((d) => (d as { date: string }).date)).toEqual(['2026-01-10', '2026-08-22']);

      const all = (await s.http().get('/api/calendar?year=2026&includeWeekends=true').set('Authorization', tok.desk!).expect(200)).body as typeof body;
      expect(all.daysOff.find((d) => d.date === '2026-11-28')).toMatchObject({ kind: 'weekend', source: 'weekend' });
      // 2026 has 53 Saturdays-or-Sundays … at least 104 weekend days plus the holidays on weekdays.
      expect(all.daysOff.length).toBeGreaterThan(body.daysOff.length + 100);

      expectProblem(await s.http().get('/api/calendar?year=abc').set('Authorization', tok.desk!), 400, 'error.validation');
      expectProblem(await s.http().get('/api/calendar?year=2026&includeWeekends=maybe').set('Authorization', tok.desk!), 400, 'error.validation');
      expectProblem(await s.http().get('/api/calendar?year=2026'), 401);
    });

    it('reports the announcements of the next 12 months that are not recorded, with what is assumed meanwhile', async () => {
      type FactView = { year: number; fact: string; status: string; reference: string | null; verification: string | null; assumption: { vi: string; en: string } | null };
      const body = (await s.http().get('/api/calendar?year=2026').set('Authorization', tok.desk!).expect(200)).body as {
        facts: FactView[];
        unconfirmedNext12Months: { from: string; to: string; facts: FactView[] };
      };
      // 2026: every announcement recorded, with its notice.
      expect(body.facts.map((f) => [f.fact, f.status, f.verification])).toEqual([
        ['swaps', 'confirmed', 'partial'],
        ['tet', 'confirmed', 'partial'],
        ['national_day', 'confirmed', 'partial'],
      ]);
      expect(body.facts.find((f) => f.fact === 'tet')?.reference).toContain('9441/TB-BNV');
      // From Monday 23/11/2026 (the clock's today): 2027 is not announced yet.
      expect(body.unconfirmedNext12Months.from).toBe('2026-11-23');
      expect(body.unconfirmedNext12Months.to).toBe('2027-11-22');
      expect(body.unconfirmedNext12Months.facts.map((f) => `${f.year} ${f.fact} ${f.status}`)).toEqual(['2027 swaps unconfirmed', '2027 tet unconfirmed', '2027 national_day unconfirmed']);
      expect(body.unconfirmedNext12Months.facts[1]!.assumption!.vi).toContain('Tạm tính chỉ mùng 1, mùng 2, mùng 3');

      const y2027 = (await s.http().get('/api/calendar?year=2027').set('Authorization', tok.desk!).expect(200)).body as {
        daysOff: { date: string; kind: string; source: string; assumed: boolean }[];
      };
      const off = new Map(y2027.daysOff.map((d) => [d.date, d]));
      // Tết Đinh Mùi assumed as mùng 1–3 only (Sat 06 – Mon 08/02); Fri 05 and Tue 09 stay working days.
      expect(off.get('2027-02-08')).toMatchObject({ kind: 'holiday', source: 'statute', assumed: true });
      expect(off.has('2027-02-05') || off.has('2027-02-09')).toBe(false);
      // Labour Day on Saturday 01/05/2027: Monday 03/05 derived; 01/09 and 03/09/2027 are working days.
      expect(off.get('2027-05-03')).toMatchObject({ kind: 'compensatory', source: 'rule', assumed: false });
      expect(off.has('2027-09-01') || off.has('2027-09-03')).toBe(false);
    });

    it("records an announcement with a dry-run diff of the clocks it moves, and explains a clock's assumption until then", async () => {
      clock.set('2027-02-01T02:00:00.000Z'); // Monday 01/02/2027, 09:00
      const denunciation = await accepted('denunciation', 'Tố cáo qua Tết Đinh Mùi');
      // T3, 5 working days: Tue 02, Wed 03, Thu 04, Fri 05, then Sat–Mon 06–08 (Tết assumed), Tue 09.
      const t3 = clockOf(await deadlines(denunciation.id), 'T3');
      expect(t3.dueAt).toBe(endOf('2027-02-09'));
      expect(t3.explanation.unconfirmed).toEqual([
        expect.objectContaining({ year: 2027, fact: 'tet', label: { vi: 'Lịch nghỉ Tết Nguyên đán', en: 'Tết holiday schedule' } }),
      ]);
      expect(t3.explanation.unconfirmed[0]!.assumption.en).toContain("lunar New Year's Day is 06/02/2027");

      // Recording the notice without entering its days drops the assumption: Monday 08/02 becomes a working day.
      const fact = { year: 2027, fact: 'tet', reference: 'Thông báo thử nghiệm', verification: 'verified' };
      const post = (dryRun: boolean, body: object = fact, user = 'admin') => s.http().post(`/api/calendar/facts?dryRun=${dryRun}`).set('Authorization', tok[user]!).send(body);
      const dry = (await post(true).expect(200)).body as { dryRun: boolean; previous: unknown; diff: ClockDiff[] };
      expect(dry).toMatchObject({ dryRun: true, previous: null });
      expect(dry.diff).toContainEqual(expect.objectContaining({ clockId: t3.id, oldDueAt: endOf('2027-02-09'), newDueAt: endOf('2027-02-08') }));
      expect(clockOf(await deadlines(denunciation.id), 'T3').dueAt).toBe(endOf('2027-02-09'));
      const real = (await post(false).expect(200)).body as { diff: ClockDiff[] };
      expect(real.diff).toEqual(dry.diff);
      const after = clockOf(await deadlines(denunciation.id), 'T3');
      expect(after.dueAt).toBe(endOf('2027-02-08'));
      expect(after.explanation.unconfirmed).toEqual([]);
      const view = (await s.http().get('/api/calendar?year=2027').set('Authorization', tok.desk!).expect(200)).body as { facts: { fact: string; status: string; reference: string }[] };
      expect(view.facts.find((f) => f.fact === 'tet')).toMatchObject({ status: 'confirmed', reference: 'Thông báo thử nghiệm' });

      // Only administrators; bad input names the field and changes nothing.
      expectProblem(await post(false, fact, 'head'), 403, 'error.admin_only');
      expect(expectProblem(await post(false, { ...fact, fact: 'mid_autumn' }), 400).errors).toEqual([expect.objectContaining({ field: 'fact' })]);
      expect(expectProblem(await post(false, { ...fact, reference: ' ' }), 400).errors).toEqual([expect.objectContaining({ field: 'reference' })]);
      expect(expectProblem(await post(false, { ...fact, verification: 'sure' }), 400).errors).toEqual([expect.objectContaining({ field: 'verification' })]);
      expect(expectProblem(await s.http().delete('/api/calendar/facts/2027/easter').set('Authorization', tok.admin!), 400).errors).toEqual([expect.objectContaining({ field: 'fact' })]);

      // Withdrawn: unconfirmed again, the assumption and the due date come back.
      await s.http().delete('/api/calendar/facts/2027/tet').set('Authorization', tok.admin!).expect(200);
      expect(clockOf(await deadlines(denunciation.id), 'T3').dueAt).toBe(endOf('2027-02-09'));
      expectProblem(await s.http().delete('/api/calendar/facts/2027/tet').set('Authorization', tok.admin!), 404, 'calendar.fact_not_found');
    });

    it('shows in a dry run which clocks a new holiday would move, writes it for real, and is idempotent', async () => {
      const complaint = await accepted('complaint', 'Khiếu nại gặp ngày nghỉ mới');
      const denunciation = await accepted('denunciation', 'Tố cáo gặp ngày nghỉ mới');
      const k3 = clockOf(await deadlines(complaint.id), 'K3');
      const t3 = clockOf(await deadlines(denunciation.id), 'T3');
      expect([k3.dueAt, t3.dueAt]).toEqual([endOf('2026-12-23'), endOf('2026-11-30')]);

      const snapshot = async () =>
        (
          await s.sql.query(
            `SELECT (SELECT count(*) FROM calendar_entries)::int AS entries,
                    (SELECT coalesce(sum(version), 0) FROM petition_clocks)::int AS clock_versions,
                    (SELECT string_agg(id::text || ':' || coalesce(due_at::text, '-'), ',' ORDER BY id) FROM petition_clocks) AS dues,
                    (SELECT string_agg(id::text || ':' || coalesce(due_at::text, '-'), ',' ORDER BY id) FROM clock_thresholds) AS thresholds`,
          )
        ).rows[0];
      const entry = { date: '2026-11-26', kind: 'holiday', name: 'Ngày nghỉ đột xuất', legalRef: 'Thông báo thử nghiệm' };
      const post = (dryRun: string, body: object = entry, user = 'admin') =>
        s.http().post(`/api/calendar/entries?dryRun=${dryRun}`).set('Authorization', tok[user]!).send(body);

      const before = await snapshot();
      const dry = (await post('true').expect(200)).body as { dryRun: boolean; diff: ClockDiff[]; entry: unknown; previous: unknown };
      expect(dry).toMatchObject({ dryRun: true, entry, previous: null });
      // A working-day clock over Thursday 26/11 moves a day: 24, 25, 27, 30/11, 1/12 → Tuesday 01/12.
      expect(dry.diff).toContainEqual({
        petitionId: denunciation.id,
        trackingCode: denunciation.trackingCode,
        clockId: t3.id,
        ruleId: 'T3',
        fromVersion: 1,
        toVersion: 1,
        oldDueAt: endOf('2026-11-30'),
        newDueAt: endOf('2026-12-01'),
      });
      // A calendar-day clock counts holidays like any day: K3 does not move.
      expect(dry.diff.some((d) => d.clockId === k3.id)).toBe(false);
      expect(await snapshot()).toEqual(before);
      expect(clockOf(await deadlines(denunciation.id), 'T3').dueAt).toBe(endOf('2026-11-30'));

      const real = (await post('false').expect(200)).body as { dryRun: boolean; diff: ClockDiff[] };
      expect(real.dryRun).toBe(false);
      expect(real.diff).toEqual(dry.diff);
      const moved = clockOf(await deadlines(denunciation.id), 'T3');
      expect(moved.dueAt).toBe(endOf('2026-12-01'));
      expect(thresholdDue(moved, '100')).toBe(endOf('2026-12-01'));
      expect(moved.explanation.daysOff).toContainEqual({ date: '2026-11-26', kind: 'holiday', name: 'Ngày nghỉ đột xuất' });
      const calendar = (await s.http().get('/api/calendar?year=2026').set('Authorization', tok.head!).expect(200)).body as { daysOff: { date: string; source: string }[] };
      expect(calendar.daysOff).toContainEqual(expect.objectContaining({ date: '2026-11-26', source: 'table', name: 'Ngày nghỉ đột xuất' }));

      // The same edit again: nothing moves, nothing is rewritten.
      const applied = await snapshot();
      const again = (await post('false').expect(200)).body as { diff: ClockDiff[]; previous: unknown };
      expect(again.diff).toEqual([]);
      expect(again.previous).toEqual(entry);
      expect(await snapshot()).toEqual(applied);

      // Removing it: a dry run shows the way back, then it happens.
      const undoDry = (await s.http().delete('/api/calendar/entries/2026-11-26?dryRun=true').set('Authorization', tok.admin!).expect(200)).body as { diff: ClockDiff[] };
      expect(undoDry.diff).toContainEqual(expect.objectContaining({ clockId: t3.id, oldDueAt: endOf('2026-12-01'), newDueAt: endOf('2026-11-30') }));
      expect(await snapshot()).toEqual(applied);
      await s.http().delete('/api/calendar/entries/2026-11-26').set('Authorization', tok.admin!).expect(200);
      expect(clockOf(await deadlines(denunciation.id), 'T3').dueAt).toBe(endOf('2026-11-30'));
      expectProblem(await s.http().delete('/api/calendar/entries/2026-11-26').set('Authorization', tok.admin!), 404, 'calendar.entry_not_found');
    });

    it('rolls a calendar-day clock whose last day becomes a holiday', async () => {
      const p = await accepted('complaint', 'Khiếu nại hạn cuối gặp ngày nghỉ');
      const k3 = clockOf(await deadlines(p.id), 'K3');
      const res = (
        await s.http().post('/api/calendar/entries').set('Authorization', tok.admin!).send({ date: '2026-12-23', kind: 'swap_off', name: 'Nghỉ hoán đổi' }).expect(200)
      ).body as { diff: ClockDiff[] };
      // Wednesday 23/12 is now off: the period runs to the end of Thursday 24/12.
      expect(res.diff).toContainEqual(expect.objectContaining({ clockId: k3.id, oldDueAt: endOf('2026-12-23'), newDueAt: endOf('2026-12-24') }));
      const after = clockOf(await deadlines(p.id), 'K3');
      expect(after.summary.vi).toContain('ngày cuối 23/12/2026 rơi vào ngày nghỉ Nghỉ hoán đổi (thứ Tư) nên kéo dài đến hết thứ Năm 24/12/2026');
      await s.http().delete('/api/calendar/entries/2026-12-23').set('Authorization', tok.admin!).expect(200);
      expect(clockOf(await deadlines(p.id), 'K3').dueAt).toBe(endOf('2026-12-23'));
    });

    it('lets only administrators edit, and validates entries', async () => {
      const entry = { date: '2026-12-24', kind: 'holiday', name: 'Thử' };
      expectProblem(await s.http().post('/api/calendar/entries?dryRun=true').set('Authorization', tok.head!).send(entry), 403, 'error.admin_only');
      expectProblem(await s.http().delete('/api/calendar/entries/2026-04-27').set('Authorization', tok.board!), 403, 'error.admin_only');
      const post = (body: object, query = '') => s.http().post(`/api/calendar/entries${query}`).set('Authorization', tok.admin!).send(body);
      expect(expectProblem(await post({ ...entry, date: '2026-02-30' }), 400).errors).toEqual([expect.objectContaining({ field: 'date', code: 'validation.isLocalDate' })]);
      expect(expectProblem(await post({ ...entry, kind: 'party' }), 400).errors).toEqual([expect.objectContaining({ field: 'kind' })]);
      expect(expectProblem(await post({ ...entry, name: ' ' }), 400).errors).toEqual([expect.objectContaining({ field: 'name' })]);
      expectProblem(await post(entry, '?dryRun=yes'), 400, 'error.validation');
      expectProblem(await s.http().delete('/api/calendar/entries/someday').set('Authorization', tok.admin!), 400, 'error.validation');
      // A statutory holiday is not a table entry: it cannot be deleted (a swapped working day overrides it).
      expectProblem(await s.http().delete('/api/calendar/entries/2026-09-02').set('Authorization', tok.admin!), 404, 'calendar.entry_not_found');

      // A Saturday worked in exchange (làm bù) is listed as a swapped working day, not as a day off.
      await post({ date: '2027-03-13', kind: 'swap_work', name: 'Làm bù cho ngày nghỉ hoán đổi' }).expect(200);
      const y2027 = (await s.http().get('/api/calendar?year=2027&includeWeekends=true').set('Authorization', tok.handler!).expect(200)).body as {
        daysOff: { date: string }[];
        swappedWorkingDays: { date: string; name: string; weekday: { vi: string } }[];
      };
      expect(y2027.swappedWorkingDays).toEqual([{ date: '2027-03-13', name: 'Làm bù cho ngày nghỉ hoán đổi', weekday: { vi: 'thứ Bảy', en: 'Saturday' }, legalRef: null }]);
      expect(y2027.daysOff.some((d) => d.date === '2027-03-13')).toBe(false);
      expect(y2027.daysOff.some((d) => d.date === '2027-03-14')).toBe(true);
      await s.http().delete('/api/calendar/entries/2027-03-13').set('Authorization', tok.admin!).expect(200);
    });
  });

  describe('deadline policies', () => {
    const v2Body = () => ({
      effectiveFrom: '2026-11-23',
      legalReference: 'Quy chế tiếp nhận, xử lý phản ánh, kiến nghị của tỉnh (thử nghiệm)',
      rules: DEFAULT_DEADLINE_POLICY.rules.map((r) => (r.ruleId === 'P1' ? { ...r, days: { standard: 15 }, legalBasis: 'Quy chế tỉnh: 15 ngày' } : r)),
      alertLadder: DEFAULT_DEADLINE_POLICY.alertLadder,
      earlyEscalation: DEFAULT_DEADLINE_POLICY.earlyEscalation,
      workingHours: DEFAULT_DEADLINE_POLICY.workingHours,
      digestHour: 7,
    });
    const publish = (body: object, user = 'admin') => s.http().post('/api/deadline-policies').set('Authorization', tok[user]!).send(body);
    const recompute = (version: number | string, body: object, user = 'admin') =>
      s.http().post(`/api/deadline-policies/${version}/recompute`).set('Authorization', tok[user]!).send(body);

    it('validates a new version: shape, unique rule ids, positive days, a date from today on; administrators only', async () => {
      expectProblem(await s.http().get('/api/deadline-policies').set('Authorization', tok.head!), 403, 'error.admin_only');
      expectProblem(await publish(v2Body(), 'head'), 403, 'error.admin_only');
      const past = expectProblem(await publish({ ...v2Body(), effectiveFrom: '2026-11-22' }), 400, 'error.validation');
      expect(past.errors).toEqual([expect.objectContaining({ field: 'effectiveFrom', code: 'deadline.effective_from_past' })]);
      const rules = v2Body().rules;
      const dup = expectProblem(await publish({ ...v2Body(), rules: [...rules, rules[0]] }), 400, 'error.validation');
      expect(dup.errors).toEqual([{ field: `rules.${rules.length}.ruleId`, code: 'deadline.rule_id_duplicate', messages: expect.any(Object) }]);
      const zero = expectProblem(await publish({ ...v2Body(), rules: [{ ...rules[0], days: { standard: 0 } }] }), 400, 'error.validation');
      expect(zero.errors).toEqual([expect.objectContaining({ field: 'rules.0.days.standard', code: 'validation.min' })]);
      const nested = expectProblem(await publish({ ...v2Body(), workingHours: { startHour: 7 }, rules: [{ ...rules[0], unit: 'weeks' }] }), 400);
      expect(nested.errors!.map((e) => e.field).sort()).toEqual(['rules.0.unit', 'workingHours.endHour', 'workingHours.endMinute', 'workingHours.startMinute']);
      expect(expectProblem(await publish({ ...v2Body(), alertLadder: [] }), 400).errors![0]!.field).toBe('alertLadder');
      expect((await s.sql.query(`SELECT count(*)::int AS n FROM deadline_policies`)).rows[0].n).toBe(1);
    });

    it('publishes v2 for new clocks only; old ones move by a scoped recompute, dry run first', async () => {
      const old = await accepted('feedback', 'Phản ánh trước khi có quy chế mới');
      const elsewhere = await accepted('feedback', 'Phản ánh ở phường khác', { desk: 'desk_other', head: 'head_other', unitId: otherCommuneId });
      // P1 v1: 20 days from 23/11 = Sunday 13/12 → the end of Monday 14/12/2026.
      expect(clockOf(await deadlines(old.id), 'P1')).toMatchObject({ policyVersion: 1, days: 20, dueAt: endOf('2026-12-14') });

      const created = await publish(v2Body()).expect(201);
      expect(created.headers.location).toBe('/api/deadline-policies/2');
      expect(created.body).toMatchObject({ version: 2, effectiveFrom: '2026-11-23', effectiveTo: null, inForce: true, publishedBy: await s.userId('admin') });
      const list = (await s.http().get('/api/deadline-policies').set('Authorization', tok.admin!).expect(200)).body as { version: number; effectiveFrom: string; effectiveTo: string | null; inForce: boolean }[];
      expect(list.map((p) => [p.version, p.effectiveFrom, p.effectiveTo, p.inForce])).toEqual([
        [1, '2025-07-01', '2026-11-23', false],
        [2, '2026-11-23', null, true],
      ]);
      expectProblem(await publish(v2Body()), 409, 'deadline.effective_from_not_after_current');

      // A feedback accepted now gets v2: 15 days from 23/11 = Tuesday 08/12/2026. The old one keeps v1.
      const fresh = await accepted('feedback', 'Phản ánh theo quy chế mới');
      expect(clockOf(await deadlines(fresh.id), 'P1')).toMatchObject({ policyVersion: 2, days: 15, legalBasis: 'Quy chế tỉnh: 15 ngày', dueAt: endOf('2026-12-08') });
      expect(clockOf(await deadlines(old.id), 'P1')).toMatchObject({ policyVersion: 1, dueAt: endOf('2026-12-14') });

      const pinned = async () =>
        (await s.sql.query<{ n: string }>(`SELECT string_agg(id::text || ':' || policy_version || ':' || due_at::text || ':' || version, ',' ORDER BY id) AS n FROM petition_clocks`)).rows[0]!.n;
      const beforeDry = await pinned();
      const scope = { unitId: communeId, ruleId: 'P1' };
      const dry = (await recompute(2, { scope, dryRun: true }).expect(200)).body as { dryRun: boolean; diff: ClockDiff[]; changed: number };
      const oldClock = clockOf(await deadlines(old.id), 'P1');
      expect(dry.diff).toContainEqual({
        petitionId: old.id,
        trackingCode: old.trackingCode,
        clockId: oldClock.id,
        ruleId: 'P1',
        fromVersion: 1,
        toVersion: 2,
        oldDueAt: endOf('2026-12-14'),
        newDueAt: endOf('2026-12-08'),
      });
      expect(dry.diff.every((d) => d.ruleId === 'P1' && d.toVersion === 2)).toBe(true);
      expect(dry.diff.some((d) => d.petitionId === elsewhere.id || d.petitionId === fresh.id)).toBe(false);
      expect(await pinned()).toBe(beforeDry);

      const real = (await recompute(2, { scope, dryRun: false }).expect(200)).body as { diff: ClockDiff[] };
      expect(real.diff).toEqual(dry.diff);
      expect(clockOf(await deadlines(old.id), 'P1')).toMatchObject({ policyVersion: 2, days: 15, dueAt: endOf('2026-12-08'), legalBasis: 'Quy chế tỉnh: 15 ngày' });
      expect(thresholdDue(clockOf(await deadlines(old.id), 'P1'), '100')).toBe(endOf('2026-12-08'));
      // Outside the scope nothing moved.
      expect(clockOf(await deadlines(elsewhere.id, 'head_other'), 'P1')).toMatchObject({ policyVersion: 1, dueAt: endOf('2026-12-14') });

      // Running it again changes nothing.
      const afterReal = await pinned();
      expect(((await recompute(2, { scope, dryRun: false }).expect(200)).body as { diff: ClockDiff[] }).diff).toEqual([]);
      expect(await pinned()).toBe(afterReal);
    });

    it('refuses recomputes it cannot do', async () => {
      expectProblem(await recompute(2, { scope: {}, dryRun: true }, 'head'), 403, 'error.admin_only');
      expectProblem(await recompute(99, { scope: {}, dryRun: true }), 404, 'error.not_found');
      expectProblem(await recompute('two', { scope: {}, dryRun: true }), 400, 'error.validation');
      expect(expectProblem(await recompute(2, { scope: {} }), 400).errors).toEqual([expect.objectContaining({ field: 'dryRun' })]);
      expect(expectProblem(await recompute(2, { scope: { unitId: randomUUID() }, dryRun: true }), 422).errors![0]!.field).toBe('scope.unitId');
      expect(expectProblem(await recompute(2, { scope: { ruleId: 'Z9' }, dryRun: true }), 422, 'deadline.rule_not_in_policy').errors![0]!.field).toBe('scope.ruleId');
    });
  });
});
