import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { ClockView, PetitionDeadlinesView, PetitionView } from '@app/application';
import { ManualClock } from '@app/domain';
import { createPetition, demoCommuneId, mustPerformAction, performAction, petitionBody, postPetition } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * Denunciation rules over HTTP (issue 7 §6): the T2 transfer clock, the re-denunciation clocks (T7), anonymous
 * letters (LTC Art 25(2)) and the Party head's written notice (R5). Dates are counted by hand: November and
 * December 2026 have no public holidays; 28/11, 29/11, 5/12 and 6/12 are weekends.
 */

/** Monday 23/11/2026, 09:00 in Hà Nội. */
const MON = '2026-11-23T02:00:00.000Z';
/** Wednesday 25/11/2026, 09:00 in Hà Nội. */
const WED = '2026-11-25T02:00:00.000Z';
const endOf = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 17 * 3600_000).toISOString();

describe('denunciation rules over HTTP', () => {
  const clock = new ManualClock(MON);
  let s: TestStack;
  let desk: string;
  let head: string;
  let handler: string;
  let handlerId: string;
  let communeId: string;
  let otherCommuneId: string;

  beforeAll(async () => {
    s = await startTestStack('denunciations', { clock, workerOnStart: false });
    [desk, head, handler, handlerId, communeId] = await Promise.all([s.token('desk'), s.token('head'), s.token('handler'), s.userId('handler'), demoCommuneId(s)]);
    otherCommuneId = (
      await s.sql.query<{ id: string }>(
        `SELECT o.id FROM units o JOIN units c ON c.id = $1 WHERE o.level = 'commune' AND o.province_id = c.province_id AND o.id <> c.id ORDER BY o.code LIMIT 1`,
        [communeId],
      )
    ).rows[0]!.id;
  });
  afterAll(async () => {
    await s?.close();
  });
  beforeEach(() => clock.set(MON));

  const deadlines = async (id: string) => (await s.http().get(`/api/petitions/${id}/deadlines`).set('Authorization', head).expect(200)).body as PetitionDeadlinesView;
  const clockOf = (view: { clocks: ClockView[] } | PetitionDeadlinesView, ruleId: string) => view.clocks.find((c) => c.ruleId === ruleId);
  const ruleIds = (view: PetitionDeadlinesView) => view.clocks.map((c) => c.ruleId).sort();
  const denunciation = (title: string) => createPetition(s, desk, petitionBody(communeId, { kind: 'denunciation', title }));
  const anonymousBody = (title: string, extra: Record<string, unknown> = {}) => ({
    kind: 'denunciation',
    channel: 'mail',
    title,
    content: `Thư không ký tên: ${title}. Ông Trần Văn C, cán bộ địa chính xã, nhận tiền của hộ ông D ngày 10/11/2026 tại trụ sở; kèm ảnh chụp biên nhận.`,
    receivingUnitId: communeId,
    anonymous: true,
    ...extra,
  });
  const postAnonymous = (title: string, extra: Record<string, unknown> = {}) => postPetition(s, desk, anonymousBody(title, extra));

  describe('T2: transfer outside competence within 5 working days (LTC 2018 Art 24(2))', () => {
    it('runs from receipt beside T1 and is met by the transfer', async () => {
      const p = await denunciation('Tố cáo cán bộ huyện cũ');
      const t2 = clockOf(await deadlines(p.id), 'T2')!;
      // Received Mon 23/11: 5 working days, skipping the weekend → the end of Mon 30/11.
      expect(t2).toMatchObject({ kind: 'processing', unit: 'working_days', days: 5, status: 'running', dueAt: endOf('2026-11-30') });
      expect(t2.legalBasis).toContain('Luật Tố cáo 2018 Điều 24 khoản 2');
      expect(clockOf(await deadlines(p.id), 'T1')).toMatchObject({ status: 'running', days: 7 });

      clock.set(WED);
      await mustPerformAction(s, desk, p.id, 'transfer', { toUnitId: otherCommuneId, reason: 'Người bị tố cáo công tác tại xã khác' });
      const after = await deadlines(p.id);
      expect(clockOf(after, 'T2')).toMatchObject({ status: 'met', metAt: WED, breachedAt: null });
      expect(clockOf(after, 'T1')).toMatchObject({ status: 'met', metAt: WED });
    });

    it('alerts but never escalates: a letter kept within competence is not escalated for a transfer it did not need', async () => {
      const p = await denunciation('Tố cáo chờ xác định thẩm quyền');
      const rungs = async (ruleId: string) =>
        (
          await s.sql.query<{ key: string; escalate: boolean }>(
            `SELECT t.key, t.escalate FROM clock_thresholds t JOIN petition_clocks c ON c.id = t.clock_id WHERE c.petition_id = $1 AND c.rule_id = $2 ORDER BY t.due_at, t.key`,
            [p.id, ruleId],
          )
        ).rows;
      const t2 = await rungs('T2');
      expect(t2.map((r) => r.key)).toEqual(['50', '80', '100', 'overdue-1']);
      expect(t2.every((r) => !r.escalate)).toBe(true);
      // The intake duty that always applies (T1) still escalates its breach.
      expect((await rungs('T1')).find((r) => r.key === '100')).toMatchObject({ escalate: true });
    });

    it('no longer applies once the case is accepted here, and complaints have none', async () => {
      const p = await denunciation('Tố cáo thuộc thẩm quyền xã');
      await mustPerformAction(s, head, p.id, 'accept', { note: 'Thuộc thẩm quyền' });
      expect(clockOf(await deadlines(p.id), 'T2')).toMatchObject({ status: 'cancelled', cancelledAt: MON });
      const complaint = await createPetition(s, desk, petitionBody(communeId, { kind: 'complaint', title: 'Khiếu nại không có T2' }));
      expect(clockOf(await deadlines(complaint.id), 'T2')).toBeUndefined();
    });
  });

  describe('T7: re-denunciation (LTC 2018 Art 38)', () => {
    it('gives the superior the T7 review clock, not copies of T1 and T4', async () => {
      const p = await denunciation('Tố cáo đã có kết luận');
      await mustPerformAction(s, head, p.id, 'accept');
      await mustPerformAction(s, head, p.id, 'assign', { assigneeId: handlerId });
      await mustPerformAction(s, handler, p.id, 'start-verification');
      await mustPerformAction(s, head, p.id, 'resolve', { summary: 'Tố cáo không đúng', decisionNumber: '20/KL-UBND' });
      await mustPerformAction(s, desk, p.id, 'request-second-instance', { reason: 'Kết luận không đúng pháp luật', channel: 'mail' });
      const second = (await s.sql.query<{ id: string }>(`SELECT id FROM petitions WHERE parent_petition_id = $1 AND instance = 2`, [p.id])).rows[0]!;
      const clocks = (await s.sql.query<{ rule_id: string; unit: string; days: number; legal_basis: string }>(
        `SELECT rule_id, unit, days, legal_basis FROM petition_clocks WHERE petition_id = $1 ORDER BY rule_id`,
        [second.id],
      )).rows;
      expect(clocks.map((c) => c.rule_id)).toEqual(['T7']);
      expect(clocks[0]).toMatchObject({ unit: 'working_days', days: 7 });
      expect(clocks[0]!.legal_basis).toContain('Điều 38');
    });
  });

  describe('anonymous letters (LTC Art 25(2))', () => {
    it('accepts an anonymous denunciation at intake, records it, and shows no petitioner', async () => {
      const res = await postAnonymous('Tố cáo nặc danh cán bộ địa chính');
      expect(res.status).toBe(201);
      const p = res.body as PetitionView;
      expect(p).toMatchObject({ kind: 'denunciation', status: 'received', anonymous: true, petitioner: null });
      expect(p.events[0]).toMatchObject({ type: 'PetitionReceived', data: { anonymous: true } });
      const row = (await s.sql.query(`SELECT anonymous, petitioner FROM petitions WHERE id = $1`, [p.id])).rows[0];
      expect(row).toEqual({ anonymous: true, petitioner: { fullName: '' } });
      // Intake and processing clocks run; the transfer clock too (an anonymous letter may be sent on).
      expect(ruleIds(await deadlines(p.id))).toEqual(['R7', 'T1', 'T2']);
    });

    it('has the head order a check within competence (no denouncer notice, no Art 30 clock), and sends nobody a feedback link', async () => {
      const p = (await postAnonymous('Tố cáo nặc danh có chứng cứ')).body as PetitionView;
      const accepted = await mustPerformAction(s, head, p.id, 'accept', { note: 'Nội dung cụ thể, có chứng cứ: giao kiểm tra' });
      expect(accepted.events.at(-1)).toMatchObject({ type: 'PetitionAccepted' });
      expect(accepted.events.at(-1)!.legalBasis).toContain('Luật Tố cáo 2018 Điều 25 khoản 2');
      const view = await deadlines(p.id);
      expect(clockOf(view, 'T3')).toBeUndefined();
      expect(clockOf(view, 'T4')).toBeUndefined();

      await mustPerformAction(s, head, p.id, 'assign', { assigneeId: handlerId });
      await mustPerformAction(s, handler, p.id, 'start-verification');
      const done = await mustPerformAction(s, head, p.id, 'resolve', { summary: 'Kiểm tra: có vi phạm, đã xử lý kỷ luật' });
      expect(done.status).toBe('concluded');
      const tokens = await s.sql.query(`SELECT 1 FROM satisfaction_tokens WHERE petition_id = $1`, [p.id]);
      const messages = await s.sql.query(`SELECT 1 FROM citizen_messages WHERE petition_id = $1`, [p.id]);
      expect({ tokens: tokens.rowCount, messages: messages.rowCount }).toEqual({ tokens: 0, messages: 0 });
    });

    it('files a letter without specific content', async () => {
      const p = (await postAnonymous('Thư nặc danh chung chung')).body as PetitionView;
      const filed = await mustPerformAction(s, desk, p.id, 'file', { reason: 'anonymous', note: 'Không có nội dung cụ thể, không có chứng cứ' });
      expect(filed.status).toBe('filed');
      expect(clockOf(await deadlines(p.id), 'T2')).toMatchObject({ status: 'cancelled' });
    });

    it('stays anonymous when transferred to the competent unit, and has no re-denunciation', async () => {
      const p = (await postAnonymous('Tố cáo nặc danh cán bộ xã bên')).body as PetitionView;
      await mustPerformAction(s, desk, p.id, 'transfer', { toUnitId: otherCommuneId, reason: 'Người bị tố cáo công tác tại xã khác' });
      const sent = (await s.sql.query<{ id: string; anonymous: boolean }>(`SELECT id, anonymous FROM petitions WHERE parent_petition_id = $1`, [p.id])).rows;
      expect(sent).toEqual([{ id: expect.any(String), anonymous: true }]);
      const clocks = (await s.sql.query<{ rule_id: string }>(`SELECT rule_id FROM petition_clocks WHERE petition_id = $1 ORDER BY rule_id`, [sent[0]!.id])).rows;
      expect(clocks.map((c) => c.rule_id)).toEqual(['R7', 'T1', 'T2']);

      const checked = (await postAnonymous('Tố cáo nặc danh đã kiểm tra')).body as PetitionView;
      await mustPerformAction(s, head, checked.id, 'accept');
      await mustPerformAction(s, head, checked.id, 'assign', { assigneeId: handlerId });
      await mustPerformAction(s, handler, checked.id, 'start-verification');
      await mustPerformAction(s, head, checked.id, 'resolve', { summary: 'Không có vi phạm' });
      const again = await performAction(s, desk, checked.id, 'request-second-instance', { reason: 'Không đồng ý' });
      expect(again.status).toBe(422);
      expect(again.body.errors).toEqual([expect.objectContaining({ field: 'anonymous', code: 'petition.anonymous_no_second_instance' })]);
    });

    it('never links anonymous letters to each other as repeats of one (empty) person', async () => {
      const first = await postAnonymous('Tố cáo nặc danh về bãi rác');
      const again = await postAnonymous('Tố cáo nặc danh về bãi rác');
      expect([first.status, again.status]).toEqual([201, 201]);
      // A named denouncer writing about the same matter is not the anonymous writer either.
      const named = await createPetition(s, desk, { ...petitionBody(communeId, { kind: 'denunciation', title: 'Tố cáo nặc danh về bãi rác' }), content: anonymousBody('Tố cáo nặc danh về bãi rác').content });
      const ids = [first.body.id, again.body.id, named.id];
      const links = await s.sql.query(`SELECT 1 FROM petition_links WHERE petition_id = ANY($1::uuid[]) OR related_petition_id = ANY($1::uuid[])`, [ids]);
      expect(links.rowCount).toBe(0);
    });

    it('refuses anonymous complaints and feedback, and anonymous letters that name someone, naming the field', async () => {
      for (const kind of ['complaint', 'feedback', 'recommendation']) {
        const res = await postPetition(s, desk, anonymousBody('Đơn nặc danh', { kind }));
        expect(res.status).toBe(422);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'anonymous', code: 'petition.anonymous_kind' })]);
        expect(res.body.messages.vi).toContain('Luật Khiếu nại 2011 Điều 8');
        expect(res.body.messages.en).toContain('Art 25(2)');
      }
      const named = await postAnonymous('Nặc danh mà có tên', { petitioner: { fullName: 'Nguyễn Văn An' } });
      expect(named.status).toBe(422);
      expect(named.body.errors).toEqual([expect.objectContaining({ field: 'petitioner', code: 'petition.anonymous_with_person' })]);
      const coSigned = await postAnonymous('Nặc danh mà có người ký', { coPetitioners: [{ fullName: 'Trần Thị B' }] });
      expect(coSigned.body.errors).toEqual([expect.objectContaining({ field: 'coPetitioners', code: 'petition.anonymous_with_person' })]);
      // Without the anonymous mark the petitioner is still required.
      const { petitioner: _omitted, ...noPetitioner } = petitionBody(communeId, { kind: 'denunciation', title: 'Thiếu người gửi' });
      const missing = await postPetition(s, desk, noPetitioner);
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'petitioner' })]));
      const count = await s.sql.query(`SELECT 1 FROM petitions WHERE title IN ('Đơn nặc danh', 'Nặc danh mà có tên', 'Nặc danh mà có người ký', 'Thiếu người gửi')`);
      expect(count.rowCount).toBe(0);
    });
  });

  describe('R5: the Party head’s written notice (QĐ 11-QĐi/TW)', () => {
    it('is met by the written notice of receipt, recorded on the trail', async () => {
      const res = await postPetition(s, desk, { ...petitionBody(communeId, { kind: 'feedback', title: 'Thư gửi Bí thư Đảng ủy xã' }), addressedToPartyHead: true });
      expect(res.status).toBe(201);
      const p = res.body as PetitionView;
      const r5 = clockOf(await deadlines(p.id), 'R5')!;
      // 10 working days from Mon 23/11 → the end of Mon 07/12/2026.
      expect(r5).toMatchObject({ kind: 'party_reply', unit: 'working_days', days: 10, dueAt: endOf('2026-12-07'), acts: { manualMet: true } });

      clock.set(WED);
      const met = await s
        .http()
        .post(`/api/petitions/${p.id}/deadlines/${r5.id}/met`)
        .set('Authorization', head)
        .send({ reference: 'Thông báo 05-TB/ĐU ngày 25/11/2026 về việc đã nhận đơn' })
        .expect(200);
      expect(clockOf(met.body as PetitionDeadlinesView, 'R5')).toMatchObject({ status: 'met', metAt: WED });
      const last = (await s.sql.query(`SELECT type, legal_basis, payload FROM petition_events WHERE petition_id = $1 ORDER BY sequence DESC LIMIT 1`, [p.id])).rows[0];
      expect(last).toMatchObject({ type: 'DeadlineMet', legal_basis: 'Quy định 11-QĐi/TW', payload: { ruleId: 'R5', reference: 'Thông báo 05-TB/ĐU ngày 25/11/2026 về việc đã nhận đơn' } });
      // The petition itself is still open: the notice is not the answer.
      expect((await s.http().get(`/api/petitions/${p.id}`).set('Authorization', head).expect(200)).body.status).toBe('received');
    });

    it('is still met by the workflow (a transfer) when no notice was recorded', async () => {
      const res = await postPetition(s, desk, { ...petitionBody(communeId, { kind: 'feedback', title: 'Thư gửi Bí thư, chuyển UBND' }), addressedToPartyHead: true });
      const p = res.body as PetitionView;
      await mustPerformAction(s, desk, p.id, 'transfer', { toBodyName: 'UBND tỉnh', reason: 'Thuộc thẩm quyền UBND tỉnh' });
      expect(clockOf(await deadlines(p.id), 'R5')).toMatchObject({ status: 'met' });
      // Not addressed to the Party head: no R5 clock.
      const plain = await createPetition(s, desk, petitionBody(communeId, { kind: 'feedback', title: 'Thư gửi UBND' }));
      expect(clockOf(await deadlines(plain.id), 'R5')).toBeUndefined();
    });
  });
});
