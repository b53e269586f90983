import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type CommitmentView, DailyDigestUseCase } from '@app/application';
import { minutes, mustCommitmentAction, mustDialogueAction, requestDialogue, setClock } from '../support/dialogue-fixtures.js';
import { demoCommuneId, userUnitId } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';
import { waitFor } from '../support/wait-for.js';

/**
 * One deadline engine for petitions, commitments and dialogue results: a commitment's due date and a commune
 * conference's results publication (G4) are clocks with the same alert ladder, fired by the same worker through
 * the shared test clock. Expected instants are worked out by hand (Civil Code Art 147–148, Asia/Ho_Chi_Minh).
 */
describe('commitment and dialogue-results clocks', () => {
  let s: TestStack;
  const tok: Record<string, string> = {};
  let headId: string;
  let boardId: string;
  let communeId: string;
  let economyId: string;
  let dialogueId: string;
  let onDate: string; // promised for Wed 31/03/2027
  let byDefault: string; // no date promised: the policy's 30 days

  const clockOf = async (column: 'commitment_id' | 'dialogue_id', id: string) =>
    (
      await s.sql.query<{ id: string; rule_id: string; kind: string; days: number; status: string; due_at: Date; met_at: Date | null }>(
        `SELECT id, rule_id, kind, days, status, due_at, met_at FROM petition_clocks WHERE ${column} = $1`,
        [id],
      )
    ).rows;
  /** Alerts a user got about a commitment or dialogue, by threshold key, with the message key. */
  const alertsOf = async (column: 'commitment_id' | 'dialogue_id', id: string, userId: string) =>
    (
      await s.sql.query<{ key: string; message_key: string }>(
        `SELECT t.key, n.message_key FROM notifications n JOIN clock_thresholds t ON n.source_key = 'threshold:' || t.id || ':' || n.recipient_id
          WHERE n.${column} = $1 AND n.recipient_id = $2 AND n.kind = 'deadline.alert' ORDER BY t.due_at, t.key`,
        [id, userId],
      )
    ).rows.map((r) => `${r.key}:${r.message_key}`);
  const commitment = async (id: string) =>
    (await s.http().get(`/api/commitments/${id}`).set('Authorization', tok.head!).expect(200)).body as CommitmentView & { events?: { type: string }[] };
  /** Nothing due by the shared clock's instant is left unfired: checked before asserting that nothing more came. */
  const settled = () =>
    waitFor(
      async () =>
        (
          await s.sql.query(
            `SELECT 1 FROM clock_thresholds WHERE fired_at IS NULL
                AND due_at <= now() + make_interval(secs => (SELECT offset_ms FROM test_clock) / 1000.0)`,
          )
        ).rowCount === 0,
      { what: 'the worker to fire everything due' },
    );

  beforeAll(async () => {
    s = await startTestStack('subject-clocks', { testClock: true });
    communeId = await demoCommuneId(s);
    economyId = await userUnitId(s, 'handler2');
    for (const u of ['desk', 'head', 'handler2', 'board', 'admin']) tok[u] = await s.token(u);
    [headId, boardId] = await Promise.all([s.userId('head'), s.userId('board')]);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('starts a commitment clock due at the end of its promised day, and one of 30 days when none was promised', async () => {
    await setClock(s, tok.admin!, '2027-03-01T09:00:00+07:00'); // Monday
    const d = await requestDialogue(s, tok.head!, { kind: 'commune_conference', unitId: communeId, requestedBy: 'plan' });
    dialogueId = d.id;
    await mustDialogueAction(s, tok.head!, d.id, 'plan', { scheduledAt: '2027-03-10T08:00:00+07:00', venue: 'Hội trường phường Hạ Long', agenda: ['Đèn chiếu sáng'] });
    await mustDialogueAction(s, tok.head!, d.id, 'announce', { channels: ['notice_board'] });
    await setClock(s, tok.admin!, '2027-03-10T10:30:00+07:00'); // Wednesday
    await mustDialogueAction(s, tok.head!, d.id, 'hold', {
      minutes: minutes([
        { id: 'q1', text: 'Lắp đèn ngõ 12' },
        { id: 'q2', text: 'Nạo vét mương thôn 3' },
      ]),
    });
    const one = await mustDialogueAction(s, tok.head!, d.id, 'resolve-question', {
      questionId: 'q1',
      outcome: { kind: 'to_commitment', title: 'Lắp 6 đèn ngõ 12', ownerUnitId: economyId, dueDate: '2027-03-31' },
    });
    onDate = one.commitments[0]!.id;
    const two = await mustDialogueAction(s, tok.head!, d.id, 'resolve-question', {
      questionId: 'q2',
      outcome: { kind: 'to_commitment', title: 'Nạo vét mương thôn 3', ownerUnitId: communeId },
    });
    byDefault = two.commitments.find((c) => c.id !== onDate)!.id;

    expect(await clockOf('commitment_id', onDate)).toEqual([
      // 10/03 is not counted; 21 days to the end of Wed 31/03 (24:00 local = 17:00 UTC).
      expect.objectContaining({ rule_id: 'CM', kind: 'commitment', days: 21, status: 'running', due_at: new Date('2027-03-31T17:00:00.000Z') }),
    ]);
    // The commitment says how its due instant was counted, like a petition's clocks.
    const promised = await commitment(onDate);
    expect(promised.deadline).toMatchObject({ ruleId: 'CM', kind: 'commitment', status: 'running', dueAt: '2027-03-31T17:00:00.000Z' });
    expect(promised.deadline!.summary.vi).toBe('21 ngày từ 11/03/2027 (không tính ngày đưa ra cam kết 10/03/2027); hạn cuối là hết thứ Tư 31/03/2027.');
    expect((await commitment(byDefault)).dueDate).toBe('2027-04-09');
    expect(await clockOf('commitment_id', byDefault)).toEqual([
      expect.objectContaining({ rule_id: 'CM', days: 30, due_at: new Date('2027-04-09T17:00:00.000Z') }),
    ]);
    // The commune's head is told of both: one owned by the commune, one by its department (which has no head user).
    const toldHead = async (id: string) =>
      (await s.sql.query(`SELECT 1 FROM notifications WHERE commitment_id = $1 AND recipient_id = $2 AND kind = 'commitment.assigned'`, [id, headId])).rowCount;
    await waitFor(async () => (await toldHead(byDefault)) === 1 && (await toldHead(onDate)) === 1, { what: 'the commitment notifications' });
    const inbox = await s.http().get('/api/notifications').set('Authorization', tok.head!).expect(200);
    expect(inbox.body.items.find((n: { commitmentId: string | null; kind: string }) => n.commitmentId === byDefault && n.kind === 'commitment.assigned').message.vi).toBe(
      'Đơn vị được giao thực hiện cam kết "Nạo vét mương thôn 3", hạn 09/04/2027.',
    );
    const toDepartment = await s.sql.query(`SELECT count(*)::int AS n FROM notifications WHERE commitment_id = $1 AND kind = 'commitment.assigned'`, [onDate]);
    expect(toDepartment.rows[0].n).toBe(1);
  });

  it('creates a dialogue and a commitment once per Idempotency-Key: a retry replays, another body with the key is refused', async () => {
    const count = async (table: string) => (await s.sql.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
    const dialogueBody = { kind: 'party_head_direct', unitId: communeId, requestedBy: 'necessity', note: 'Đối thoại về giải phóng mặt bằng' };
    const dialoguesBefore = await count('dialogues');
    const first = await s.http().post('/api/dialogues').set('Authorization', tok.head!).set('Idempotency-Key', 'dlg-retry-0001').send(dialogueBody).expect(201);
    const again = await s.http().post('/api/dialogues').set('Authorization', tok.head!).set('Idempotency-Key', 'dlg-retry-0001').send(dialogueBody).expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('dialogues')).toBe(dialoguesBefore + 1);
    const reused = await s.http().post('/api/dialogues').set('Authorization', tok.head!).set('Idempotency-Key', 'dlg-retry-0001').send({ ...dialogueBody, note: 'khác' });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('error.idempotency_key_reused');
    const malformed = await s.http().post('/api/dialogues').set('Authorization', tok.head!).set('Idempotency-Key', 'x').send(dialogueBody).expect(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);

    // A commitment retried after a lost response: one commitment, one clock.
    const commitmentBody = { dialogueId, title: 'Sửa cống thôn 2', ownerUnitId: communeId, dueDate: '2027-04-20' };
    const clocksBefore = await count('petition_clocks');
    const c1 = await s.http().post('/api/commitments').set('Authorization', tok.head!).set('Idempotency-Key', 'cmt-retry-0001').send(commitmentBody).expect(201);
    const c2 = await s.http().post('/api/commitments').set('Authorization', tok.head!).set('Idempotency-Key', 'cmt-retry-0001').send(commitmentBody).expect(201);
    expect(c2.body.id).toBe(c1.body.id);
    expect(await count('petition_clocks')).toBe(clocksBefore + 1);
    // The same key for another kind of resource is a different request.
    const crossed = await s.http().post('/api/dialogues').set('Authorization', tok.head!).set('Idempotency-Key', 'cmt-retry-0001').send(dialogueBody);
    expect(crossed.status).toBe(422);
    await mustCommitmentAction(s, tok.head!, c1.body.id, 'drop', { reason: 'Trùng với kế hoạch của huyện' });
  });

  it('alerts the commune when the conference results are not published in 10 days (G4), and stops once they are', async () => {
    // Held Wed 10/03: ten days end on Sat 20/03, a day off, so the period runs to the end of Mon 22/03 (Art 148).
    expect(await clockOf('dialogue_id', dialogueId)).toEqual([
      expect.objectContaining({ rule_id: 'G4', kind: 'results_publication', days: 10, status: 'running', due_at: new Date('2027-03-22T17:00:00.000Z') }),
    ]);
    const view = (await s.http().get(`/api/dialogues/${dialogueId}`).set('Authorization', tok.head!).expect(200)).body;
    expect(view.deadline).toMatchObject({ ruleId: 'G4', status: 'running', explanation: { nominalLastDay: '2027-03-20', rolledForwardTo: '2027-03-22' } });
    // A day off declared on Mon 22/03 would push the period to the end of Tue 23/03: shown first as a dry run,
    // then applied, then undone. Only this clock's span contains the day.
    const edit = { date: '2027-03-22', kind: 'holiday', name: 'Ngày nghỉ bổ sung (thử)' };
    const dry = (await s.http().post('/api/calendar/entries?dryRun=true').set('Authorization', tok.admin!).send(edit).expect(200)).body;
    expect(dry.subjectDiff).toEqual([
      { subject: { type: 'dialogue', id: dialogueId }, clockId: expect.any(String), ruleId: 'G4', oldDueAt: '2027-03-22T17:00:00.000Z', newDueAt: '2027-03-23T17:00:00.000Z' },
    ]);
    expect((await clockOf('dialogue_id', dialogueId))[0]!.due_at).toEqual(new Date('2027-03-22T17:00:00.000Z'));
    await s.http().post('/api/calendar/entries').set('Authorization', tok.admin!).send(edit).expect(200);
    expect((await clockOf('dialogue_id', dialogueId))[0]!.due_at).toEqual(new Date('2027-03-23T17:00:00.000Z'));
    const breachRung = async () =>
      (await s.sql.query(`SELECT due_at FROM clock_thresholds WHERE dialogue_id = $1 AND key = '100'`, [dialogueId])).rows[0].due_at as Date;
    expect(await breachRung()).toEqual(new Date('2027-03-23T17:00:00.000Z'));
    await s.http().delete('/api/calendar/entries/2027-03-22').set('Authorization', tok.admin!).expect(200);
    expect((await clockOf('dialogue_id', dialogueId))[0]!.due_at).toEqual(new Date('2027-03-22T17:00:00.000Z'));
    expect(await breachRung()).toEqual(new Date('2027-03-22T17:00:00.000Z'));

    await setClock(s, tok.admin!, '2027-03-23T09:00:00+07:00');
    await waitFor(async () => (await alertsOf('dialogue_id', dialogueId, headId)).includes('100:alert.results.breached'), {
      what: 'the results-publication breach alert',
    });
    expect(await alertsOf('dialogue_id', dialogueId, headId)).toEqual(['50:alert.results.threshold', '80:alert.results.threshold', '100:alert.results.breached']);
    expect(await alertsOf('dialogue_id', dialogueId, boardId)).toEqual(['100:alert.results.breached']);
    const inbox = await s.http().get('/api/notifications').set('Authorization', tok.head!).expect(200);
    const breach = inbox.body.items.find((n: { dialogueId: string | null; message: { vi: string } }) => n.dialogueId === dialogueId && n.message.vi.startsWith('Đã quá hạn'));
    expect(breach.message.vi).toBe('Đã quá hạn công khai kết quả hội nghị đối thoại "Hội trường phường Hạ Long 10/03/2027" (hạn 22/03/2027).');

    const published = await mustDialogueAction(s, tok.head!, dialogueId, 'publish-results', { channels: ['notice_board'], summary: 'Kết quả đối thoại' });
    // The record agrees with the clock: the last day was Mon 22/03, so publishing on Tue 23/03 is late.
    expect(published).toMatchObject({ resultsDueDate: '2027-03-22', resultsLate: true });
    expect(await clockOf('dialogue_id', dialogueId)).toEqual([expect.objectContaining({ status: 'met' })]);
    // Nothing stays armed: the next overdue reminder can never fire.
    const armed = await s.sql.query(`SELECT key FROM clock_thresholds WHERE dialogue_id = $1 AND fired_at IS NULL AND due_at IS NOT NULL`, [dialogueId]);
    expect(armed.rows).toEqual([]);
  });

  it('marks a commitment overdue when its clock breaches: alerts up the ladder, one audit event, and the board lists it', async () => {
    await setClock(s, tok.admin!, '2027-04-01T09:00:00+07:00'); // the day after 31/03
    await waitFor(async () => (await commitment(onDate)).status === 'overdue', { what: 'the commitment to be marked overdue' });
    await settled();
    // Owned by a department: the commune head hears from 80 % on (commune_heads); the province board of the breach.
    expect(await alertsOf('commitment_id', onDate, headId)).toEqual([
      '80:alert.commitment.threshold',
      '100:alert.commitment.breached',
    ]);
    expect(await alertsOf('commitment_id', onDate, boardId)).toEqual(['100:alert.commitment.breached']);
    const events = await s.sql.query<{ type: string; actor_id: string | null }>(
      `SELECT type, actor_id FROM commitment_events WHERE commitment_id = $1 AND type = 'CommitmentOverdue'`,
      [onDate],
    );
    expect(events.rows).toEqual([{ type: 'CommitmentOverdue', actor_id: null }]);
    const handled = await s.sql.query(`SELECT handled_at FROM clock_thresholds WHERE commitment_id = $1 AND key = '100'`, [onDate]);
    expect(handled.rows[0].handled_at).not.toBeNull();
    // The other commitment is not yet due: untouched.
    expect((await commitment(byDefault)).status).toBe('open');

    const board = await s.http().get('/api/board/overdue-commitments').set('Authorization', tok.board!).expect(200);
    expect(board.body).toMatchObject({ total: 1 });
    expect(board.body.items).toEqual([
      expect.objectContaining({
        id: onDate,
        status: 'overdue',
        dueDate: '2027-03-31',
        daysOverdue: 1,
        ownerUnit: expect.objectContaining({ id: economyId }),
        dialogue: expect.objectContaining({ id: dialogueId, kind: 'commune_conference' }),
        clockDueAt: '2027-03-31T17:00:00.000Z',
      }),
    ]);
    // The board's digest of that morning names what the alert was about: a commitment, not "0 petitions"
    // (the sweep makes it; running the digest again is a no-op).
    await s.worker()!.get(DailyDigestUseCase).execute();
    const inbox = (await s.http().get('/api/notifications').set('Authorization', tok.board!).expect(200)).body.items as { kind: string; message: { vi: string; en: string } }[];
    // Newest first: the commitment's breach today, the G4 results alert on 23/03.
    expect(inbox.filter((n) => n.kind === 'deadline.digest').map((n) => n.message)).toEqual([
      { vi: 'Tổng hợp ngày 01/04/2027: 1 cảnh báo thời hạn trên 1 cam kết.', en: 'Digest for 01/04/2027: 1 deadline alert on 1 commitment.' },
      { vi: 'Tổng hợp ngày 23/03/2027: 1 cảnh báo thời hạn trên 1 cuộc đối thoại.', en: 'Digest for 23/03/2027: 1 deadline alert on 1 dialogue.' },
    ]);
    const handler = await s.http().get('/api/board/overdue-commitments').set('Authorization', await s.token('handler')).expect(403);
    expect(handler.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('sends the first overdue reminder 10 working days on, and nothing more once the commitment is done', async () => {
    // 10 working days after Wed 31/03/2027: 01, 02, 05, 06, 07, 08, 09, 12, 13, 14/04 → end of Wed 14/04.
    const reminder = await s.sql.query(`SELECT due_at FROM clock_thresholds WHERE commitment_id = $1 AND key = 'overdue-1'`, [onDate]);
    expect(reminder.rows[0].due_at).toEqual(new Date('2027-04-14T17:00:00.000Z'));
    await setClock(s, tok.admin!, '2027-04-15T09:00:00+07:00');
    await waitFor(async () => (await alertsOf('commitment_id', onDate, headId)).includes('overdue-1:alert.commitment.overdue'), {
      what: 'the first overdue reminder',
    });
    // A reminder does not mark the commitment overdue again.
    const overdueEvents = await s.sql.query(`SELECT count(*)::int AS n FROM commitment_events WHERE commitment_id = $1 AND type = 'CommitmentOverdue'`, [onDate]);
    expect(overdueEvents.rows[0].n).toBe(1);

    const done = await mustCommitmentAction(s, tok.head!, onDate, 'complete', { evidence: { note: 'Đã lắp đủ 6 đèn', reference: '15/BB-KT' } });
    expect(done.status).toBe('done');
    // Done on 15/04, due 31/03: 15 calendar days late, recorded at completion.
    expect(done).toMatchObject({ late: true, daysOverdue: 15 });
    expect(await clockOf('commitment_id', onDate)).toEqual([expect.objectContaining({ status: 'met' })]);
    await setClock(s, tok.admin!, '2027-05-31T09:00:00+07:00');
    await settled();
    // What was recorded at completion does not grow with time.
    expect(await commitment(onDate)).toMatchObject({ status: 'done', late: true, daysOverdue: 15, completion: { late: true, daysOverdue: 15 } });
    expect((await alertsOf('commitment_id', onDate, headId)).filter((k) => k.startsWith('overdue-2'))).toEqual([]);
    const board = await s.http().get('/api/board/overdue-commitments').set('Authorization', tok.board!).expect(200);
    // Only the commitment promised by default (due 09/04) is left overdue now.
    expect(board.body.items.map((i: { id: string }) => i.id)).toEqual([byDefault]);
  });

  it('names the unannounced Tết of 2027 in the explanation of a results clock that crosses it', async () => {
    await setClock(s, tok.admin!, '2027-01-20T09:00:00+07:00');
    const d = await requestDialogue(s, tok.head!, { kind: 'commune_conference', unitId: communeId, requestedBy: 'plan' });
    await mustDialogueAction(s, tok.head!, d.id, 'plan', { scheduledAt: '2027-02-03T08:00:00+07:00', venue: 'Hội trường phường Hạ Long', agenda: ['Đón Tết'] });
    await mustDialogueAction(s, tok.head!, d.id, 'announce', { channels: ['notice_board'] });
    await setClock(s, tok.admin!, '2027-02-03T10:30:00+07:00'); // Wednesday
    await mustDialogueAction(s, tok.head!, d.id, 'hold', { minutes: minutes([]) });
    // Ten calendar days end on Sat 13/02, a day off: the period runs to the end of Mon 15/02 (Art 148).
    const view = (await s.http().get(`/api/dialogues/${d.id}`).set('Authorization', tok.head!).expect(200)).body;
    expect(view.deadline).toMatchObject({ ruleId: 'G4', explanation: { lastDay: '2027-02-15' } });
    expect(view.deadline.explanation.unconfirmed).toEqual([
      expect.objectContaining({ year: 2027, fact: 'tet', label: { vi: 'Lịch nghỉ Tết Nguyên đán', en: 'Tết holiday schedule' } }),
    ]);
    expect(view.deadline.explanation.unconfirmed[0].assumption.vi).toContain('mùng 1 Tết là 06/02/2027');
  });
});
