import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { CitizenMessages } from '@app/application';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoCommuneId, mustPerformAction, performAction } from '../support/petition-fixtures.js';
import { citizenMessages, latestFeedbackToken, resolvedPetition, tablesHolding } from '../support/satisfaction-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Citizen satisfaction feedback end to end: a resolution sends a one-time link, the public page shows no
 * personal data, "not satisfied" reopens feedback at the same unit and explains the second-time complaint for
 * complaints, a link works once and expires, and the board counts the ratings per unit and handler. The link is
 * derived from its token row id when a message is rendered and is stored nowhere; a citizen's submission and a
 * staff command on the same petition take their locks in one order, so racing them never deadlocks.
 * The clock is set to Mon 23/11/2026 09:00 (Hà Nội) so the legal dates below can be worked out by hand.
 */
describe('citizen satisfaction feedback', () => {
  let s: TestStack;
  let admin: string;
  let head: string;
  let board: string;
  let communeId: string;
  let handlerId: string;
  let handler2Id: string;

  const sha256 = (raw: string) => createHash('sha256').update(raw).digest();
  /** The documented derivation, re-done independently: base64url(HMAC-SHA256(HKDF(secret, label), "feedback:" + id)). */
  const derivedToken = (secret: string, tokenId: string) => {
    const key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), 'grassroots/satisfaction/feedback-link/v1', 32));
    return createHmac('sha256', key).update(`feedback:${tokenId}`).digest('base64url');
  };
  const staffView = async (id: string) => (await s.http().get(`/api/petitions/${id}`).set('Authorization', head).expect(200)).body;
  const eventsOf = async (id: string) =>
    (
      await s.sql.query<{ type: string; actor_id: string | null; actor_role: string | null; payload: Record<string, unknown> }>(
        `SELECT type, actor_id, actor_role, payload FROM petition_events WHERE petition_id = $1 ORDER BY sequence`,
        [id],
      )
    ).rows;
  /**
   * Everything a rating may change, to prove that a refused request changed nothing. (Not petition versions as
   * a whole: once the clock jumps, the worker escalates overdue petitions in the background.)
   */
  const footprint = async () =>
    (
      await s.sql.query(
        `SELECT (SELECT count(*) FROM satisfaction_ratings)::int AS ratings,
                (SELECT count(*) FROM satisfaction_tokens WHERE used_at IS NOT NULL OR superseded_at IS NOT NULL)::int AS spent,
                (SELECT count(*) FROM petition_events WHERE type IN ('CitizenFeedbackRecorded', 'PetitionReopened'))::int AS events,
                (SELECT count(*) FROM citizen_messages)::int AS messages,
                (SELECT string_agg(id || ':' || status, ',' ORDER BY id) FROM petitions) AS statuses`,
      )
    ).rows[0];

  beforeAll(async () => {
    s = await startTestStack('satisfaction', { testClock: true });
    [admin, head, board] = [await s.token('admin'), await s.token('head'), await s.token('board')];
    communeId = await demoCommuneId(s);
    [handlerId, handler2Id] = [await s.userId('handler'), await s.userId('handler2')];
    await s.http().post('/api/test-clock').set('Authorization', admin).send({ set: '2026-11-23T02:00:00.000Z' }).expect(200);
  });
  afterAll(async () => {
    await s?.close();
  });

  describe('a feedback petition the citizen is not satisfied with', () => {
    let petitionId: string;
    let trackingCode: string;
    let token: string;

    it('sends the citizen a one-time link when it is resolved, and keeps only the hash of the token', async () => {
      const p = await resolvedPetition(s, 'feedback');
      [petitionId, trackingCode] = [p.id, p.trackingCode];
      expect(p.status).toBe('answered');

      const messages = await citizenMessages(s, petitionId);
      expect(messages).toHaveLength(1);
      // The demo petitioner has a phone: the link goes by SMS, not yet sent (a gateway is future work).
      expect(messages[0]).toMatchObject({ channel: 'sms', address: '0912345678', message_key: 'satisfaction.citizen_message.link', sent_at: null });
      expect(messages[0]!.body_vi).toContain(trackingCode);
      expect(messages[0]!.body_vi).toContain(`/api/track/${trackingCode}`);
      // 30 days of validity from 23/11, ending with 23/12.
      expect(messages[0]!.body_vi).toContain('23/12/2026');
      token = await latestFeedbackToken(s, petitionId);
      expect(messages[0]!.body_en).toContain(`/api/feedback/${token}`);

      const tokens = await s.sql.query(`SELECT id, token_hash, unit_id, handler_id, expires_at, used_at FROM satisfaction_tokens WHERE petition_id = $1`, [petitionId]);
      expect(tokens.rows).toEqual([
        { id: expect.any(String), token_hash: sha256(token), unit_id: communeId, handler_id: handlerId, expires_at: new Date('2026-12-23T17:00:00.000Z'), used_at: null },
      ]);
      const tokenId: string = tokens.rows[0].id;
      // The message row keeps the token row id and params without any link; the link is derived from the id
      // with the server secret each time the message is rendered, identically.
      expect(messages[0]).toMatchObject({ token_id: tokenId });
      expect(Object.keys(messages[0]!.params).sort()).toEqual(['expiresOn', 'trackingCode', 'trackingLink']);
      expect(token).toBe(derivedToken(s.config.satisfaction.linkSecret, tokenId));
      expect(s.api.get(CitizenMessages).feedbackLinkFor(tokenId)).toBe(`/api/feedback/${token}`);
      expect((await citizenMessages(s, petitionId))[0]!.body_vi).toBe(messages[0]!.body_vi);

      // The raw token is stored nowhere: no row of any table (citizen messages, tokens, trail, outbox, ...) holds
      // it, its characters' hex or its MAC bytes. Nor does what staff see.
      expect(await tablesHolding(s, token)).toEqual([]);
      expect(JSON.stringify(await staffView(petitionId))).not.toContain(token);
      // What the database does hold does not make a link: the same derivation without the server secret (here
      // with the JWT secret used directly, or another secret) gives an unknown token.
      for (const secret of ['some-other-secret-of-at-least-32-chars!', s.config.jwt.secret]) {
        const forged = createHmac('sha256', secret).update(`feedback:${tokenId}`).digest('base64url');
        await s.http().get(`/api/feedback/${forged}`).expect(404);
      }
      await s.http().get(`/api/feedback/${derivedToken('some-other-secret-of-at-least-32-chars!', tokenId)}`).expect(404);
    });

    it('shows the public facts and the choices on GET, without login and without personal data', async () => {
      const res = await s.http().get(`/api/feedback/${token}`).expect(200);
      expect(res.body).toMatchObject({
        petition: { trackingCode, kind: 'feedback', status: 'answered', trackingLink: `/api/track/${trackingCode}` },
        link: { status: 'active', expiresAt: '2026-12-23T17:00:00.000Z', usedAt: null },
        canRate: true,
        ifNotSatisfied: { outcome: 'reopened' },
        rating: null,
      });
      expect(res.body.petition.resolvedAt).toEqual(expect.any(String));
      expect(res.body.petition.unitName).toEqual(expect.any(String));
      expect(res.body.instructions.vi).toContain('hài lòng');
      const text = JSON.stringify(res.body);
      for (const personal of ['Nguyễn Văn An', '0912345678', 'Tổ 5, khu 3', 'Đèn đường hỏng', handlerId, petitionId]) expect(text).not.toContain(personal);
    });

    it('refuses bad bodies with problem+json field details and leaves the link unused', async () => {
      const before = await footprint();
      const cases: [object, string, string][] = [
        [{}, 'satisfied', 'validation.isDefined'],
        [{ satisfied: 'no' }, 'satisfied', 'validation.isBoolean'],
        [{ satisfied: 'false' }, 'satisfied', 'validation.isBoolean'],
        [{ satisfied: false, comment: 'x'.repeat(2001) }, 'comment', 'validation.maxLength'],
        [{ satisfied: false, comment: 42 }, 'comment', 'validation.isString'],
        [{ satisfied: false, rating: 5 }, 'rating', 'validation.whitelistValidation'],
      ];
      for (const [body, field, code] of cases) {
        const res = await s.http().post(`/api/feedback/${token}`).send(body).expect(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.errors).toEqual([expect.objectContaining({ field, code, messages: { vi: expect.any(String), en: expect.any(String) } })]);
      }
      expect(await footprint()).toEqual(before);
    });

    it('reopens the petition at the same unit when the citizen is not satisfied, recorded without a staff actor', async () => {
      const comment = 'Đèn vẫn chưa được sửa, tối vẫn tối om.';
      const res = await s.http().post(`/api/feedback/${token}`).send({ satisfied: false, comment }).expect(200);
      expect(res.body).toMatchObject({ outcome: 'reopened', reopened: true, satisfied: false, petition: { status: 'reopened', resolvedAt: null }, remedy: null });
      expect(res.body.message.vi).toContain('mở lại');

      const view = await staffView(petitionId);
      expect(view).toMatchObject({ status: 'reopened', owningUnitId: communeId, assigneeId: handlerId });
      const tail = (await eventsOf(petitionId)).slice(-2);
      expect(tail).toEqual([
        expect.objectContaining({ type: 'CitizenFeedbackRecorded', actor_id: null, actor_role: null, payload: expect.objectContaining({ satisfied: false, comment, outcome: 'reopened' }) }),
        expect.objectContaining({
          type: 'PetitionReopened',
          actor_id: null,
          actor_role: null,
          payload: expect.objectContaining({ requestedBy: 'citizen', reason: expect.stringContaining('citizen not satisfied'), comment }),
        }),
      ]);
      const ratings = await s.sql.query(`SELECT unit_id, handler_id, satisfied, comment, outcome FROM satisfaction_ratings WHERE petition_id = $1`, [petitionId]);
      expect(ratings.rows).toEqual([{ unit_id: communeId, handler_id: handlerId, satisfied: false, comment, outcome: 'reopened' }]);

      // Nobody assigned it again, so the unit's head and the last handler are told it came back.
      const told = async () =>
        (
          await s.sql.query<{ recipient_id: string }>(
            `SELECT recipient_id FROM notifications WHERE petition_id = $1 AND kind = 'petition.reopened_by_citizen' ORDER BY recipient_id`,
            [petitionId],
          )
        ).rows.map((r) => r.recipient_id);
      const headId = await s.userId('head');
      await waitFor(async () => (await told()).length === 2, { what: 'the reopen notifications' });
      expect(await told()).toEqual([headId, handlerId].sort());
      const inbox = await s.http().get('/api/notifications').set('Authorization', await s.token('handler')).expect(200);
      const note = inbox.body.items.find((n: { kind: string; petitionId: string }) => n.kind === 'petition.reopened_by_citizen' && n.petitionId === petitionId);
      expect(note.message.vi).toMatch(/^Công dân chưa hài lòng với kết quả; đơn .+ được mở lại để xử lý tiếp\.$/);
    });

    it('refuses a second use of the link with 409 and changes nothing', async () => {
      const before = await footprint();
      const res = await s.http().post(`/api/feedback/${token}`).send({ satisfied: true }).expect(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 409, code: 'satisfaction.token_used' });
      expect(res.body.messages.vi).toContain('một lần');
      expect(await footprint()).toEqual(before);
      // Reading it still works and says what was recorded.
      const page = await s.http().get(`/api/feedback/${token}`).expect(200);
      expect(page.body).toMatchObject({ link: { status: 'used' }, canRate: false, rating: { satisfied: false, outcome: 'reopened' } });
    });

    it('issues a new link when the reopened petition is resolved again; the satisfied citizen leaves it answered', async () => {
      await mustPerformAction(s, head, petitionId, 'assign', { assigneeId: handlerId });
      await mustPerformAction(s, head, petitionId, 'resolve', { summary: 'Đã thay bóng đèn' });
      const second = await latestFeedbackToken(s, petitionId);
      expect(second).not.toBe(token);
      expect((await citizenMessages(s, petitionId)).filter((m) => m.message_key === 'satisfaction.citizen_message.link')).toHaveLength(2);
      await s.http().post(`/api/feedback/${token}`).send({ satisfied: true }).expect(409);

      const res = await s.http().post(`/api/feedback/${second}`).send({ satisfied: true }).expect(200);
      expect(res.body).toMatchObject({ outcome: 'recorded', reopened: false, petition: { status: 'answered' } });
      expect((await staffView(petitionId)).status).toBe('answered');
    });
  });

  it('voids a live link when staff reopen the petition (410), and the new result brings a new link', async () => {
    const p = await resolvedPetition(s, 'recommendation');
    const token = await latestFeedbackToken(s, p.id);
    await mustPerformAction(s, head, p.id, 'reopen', { reason: 'Công dân phản ánh trực tiếp tại bộ phận tiếp dân' });
    const before = await footprint();
    const res = await s.http().post(`/api/feedback/${token}`).send({ satisfied: false }).expect(410);
    expect(res.body).toMatchObject({ status: 410, code: 'satisfaction.token_superseded' });
    await s.http().get(`/api/feedback/${token}`).expect(410);
    expect(await footprint()).toEqual(before);
    // Not rated: this petition adds nothing to the board figures below.
  });

  it('does not reopen a complaint: it explains the second-time complaint (30 days, LKN Art 33) and tells the citizen', async () => {
    const p = await resolvedPetition(s, 'complaint', { overrides: { title: 'Khiếu nại quyết định thu hồi đất' } });
    expect(p.status).toBe('decided');
    const token = await latestFeedbackToken(s, p.id);
    const page = await s.http().get(`/api/feedback/${token}`).expect(200);
    expect(page.body.ifNotSatisfied).toMatchObject({ outcome: 'second_complaint_right' });
    expect(page.body.ifNotSatisfied.message.vi).toContain('30 ngày');

    const res = await s.http().post(`/api/feedback/${token}`).send({ satisfied: false, comment: 'Tôi không đồng ý mức bồi thường' }).expect(200);
    // Decided on Mon 23/11/2026: the 23rd is not counted, 30 days end with Wed 23/12/2026 (a working day).
    expect(res.body).toMatchObject({
      outcome: 'second_complaint_right',
      reopened: false,
      petition: { status: 'decided' },
      remedy: {
        right: 'second_complaint',
        legalBasis: 'Luật Khiếu nại 2011 Điều 33',
        windowDays: 30,
        remoteArea: false,
        decidedOn: '2026-11-23',
        lastDay: '2026-12-23',
        until: '2026-12-23T17:00:00.000Z',
      },
    });
    expect(res.body.remedy.fileWith.vi).toEqual(expect.any(String));
    expect(res.body.message.vi).toContain('khiếu nại lần hai');
    expect(res.body.message.vi).toContain('30 ngày');
    expect(res.body.message.vi).toContain('23/12/2026');
    expect(res.body.message.vi).toContain('Điều 33');
    expect((await staffView(p.id)).status).toBe('decided');
    expect((await eventsOf(p.id)).map((e) => e.type).filter((t) => t === 'PetitionReopened')).toEqual([]);
    // The explanation also goes out to the citizen.
    const last = (await citizenMessages(s, p.id)).at(-1)!;
    expect(last).toMatchObject({ message_key: 'satisfaction.outcome.second_complaint_right', channel: 'sms' });
    expect(last.body_vi).toContain('khiếu nại lần hai');
  });

  it('records a satisfied recommendation and leaves it answered', async () => {
    const p = await resolvedPetition(s, 'recommendation', { assignee: 'handler2', overrides: { petitioner: { fullName: 'Trần Thị Bình', email: 'binh@example.vn' } } });
    // No phone: the link goes by e-mail.
    expect((await citizenMessages(s, p.id))[0]).toMatchObject({ channel: 'email', address: 'binh@example.vn' });
    const token = await latestFeedbackToken(s, p.id);
    // Two submissions at once (a double tap): the petition lock, then the token lock, let exactly one through.
    const both = await Promise.all([0, 1].map(() => s.http().post(`/api/feedback/${token}`).send({ satisfied: true, comment: 'Cảm ơn cán bộ' })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const res = both.find((r) => r.status === 200)!;
    expect(res.body).toMatchObject({ outcome: 'recorded', reopened: false, petition: { status: 'answered' }, remedy: null });
    expect((await s.sql.query(`SELECT count(*)::int AS n FROM satisfaction_ratings WHERE petition_id = $1`, [p.id])).rows[0].n).toBe(1);
    expect((await staffView(p.id)).status).toBe('answered');
    expect((await eventsOf(p.id)).at(-1)).toMatchObject({ type: 'CitizenFeedbackRecorded', payload: expect.objectContaining({ satisfied: true, outcome: 'recorded' }) });
  });

  it('answers a made-up or malformed token with the same 404, and changes nothing', async () => {
    const before = await footprint();
    const madeUp = randomBytes(32).toString('base64url');
    for (const t of [madeUp, 'abc', `${madeUp}x`, '%27%20OR%201=1--']) {
      const get = await s.http().get(`/api/feedback/${t}`).expect(404);
      const post = await s.http().post(`/api/feedback/${t}`).send({ satisfied: false }).expect(404);
      for (const res of [get, post]) {
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body).toMatchObject({ status: 404, code: 'satisfaction.token_unknown' });
      }
    }
    expect(await footprint()).toEqual(before);
  });

  it('shows the board the ratings per unit and per handler, with shares and definitions', async () => {
    // Rated so far, all at the demo commune: feedback not satisfied then satisfied (handler), complaint not
    // satisfied (handler), recommendation satisfied (handler2). The superseded link was never rated.
    const res = await s.http().get('/api/board/satisfaction').query({ from: '2026-11-01', to: '2026-11-30' }).set('Authorization', board).expect(200);
    expect(res.body.period).toMatchObject({ from: '2026-11-01', to: '2026-11-30', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(res.body.units).toEqual([{ unit: expect.objectContaining({ id: communeId }), rated: 4, satisfied: 2, satisfiedShare: 0.5 }]);
    expect(res.body.handlers).toHaveLength(2);
    expect(res.body.handlers).toEqual(
      expect.arrayContaining([
        { handler: { id: handlerId, fullName: expect.any(String) }, unit: expect.objectContaining({ id: communeId }), rated: 3, satisfied: 1, satisfiedShare: 1 / 3 },
        { handler: { id: handler2Id, fullName: expect.any(String) }, unit: expect.objectContaining({ id: communeId }), rated: 1, satisfied: 1, satisfiedShare: 1 },
      ]),
    );
    expect(res.body.totals).toEqual({ rated: 4, satisfied: 2, satisfiedShare: 0.5 });
    expect(Object.keys(res.body.definitions).sort()).toEqual(['handler', 'period', 'rated', 'satisfied', 'satisfiedShare', 'unit']);
    expect(res.body.definitions.satisfiedShare.vi).toContain('n = 0');
    // The board never sees who petitioned.
    expect(JSON.stringify(res.body)).not.toContain('Nguyễn Văn An');

    // A period without ratings: n = 0 gives a null share, not 0 %.
    const empty = await s.http().get('/api/board/satisfaction').query({ from: '2026-10-01', to: '2026-10-31' }).set('Authorization', board).expect(200);
    expect(empty.body).toMatchObject({ units: [], handlers: [], totals: { rated: 0, satisfied: 0, satisfiedShare: null } });
    // Readers as for the other board views: a handler is refused; bad periods are problem+json with the field.
    await s.http().get('/api/board/satisfaction').query({ from: '2026-11-01', to: '2026-11-30' }).set('Authorization', await s.token('handler')).expect(403);
    const bad = await s.http().get('/api/board/satisfaction').query({ from: '2026-02-30', to: '2026-11-30' }).set('Authorization', board).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'from', code: 'validation.isLocalDate' })]);
    const reversed = await s.http().get('/api/board/satisfaction').query({ from: '2026-11-30', to: '2026-11-01' }).set('Authorization', board).expect(400);
    expect(reversed.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'board.period_invalid' })]);
  });

  it('never deadlocks a citizen rating racing a staff reopen of the same petition: one wins, the other is refused cleanly', async () => {
    // Staff commands lock the petition (compare-and-set) and then void its live link; the citizen's submission
    // takes the petition before the token too. Taken the other way round, these two would deadlock (a 500).
    // Staff first, the citizen 0–18 ms later: staggered so the citizen's request lands anywhere in the staff
    // command's transaction, including between its compare-and-set and its voiding of the link.
    for (let round = 0; round < 20; round++) {
      const p = await resolvedPetition(s, 'feedback');
      const token = await latestFeedbackToken(s, p.id);
      const [staff, citizen] = await Promise.all([
        performAction(s, head, p.id, 'reopen', { reason: 'Công dân phản ánh trực tiếp tại bộ phận tiếp dân' }).then((r) => r),
        new Promise((resolve) => setTimeout(resolve, (round % 10) * 2)).then(() =>
          s.http().post(`/api/feedback/${token}`).send({ satisfied: false, comment: `vòng ${round}` }),
        ),
      ]);
      // The citizen first: reopened by the rating, the staff reopen refused (its CAS or its transition).
      // Staff first: the link was voided by the reopen, so the citizen gets 410 superseded. Never a 500.
      expect({ round, outcome: `${citizen.status}/${staff.status}` }).toEqual({ round, outcome: expect.stringMatching(/^(200\/409|410\/200)$/) });
      if (citizen.status === 410) expect(citizen.body).toMatchObject({ code: 'satisfaction.token_superseded' });

      // One consistent end state either way: reopened once, the link spent exactly one way, a rating only if
      // the citizen won, no live link left.
      const reopens = (await eventsOf(p.id)).filter((e) => e.type === 'PetitionReopened');
      expect(reopens).toHaveLength(1);
      expect(reopens[0]!.payload.requestedBy).toBe(citizen.status === 200 ? 'citizen' : undefined);
      expect((await staffView(p.id)).status).toBe('reopened');
      const tok = (await s.sql.query(`SELECT used_at, superseded_at FROM satisfaction_tokens WHERE petition_id = $1`, [p.id])).rows;
      expect(tok).toHaveLength(1);
      expect([tok[0].used_at !== null, tok[0].superseded_at !== null]).toEqual(citizen.status === 200 ? [true, false] : [false, true]);
      const ratings = (await s.sql.query(`SELECT count(*)::int AS n FROM satisfaction_ratings WHERE petition_id = $1`, [p.id])).rows[0].n;
      expect(ratings).toBe(citizen.status === 200 ? 1 : 0);
    }
  }, 120_000);

  it('takes the link lifetime from the settings row (policy data), read at each resolution', async () => {
    await s.sql.query(`UPDATE satisfaction_settings SET token_valid_days = 10 WHERE id = 1`);
    try {
      const p = await resolvedPetition(s, 'feedback');
      const rows = await s.sql.query(`SELECT issued_at, expires_at FROM satisfaction_tokens WHERE petition_id = $1`, [p.id]);
      // Issued on 23/11 (Hà Nội): valid to the end of 03/12.
      expect(rows.rows[0].expires_at).toEqual(new Date('2026-12-03T17:00:00.000Z'));
      expect((await citizenMessages(s, p.id))[0]!.body_vi).toContain('03/12/2026');
    } finally {
      await s.sql.query(`UPDATE satisfaction_settings SET token_valid_days = 30 WHERE id = 1`);
    }
  });

  it('expires a link after 30 days (410) and records nothing', async () => {
    const p = await resolvedPetition(s, 'feedback');
    const token = await latestFeedbackToken(s, p.id);
    await s.http().post('/api/test-clock').set('Authorization', admin).send({ advance: 'P31D' }).expect(200);
    const before = await footprint();
    const res = await s.http().post(`/api/feedback/${token}`).send({ satisfied: false }).expect(410);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 410, code: 'satisfaction.token_expired' });
    expect(res.body.messages.vi).toContain('hết hạn');
    await s.http().get(`/api/feedback/${token}`).expect(410);
    expect(await footprint()).toEqual(before);
    expect((await staffView(p.id)).status).toBe('answered');
  });

  it('lists the public feedback routes and the board route in the OpenAPI document', async () => {
    const doc = (await s.http().get('/api/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/feedback/{token}', '/api/board/satisfaction']));
    expect(doc.paths['/api/feedback/{token}'].post.security ?? []).toEqual([]);
  });
});
