import { receptionDayListQueries } from '@app/application';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { createPetition, demoCommuneId, petitionBody } from '../support/petition-fixtures.js';
import { addStaff, assignDuty, mustAct, mustPlan, planReceptionDay, receptionAction } from '../support/reception-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * Citizen-reception days (DOMAIN.md R1', R4) end to end over HTTP, with the shared test clock.
 *
 * Units: C1 = Phường Hạ Long (demo commune, Quảng Ninh), C2 = another commune of Quảng Ninh, X1 = a commune of
 * another province XP. Heads: bt_c1 and bt_c2 are the Party secretaries of C1 and C2 (commune_party_head, R4:
 * at least 2 days a month, verified); the demo `head` is C1's chair (commune_chair, R1': 2 days a month from
 * 07/2026, unverified) and holds no day at all. December 2026, Vietnam local dates:
 *   bt_c1: 03/12 held (one petition taken, one linked later), 17/12 cancelled  → 1 held: flagged
 *   bt_c2: 03/12 held, 10/12 cancelled, 17/12 held                            → 2 held: not flagged
 *   head:  no day                                                              → 0 held: flagged
 *   ct_c2: C2's chair only from 28/12 (4 of 31 days: 2 × 4/31 rounds to 0)     → nothing required
 * While December runs (clock on 17/12) nobody is flagged yet: every shortfall can still be made up.
 */

function expectProblem(res: Response, status: number, code?: string) {
  const context = `${res.status} ${res.text}`;
  expect({ status: res.status, context }).toEqual({ status, context });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.messages).toEqual({ vi: expect.any(String), en: expect.any(String) });
  if (code !== undefined) expect(res.body.code).toBe(code);
  return res.body as { errors?: { field: string; code: string }[]; [k: string]: unknown };
}

interface ComplianceRow {
  host: { id: string; fullName: string };
  unit: { id: string; name: string };
  position: string;
  required: number;
  held: number;
  heldDates: string[];
  cancelled: number;
  status: string;
  flagged: boolean;
  rule: { ruleId: string; minDaysPerMonth: number | null; legalReference: string; verification: string } | null;
}

describe('citizen-reception days and their compliance on the board', () => {
  let s: TestStack;
  const tok: Record<string, string> = {};
  const uid: Record<string, string> = {};
  const unit: Record<string, string> = {};
  const day: Record<string, string> = {};
  let petitionId: string;

  const setClock = async (instant: string) => {
    await s.http().post('/api/test-clock').set('Authorization', tok.admin!).send({ set: instant }).expect(200);
  };
  const dayCount = async () => Number((await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM reception_days')).rows[0]!.n);
  const compliance = (who: string, month = '2026-12') => s.http().get('/api/board/reception-compliance').query({ month }).set('Authorization', tok[who]!);
  const rowsByHost = (rows: ComplianceRow[]) => Object.fromEntries(rows.map((r) => [r.host.id, r]));

  beforeAll(async () => {
    s = await startTestStack('reception', { testClock: true });
    const one = async (sql: string, params: unknown[]) => (await s.sql.query<{ id: string }>(sql, params)).rows[0]!.id;
    unit.C1 = await demoCommuneId(s);
    unit.QN = await one('SELECT province_id AS id FROM units WHERE id = $1', [unit.C1]);
    unit.C2 = await one(`SELECT id FROM units WHERE level = 'commune' AND province_id = $1 AND id <> $2 ORDER BY code LIMIT 1`, [unit.QN, unit.C1]);
    unit.X1 = await one(`SELECT id FROM units WHERE level = 'commune' AND province_id <> $1 ORDER BY code LIMIT 1`, [unit.QN]);
    unit.XP = await one('SELECT province_id AS id FROM units WHERE id = $1', [unit.X1]);
    uid.bt_c1 = await addStaff(s, 'bt_c1', 'head', unit.C1, 'Đỗ Văn Bình');
    uid.bt_c2 = await addStaff(s, 'bt_c2', 'head', unit.C2, 'Ngô Thị Cúc');
    uid.ct_c2 = await addStaff(s, 'ct_c2', 'head', unit.C2, 'Vũ Văn Giang');
    await addStaff(s, 'board_x', 'board', unit.XP);
    for (const u of ['desk', 'head', 'handler', 'board', 'admin', 'bt_c1', 'board_x']) {
      [tok[u], uid[u]] = await Promise.all([s.token(u), s.userId(u)]);
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  it('seeds the duty rules from DOMAIN.md as data, with legal reference and verification mark', async () => {
    const res = await s.http().get('/api/reception-duty-rules').set('Authorization', tok.desk!).expect(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'R4', position: 'commune_party_head', minDaysPerMonth: 2, verification: 'verified', legalReference: expect.stringContaining('11-QĐi/TW') }),
        expect.objectContaining({ ruleId: "R1'", position: 'commune_chair', minDaysPerMonth: 2, verification: 'unverified', effectiveFrom: '2026-07-01' }),
        expect.objectContaining({ ruleId: 'R1', position: 'commune_chair', minDaysPerWeek: 1, effectiveTo: '2026-06-30' }),
      ]),
    );
  });

  it('records who holds which position: heads for their own commune, admins anywhere', async () => {
    await setClock('2026-12-01T02:00:00.000Z'); // Tue 01/12/2026 09:00 in Vietnam
    const own = await assignDuty(s, tok.head!, { userId: uid.bt_c1, unitId: unit.C1, position: 'commune_party_head', effectiveFrom: '2026-12-01' });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ user: { id: uid.bt_c1 }, unit: { id: unit.C1 }, position: 'commune_party_head', effectiveFrom: '2026-12-01', effectiveTo: null });
    await assignDuty(s, tok.head!, { userId: uid.head, unitId: unit.C1, position: 'commune_chair', effectiveFrom: '2026-12-01' }).expect(201);
    // C2 is outside the demo head's commune.
    const other = expectProblem(await assignDuty(s, tok.head!, { userId: uid.bt_c2, unitId: unit.C2, position: 'commune_party_head' }), 422, 'reception.unit_invalid');
    expect(other.errors).toEqual([expect.objectContaining({ field: 'unitId', code: 'reception.unit_invalid' })]);
    await assignDuty(s, tok.admin!, { userId: uid.bt_c2, unitId: unit.C2, position: 'commune_party_head', effectiveFrom: '2026-12-01' }).expect(201);
    expectProblem(await assignDuty(s, tok.admin!, { userId: uid.bt_c2, unitId: unit.C2, position: 'commune_party_head', effectiveFrom: '2026-12-05' }), 409, 'reception.duty_overlap');
    // Appointed late in the month: judged only for the days from 28/12.
    await assignDuty(s, tok.admin!, { userId: uid.ct_c2, unitId: unit.C2, position: 'commune_chair', effectiveFrom: '2026-12-28' }).expect(201);
    // A handler cannot host: reception is the head's own duty.
    expectProblem(await assignDuty(s, tok.head!, { userId: uid.handler, unitId: unit.C1, position: 'commune_chair' }), 422, 'reception.host_invalid');
  });

  it('plans days for a head who holds the position, one live day per head and date', async () => {
    const c1 = { unitId: unit.C1, hostUserId: uid.bt_c1, position: 'commune_party_head', venue: 'Trụ sở Đảng ủy phường Hạ Long' };
    const c2 = { unitId: unit.C2, hostUserId: uid.bt_c2, position: 'commune_party_head', venue: 'Hội trường UBND xã' };
    day.c1_03 = await mustPlan(s, tok.desk!, { ...c1, date: '2026-12-03' });
    day.c1_17 = await mustPlan(s, tok.desk!, { ...c1, date: '2026-12-17' });
    day.c2_03 = await mustPlan(s, tok.admin!, { ...c2, date: '2026-12-03' });
    day.c2_10 = await mustPlan(s, tok.admin!, { ...c2, date: '2026-12-10' });
    day.c2_17 = await mustPlan(s, tok.admin!, { ...c2, date: '2026-12-17' });
    expectProblem(await planReceptionDay(s, tok.desk!, { ...c1, date: '2026-12-03' }), 409, 'reception.day_exists');
    // Not the Party secretary: the chair's duty does not let him host as Party secretary.
    expectProblem(await planReceptionDay(s, tok.desk!, { ...c1, hostUserId: uid.head, date: '2026-12-04' }), 422, 'reception.host_not_duty_holder');
    expectProblem(await planReceptionDay(s, tok.handler!, { ...c1, date: '2026-12-04' }), 403, 'reception.role_not_allowed');
    // The role is refused before the unit or host is looked at: C2 is outside the handler's jurisdiction.
    expectProblem(await planReceptionDay(s, tok.handler!, { ...c2, date: '2026-12-04' }), 403, 'reception.role_not_allowed');
    expectProblem(await planReceptionDay(s, tok.board!, { ...c1, date: '2026-12-04' }), 403, 'reception.role_not_allowed');
    const past = expectProblem(await planReceptionDay(s, tok.desk!, { ...c1, date: '2026-11-30' }), 422);
    expect(past.errors).toEqual([expect.objectContaining({ field: 'date', code: 'reception.date_in_past' })]);

    const view = await s.http().get(`/api/reception-days/${day.c1_03}`).set('Authorization', tok.desk!).expect(200);
    expect(view.headers.etag).toBe('"1"');
    expect(view.body).toMatchObject({
      status: 'planned',
      date: '2026-12-03',
      host: { id: uid.bt_c1, fullName: 'Đỗ Văn Bình' },
      position: 'commune_party_head',
      legalBasis: expect.stringContaining('11-QĐi/TW'),
      availableActions: ['hold', 'cancel'],
      events: [expect.objectContaining({ sequence: 1, type: 'ReceptionDayPlanned', actorId: uid.desk, actorRole: 'desk', actorName: 'Nguyễn Thị Lan' })],
    });
  });

  it('answers two concurrent plans of the same host and date with one 201 and one 409, never a 500', async () => {
    const c2 = { unitId: unit.C2, hostUserId: uid.bt_c2, position: 'commune_party_head', venue: 'Hội trường UBND xã' };
    for (const date of ['2026-12-21', '2026-12-22', '2026-12-23']) {
      const results = await Promise.all([planReceptionDay(s, tok.admin!, { ...c2, date }), planReceptionDay(s, tok.admin!, { ...c2, date })]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const refused = results.find((r) => r.status === 409)!;
      expectProblem(refused, 409, 'reception.day_exists');
      expect(refused.body.messages.en).toContain(date);
      const live = await s.sql.query(`SELECT 1 FROM reception_days WHERE host_user_id = $1 AND date = $2`, [uid.bt_c2, date]);
      expect(live.rowCount).toBe(1);
    }
  });

  it('refuses to record as held a day that has not come yet, with a clear 409, and changes nothing', async () => {
    const res = expectProblem(await receptionAction(s, tok.desk!, day.c1_03!, 'hold', { attendeeCount: 2 }), 409, 'reception.held_in_future');
    expect(res.messages).toEqual({ vi: expect.stringContaining('chưa đến'), en: expect.stringContaining('has not come yet') });
    expect(res.messages).toEqual({ vi: expect.stringContaining('2026-12-03'), en: expect.stringContaining('2026-12-01') });
    const view = await s.http().get(`/api/reception-days/${day.c1_03}`).set('Authorization', tok.desk!).expect(200);
    expect(view.body).toMatchObject({ status: 'planned', version: 1, attendeeCount: null });
    expect(view.body.events).toHaveLength(1);
  });

  it('records the day as held with who came and the petition taken, honouring If-Match', async () => {
    await setClock('2026-12-03T03:00:00.000Z'); // Thu 03/12 10:00
    const p = await createPetition(s, tok.desk!, petitionBody(unit.C1, { channel: 'in_person', title: 'Đề nghị sửa đường tổ 3' }));
    petitionId = p.id;
    expectProblem(await receptionAction(s, tok.desk!, day.c1_03!, 'hold', {}, 7), 412, 'reception.version_conflict');
    const held = await mustAct(s, tok.desk!, day.c1_03!, 'hold', { attendeeCount: 3, attendeeNames: ['Nguyễn Văn An'], petitionIds: [petitionId] }, 1);
    expect(held).toMatchObject({
      status: 'held',
      version: 2,
      attendeeCount: 3,
      attendeeNames: ['Nguyễn Văn An'],
      petitions: [{ id: petitionId, trackingCode: p.trackingCode, title: 'Đề nghị sửa đường tổ 3' }],
      availableActions: ['link-petitions'],
    });
    expect((held.events as { type: string; actorId: string }[]).map((e) => [e.type, e.actorId])).toEqual([
      ['ReceptionDayPlanned', uid.desk],
      ['ReceptionDayHeld', uid.desk],
    ]);
    // A petition logged afterwards (the normal intake, in person) is linked to the same day.
    const later = await createPetition(s, tok.desk!, petitionBody(unit.C1, { channel: 'in_person', title: 'Phản ánh tiếng ồn karaoke' }));
    const linked = await mustAct(s, tok.desk!, day.c1_03!, 'link-petitions', { petitionIds: [later.id] });
    expect((linked.petitions as { id: string }[]).map((x) => x.id).sort()).toEqual([petitionId, later.id].sort());
    await mustAct(s, tok.admin!, day.c2_03!, 'hold', { attendeeCount: 0 });
  });

  it('refuses petitions that do not exist or are outside the jurisdiction, naming the field', async () => {
    const res = expectProblem(await receptionAction(s, tok.desk!, day.c1_03!, 'link-petitions', { petitionIds: ['9b1d6a52-2c1b-4b7e-9a51-0c7a4d3e8f10'] }), 422);
    expect(res.errors).toEqual([expect.objectContaining({ field: 'petitionIds.0', code: 'reception.petition_invalid' })]);
    // A real petition of another commune (C2, logged by its head) is outside the C1 desk's jurisdiction.
    const foreign = await createPetition(s, await s.token('bt_c2'), petitionBody(unit.C2, { channel: 'in_person' }));
    const out = expectProblem(await receptionAction(s, tok.desk!, day.c1_03!, 'link-petitions', { petitionIds: [petitionId, foreign.id] }), 422);
    expect(out.errors).toEqual([expect.objectContaining({ field: 'petitionIds.1', code: 'reception.petition_invalid' })]);
    const rows = await s.sql.query('SELECT petition_id FROM reception_day_petitions WHERE reception_day_id = $1', [day.c1_03]);
    expect(rows.rowCount).toBe(2);
  });

  it('cancels days with a reason; a cancelled day cannot be held', async () => {
    await setClock('2026-12-10T02:00:00.000Z');
    const c = await mustAct(s, tok.admin!, day.c2_10!, 'cancel', { reason: 'Bí thư họp đột xuất tại tỉnh' });
    expect(c).toMatchObject({ status: 'cancelled', cancelReason: 'Bí thư họp đột xuất tại tỉnh', availableActions: [] });
    const refused = expectProblem(await receptionAction(s, tok.admin!, day.c2_10!, 'hold', {}), 409, 'reception.transition_not_allowed');
    expect(refused).toMatchObject({ currentStatus: 'cancelled', allowedActions: [] });
    await setClock('2026-12-17T02:00:00.000Z');
    await mustAct(s, tok.desk!, day.c1_17!, 'cancel', { reason: 'Trùng lịch họp Ban Thường vụ' });
    await mustAct(s, tok.admin!, day.c2_17!, 'hold', { attendeeNames: ['Lê Thị Dung', 'Phan Văn Em'] });
  });

  it('keeps attendee names on the row only: never in the append-only event trail, which records how many (DOMAIN.md §7)', async () => {
    const events = await s.sql.query<{ type: string; payload: Record<string, unknown> }>(
      `SELECT type, payload FROM reception_day_events WHERE reception_day_id = ANY($1::uuid[]) ORDER BY reception_day_id, sequence`,
      [[day.c1_03, day.c2_17]],
    );
    for (const e of events.rows) expect(JSON.stringify(e.payload)).not.toMatch(/Nguyễn Văn An|Lê Thị Dung|Phan Văn Em|attendeeNames/);
    expect(events.rows.filter((e) => e.type === 'ReceptionDayHeld').map((e) => [e.payload.attendeeCount, e.payload.namesGiven]).sort()).toEqual([
      [2, 2],
      [3, 1],
    ]);
    // The row keeps them (and a later link-petitions, replayed from the trail, did not wipe them).
    const row = await s.sql.query<{ attendee_names: string[] }>('SELECT attendee_names FROM reception_days WHERE id = $1', [day.c1_03]);
    expect(row.rows[0]!.attendee_names).toEqual(['Nguyễn Văn An']);
  });

  it('shows attendee names to the desk, heads and admins of the unit, not to a handler who sees the petitions taken', async () => {
    const as = async (who: string) => (await s.http().get(`/api/reception-days/${day.c1_03}`).set('Authorization', tok[who]!).expect(200)).body;
    for (const who of ['desk', 'head', 'admin']) expect({ who, names: (await as(who)).attendeeNames }).toEqual({ who, names: ['Nguyễn Văn An'] });
    const forHandler = await as('handler');
    expect(forHandler).toMatchObject({ attendeeCount: 3, attendeeNames: null });
    expect(forHandler.petitions.map((x: { id: string }) => x.id)).toContain(petitionId);
    const list = await s.http().get('/api/reception-days').query({ month: '2026-12' }).set('Authorization', tok.handler!).expect(200);
    expect(list.body.items.map((d: { attendeeNames: unknown }) => d.attendeeNames)).toEqual(list.body.items.map(() => null));
    expect(list.body.items.length).toBeGreaterThan(0);
  });

  it('lists the month\'s days in the jurisdiction, with the petitions taken; the board sees no citizen names', async () => {
    const list = await s.http().get('/api/reception-days').query({ month: '2026-12', unitId: unit.C1 }).set('Authorization', tok.board!).expect(200);
    expect(list.body.total).toBe(2);
    const first = list.body.items.find((d: { id: string }) => d.id === day.c1_03);
    expect(first).toMatchObject({ status: 'held', attendeeCount: 3, attendeeNames: null });
    expect(first.petitions.map((x: { id: string }) => x.id)).toContain(petitionId);
    const forDesk = await s.http().get('/api/reception-days').query({ month: '2026-12', status: 'held' }).set('Authorization', tok.desk!).expect(200);
    // The desk of C1 sees C1 only: its one held day, with names.
    expect(forDesk.body.items.map((d: { id: string; attendeeNames: string[] }) => [d.id, d.attendeeNames])).toEqual([[day.c1_03, ['Nguyễn Văn An']]]);
    const november = await s.http().get('/api/reception-days').query({ month: '2026-11' }).set('Authorization', tok.admin!).expect(200);
    expect(november.body.total).toBe(0);
  });

  it('reports December as in progress while it runs: nobody is flagged for days still to come', async () => {
    // Thu 17/12: bt_c1 (1 held) and the chair (none) can still reach 2 days; bt_c2 already has them.
    const res = await compliance('board').expect(200);
    expect(res.body).toMatchObject({ month: '2026-12', totals: { heads: 4, flagged: 0, inProgress: 2 } });
    const by = rowsByHost(res.body.rows as ComplianceRow[]);
    expect(by[uid.bt_c1!]).toMatchObject({ required: 2, held: 1, status: 'in_progress', flagged: false });
    expect(by[uid.head!]).toMatchObject({ required: 2, held: 0, status: 'in_progress', flagged: false });
    expect(by[uid.bt_c2!]).toMatchObject({ required: 2, held: 2, status: 'met', flagged: false });
    expect(by[uid.ct_c2!]).toMatchObject({ required: 0, status: 'not_required', flagged: false });
  });

  it('flags a Party secretary with 1 held day and not one with 2; cancelled days do not count; a head with none is flagged', async () => {
    await setClock('2027-01-01T02:00:00.000Z'); // Fri 01/01/2027 09:00: December is over
    const res = await compliance('board').expect(200);
    expect(res.body).toMatchObject({ month: '2026-12', timeZone: 'Asia/Ho_Chi_Minh', totals: { heads: 4, flagged: 2, inProgress: 0 } });
    const by = rowsByHost(res.body.rows as ComplianceRow[]);
    expect(by[uid.bt_c1!]).toMatchObject({
      unit: { id: unit.C1 },
      position: 'commune_party_head',
      required: 2,
      held: 1,
      heldDates: ['2026-12-03'],
      cancelled: 1,
      flagged: true,
      rule: { ruleId: 'R4', minDaysPerMonth: 2, verification: 'verified' },
    });
    expect(by[uid.bt_c2!]).toMatchObject({ unit: { id: unit.C2 }, required: 2, held: 2, heldDates: ['2026-12-03', '2026-12-17'], cancelled: 1, flagged: false });
    expect(by[uid.head!]).toMatchObject({ position: 'commune_chair', required: 2, held: 0, flagged: true, rule: { ruleId: "R1'", verification: 'unverified' } });
    // Appointed on 28/12: 2 × 4/31 rounds to no day; not blamed for the weeks before.
    expect(by[uid.ct_c2!]).toMatchObject({ unit: { id: unit.C2 }, position: 'commune_chair', required: 0, held: 0, status: 'not_required', flagged: false });
  });

  it('shows a commune head only their own commune, and refuses handlers', async () => {
    const res = await compliance('head').expect(200);
    expect((res.body.rows as ComplianceRow[]).map((r) => r.host.id).sort()).toEqual([uid.bt_c1, uid.head].sort());
    expectProblem(await compliance('handler'), 403);
  });

  it('hides everything from another province\'s board', async () => {
    const res = await compliance('board_x').expect(200);
    expect(res.body.rows).toEqual([]);
    expectProblem(await s.http().get(`/api/reception-days/${day.c1_03}`).set('Authorization', tok.board_x!), 404, 'error.not_found');
    const list = await s.http().get('/api/reception-days').query({ month: '2026-12' }).set('Authorization', tok.board_x!).expect(200);
    expect(list.body.total).toBe(0);
    expectProblem(await receptionAction(s, tok.board_x!, day.c1_17!, 'hold', {}), 404);
  });

  it('answers bad input with problem+json field errors and changes nothing', async () => {
    const before = await dayCount();
    const res = expectProblem(
      await planReceptionDay(s, tok.desk!, { unitId: 'x', hostUserId: uid.bt_c1, position: 'mayor', date: '2026-02-30', venue: '  ', extra: 1 }),
      400,
      'error.validation',
    );
    expect(res.errors!.map((e) => [e.field, e.code]).sort()).toEqual(
      [
        ['date', 'validation.isLocalDate'],
        ['extra', 'validation.whitelistValidation'],
        ['position', 'validation.isIn'],
        ['unitId', 'validation.isUuid'],
        ['venue', 'validation.isNotEmpty'],
      ].sort(),
    );
    expect(await dayCount()).toBe(before);
    const hold = expectProblem(await receptionAction(s, tok.admin!, day.c2_17!, 'link-petitions', { petitionIds: ['nope'] }), 400);
    expect(hold.errors).toEqual([expect.objectContaining({ field: 'petitionIds', code: 'validation.isUuid' })]);
    const month = expectProblem(await compliance('board', '2026-13'), 400);
    expect(month.errors).toEqual([expect.objectContaining({ field: 'month', code: 'validation.matches' })]);
    expectProblem(await receptionAction(s, tok.desk!, day.c1_03!, 'approve', {}), 404);
  });

  it('lets an administrator publish a new rule version from a future date, ending the one in force the day before', async () => {
    const body = { ruleId: "R1''", position: 'commune_chair', minDaysPerMonth: 3, legalReference: 'Nghị định hướng dẫn Luật 136/2025/QH15 (giả định cho kiểm thử)', verification: 'partial', effectiveFrom: '2027-02-01' };
    expectProblem(await s.http().post('/api/reception-duty-rules').set('Authorization', tok.head!).send(body), 403, 'error.admin_only');
    const past = expectProblem(await s.http().post('/api/reception-duty-rules').set('Authorization', tok.admin!).send({ ...body, effectiveFrom: '2026-12-01' }), 422);
    expect(past.errors).toEqual([expect.objectContaining({ field: 'effectiveFrom', code: 'deadline.effective_from_past' })]);
    const both = expectProblem(await s.http().post('/api/reception-duty-rules').set('Authorization', tok.admin!).send({ ...body, minDaysPerWeek: 1 }), 422);
    expect(both.errors).toEqual([expect.objectContaining({ field: 'minDaysPerMonth', code: 'reception.rule_one_frequency' })]);
    const res = await s.http().post('/api/reception-duty-rules').set('Authorization', tok.admin!).send(body).expect(201);
    const chair = (res.body as { ruleId: string; position: string; effectiveFrom: string; effectiveTo: string | null }[]).filter((r) => r.position === 'commune_chair');
    expect(chair.map((r) => [r.ruleId, r.effectiveFrom, r.effectiveTo])).toEqual([
      ['R1', '2014-07-01', '2026-06-30'],
      ["R1'", '2026-07-01', '2027-01-31'],
      ["R1''", '2027-02-01', null],
    ]);
    // January keeps the rule it started under; February takes the new one, and, still to come, flags nobody.
    const jan = rowsByHost((await compliance('head', '2027-01').expect(200)).body.rows as ComplianceRow[]);
    expect(jan[uid.head!]).toMatchObject({ required: 2, status: 'in_progress', flagged: false, rule: { ruleId: "R1'" } });
    const feb = rowsByHost((await compliance('head', '2027-02').expect(200)).body.rows as ComplianceRow[]);
    expect(feb[uid.head!]).toMatchObject({ required: 3, held: 0, status: 'in_progress', flagged: false, rule: { ruleId: "R1''" } });
  });

  it('lists the routes in the OpenAPI document', async () => {
    const doc = (await s.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    for (const path of ['/api/reception-days', '/api/reception-days/{id}', '/api/reception-days/{id}/actions/{action}', '/api/board/reception-compliance', '/api/reception-duties', '/api/reception-duty-rules']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('reads a month of one unit\'s days through reception_days_unit_date, with the month as a date range', async () => {
    interface PlanNode {
      'Node Type': string;
      'Index Name'?: string;
      'Index Cond'?: string;
      Plans?: PlanNode[];
    }
    const client = await s.sql.connect();
    try {
      await client.query('BEGIN');
      // On a table this small the planner would scan anyway; priced out, it scans only when no index fits.
      await client.query('SET LOCAL enable_seqscan = off');
      const { count, page } = receptionDayListQueries({ kind: 'all' }, { unitId: unit.C1, month: '2026-12', page: 1, pageSize: 50 });
      for (const q of [count, page]) {
        const r = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.params);
        const conds: string[] = [];
        const walk = (n: PlanNode) => {
          if (n['Index Name'] === 'reception_days_unit_date') conds.push(n['Index Cond'] ?? '');
          for (const child of n.Plans ?? []) walk(child);
        };
        walk(r.rows[0]!['QUERY PLAN'][0].Plan);
        expect(conds).toEqual([expect.stringMatching(/unit_id = .*date >= .*date <= /s)]);
      }
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    // The range includes the month's last day and nothing of the next.
    const c1 = { unitId: unit.C1, hostUserId: uid.bt_c1, position: 'commune_party_head', venue: 'Trụ sở Đảng ủy phường Hạ Long' };
    const jan31 = await mustPlan(s, tok.desk!, { ...c1, date: '2027-01-31' });
    const feb01 = await mustPlan(s, tok.desk!, { ...c1, date: '2027-02-01' });
    const jan = await s.http().get('/api/reception-days').query({ month: '2027-01', unitId: unit.C1 }).set('Authorization', tok.desk!).expect(200);
    expect(jan.body.items.map((d: { id: string }) => d.id)).toEqual([jan31]);
    const feb = await s.http().get('/api/reception-days').query({ month: '2027-02', unitId: unit.C1 }).set('Authorization', tok.desk!).expect(200);
    expect(feb.body.items.map((d: { id: string }) => d.id)).toEqual([feb01]);
  });

  it('keeps the audit trail append-only', async () => {
    await expect(s.sql.query(`UPDATE reception_day_events SET type = 'X' WHERE reception_day_id = $1`, [day.c1_03])).rejects.toThrow(/append-only/);
    await expect(s.sql.query(`DELETE FROM reception_day_events WHERE reception_day_id = $1`, [day.c1_03])).rejects.toThrow(/append-only/);
  });
});
