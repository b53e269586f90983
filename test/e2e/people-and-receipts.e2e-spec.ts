import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ClockView, PetitionReceiptView, PetitionView, UserDirectoryPage } from '@app/application';
import type { Response } from 'supertest';
import { createPetition, mustPerformAction, performAction, petitionBody, userUnitId } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * What the web app needs beyond the workflow (issue 8): the staff directory behind the assignee picker, the
 * handler's verification report, and the printed receipt with the public tracking URL and the next steps.
 */

const PUBLIC_BASE = 'https://tiepdan.example.gov.vn/';

function expectProblem(res: Response, status: number, code?: string) {
  const context = `${res.status} ${res.text}`;
  expect({ status: res.status, context }).toEqual({ status, context });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.messages).toEqual({ vi: expect.any(String), en: expect.any(String) });
  if (code !== undefined) expect(res.body.code).toBe(code);
  return res.body as { errors?: { field: string }[]; [k: string]: unknown };
}

const PETITIONER = { fullName: 'Đặng Thị Hồng Nhung', phone: '0977555666', address: 'Tổ 3, khu 2' };

describe('user directory, verification report and receipt', () => {
  let s: TestStack;
  const tok: Record<string, string> = {};
  const uid: Record<string, string> = {};
  let communeId: string;
  let departmentId: string;
  let provinceDepartmentId: string;
  let otherCommuneId: string;

  const get = (user: string, path: string) => s.http().get(path).set('Authorization', tok[user]!);
  const users = async (user: string, query = '') => {
    const res = await get(user, `/api/users${query}`);
    if (res.status !== 200) throw new Error(`GET /api/users${query} → ${res.status} ${res.text}`);
    return res.body as UserDirectoryPage;
  };
  const usernamesOf = (page: UserDirectoryPage) => page.items.map((i) => Object.entries(uid).find(([, id]) => id === i.id)?.[0] ?? i.id).sort();

  beforeAll(async () => {
    s = await startTestStack('people', { env: { PUBLIC_BASE_URL: PUBLIC_BASE } });
    communeId = await userUnitId(s, 'desk');
    departmentId = await userUnitId(s, 'handler2');
    const province = (await s.sql.query<{ province_id: string }>(`SELECT province_id FROM units WHERE id = $1`, [communeId])).rows[0]!.province_id;
    provinceDepartmentId = (
      await s.sql.query<{ id: string }>(`SELECT id FROM units WHERE level = 'department' AND commune_id IS NULL AND province_id = $1 LIMIT 1`, [province])
    ).rows[0]!.id;
    otherCommuneId = (
      await s.sql.query<{ id: string }>(`SELECT id FROM units WHERE level = 'commune' AND province_id = $1 AND id <> $2 ORDER BY code LIMIT 1`, [province, communeId])
    ).rows[0]!.id;
    // Decomposed (NFD) on purpose for one name: the search must fold both forms alike.
    for (const [username, role, fullName, unitId, active] of [
      ['handler_left', 'handler', 'Đỗ Thị Hằng', communeId, false],
      ['handler_nfd', 'handler', 'Ngô Quốc Việt'.normalize('NFD'), departmentId, true],
      ['head_other', 'head', 'Lãnh đạo phường khác', otherCommuneId, true],
      ['handler_other', 'handler', 'Chuyên viên phường khác', otherCommuneId, true],
      ['head_prov', 'head', 'Giám đốc sở', provinceDepartmentId, true],
      ['handler_prov', 'handler', 'Chuyên viên sở', provinceDepartmentId, true],
    ] as const) {
      await s.sql.query(
        `INSERT INTO users (username, password_hash, full_name, role, unit_id, active)
         SELECT $1, password_hash, $2, $3, $4, $5 FROM users WHERE username = 'desk'`,
        [username, fullName, role, unitId, active],
      );
    }
    for (const u of ['desk', 'head', 'handler', 'handler2', 'board', 'admin', 'handler_left', 'handler_nfd', 'head_other', 'handler_other', 'head_prov', 'handler_prov']) {
      uid[u] = await s.userId(u);
      if (u !== 'handler_left') tok[u] = await s.token(u);
    }
  });

  afterAll(async () => {
    await s?.close();
  });

  describe('GET /api/users', () => {
    it("lists the commune's staff, its departments' included, and nobody else, for the desk and the head", async () => {
      const commune = ['desk', 'handler', 'handler2', 'handler_left', 'handler_nfd', 'head'];
      expect(usernamesOf(await users('desk', '?pageSize=100'))).toEqual(commune);
      expect(usernamesOf(await users('head', '?pageSize=100'))).toEqual(commune);
      // Another commune sees its own staff only.
      expect(usernamesOf(await users('head_other', '?pageSize=100'))).toEqual(['handler_other', 'head_other']);
      // A province-level unit's head sees the province-level units (not the communes: competence stays there).
      expect(usernamesOf(await users('head_prov', '?pageSize=100'))).toEqual(['admin', 'board', 'handler_prov', 'head_prov']);
      // The admin sees everyone.
      const all = await users('admin', '?pageSize=100');
      expect(all.total).toBe(Number((await s.sql.query<{ n: string }>('SELECT count(*) AS n FROM users')).rows[0]!.n));
    });

    it('gives name, role, unit and whether active; never the username or the password hash', async () => {
      const page = await users('head', '?pageSize=100');
      const handler = page.items.find((i) => i.id === uid.handler)!;
      const unitName = (await s.sql.query<{ name: string }>('SELECT name FROM units WHERE id = $1', [communeId])).rows[0]!.name;
      expect(handler).toEqual({
        id: uid.handler,
        fullName: 'Lê Minh Tuấn',
        role: 'handler',
        roleLabel: { vi: 'Cán bộ xử lý', en: 'Handler' },
        unit: { id: communeId, name: unitName },
        active: true,
      });
      const hash = (await s.sql.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'desk'`)).rows[0]!.password_hash;
      const res = await get('head', '/api/users?pageSize=100');
      expect(res.text).not.toContain(hash);
      expect(res.text).not.toMatch(/password|username/i);
    });

    it('filters by role, unit, activity and name (diacritics-insensitive), and pages', async () => {
      // The assignee picker: active handlers and heads of the unit holding the case.
      expect(usernamesOf(await users('head', '?role=handler&active=true&pageSize=100'))).toEqual(['handler', 'handler2', 'handler_nfd']);
      expect(usernamesOf(await users('head', '?active=false'))).toEqual(['handler_left']);
      expect(usernamesOf(await users('head', `?unitId=${departmentId}`))).toEqual(['handler2', 'handler_nfd']);
      expect(usernamesOf(await users('head', '?q=tuan'))).toEqual(['handler']);
      expect(usernamesOf(await users('head', '?q=DO%20THI%20HANG'))).toEqual(['handler_left']);
      expect(usernamesOf(await users('head', `?q=${encodeURIComponent('quốc việt')}`))).toEqual(['handler_nfd']);
      expect(usernamesOf(await users('head', '?q=%25'))).toEqual([]);
      // Outside the jurisdiction a unit filter finds nobody, rather than someone else's staff.
      expect((await users('head', `?unitId=${otherCommuneId}`)).total).toBe(0);
      const first = await users('desk', '?pageSize=2');
      const second = await users('desk', '?pageSize=2&page=2');
      expect(first).toMatchObject({ total: 6, page: 1, pageSize: 2 });
      expect(first.items).toHaveLength(2);
      expect(second.items).toHaveLength(2);
      expect(second.items.map((i) => i.id)).not.toEqual(expect.arrayContaining(first.items.map((i) => i.id)));
    });

    it('is refused to handlers and the board (403), and to nobody signed in (401)', async () => {
      expectProblem(await get('handler', '/api/users'), 403, 'error.forbidden');
      expectProblem(await get('board', '/api/users'), 403, 'error.forbidden');
      expectProblem(await s.http().get('/api/users'), 401);
    });

    it.each([
      ['role', '?role=king'],
      ['active', '?active=maybe'],
      ['unitId', '?unitId=nope'],
      ['pageSize', '?pageSize=0'],
    ])('refuses a bad %s with a 400 naming it', async (field, query) => {
      const body = expectProblem(await get('head', `/api/users${query}`), 400);
      expect(body.errors?.map((e) => e.field)).toContain(field);
    });
  });

  describe('verification report', () => {
    const REPORT = {
      findings: 'Cống thoát nước tại tổ 3 bị lấp khi thi công đường; kiểm tra thực địa ngày 25/11.',
      peopleMet: ['Trưởng thôn Đồng Mát', 'Đại diện đơn vị thi công'],
      documentsSeen: ['Biên bản nghiệm thu đoạn đường', 'Ảnh hiện trường'],
      proposedConclusion: 'Khiếu nại có cơ sở; đề nghị yêu cầu đơn vị thi công nạo vét cống.',
    };

    async function verifyingComplaint(title: string): Promise<PetitionView> {
      const p = await createPetition(s, tok.desk!, petitionBody(communeId, { kind: 'complaint', title, petitioner: PETITIONER }));
      await mustPerformAction(s, tok.head!, p.id, 'accept');
      await mustPerformAction(s, tok.head!, p.id, 'assign', { assigneeId: uid.handler });
      return mustPerformAction(s, tok.handler!, p.id, 'start-verification');
    }

    it('is offered to the assignee only, while verifying, and recorded as its own event; a revision supersedes it', async () => {
      const p = await verifyingComplaint('Ngập nước do cống bị lấp');
      expect(p.availableActions).toContain('report-verification');
      expect(p.verificationReport).toBeNull();
      const asHead = (await get('head', `/api/petitions/${p.id}`).expect(200)).body as PetitionView;
      expect(asHead.availableActions).not.toContain('report-verification');
      expect(asHead.availableActions).toContain('resolve');

      const reported = await mustPerformAction(s, tok.handler!, p.id, 'report-verification', REPORT, p.version);
      expect(reported.status).toBe('verifying');
      expect(reported.version).toBe(p.version + 1);
      expect(reported.verificationReport).toEqual({
        sequence: reported.events[reported.events.length - 1]!.sequence,
        at: expect.any(String),
        author: { id: uid.handler, fullName: 'Lê Minh Tuấn' },
        ...REPORT,
        revision: 1,
      });
      const event = reported.events[reported.events.length - 1]!;
      expect(event).toMatchObject({
        type: 'VerificationReported',
        actorId: uid.handler,
        label: { vi: 'Báo cáo kết quả xác minh', en: 'Verification report' },
        legalBasis: 'Luật Khiếu nại 2011 Điều 29',
        data: REPORT,
      });
      // Every entry of the trail is named in plain words.
      for (const e of reported.events) expect(e.label).toEqual({ vi: expect.any(String), en: expect.any(String) });

      const revised = await mustPerformAction(s, tok.handler!, p.id, 'report-verification', { ...REPORT, peopleMet: [], proposedConclusion: 'Khiếu nại đúng một phần.' });
      expect(revised.verificationReport).toMatchObject({ proposedConclusion: 'Khiếu nại đúng một phần.', peopleMet: [], revision: 2 });
      expect(revised.events.filter((e) => e.type === 'VerificationReported')).toHaveLength(2);

      // The head then decides from it, as before.
      const resolved = await mustPerformAction(s, tok.head!, p.id, 'resolve', { summary: 'Quyết định giải quyết khiếu nại', decisionNumber: '12/QĐ-UBND' });
      expect(resolved.status).toBe('decided');
      expect(resolved.verificationReport).toMatchObject({ revision: 2 });
      expect(resolved.availableActions).not.toContain('report-verification');
    });

    it('is refused with 403 to anyone but the assignee (another handler, the head, the desk), changing nothing', async () => {
      const p = await verifyingComplaint('Lấn chiếm lối đi chung');
      expectProblem(await performAction(s, tok.handler2!, p.id, 'report-verification', REPORT), 403, 'petition.not_assignee');
      expectProblem(await performAction(s, tok.head!, p.id, 'report-verification', REPORT), 403, 'petition.not_assignee');
      expectProblem(await performAction(s, tok.desk!, p.id, 'report-verification', REPORT), 403, 'petition.role_not_allowed');
      const after = (await get('head', `/api/petitions/${p.id}`).expect(200)).body as PetitionView;
      expect(after.version).toBe(p.version);
      expect(after.verificationReport).toBeNull();
    });

    it('is refused with 409 before verification has started, naming what is allowed', async () => {
      const p = await createPetition(s, tok.desk!, petitionBody(communeId, { kind: 'complaint', title: 'Chưa xác minh' }));
      await mustPerformAction(s, tok.head!, p.id, 'accept');
      const assigned = await mustPerformAction(s, tok.head!, p.id, 'assign', { assigneeId: uid.handler });
      expect(assigned.availableActions).not.toContain('report-verification');
      const body = expectProblem(await performAction(s, tok.handler!, p.id, 'report-verification', REPORT), 409, 'petition.transition_not_allowed');
      expect(body).toMatchObject({ currentStatus: 'assigned' });
      expect(body.allowedActions).not.toContain('report-verification');
      expect(((await get('head', `/api/petitions/${p.id}`).expect(200)).body as PetitionView).version).toBe(assigned.version);
    });

    it.each([
      ['findings', { ...REPORT, findings: '   ' }],
      ['proposedConclusion', { findings: REPORT.findings }],
      ['peopleMet', { ...REPORT, peopleMet: 'Trưởng thôn' }],
      ['documentsSeen', { ...REPORT, documentsSeen: [''] }],
    ])('refuses a report without a valid %s (400 naming it), changing nothing', async (field, body) => {
      const p = await verifyingComplaint(`Báo cáo thiếu ${field}`);
      const problem = expectProblem(await performAction(s, tok.handler!, p.id, 'report-verification', body), 400);
      expect(problem.errors?.map((e) => e.field.split('.')[0])).toContain(field);
      expect(((await get('handler', `/api/petitions/${p.id}`).expect(200)).body as PetitionView).version).toBe(p.version);
    });

    it('is withheld from the board, in the view and in the trail', async () => {
      const p = await verifyingComplaint('Tiếng ồn xưởng gỗ');
      await mustPerformAction(s, tok.handler!, p.id, 'report-verification', REPORT);
      const res = await get('board', `/api/petitions/${p.id}`).expect(200);
      const view = res.body as PetitionView;
      expect(view.verificationReport).toBeNull();
      expect(view.verificationReportWithheld).toBe(true);
      expect(view.events.find((e) => e.type === 'VerificationReported')).toMatchObject({ data: { reportWithheld: true }, label: { vi: 'Báo cáo kết quả xác minh' } });
      for (const text of [REPORT.findings, REPORT.peopleMet[0]!, REPORT.documentsSeen[0]!, REPORT.proposedConclusion]) expect(res.text).not.toContain(text);
      // The unit's own staff read it.
      const desk = (await get('desk', `/api/petitions/${p.id}`).expect(200)).body as PetitionView;
      expect(desk).toMatchObject({ verificationReportWithheld: false, verificationReport: { findings: REPORT.findings } });
    });
  });

  describe('GET /api/petitions/:id/receipt', () => {
    const receipt = async (user: string, id: string) => {
      const res = await get(user, `/api/petitions/${id}/receipt`);
      if (res.status !== 200) throw new Error(`receipt → ${res.status} ${res.text}`);
      return res.body as PetitionReceiptView;
    };

    it('gives the slip: tracking code and URL, kind, unit, day received, channel, petitioner, and the next steps of the running clocks', async () => {
      const p = await createPetition(s, tok.desk!, petitionBody(communeId, { kind: 'complaint', channel: 'mail', title: 'Thu hồi đất không đúng', petitioner: PETITIONER }));
      const url = `https://tiepdan.example.gov.vn/track/${p.trackingCode}`;
      expect(p.trackingUrl).toBe(url);
      const r = await receipt('desk', p.id);
      const unitName = (await s.sql.query<{ name: string }>('SELECT name FROM units WHERE id = $1', [communeId])).rows[0]!.name;
      expect(r).toMatchObject({
        petitionId: p.id,
        trackingCode: p.trackingCode,
        trackingUrl: url,
        kind: 'complaint',
        kindLabel: { vi: 'Khiếu nại', en: 'Complaint' },
        channel: 'mail',
        channelLabel: { vi: 'Qua bưu điện', en: 'By post' },
        receivingUnit: { id: communeId, name: unitName },
        receivedOn: p.receivedOn,
        petitionerName: PETITIONER.fullName,
        anonymous: false,
        noNextSteps: null,
      });
      expect(r.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const [y, m, d] = r.receivedOn.split('-');
      expect(r.receivedText.vi).toBe(`${unitName} đã nhận đơn khiếu nại của ông/bà ngày ${d}/${m}/${y}.`);
      expect(r.trackingText.vi).toContain(url);
      expect(r.trackingText.en).toContain(p.trackingCode);

      // The next steps are the open clocks themselves: same due day and the same summary as the deadlines route.
      const clocks = ((await get('desk', `/api/petitions/${p.id}/deadlines`).expect(200)).body as { clocks: ClockView[] }).clocks;
      const open = clocks.filter((c) => ['running', 'paused', 'breached'].includes(c.status));
      expect(open.length).toBeGreaterThan(0);
      expect(r.nextSteps.map((n) => n.clockId).sort()).toEqual(open.map((c) => c.id).sort());
      for (const step of r.nextSteps) {
        const clock = open.find((c) => c.id === step.clockId)!;
        expect(step).toMatchObject({ ruleId: clock.ruleId, clockKind: clock.kind, dueAt: clock.dueAt, dueOn: clock.explanation.lastDay, summary: clock.summary, legalBasis: clock.legalBasis });
        const [yy, mm, dd] = step.dueOn!.split('-');
        expect(step.text.vi).toBe(`${step.what.vi}: chậm nhất hết ngày ${dd}/${mm}/${yy}.`);
      }
      const dues = r.nextSteps.map((n) => n.dueAt!);
      expect(dues).toEqual([...dues].sort());
      expect(r.nextSteps.map((n) => n.ruleId)).toEqual(expect.arrayContaining(['K2']));
    });

    it('never names the sender of an anonymous letter', async () => {
      const body: Record<string, unknown> = { ...petitionBody(communeId, { kind: 'denunciation', title: 'Thông tin nặc danh về lấn chiếm đất' }), anonymous: true };
      delete body.petitioner;
      const res = await s.http().post('/api/petitions').set('Authorization', tok.desk!).send(body);
      expect(res.status).toBe(201);
      const r = await receipt('head', (res.body as PetitionView).id);
      expect(r).toMatchObject({ anonymous: true, petitionerName: null });
      expect(r.receivedText.vi).toContain('không ghi tên người gửi');
    });

    it('is for the desk and the head: 403 for the handler, the board and the admin, 404 outside the jurisdiction', async () => {
      const p = await createPetition(s, tok.desk!, petitionBody(communeId, { title: 'Biên nhận quyền xem' }));
      for (const user of ['handler', 'board', 'admin']) expectProblem(await get(user, `/api/petitions/${p.id}/receipt`), 403, 'error.forbidden');
      expectProblem(await get('head_other', `/api/petitions/${p.id}/receipt`), 404, 'error.not_found');
      expectProblem(await get('desk', `/api/petitions/not-a-uuid/receipt`), 400);
    });

    it('says so when no clock runs any more', async () => {
      const p = await createPetition(s, tok.desk!, petitionBody(communeId, { title: 'Rút đơn ngay' }));
      await mustPerformAction(s, tok.desk!, p.id, 'withdraw', { reason: 'Công dân tự giải quyết' });
      const r = await receipt('desk', p.id);
      expect(r.nextSteps).toEqual([]);
      expect(r.noNextSteps?.vi).toContain('không còn thời hạn');
    });
  });
});
