import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_DEADLINE_POLICY, ManualClock } from '@app/domain';
import { createPetition, demoCommuneId, mustPerformAction, performAction, petitionBody, postPetition } from '../support/petition-fixtures.js';
import { latestFeedbackToken } from '../support/satisfaction-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Legal escalation is the citizen's: a second-time complaint opens a NEW linked case at the direct superior
 * (the province), with its own clocks (K7, then K8), while the first keeps its history and status.
 */
describe('second-time complaint (legal escalation by the citizen)', () => {
  // Monday 23/11/2026, 09:00 in Hà Nội.
  const clock = new ManualClock('2026-11-23T02:00:00.000Z');
  let s: TestStack;
  let desk: string;
  let head: string;
  let handler: string;
  let handlerId: string;
  let communeId: string;
  let provinceId: string;

  beforeAll(async () => {
    s = await startTestStack('second', { clock });
    [desk, head, handler, handlerId, communeId] = await Promise.all([
      s.token('desk'),
      s.token('head'),
      s.token('handler'),
      s.userId('handler'),
      demoCommuneId(s),
    ]);
    provinceId = (await s.sql.query<{ province_id: string }>('SELECT province_id FROM units WHERE id = $1', [communeId])).rows[0]!.province_id;
  });
  afterAll(async () => {
    await s?.close();
  });

  const clocksOf = async (petitionId: string) =>
    (await s.sql.query<{ rule_id: string; status: string }>('SELECT rule_id, status FROM petition_clocks WHERE petition_id = $1 ORDER BY rule_id', [petitionId]))
      .rows;

  async function acceptedComplaint(title: string) {
    const p = await createPetition(s, desk, petitionBody(communeId, { kind: 'complaint', title }));
    await mustPerformAction(s, head, p.id, 'accept');
    await mustPerformAction(s, head, p.id, 'assign', { assigneeId: handlerId });
    await mustPerformAction(s, handler, p.id, 'start-verification');
    return p;
  }

  it('opens a linked instance-2 case at the province after a first-time decision', async () => {
    const p = await acceptedComplaint('Khiếu nại quyết định bồi thường');
    await mustPerformAction(s, head, p.id, 'resolve', { summary: 'Giữ nguyên quyết định', decisionNumber: '15/QĐ-UBND' });
    const first = await mustPerformAction(s, desk, p.id, 'request-second-instance', { reason: 'Không đồng ý mức bồi thường', channel: 'mail' });

    expect(first.status).toBe('decided');
    expect(first.events.at(-1)).toMatchObject({ type: 'SecondInstanceRequested', legalBasis: 'Luật Khiếu nại 2011 Điều 33' });
    const second = await s.sql.query(
      `SELECT id, instance, channel, status, receiving_unit_id, owning_unit_id, title FROM petitions WHERE parent_petition_id = $1`,
      [p.id],
    );
    expect(second.rows).toEqual([
      expect.objectContaining({
        instance: 2,
        channel: 'mail',
        status: 'received',
        receiving_unit_id: provinceId,
        owning_unit_id: provinceId,
        title: 'Khiếu nại quyết định bồi thường',
      }),
    ]);
    // Its own clocks: the second-time acceptance clock (K7), not the first-time K2; and the first case's
    // resolution clock was met by its decision.
    expect(await clocksOf(second.rows[0].id)).toEqual([expect.objectContaining({ rule_id: 'K7', status: 'running' })]);
    expect((await clocksOf(p.id)).find((c) => c.rule_id === 'K3')?.status).toBe('met');
  });

  it('refuses while the first-time case is open and on time, and allows it once the deadline has lapsed', async () => {
    const p = await acceptedComplaint('Khiếu nại chậm giải quyết');
    const early = await performAction(s, desk, p.id, 'request-second-instance', { reason: 'Quá lâu' });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'resolutionLapsed', code: 'petition.second_instance_not_yet' })]);

    // K3: 30 days from thụ lý on Mon 23/11/2026 → nominal Wed 23/12 → due at its end. Jump past it.
    clock.set('2026-12-24T02:00:00.000Z');
    const late = await mustPerformAction(s, desk, p.id, 'request-second-instance', { reason: 'Hết hạn mà chưa có quyết định' });
    expect(late.status).toBe('verifying');
    expect(late.events.at(-1)).toMatchObject({ type: 'SecondInstanceRequested', data: { resolutionLapsed: true } });
  });

  it('is not offered on an open case on time, and offered once the deadline lapsed', async () => {
    clock.set('2026-11-23T02:00:00.000Z');
    const p = await acceptedComplaint('Khiếu nại chưa đến hạn');
    const view = await s.http().get(`/api/petitions/${p.id}`).set('Authorization', desk);
    expect(view.body.availableActions).not.toContain('request-second-instance');
    clock.set('2026-12-24T02:00:00.000Z');
    const later = await s.http().get(`/api/petitions/${p.id}`).set('Authorization', desk);
    expect(later.body.availableActions).toContain('request-second-instance');
  });

  it('takes one request per decision: a second is refused with 409 naming the linked case', async () => {
    clock.set('2026-11-23T02:00:00.000Z');
    const p = await acceptedComplaint('Khiếu nại một lần');
    await mustPerformAction(s, head, p.id, 'resolve', { summary: 'Giữ nguyên', decisionNumber: '16/QĐ-UBND' });
    const first = await mustPerformAction(s, desk, p.id, 'request-second-instance', { reason: 'Không đồng ý' });
    expect(first.availableActions).not.toContain('request-second-instance');
    const linked = (await s.sql.query<{ id: string; tracking_code: string }>('SELECT id, tracking_code FROM petitions WHERE parent_petition_id = $1', [p.id])).rows;
    expect(linked).toHaveLength(1);

    const again = await performAction(s, desk, p.id, 'request-second-instance', { reason: 'Lần nữa' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'petition.second_instance_exists',
      legalBasis: 'Luật Khiếu nại 2011 Điều 33',
      linkedPetitionId: linked[0]!.id,
      linkedTrackingCode: linked[0]!.tracking_code,
    });
    expect(again.body.messages.vi).toContain(linked[0]!.tracking_code);
    expect((await s.sql.query('SELECT 1 FROM petitions WHERE parent_petition_id = $1', [p.id])).rowCount).toBe(1);
  });

  it('refuses a second-time complaint after the K6 window (409, LKN Art 33) unless an obstacle is recorded', async () => {
    clock.set('2026-11-23T02:00:00.000Z');
    const p = await acceptedComplaint('Khiếu nại quá hạn lần hai');
    await mustPerformAction(s, head, p.id, 'resolve', { summary: 'Bác khiếu nại', decisionNumber: '17/QĐ-UBND' });
    const decided = await s.http().get(`/api/petitions/${p.id}`).set('Authorization', desk);
    // K5: the decision must be sent within 3 working days; K10: effective 30 days after issuance unless challenged.
    const k5 = decided.body.deadlines.find((c: { ruleId: string }) => c.ruleId === 'K5');
    expect(k5).toMatchObject({ status: 'running', unit: 'working_days', days: 3 });
    expect(decided.body.legalEffect).toMatchObject({ status: 'pending', effectiveOn: '2026-12-24', ruleId: 'K10' });

    clock.set('2026-12-24T02:00:00.000Z'); // the window ended with 23/12
    const view = await s.http().get(`/api/petitions/${p.id}`).set('Authorization', desk);
    expect(view.body.availableActions).not.toContain('request-second-instance');
    expect(view.body.legalEffect).toMatchObject({ status: 'effective', effectiveOn: '2026-12-24' });
    const tracked = await s.http().get(`/api/track/${p.trackingCode}`);
    expect(tracked.body.legalEffect).toMatchObject({ status: 'effective', effectiveOn: '2026-12-24', ruleId: 'K10', basis: 'Luật Khiếu nại 2011 Điều 44 khoản 1' });
    expect(tracked.body.legalEffect.summary.vi).toContain('24/12/2026');
    const late = await performAction(s, desk, p.id, 'request-second-instance', { reason: 'Nộp muộn' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'petition.second_complaint_window_closed', legalBasis: 'Luật Khiếu nại 2011 Điều 33', ruleId: 'K6', lastDay: '2026-12-23' });
    expect(late.body.messages.vi).toContain('23/12/2026');

    // The complainant was in hospital 10–14/12: five days not counted, the window runs to 28/12.
    const bad = await s.http()
      .post(`/api/petitions/${p.id}/complaint-obstacles`)
      .set('Authorization', desk)
      .send({ fromDay: '2026-12-14', toDay: '2026-12-10', reason: 'illness' });
    expect(bad.status).toBe(422);
    const rec = await s.http()
      .post(`/api/petitions/${p.id}/complaint-obstacles`)
      .set('Authorization', desk)
      .send({ fromDay: '2026-12-10', toDay: '2026-12-14', reason: 'illness', note: 'Giấy ra viện số 123' });
    expect(rec.status).toBe(200);
    expect(rec.body.secondComplaintWindow).toMatchObject({ obstacleDays: 5, lastDay: '2026-12-28', open: true });
    const ok = await mustPerformAction(s, desk, p.id, 'request-second-instance', { reason: 'Nộp muộn vì ốm' });
    expect(ok.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['ComplaintObstacleRecorded', 'SecondInstanceRequested']));
  });

  it('meets the K5 clock with the "decision sent" act', async () => {
    clock.set('2026-11-23T02:00:00.000Z');
    const p = await acceptedComplaint('Gửi quyết định');
    await mustPerformAction(s, head, p.id, 'resolve', { summary: 'Giữ nguyên', decisionNumber: '18/QĐ-UBND' });
    const clocks = await s.http().get(`/api/petitions/${p.id}/deadlines`).set('Authorization', head);
    const k5 = clocks.body.clocks.find((c: { ruleId: string }) => c.ruleId === 'K5');
    expect(k5).toMatchObject({ status: 'running', legalBasis: 'Luật Khiếu nại 2011 Điều 32 (chưa xác minh)', acts: { manualMet: true } });
    const met = await s.http()
      .post(`/api/petitions/${p.id}/deadlines/${k5.id}/met`)
      .set('Authorization', head)
      .send({ reference: 'Đã gửi QĐ 18/QĐ-UBND qua bưu điện ngày 24/11/2026' });
    expect(met.status).toBe(200);
    expect(met.body.clocks.find((c: { ruleId: string }) => c.ruleId === 'K5').status).toBe('met');
  });

  it('has no third instance, and nothing for feedback', async () => {
    const feedback = await createPetition(s, desk, petitionBody(communeId, { kind: 'feedback', title: 'Phản ánh' }));
    await mustPerformAction(s, head, feedback.id, 'accept');
    const res = await performAction(s, desk, feedback.id, 'request-second-instance', { reason: 'x' });
    expect(res.status).toBe(409);
    expect(res.body.allowedActions).not.toContain('request-second-instance');
  });

  it('K1: records when the complainant knew of the decision, warns past 90 days, and records the head\'s decision', async () => {
    clock.set('2026-11-23T02:00:00.000Z');
    const body = (title: string, decisionKnownOn: string, kind = 'complaint') => ({ ...petitionBody(communeId, { kind: kind as 'complaint', title }), decisionKnownOn });
    const late = await createPetition(s, desk, body('Khiếu nại nộp muộn', '2026-08-20') as never);
    expect(late.filingLimit).toMatchObject({ ruleId: 'K1', decisionKnownOn: '2026-08-20', limitDays: 90, elapsedDays: 95, exceeded: true, headDecision: null });
    expect(late.filingLimit!.warning!.vi).toContain('95 ngày');
    expect(late.filingLimit!.warning!.vi).toContain('Luật Khiếu nại 2011 Điều 9');
    expect(late.events[0]!.data).toMatchObject({ decisionKnownOn: '2026-08-20', filingLimit: { exceeded: true, elapsedDays: 95 } });

    const bare = await performAction(s, head, late.id, 'accept', {});
    expect(bare.status).toBe(422);
    expect(bare.body.errors).toEqual([expect.objectContaining({ field: 'note', code: 'petition.filing_limit_note_required' })]);
    const accepted = await mustPerformAction(s, head, late.id, 'accept', { note: 'Người khiếu nại nằm viện 20/8–10/9 (giấy ra viện)' });
    expect(accepted.filingLimit!.headDecision).toMatchObject({ decision: 'accepted', note: 'Người khiếu nại nằm viện 20/8–10/9 (giấy ra viện)' });
    expect(accepted.events.at(-1)).toMatchObject({ type: 'PetitionAccepted', data: { despiteFilingLimit: true } });

    const refused = await createPetition(s, desk, body('Khiếu nại hết thời hiệu', '2026-06-01') as never);
    const rejected = await mustPerformAction(s, head, refused.id, 'reject', { reason: 'Hết thời hiệu, không có trở ngại khách quan', ground: 'filing_time_limit_expired' });
    expect(rejected.filingLimit!.headDecision).toMatchObject({ decision: 'rejected' });
    expect(rejected.events.at(-1)).toMatchObject({ type: 'PetitionRejected', legalBasis: 'Luật Khiếu nại 2011 Điều 11 (hết thời hiệu khiếu nại, Điều 9)', data: { ground: 'filing_time_limit_expired' } });

    const onTime = await createPetition(s, desk, body('Khiếu nại đúng hạn', '2026-10-01') as never);
    expect(onTime.filingLimit).toMatchObject({ elapsedDays: 53, exceeded: false, warning: null });
    await mustPerformAction(s, head, onTime.id, 'accept');

    const wrongKind = await postPetition(s, desk, body('Phản ánh', '2026-10-01', 'feedback'));
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.errors).toEqual([expect.objectContaining({ field: 'decisionKnownOn', code: 'petition.decision_known_on_kind' })]);
    const future = await postPetition(s, desk, body('Khiếu nại', '2026-11-24'));
    expect(future.status).toBe(422);
  });

  it('above the commune: a department goes to the provincial chair; a province is guided outside the system', async () => {
    clock.set('2026-11-23T02:00:00.000Z');
    const department = (
      await s.sql.query<{ id: string }>(`SELECT id FROM units WHERE level = 'department' AND province_id = $1 AND commune_id IS NULL ORDER BY code LIMIT 1`, [provinceId])
    ).rows[0]!.id;
    for (const [username, role, unitId] of [
      ['desk_pd', 'desk', department],
      ['head_pd', 'head', department],
      ['desk_p', 'desk', provinceId],
      ['head_p', 'head', provinceId],
    ] as const) {
      await s.sql.query(
        `INSERT INTO users (username, password_hash, full_name, role, unit_id) SELECT $1, password_hash, $2, $3, $4 FROM users WHERE username = 'desk'`,
        [username, `Cán bộ ${username}`, role, unitId],
      );
    }
    const [deskPd, headPd, headPdId, deskP, headP, headPId] = await Promise.all([
      s.token('desk_pd'), s.token('head_pd'), s.userId('head_pd'), s.token('desk_p'), s.token('head_p'), s.userId('head_p'),
    ]);
    const decidedAt = async (desk_: string, head_: string, assignee: string, unitId: string, title: string, topic: string) => {
      const p = await createPetition(s, desk_, petitionBody(unitId, { kind: 'complaint', title, topic }));
      await mustPerformAction(s, head_, p.id, 'accept');
      await mustPerformAction(s, head_, p.id, 'assign', { assigneeId: assignee });
      await mustPerformAction(s, head_, p.id, 'start-verification');
      await mustPerformAction(s, head_, p.id, 'resolve', { summary: 'Giữ nguyên', decisionNumber: '20/QĐ-S' });
      return p;
    };

    const ofDepartment = await decidedAt(deskPd, headPd, headPdId, department, 'Khiếu nại quyết định của Sở', 'Cấp phép');
    // The citizen's own message names the same superior: the province, not the central level.
    const provinceName = (await s.sql.query<{ name: string }>('SELECT name FROM units WHERE id = $1', [provinceId])).rows[0]!.name;
    const rated = await s.http().post(`/api/feedback/${await latestFeedbackToken(s, ofDepartment.id)}`).send({ satisfied: false }).expect(200);
    expect(rated.body.remedy).toMatchObject({ right: 'second_complaint', fileWith: { vi: provinceName } });
    await mustPerformAction(s, deskPd, ofDepartment.id, 'request-second-instance', { reason: 'Không đồng ý' });
    const upper = await s.sql.query('SELECT receiving_unit_id, instance FROM petitions WHERE parent_petition_id = $1', [ofDepartment.id]);
    expect(upper.rows).toEqual([{ receiving_unit_id: provinceId, instance: 2 }]);

    const ofProvince = await decidedAt(deskP, headP, headPId, provinceId, 'Khiếu nại quyết định thu hồi đất của Chủ tịch tỉnh', 'Đất đai');
    const guided = await mustPerformAction(s, deskP, ofProvince.id, 'request-second-instance', { reason: 'Không đồng ý' });
    expect(guided.events.at(-1)).toMatchObject({
      type: 'SecondInstanceRequested',
      data: { guidedTo: { name: 'Bộ trưởng Bộ Nông nghiệp và Môi trường', address: expect.stringContaining('Hà Nội'), verification: 'unverified' } },
    });
    expect((await s.sql.query('SELECT 1 FROM petitions WHERE parent_petition_id = $1', [ofProvince.id])).rowCount).toBe(0);
    expect(guided.availableActions).not.toContain('request-second-instance');
    const again = await performAction(s, deskP, ofProvince.id, 'request-second-instance', { reason: 'Lần nữa' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'petition.second_instance_guided_already', guidedTo: { name: 'Bộ trưởng Bộ Nông nghiệp và Môi trường' } });
    expect(again.body.messages.vi).toContain('Bộ Nông nghiệp và Môi trường');
  });

  it('counts decisions that took legal effect in the board stats, by their day of effect (K10)', async () => {
    // Decided on 23/11 above: two challenged in time by a second-time complaint; two not (one challenged only
    // on 24/12, after it took effect). Both of those take effect on 24/12.
    const board = await s.token('board');
    const stats = async () => {
      const res = await s.http().get('/api/board/stats?from=2026-12-01&to=2026-12-31').set('Authorization', board);
      expect(res.status).toBe(200);
      return res.body.effectiveDecisions as { total: number; byGroup: Record<string, number>; definition: { vi: string; en: string } };
    };
    clock.set('2026-12-23T10:00:00.000Z'); // 17:00 on 23/12: still pending
    expect((await stats()).total).toBe(0);
    clock.set('2027-01-05T02:00:00.000Z');
    const after = await stats();
    expect(after).toMatchObject({ total: 2, byGroup: { [communeId]: 2 } });
    expect(after.definition.vi).toContain('Luật Khiếu nại 2011 Điều 44');
    expect(after.definition.en).toContain('legally effective');
  });

  it('takes the K6 window from the policy in force on the decision day (an administrator can correct it)', async () => {
    clock.set('2027-01-05T02:00:00.000Z');
    const admin = await s.token('admin');
    const periods = DEFAULT_DEADLINE_POLICY.complaintPeriods!;
    const published = await s
      .http()
      .post('/api/deadline-policies')
      .set('Authorization', admin)
      .send({
        effectiveFrom: '2027-01-06',
        legalReference: 'Thử nghiệm: sửa thời hạn khiếu nại lần hai',
        rules: DEFAULT_DEADLINE_POLICY.rules,
        alertLadder: DEFAULT_DEADLINE_POLICY.alertLadder,
        earlyEscalation: DEFAULT_DEADLINE_POLICY.earlyEscalation,
        workingHours: DEFAULT_DEADLINE_POLICY.workingHours,
        digestHour: DEFAULT_DEADLINE_POLICY.digestHour,
        complaintPeriods: { ...periods, secondComplaint: { ...periods.secondComplaint, days: { standard: 40, remote: 50 }, verification: 'partial' } },
      });
    expect(published.status).toBe(201);
    clock.set('2027-01-06T02:00:00.000Z');
    const p = await acceptedComplaint('Khiếu nại theo chính sách mới');
    await mustPerformAction(s, head, p.id, 'resolve', { summary: 'Giữ nguyên', decisionNumber: '21/QĐ-UBND' });
    const rec = await s
      .http()
      .post(`/api/petitions/${p.id}/complaint-obstacles`)
      .set('Authorization', head)
      .send({ fromDay: '2027-01-06', toDay: '2027-01-06', reason: 'natural_disaster' });
    expect(rec.status).toBe(200);
    // 40 days from Wed 06/01/2027 → 15/02 (no obstacle day counts: the decision day itself is not counted).
    expect(rec.body.secondComplaintWindow).toMatchObject({ ruleId: 'K6', days: 40, obstacleDays: 0, open: true });
    // The citizen is told the same period: on the feedback page, and when a first-time complaint lapses.
    const page = await s.http().get(`/api/feedback/${await latestFeedbackToken(s, p.id)}`).expect(200);
    expect(page.body.ifNotSatisfied.message.vi).toContain('40 ngày');
    const lapsing = await acceptedComplaint('Khiếu nại để quá hạn');
    // K3 from 06/01/2027: 30 days → Fri 05/02/2027, in the Tết break, so due by the end of Wed 10/02/2027.
    clock.set('2027-02-11T02:00:00.000Z');
    // A manual clock does not wake the worker: a restarted worker sweeps at once.
    await s.stopWorker();
    await s.startWorker();
    const rights = async () =>
      (await s.sql.query<{ payload: { windowDays: number } }>(`SELECT payload FROM petition_events WHERE petition_id = $1 AND type = 'CitizenRightsNotified'`, [lapsing.id])).rows;
    await waitFor(async () => (await rights()).length === 1, { what: 'the rights notice', timeoutMs: 15_000 });
    expect((await rights())[0]!.payload).toMatchObject({ right: 'second_complaint', windowDays: 40 });
  });

  // Last: the walk decides complaints of its own, which the figures above must not count.
  it('every action a user is offered over HTTP succeeds with a valid body (a walk along a complaint)', async () => {
    clock.set('2026-11-23T02:00:00.000Z');
    const handler2Id = await s.userId('handler2');
    const tokens: Record<string, string> = { desk, head, handler };
    const path: [string, string, object][] = [
      ['head', 'accept', {}],
      ['head', 'assign', { assigneeId: handlerId }],
      ['handler', 'start-verification', {}],
      ['head', 'resolve', { summary: 'Giữ nguyên', decisionNumber: '30/QĐ-UBND' }],
      ['head', 'close', {}],
    ];
    const bodies: Record<string, object> = {
      accept: {},
      reject: { reason: 'Không đủ điều kiện thụ lý' },
      guide: { guidance: 'Gửi đơn đến UBND tỉnh' },
      file: { reason: 'duplicate' },
      assign: { assigneeId: handler2Id },
      'start-verification': {},
      'report-verification': { findings: 'Đã xác minh tại thực địa', proposedConclusion: 'Giữ nguyên quyết định' },
      resolve: { summary: 'Giữ nguyên' },
      close: {},
      withdraw: {},
      'request-second-instance': { reason: 'Không đồng ý' },
    };
    const at = async (steps: number) => {
      const p = await createPetition(s, desk, petitionBody(communeId, { kind: 'complaint', title: `Đi bộ ${steps}` }));
      for (const [who, action, body] of path.slice(0, steps)) await mustPerformAction(s, tokens[who]!, p.id, action, body);
      return p.id;
    };
    let performed = 0;
    for (let steps = 0; steps <= path.length; steps++) {
      const probe = await at(steps);
      for (const who of Object.keys(tokens)) {
        const view = await s.http().get(`/api/petitions/${probe}`).set('Authorization', tokens[who]!);
        for (const action of view.body.availableActions as string[]) {
          const fresh = await at(steps);
          const res = await performAction(s, tokens[who]!, fresh, action, bodies[action]!);
          expect([steps, who, action, res.status]).toEqual([steps, who, action, 200]);
          performed += 1;
        }
      }
    }
    expect(performed).toBeGreaterThanOrEqual(15);
  });
});
