import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PetitionListItemView, PetitionListPage, PetitionView } from '@app/application';
import { ManualClock } from '@app/domain';
import { createPetition, demoCommuneId, mustPerformAction, petitionBody, type PersonBody } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * GET /api/petitions as the web app's three screens use it: the inbox (scope, open, sort=time_left and the
 * deadline badge), the reception log (receivedFrom, receivedTo, channel, by the day received) and search (q
 * over codes, names, phones and ID numbers, within the jurisdiction and the identity rule). Time is held by a
 * ManualClock and no worker runs, so clocks change only as the tests say. November and December 2026 have no
 * public holidays.
 */

/** 09:00 in Hà Nội on a local date. */
const at9 = (date: string) => `${date}T02:00:00.000Z`;
/** "Now" for the inbox: Monday 30/11/2026, 09:00. */
const NOW = at9('2026-11-30');

describe('petition lists: inbox, reception log and search', () => {
  const clock = new ManualClock(NOW);
  let s: TestStack;
  const tok: Record<string, string> = {};
  let communeId: string;
  let otherCommuneId: string;
  let handlerId: string;

  beforeAll(async () => {
    s = await startTestStack('petition-lists', { clock, workerOnStart: false });
    communeId = await demoCommuneId(s);
    handlerId = await s.userId('handler');
    otherCommuneId = (
      await s.sql.query<{ id: string }>(
        `SELECT o.id FROM units o JOIN units c ON c.id = $1 WHERE o.level = 'commune' AND o.province_id = c.province_id AND o.id <> c.id ORDER BY o.code LIMIT 1`,
        [communeId],
      )
    ).rows[0]!.id;
    await s.sql.query(
      `INSERT INTO users (username, password_hash, full_name, role, unit_id) SELECT 'desk_other', password_hash, 'desk_other', 'desk', $1 FROM users WHERE username = 'desk'`,
      [otherCommuneId],
    );
    for (const u of ['desk', 'head', 'handler', 'board', 'admin', 'desk_other']) tok[u] = await s.token(u);
  });
  afterAll(async () => {
    await s?.close();
  });

  const list = async (user: string, query: Record<string, string | number | boolean>) => {
    const res = await s.http().get('/api/petitions').query(query).set('Authorization', tok[user]!);
    if (res.status !== 200) throw new Error(`list → ${res.status} ${res.text}`);
    return res.body as PetitionListPage;
  };
  const ids = (page: PetitionListPage) => page.items.map((i) => i.id);
  const only = (page: PetitionListPage, wanted: readonly string[]) => ids(page).filter((id) => wanted.includes(id));

  /** A feedback received and accepted at `date` 09:00 (its P1 clock: 20 calendar days from that day). */
  async function acceptedOn(date: string, title: string, assign: boolean): Promise<PetitionView> {
    clock.set(at9(date));
    const p = await createPetition(s, tok.desk!, petitionBody(communeId, { title }));
    let v = await mustPerformAction(s, tok.head!, p.id, 'accept');
    if (assign) v = await mustPerformAction(s, tok.head!, p.id, 'assign', { assigneeId: handlerId });
    return v;
  }

  describe('the inbox', () => {
    let overdue: PetitionView;
    let late80: PetitionView;
    let half: PetitionView;
    let onTime: PetitionView;
    let paused: PetitionView;
    let received: PetitionView;
    let filed: PetitionView;

    beforeAll(async () => {
      // P1 from Mon 02/11: 20 days → Sun 22/11, a day off → the end of Mon 23/11; a week overdue on 30/11.
      overdue = await acceptedOn('2026-11-02', 'Cống thoát nước tắc', true);
      // From Fri 13/11 → Thu 03/12; 80 % (16 days) at the end of Sun 29/11.
      late80 = await acceptedOn('2026-11-13', 'Rác thải ở chợ', true);
      // From Thu 19/11 → Wed 09/12; 50 % (10 days) at the end of Sun 29/11.
      half = await acceptedOn('2026-11-19', 'Biển báo bị đổ', true);
      // From Fri 27/11 → Thu 17/12; not assigned: the unit's, not the handler's.
      onTime = await acceptedOn('2026-11-27', 'Cây xanh che đèn', false);
      paused = await acceptedOn('2026-11-20', 'Ổ gà trên đường liên thôn', true);
      clock.set(at9('2026-11-25'));
      const p1 = paused.deadlines.find((c) => c.ruleId === 'P1')!;
      await s.http().post(`/api/petitions/${paused.id}/deadlines/${p1.id}/pause`).set('Authorization', tok.head!).send({ reason: 'awaiting_citizen_documents' }).expect(200);
      // Received Thu 26/11, not yet accepted: R7, 10 days → Sun 06/12, a day off → the end of Mon 07/12.
      clock.set(at9('2026-11-26'));
      received = await createPetition(s, tok.desk!, petitionBody(communeId, { title: 'Tiếng ồn quán karaoke' }));
      filed = await createPetition(s, tok.desk!, petitionBody(communeId, { title: 'Đơn trùng lặp' }));
      await mustPerformAction(s, tok.head!, filed.id, 'file', { reason: 'duplicate' });
      clock.set(NOW);
    });

    it("lists the handler's open cases, the running clock due soonest first and a paused one last, each with its badge", async () => {
      const page = await list('handler', { scope: 'mine', open: true, sort: 'time_left' });
      expect(ids(page)).toEqual([overdue.id, late80.id, half.id, paused.id]);
      expect(page.total).toBe(4);
      const badge = (i: PetitionListItemView) => i.deadline && { rule: i.deadline.rule, state: i.deadline.state, percentElapsed: i.deadline.percentElapsed, daysLeft: i.deadline.daysLeft, daysOverdue: i.deadline.daysOverdue, dueOn: i.deadline.dueOn, label: i.deadline.label };
      expect(page.items.map(badge)).toEqual([
        { rule: 'P1', state: 'overdue', percentElapsed: 135, daysLeft: null, daysOverdue: 7, dueOn: '2026-11-23', label: { vi: 'Quá hạn 7 ngày', en: '7 days overdue' } },
        { rule: 'P1', state: 'late80', percentElapsed: 80, daysLeft: 4, daysOverdue: null, dueOn: '2026-12-03', label: { vi: 'Còn 4 ngày', en: '4 days left' } },
        { rule: 'P1', state: 'half', percentElapsed: 50, daysLeft: 10, daysOverdue: null, dueOn: '2026-12-09', label: { vi: 'Còn 10 ngày', en: '10 days left' } },
        // Paused since Wed 25/11 after 5 of its 20 days: 15 left, whatever the day.
        { rule: 'P1', state: 'paused', percentElapsed: 25, daysLeft: 15, daysOverdue: null, dueOn: expect.any(String), label: { vi: 'Tạm dừng, còn 15 ngày', en: 'Paused, 15 days left' } },
      ]);
      expect(page.items[0]!.deadline!.dueAt).toBe('2026-11-23T17:00:00.000Z');
      expect(page.items[3]!.deadline!.dueAt).toBeNull();
      expect(page.items[0]).toMatchObject({ kind: 'feedback', kindLabel: { vi: 'Phản ánh', en: 'Feedback' }, status: 'assigned', identityWithheld: false });
      // Only the reception log names the petitioner; the inbox carries no personal data.
      expect(page.items.map((i) => i.petitionerName)).toEqual([null, null, null, null]);
    });

    it('turns a badge when its threshold passes (the clock moved, nothing else)', async () => {
      clock.set(at9('2026-12-01'));
      try {
        const page = await list('handler', { scope: 'mine', open: true, sort: 'time_left' });
        expect(page.items.find((i) => i.id === onTime.id)).toBeUndefined();
        expect(page.items.map((i) => i.deadline?.daysLeft ?? i.deadline?.daysOverdue)).toEqual([8, 3, 9, 15]);
      } finally {
        clock.set(NOW);
      }
    });

    it("lists the unit's open cases for the head in time-left order; unassigned ones too, the filed one not", async () => {
      const page = await list('head', { scope: 'unit', open: true, sort: 'time_left', pageSize: 100 });
      expect(only(page, [overdue.id, late80.id, half.id, onTime.id, paused.id, received.id, filed.id])).toEqual([overdue.id, late80.id, received.id, half.id, onTime.id, paused.id]);
      expect(page.items.find((i) => i.id === received.id)!.deadline).toMatchObject({ rule: 'R7', state: 'on_time', dueOn: '2026-12-07', daysLeft: 8 });
      // The whole page is in order: due instants rising, petitions without a running clock after all the others.
      const keys = page.items.map((i) => (i.deadline && i.deadline.state !== 'paused' ? i.deadline.dueAt! : null));
      const firstNull = keys.indexOf(null);
      expect(keys.slice(firstNull === -1 ? keys.length : firstNull).every((k) => k === null)).toBe(true);
      const dated = keys.filter((k): k is string => k !== null);
      expect(dated).toEqual([...dated].sort());
    });

    it('keeps cases in a final state out only when open=true, and puts them last by time left', async () => {
      const all = await list('head', { scope: 'unit', sort: 'time_left', pageSize: 100 });
      expect(ids(all)).toContain(filed.id);
      expect(all.items.find((i) => i.id === filed.id)!.deadline).toBeNull();
      expect(ids(all).indexOf(filed.id)).toBeGreaterThan(ids(all).indexOf(onTime.id));
      expect(ids(await list('head', { scope: 'unit', open: true, pageSize: 100 }))).not.toContain(filed.id);
      // The head is nobody's assignee here.
      expect((await list('head', { scope: 'mine' })).total).toBe(0);
    });

    it('pages through the same order without gaps or repeats', async () => {
      const whole = ids(await list('handler', { scope: 'mine', open: true, sort: 'time_left' }));
      const pages = [];
      for (let page = 1; page <= 2; page++) pages.push(...ids(await list('handler', { scope: 'mine', open: true, sort: 'time_left', page, pageSize: 2 })));
      expect(pages).toEqual(whole);
    });

    it('refuses an unknown scope or sort with a problem naming the field', async () => {
      for (const [field, value] of [['scope', 'everyone'], ['sort', 'priority'], ['open', 'yes']] as const) {
        const res = await s.http().get('/api/petitions').query({ [field]: value }).set('Authorization', tok.head!);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
    });
  });

  describe('the reception log', () => {
    const log: Record<string, PetitionView> = {};
    const DENOUNCER: PersonBody = { fullName: 'Lê Thị Kín Đáo', phone: '0977 111 222', idNumber: '001199011111' };

    beforeAll(async () => {
      // Entered out of the order they arrived in, a minute apart (the same day received is kept in order of entry).
      let minute = 0;
      const next = () => clock.set(new Date(Date.parse(at9('2026-12-02')) + 60_000 * minute++).toISOString());
      next();
      log.c = await createPetition(s, tok.desk!, { ...petitionBody(communeId, { title: 'Thư về đất đai', channel: 'mail', kind: 'recommendation', topic: 'Đất đai' }), receivedOn: '2026-11-12' } as never);
      next();
      log.a = await createPetition(s, tok.desk!, { ...petitionBody(communeId, { title: 'Xin cấp nước sạch', channel: 'mail', topic: 'Nước sạch' }), receivedOn: '2026-11-10' } as never);
      next();
      log.d = await createPetition(s, tok.desk!, {
        ...petitionBody(communeId, { title: 'Tố cáo thu tiền sai quy định', kind: 'denunciation', channel: 'hotline', petitioner: DENOUNCER }),
        receivedOn: '2026-11-12',
      } as never);
      next();
      log.b = await createPetition(s, tok.desk!, { ...petitionBody(communeId, { title: 'Hỏi về trợ cấp', channel: 'in_person' }), receivedOn: '2026-11-11' } as never);
      clock.set(NOW);
    });

    it('lists a range of days received, inclusive, by the day received, with what the register shows', async () => {
      const page = await list('desk', { receivedFrom: '2026-11-10', receivedTo: '2026-11-12' });
      expect(ids(page)).toEqual([log.a!.id, log.b!.id, log.c!.id, log.d!.id]);
      expect(page.items.map((i) => ({ receivedOn: i.receivedOn, channel: i.channel, kind: i.kind, petitionerName: i.petitionerName, topic: i.topic, status: i.status }))).toEqual([
        { receivedOn: '2026-11-10', channel: 'mail', kind: 'feedback', petitionerName: 'Nguyễn Văn An', topic: 'Nước sạch', status: 'received' },
        { receivedOn: '2026-11-11', channel: 'in_person', kind: 'feedback', petitionerName: 'Nguyễn Văn An', topic: null, status: 'received' },
        { receivedOn: '2026-11-12', channel: 'mail', kind: 'recommendation', petitionerName: 'Nguyễn Văn An', topic: 'Đất đai', status: 'received' },
        { receivedOn: '2026-11-12', channel: 'hotline', kind: 'denunciation', petitionerName: 'Lê Thị Kín Đáo', topic: null, status: 'received' },
      ]);
      expect(ids(await list('desk', { receivedFrom: '2026-11-11', receivedTo: '2026-11-11' }))).toEqual([log.b!.id]);
      expect(ids(await list('desk', { receivedFrom: '2026-11-12' }))).toEqual(expect.arrayContaining([log.c!.id, log.d!.id]));
      expect(ids(await list('desk', { receivedFrom: '2026-11-12' }))).not.toContain(log.b!.id);
      expect(ids(await list('desk', { receivedTo: '2026-11-10' }))).toContain(log.a!.id);
      expect(ids(await list('desk', { receivedTo: '2026-11-10' }))).not.toContain(log.b!.id);
    });

    it('filters by channel, kind and status within the range', async () => {
      const range = { receivedFrom: '2026-11-10', receivedTo: '2026-11-12' };
      expect(ids(await list('desk', { ...range, channel: 'mail' }))).toEqual([log.a!.id, log.c!.id]);
      expect(ids(await list('desk', { ...range, kind: 'denunciation' }))).toEqual([log.d!.id]);
      expect(ids(await list('desk', { ...range, status: 'received', channel: 'hotline' }))).toEqual([log.d!.id]);
      expect(ids(await list('desk', { ...range, unitId: communeId, channel: 'in_person' }))).toEqual([log.b!.id]);
    });

    it("shows the denouncer's name only to whoever may see it", async () => {
      const range = { receivedFrom: '2026-11-12', receivedTo: '2026-11-12', kind: 'denunciation' };
      for (const [user, name] of [['desk', DENOUNCER.fullName], ['head', DENOUNCER.fullName], ['handler', null], ['board', null]] as const) {
        const res = await s.http().get('/api/petitions').query(range).set('Authorization', tok[user]!);
        expect(res.status).toBe(200);
        const item = (res.body as PetitionListPage).items.find((i) => i.id === log.d!.id);
        expect({ user, name: item?.petitionerName, withheld: item?.identityWithheld }).toEqual({ user, name, withheld: name === null });
        if (name === null) for (const secret of [DENOUNCER.fullName, DENOUNCER.phone!, DENOUNCER.idNumber!]) expect(res.text).not.toContain(secret);
      }
    });

    it('refuses a bad date or a range that ends before it starts, naming the field', async () => {
      for (const [query, field] of [
        [{ receivedFrom: '2026-02-30' }, 'receivedFrom'],
        [{ receivedTo: '12/11/2026' }, 'receivedTo'],
        [{ receivedFrom: '9999-12-31' }, 'receivedFrom'],
        [{ receivedFrom: '2026-11-12', receivedTo: '2026-11-10' }, 'receivedTo'],
        [{ channel: 'pigeon' }, 'channel'],
      ] as const) {
        const res = await s.http().get('/api/petitions').query(query).set('Authorization', tok.desk!);
        expect({ query, status: res.status, type: res.headers['content-type'] }).toEqual({ query, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
    });
  });

  describe('search', () => {
    const COMPLAINANT: PersonBody = { fullName: 'Nguyễn Văn A', phone: '0915 246 813', idNumber: '001099012345' };
    const DENOUNCER: PersonBody = { fullName: 'Trần Thị Bí Mật', phone: '0987.654.321', idNumber: '001199054321' };
    let complaint: PetitionView;
    let denunciation: PetitionView;
    let group: PetitionView;
    let elsewhere: PetitionView;
    let unrelated: PetitionView;

    beforeAll(async () => {
      clock.set(NOW);
      complaint = await createPetition(s, tok.desk!, petitionBody(communeId, { kind: 'complaint', title: 'Khiếu nại quyết định thu hồi đất', petitioner: COMPLAINANT }));
      denunciation = await createPetition(s, tok.desk!, petitionBody(communeId, { kind: 'denunciation', title: 'Tố cáo cán bộ xã', content: 'Cán bộ xã nhận tiền', petitioner: DENOUNCER }));
      await mustPerformAction(s, tok.head!, denunciation.id, 'accept');
      await mustPerformAction(s, tok.head!, denunciation.id, 'assign', { assigneeId: handlerId });
      group = await createPetition(
        s,
        tok.desk!,
        petitionBody(communeId, { kind: 'feedback', title: 'Phản ánh chung của tổ 4', petitioner: { fullName: 'Hà Văn Đại Diện' }, coPetitioners: [{ fullName: 'Đỗ Thị Cùng Ký', phone: '0933 222 111' }] }),
      );
      elsewhere = await createPetition(s, tok.desk_other!, petitionBody(otherCommuneId, { kind: 'complaint', title: 'Khiếu nại ở xã khác', petitioner: COMPLAINANT }));
      unrelated = await createPetition(s, tok.desk!, petitionBody(communeId, { title: 'Đèn đường hỏng', petitioner: { fullName: 'Phạm Thị Hoa', phone: '0911 000 999' } }));
    });

    const found = async (user: string, q: string) => ids(await list(user, { q, pageSize: 100 }));

    it('finds a petition by its tracking code, with or without dashes, in any case', async () => {
      const code = complaint.trackingCode;
      for (const q of [code, code.toLowerCase(), code.replace(/-/g, ''), code.replace(/-/g, '').toLowerCase(), ` ${code.slice(0, 9)} `, code.slice(5).replace('-', '')]) {
        expect({ q, found: (await found('desk', q)).includes(complaint.id) }).toEqual({ q, found: true });
      }
      expect(await found('desk', code.replace(/-/g, ''))).toEqual([complaint.id]);
    });

    it("finds a petition by the petitioner's name without the marks, or a co-petitioner's, and not by someone else's", async () => {
      for (const q of ['nguyen van a', 'Nguyễn Văn A', 'NGUYEN VAN A', 'van a']) expect({ q, found: (await found('desk', q)).includes(complaint.id) }).toEqual({ q, found: true });
      expect(await found('desk', 'nguyen van a')).not.toContain(unrelated.id);
      expect(await found('desk', 'pham thi hoa')).toEqual([unrelated.id]);
      expect(await found('desk', 'do thi cung ky')).toEqual([group.id]);
      expect(await found('desk', '0933222111')).toEqual([group.id]);
    });

    it('finds a petition by phone (spaces and dots ignored) or ID number', async () => {
      for (const q of ['0915246813', '0915 246 813', '0915.246.813', '+84 915 246 813', '001099012345']) {
        expect({ q, found: await found('desk', q) }).toEqual({ q, found: [complaint.id] });
      }
    });

    it('stays within the jurisdiction: the same complainant in another commune is found only there', async () => {
      expect(await found('desk', '001099012345')).not.toContain(elsewhere.id);
      expect(await found('desk_other', '001099012345')).toEqual([elsewhere.id]);
      expect(await found('admin', '001099012345')).toEqual(expect.arrayContaining([complaint.id, elsewhere.id]));
    });

    it("never lets a handler or the board find a denunciation by the denouncer's name, phone or ID number", async () => {
      const byIdentity = ['tran thi bi mat', 'Trần Thị Bí Mật', 'bi mat', '0987654321', '0987.654.321', '001199054321'];
      // Those who may see the denouncer find the case by them: the terms do match.
      for (const user of ['desk', 'head', 'admin']) {
        for (const q of byIdentity) expect({ user, q, found: (await found(user, q)).includes(denunciation.id) }).toEqual({ user, q, found: true });
      }
      for (const user of ['handler', 'board']) {
        for (const q of byIdentity) expect({ user, q, found: (await found(user, q)).includes(denunciation.id) }).toEqual({ user, q, found: false });
        // The case itself is not hidden from them, only who stands behind it.
        expect(await found(user, denunciation.trackingCode)).toEqual([denunciation.id]);
        expect(await found(user, 'nhan tien')).toContain(denunciation.id);
      }
      // A handler may know who complained: the name search works for them on a complaint.
      expect(await found('handler', 'nguyen van a')).toContain(complaint.id);
      expect(await found('handler', '001099012345')).toEqual([complaint.id]);
      expect(await found('board', '001099012345')).toEqual([]);
    });

    it('treats LIKE wildcards in q as plain characters', async () => {
      expect(await found('desk', '%')).toEqual([]);
      expect(await found('desk', '_')).toEqual([]);
    });
  });
});
