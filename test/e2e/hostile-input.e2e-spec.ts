import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Test } from 'supertest';
import { minutes, mustDialogueAction, requestDialogue, setClock } from '../support/dialogue-fixtures.js';
import { expectFieldProblem, publicTableCounts, STACK_TRACE_TEXT } from '../support/hostile-input.js';
import { demoCommuneId, petitionBody } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * One request must never take the service down: far dates (a commitment due 9999-12-31 once sent the API into
 * an endless day loop until it died of heap exhaustion), JSON nested thousands of levels deep (a stack overflow,
 * a 500 before authentication) and lone UTF-16 surrogates (a failed jsonb insert, a 500). Each is a 400
 * problem+json naming the field, writes nothing, and leaves no stack trace in the API's log.
 */
describe('hostile input is refused on its field and takes nothing down', () => {
  let s: TestStack;
  const logLines: string[] = [];
  const tok: Record<string, string> = {};
  let communeId: string;
  let headId: string;
  let heldDialogueId: string;
  let requestedDialogueId: string;
  let baseline: Record<string, number>;

  beforeAll(async () => {
    // No worker: nothing may change the tables between two requests but the requests themselves.
    s = await startTestStack('hostile-input', { testClock: true, workerOnStart: false, log: { level: 'info', stream: { write: (line) => void logLines.push(line) } } });
    communeId = await demoCommuneId(s);
    headId = await s.userId('head');
    for (const u of ['desk', 'head', 'board', 'admin']) tok[u] = await s.token(u);
    await setClock(s, tok.admin!, '2027-04-05T09:00:00+07:00');
    const held = await requestDialogue(s, tok.head!, { kind: 'party_head_direct', unitId: communeId, requestedBy: 'necessity' });
    heldDialogueId = held.id;
    await mustDialogueAction(s, tok.head!, held.id, 'plan', { scheduledAt: '2027-04-06T14:00:00+07:00', venue: 'Trụ sở Đảng ủy', agenda: ['Quy hoạch chợ'] });
    await setClock(s, tok.admin!, '2027-04-06T16:00:00+07:00');
    await mustDialogueAction(s, tok.head!, held.id, 'hold', { minutes: minutes([{ id: 'q1', text: 'Quy hoạch chợ' }]) });
    requestedDialogueId = (await requestDialogue(s, tok.head!, { kind: 'party_head_direct', unitId: communeId, requestedBy: 'necessity' })).id;
    baseline = await publicTableCounts(s.sql);
  });

  afterAll(async () => {
    await s?.close();
  });

  afterEach(async () => {
    const now = await publicTableCounts(s.sql);
    const before = baseline;
    baseline = now;
    expect(now).toEqual(before);
  });

  const post = (path: string, token: string | null, body: unknown): Test => {
    const req = s.http().post(path);
    if (token) req.set('Authorization', tok[token]!);
    return req.send(body as object);
  };
  const get = (path: string, token: string): Test => s.http().get(path).set('Authorization', tok[token]!);
  const commitment = (dueDate: string) => ({ dialogueId: heldDialogueId, title: 'Lắp đèn ngõ 12', ownerUnitId: communeId, dueDate });

  describe('far dates', () => {
    it.each(['9999-12-31', '2101-01-01', '1999-12-31', '0000-01-01'])('POST /api/commitments refuses dueDate %s', async (dueDate) => {
      expectFieldProblem(await post('/api/commitments', 'head', commitment(dueDate)), 'dueDate', 'validation.dateRange');
    });

    it('accepts the last day of the range', async () => {
      const res = await post('/api/commitments', 'head', commitment('2100-12-31'));
      expect(res.status).toBe(201);
      expect(res.body.dueDate).toBe('2100-12-31');
      baseline = await publicTableCounts(s.sql);
    });

    const cases: [string, () => Test, string][] = [
      [
        'a question turned into a commitment due 9999-12-31',
        () =>
          post(`/api/dialogues/${heldDialogueId}/actions/resolve-question`, 'head', {
            questionId: 'q1',
            outcome: { kind: 'to_commitment', title: 'Quy hoạch chợ', ownerUnitId: communeId, dueDate: '9999-12-31' },
          }),
        'outcome.dueDate',
      ],
      [
        'a reception day on 9999-12-31',
        () => post('/api/reception-days', 'head', { unitId: communeId, hostUserId: headId, position: 'commune_chair', date: '9999-12-31', venue: 'Trụ sở' }),
        'date',
      ],
      ['reception days of ?month=0000-01', () => get('/api/reception-days?month=0000-01', 'head'), 'month'],
      ['compliance of ?month=0000-01', () => get('/api/board/reception-compliance?month=0000-01', 'board'), 'month'],
      ['compliance of ?month=9999-12', () => get('/api/board/reception-compliance?month=9999-12', 'board'), 'month'],
      ['board figures from 0000-01-01', () => get('/api/board/stats?from=0000-01-01&to=2026-12-31', 'board'), 'from'],
      ['board figures to 9999-12-31', () => get('/api/board/stats?from=2026-01-01&to=9999-12-31', 'board'), 'to'],
      ['satisfaction figures to 9999-12-31', () => get('/api/board/satisfaction?from=2026-01-01&to=9999-12-31', 'board'), 'to'],
      ['a calendar entry on 9999-12-31', () => post('/api/calendar/entries', 'admin', { date: '9999-12-31', kind: 'holiday', name: 'Nghỉ' }), 'date'],
      ['removing the calendar entry of 9999-12-31', () => s.http().delete('/api/calendar/entries/9999-12-31').set('Authorization', tok.admin!), 'date'],
      [
        'a reception duty from 9999-12-31',
        () => post('/api/reception-duties', 'admin', { userId: headId, unitId: communeId, position: 'commune_chair', effectiveFrom: '9999-12-31' }),
        'effectiveFrom',
      ],
      [
        'a duty rule from 9999-12-31',
        () =>
          post('/api/reception-duty-rules', 'admin', {
            ruleId: 'R9',
            position: 'commune_chair',
            minDaysPerMonth: 2,
            legalReference: 'Luật Tiếp công dân 2013 Điều 15',
            verification: 'unverified',
            effectiveFrom: '9999-12-31',
          }),
        'effectiveFrom',
      ],
      [
        'a conference planned for the last instant of year 9999',
        () => post(`/api/dialogues/${requestedDialogueId}/actions/plan`, 'head', { scheduledAt: '9999-12-31T20:00:00Z', venue: 'Hội trường', agenda: ['x'] }),
        'scheduledAt',
      ],
      ['the test clock set to year 9999', () => post('/api/test-clock', 'admin', { set: '9999-12-31T20:00:00Z' }), 'set'],
      ['the test clock moved on past 2100', () => post('/api/test-clock', 'admin', { advance: 'P36600D' }), 'advance'],
    ];
    it.each(cases)('refuses %s on its field', async (_label, send, field) => {
      expectFieldProblem(await send(), field, 'validation.dateRange');
    });
  });

  describe('deep nesting', () => {
    // Raw text: JSON.stringify itself recurses (and fails on such values), and the point is a body the server parses.
    const nested = (levels: number) => `${'{"a":'.repeat(levels)}"x"${'}'.repeat(levels)}`;
    const deepArrays = (levels: number) => `{"username":${'['.repeat(levels)}${']'.repeat(levels)},"password":"x"}`;
    /** A valid petition body with `field` replaced by raw JSON text. */
    const petitionWith = (field: string, raw: string) => JSON.stringify({ ...petitionBody(communeId), [field]: '@@' }).replace('"@@"', raw);
    const postRaw = (path: string, token: string | null, text: string): Test => {
      const req = s.http().post(path).set('Content-Type', 'application/json');
      if (token) req.set('Authorization', tok[token]!);
      return req.send(text);
    };

    it('refuses 100,000 levels of arrays at login (no authentication yet) with the path where the limit was passed', async () => {
      const res = await s.http().post('/api/auth/login').set('Content-Type', 'application/json').send(deepArrays(100_000));
      const p = expectFieldProblem(res, `username${'.0'.repeat(15)}`, 'validation.maxDepth');
      expect(p.errors).toHaveLength(1);
    });

    it('refuses 5,000 levels of objects before authentication on a protected route', async () => {
      const res = await postRaw('/api/petitions', null, petitionWith('petitioner', nested(5000)));
      expectFieldProblem(res, `petitioner${'.a'.repeat(15)}`, 'validation.maxDepth');
    });

    it('refuses it with a token too, on the field', async () => {
      expectFieldProblem(await postRaw('/api/petitions', 'desk', petitionWith('title', nested(3000))), `title${'.a'.repeat(15)}`, 'validation.maxDepth');
    });

    it('still takes nesting as deep as a real body needs', async () => {
      // 16 levels is the limit; minutes.attendees.fatherlandFront.names.0 is 5.
      const res = await postRaw('/api/petitions', 'desk', petitionWith('title', nested(15)));
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'title', code: 'validation.isString' })]);
    });
  });

  describe('lone UTF-16 surrogates', () => {
    it.each([
      ['petitioner.fullName', { petitioner: { fullName: 'Nguyễn \uD800An' } }],
      ['title', { title: '\uDC00 Đường ngập' }],
      ['coPetitioners.0.fullName', { coPetitioners: [{ fullName: 'Trần Thị \uDBFF' }] }],
    ])('refuses one in %s', async (field, patch) => {
      const res = await post('/api/petitions', 'desk', { ...petitionBody(communeId), ...patch });
      const p = expectFieldProblem(res, field, 'validation.isWellFormed');
      expect(p.errors.map((e) => e.field)).toEqual([field]);
    });

    it('refuses one in a key, naming it', async () => {
      const res = await post('/api/petitions', 'desk', { ...petitionBody(communeId), ['x\uD800']: 1 });
      expectFieldProblem(res, 'x\uD800', 'validation.isWellFormed');
    });

    it('refuses one in a commitment title', async () => {
      const res = await post('/api/commitments', 'head', { ...commitment('2027-05-01'), title: 'Đèn \uD83D' });
      expectFieldProblem(res, 'title', 'validation.isWellFormed');
    });

    it('still takes a well-formed pair (an emoji) in a name', async () => {
      const res = await post('/api/petitions', 'desk', { ...petitionBody(communeId), petitioner: { fullName: 'Nguyễn An \uD83D\uDE00' } });
      expect(res.status).toBe(201);
      baseline = await publicTableCounts(s.sql);
    });
  });

  it('refuses a path segment that is not valid UTF-8 on the path', async () => {
    expectFieldProblem(await get('/api/petitions/%ED%A0%80', 'desk'), 'path', 'validation.isWellFormed');
    expectFieldProblem(await get('/api/track/%E0%A4%A', 'desk'), 'path', 'validation.isWellFormed');
  });

  it('answers a URL past the header limit as problem+json, not a bare 431', async () => {
    const res = await get(`/api/petitions?q=${'a'.repeat(20_000)}`, 'desk');
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 431, code: 'error.headers_too_large' });
    // The server still answers afterwards.
    expect((await get('/api/auth/me', 'desk')).status).toBe(200);
  });

  it('left no stack trace and no error in the API log', () => {
    const lines = logLines;
    // The stack logs every request, so an empty log would mean the capture is broken.
    expect(lines.length).toBeGreaterThan(10);
    const errors = lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    expect(errors).toEqual([]);
    for (const pattern of STACK_TRACE_TEXT) expect(lines.filter((l) => pattern.test(l))).toEqual([]);
  });
});
