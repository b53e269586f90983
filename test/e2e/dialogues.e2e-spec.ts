import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CommitmentView, DialogueView, PetitionView } from '@app/application';
import {
  commitmentAction,
  dialogueAction,
  minutes,
  mustCommitmentAction,
  mustDialogueAction,
  postDialogue,
  requestDialogue,
  setClock,
} from '../support/dialogue-fixtures.js';
import { createPetition, demoCommuneId, mustPerformAction, performAction, petitionBody, userUnitId } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * Dialogues and commitments end to end over HTTP, with the shared test clock: the commune conference's legal
 * gates (G2 voters' share, G3 notice, closing only once every question and commitment has ended), questions
 * turned into petitions and commitments in one step, commitment follow-up, carry-over of overdue commitments
 * into the next conference, and the K9 gate on second-time complaints. Dates are Vietnam local (UTC+7).
 */
describe('dialogues and commitments', () => {
  let s: TestStack;
  const tok: Record<string, string> = {};
  let communeId: string;
  let economyId: string;
  let provinceId: string;
  let otherCommuneId: string;

  beforeAll(async () => {
    s = await startTestStack('dialogues', { testClock: true });
    communeId = await demoCommuneId(s);
    economyId = await userUnitId(s, 'handler2');
    provinceId = (await s.sql.query<{ province_id: string }>('SELECT province_id FROM units WHERE id = $1', [communeId])).rows[0]!.province_id;
    otherCommuneId = (
      await s.sql.query<{ id: string }>(
        `SELECT id FROM units WHERE level = 'commune' AND province_id = $1 AND id <> $2 ORDER BY code LIMIT 1`,
        [provinceId, communeId],
      )
    ).rows[0]!.id;
    // A head at the province (second-time complaints are decided there) and one at another commune.
    for (const [username, unitId] of [
      ['head_province', provinceId],
      ['head_other', otherCommuneId],
    ] as const) {
      await s.sql.query(
        `INSERT INTO users (username, password_hash, full_name, role, unit_id) SELECT $1, password_hash, $1, 'head', $2 FROM users WHERE username = 'desk'`,
        [username, unitId],
      );
    }
    for (const u of ['desk', 'head', 'handler', 'handler2', 'board', 'admin', 'head_province', 'head_other']) tok[u] = await s.token(u);
  });
  afterAll(async () => {
    await s?.close();
  });

  const getDialogue = async (id: string, user = 'head') =>
    (await s.http().get(`/api/dialogues/${id}`).set('Authorization', tok[user]!).expect(200)).body as DialogueView;
  const getCommitment = async (id: string, user = 'head') =>
    (await s.http().get(`/api/commitments/${id}`).set('Authorization', tok[user]!).expect(200)).body as CommitmentView;

  describe('G2: a voters’ request obliges a conference only from 10% of the voter list', () => {
    it('refuses 99 of 1,000 voters with 409 naming the rule, and accepts 100', async () => {
      await setClock(s, tok.admin!, '2027-03-01T09:00:00+07:00');
      const body = { kind: 'commune_conference', unitId: communeId, requestedBy: 'voters', registeredVoters: 1000 };
      const before = (await s.sql.query('SELECT count(*)::int AS n FROM dialogues')).rows[0].n;
      const low = await postDialogue(s, tok.desk!, { ...body, voterCount: 99 }).expect(409);
      expect(low.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(low.body).toMatchObject({ status: 409, code: 'dialogue.voter_threshold_not_met', gate: 'G2' });
      expect(low.body.messages.vi).toBe('Cần ít nhất 100 cử tri (10% của 1000 cử tri) yêu cầu; mới có 99.');
      expect((await s.sql.query('SELECT count(*)::int AS n FROM dialogues')).rows[0].n).toBe(before);

      const ok = await requestDialogue(s, tok.desk!, { ...body, voterCount: 100 });
      expect(ok).toMatchObject({ status: 'requested', kind: 'commune_conference', voterCount: 100, registeredVoters: 1000, version: 1 });
      expect(ok.events).toEqual([expect.objectContaining({ sequence: 1, type: 'DialogueRequested', legalBasis: expect.stringContaining('Điều 43') })]);
    });
  });

  describe('the commune conference, from request to close', () => {
    let dialogueId: string;
    let petitionId: string;
    let commitmentId: string;

    it('is planned and announced, and cannot be held less than 7 days after the notice (G3)', async () => {
      await setClock(s, tok.admin!, '2027-03-01T09:00:00+07:00'); // Monday
      const d = await requestDialogue(s, tok.head!, { kind: 'commune_conference', unitId: communeId, requestedBy: 'plan', note: 'Hội nghị thường niên 2027' });
      dialogueId = d.id;
      const planned = await mustDialogueAction(s, tok.head!, d.id, 'plan', {
        scheduledAt: '2027-03-10T08:00:00+07:00',
        venue: 'Hội trường UBND phường Hạ Long',
        agenda: ['Giải phóng mặt bằng', 'Vệ sinh môi trường'],
      });
      expect(planned).toMatchObject({ status: 'planned', venue: 'Hội trường UBND phường Hạ Long', carriedOverCommitments: [] });
      const announced = await mustDialogueAction(s, tok.head!, d.id, 'announce', { channels: ['notice_board', 'loudspeaker', 'website'] });
      expect(announced).toMatchObject({ status: 'announced', announcedOn: '2027-03-01' });

      // Sunday 7 March is day 6 after the notice: the earliest lawful day is Monday 8 March.
      await setClock(s, tok.admin!, '2027-03-07T09:00:00+07:00');
      const early = await dialogueAction(s, tok.head!, d.id, 'hold', { minutes: minutes() }).expect(409);
      expect(early.body).toMatchObject({ code: 'dialogue.notice_period_not_met', gate: 'G3' });
      expect(early.body.messages.vi).toBe(
        'Hội nghị đã thông báo ngày 2027-03-01 nên sớm nhất ngày 2027-03-08 mới được tổ chức (trước ít nhất 7 ngày), không phải ngày 2027-03-07.',
      );
      expect((await getDialogue(d.id)).status).toBe('announced');
    });

    it('is held with its minutes, publishes results, and cannot close while questions are open', async () => {
      await setClock(s, tok.admin!, '2027-03-10T10:30:00+07:00');
      const held = await mustDialogueAction(s, tok.head!, dialogueId, 'hold', {
        minutes: minutes([
          { id: 'q1', text: 'Khi nào sửa đường tổ 5?' },
          { id: 'q2', text: 'Đề nghị xem xét việc lấn chiếm vỉa hè tại chợ Hạ Long', askedBy: 'Bà Trần Thị Bình' },
          { id: 'q3', text: 'Đề nghị lắp đèn chiếu sáng ngõ 12', askedBy: 'Ông Đỗ Văn Cường' },
        ]),
      });
      expect(held).toMatchObject({ status: 'held', attendees: { citizens: 120, fatherlandFront: { present: true } } });
      // The shared clock keeps running after a jump: held a moment after 10:30 on Wednesday 10 March.
      expect(held.heldAt).toMatch(/^2027-03-10T03:3\d:/);
      expect(held.questions.map((q) => [q.id, q.outcome])).toEqual([
        ['q1', null],
        ['q2', null],
        ['q3', null],
      ]);
      // The board oversees but never sees who asked (DOMAIN.md §7).
      const seenByBoard = await getDialogue(dialogueId, 'board');
      expect(seenByBoard.identityWithheld).toBe(true);
      expect(seenByBoard.questions.map((q) => q.askedBy)).toEqual([null, null, null]);
      expect(JSON.stringify(seenByBoard.events)).not.toContain('Trần Thị Bình');

      await setClock(s, tok.admin!, '2027-03-15T09:00:00+07:00');
      const published = await mustDialogueAction(s, tok.head!, dialogueId, 'publish-results', {
        channels: ['mass_media', 'notice_board', 'hamlet_heads'],
        summary: 'Thông báo kết quả hội nghị đối thoại',
      });
      // Ten days from Wed 10/03 end on Sat 20/03, a day off: G4 runs to the end of Mon 22/03 (Art 148), as its clock does.
      expect(published).toMatchObject({ status: 'results_published', resultsDueDate: '2027-03-22', resultsLate: false });
      await mustDialogueAction(s, tok.head!, dialogueId, 'start-follow-up');

      const closing = await dialogueAction(s, tok.head!, dialogueId, 'close', {}).expect(409);
      expect(closing.body).toMatchObject({ code: 'dialogue.questions_unresolved', rule: 'questions-resolved' });
      expect(closing.body.messages.vi).toBe('Còn 3 câu hỏi chưa được trả lời, chuyển thành đơn hoặc thành cam kết.');
    });

    it('answers one question, turns one into a petition (channel dialogue, linked) and one into a commitment, each in one step', async () => {
      await mustDialogueAction(s, tok.head!, dialogueId, 'resolve-question', { questionId: 'q1', outcome: { kind: 'answered', answer: 'Quý II/2027' } });

      const withPetition = await mustDialogueAction(s, tok.head!, dialogueId, 'resolve-question', {
        questionId: 'q2',
        outcome: { kind: 'to_petition', petitionKind: 'recommendation' },
      });
      const q2 = withPetition.questions.find((q) => q.id === 'q2')!;
      expect(q2.outcome).toMatchObject({ kind: 'to_petition', petitionKind: 'recommendation', petitionId: expect.any(String) });
      petitionId = (q2.outcome as { petitionId: string }).petitionId;
      expect(withPetition.petitions).toEqual([expect.objectContaining({ id: petitionId, channel: 'dialogue', kind: 'recommendation', status: 'received' })]);
      const petition = (await s.http().get(`/api/petitions/${petitionId}`).set('Authorization', tok.desk!).expect(200)).body as PetitionView;
      expect(petition).toMatchObject({
        channel: 'dialogue',
        kind: 'recommendation',
        receivingUnitId: communeId,
        title: 'Đề nghị xem xét việc lấn chiếm vỉa hè tại chợ Hạ Long',
        petitioner: { fullName: 'Bà Trần Thị Bình' },
      });
      const listed = await s.http().get(`/api/dialogues?petitionId=${petitionId}`).set('Authorization', tok.desk!).expect(200);
      expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([dialogueId]);

      const withCommitment = await mustDialogueAction(s, tok.head!, dialogueId, 'resolve-question', {
        questionId: 'q3',
        outcome: { kind: 'to_commitment', title: 'Lắp 6 đèn chiếu sáng ngõ 12', ownerUnitId: economyId, ownerPerson: 'Phạm Thu Hà', dueDate: '2027-04-30' },
      });
      expect(withCommitment.commitments).toEqual([
        expect.objectContaining({ title: 'Lắp 6 đèn chiếu sáng ngõ 12', ownerUnitId: economyId, dueDate: '2027-04-30', status: 'open', questionId: 'q3' }),
      ]);
      commitmentId = withCommitment.commitments[0]!.id;
      expect(withCommitment.questions.find((q) => q.id === 'q3')!.outcome).toMatchObject({ kind: 'to_commitment', commitmentId });
      expect(withCommitment.events.map((e) => e.type)).toEqual([
        'DialogueRequested',
        'DialoguePlanned',
        'DialogueAnnounced',
        'DialogueHeld',
        'DialogueResultsPublished',
        'DialogueFollowUpStarted',
        'DialogueQuestionResolved',
        'DialogueQuestionResolved',
        'DialogueQuestionResolved',
      ]);
      const listedCommitments = await s.http().get(`/api/commitments?dialogueId=${dialogueId}`).set('Authorization', tok.handler2!).expect(200);
      expect(listedCommitments.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: commitmentId })] });
    });

    it('keeps the dialogue open while its commitment runs on time, then follows the commitment to done with evidence', async () => {
      const pending = await dialogueAction(s, tok.head!, dialogueId, 'close', {}).expect(409);
      expect(pending.body).toMatchObject({ code: 'dialogue.commitments_pending', rule: 'commitments-settled' });

      const started = await mustCommitmentAction(s, tok.handler2!, commitmentId, 'start', { note: 'Đã khảo sát' });
      expect(started.status).toBe('in_progress');
      const noEvidence = await commitmentAction(s, tok.head!, commitmentId, 'complete', {}).expect(422);
      expect(noEvidence.body.errors).toEqual([expect.objectContaining({ field: 'evidence', code: 'commitment.evidence_required' })]);
      const stale = await commitmentAction(s, tok.handler2!, commitmentId, 'add-evidence', { evidence: { note: 'x' } }, 1).expect(412);
      expect(stale.body.currentVersion).toBe(2);
      await mustCommitmentAction(s, tok.handler2!, commitmentId, 'add-evidence', { evidence: { note: 'Biên bản nghiệm thu', reference: '12/BB-KT' } });
      const handlerTries = await commitmentAction(s, tok.handler2!, commitmentId, 'complete', {}).expect(403);
      expect(handlerTries.body.code).toBe('commitment.role_not_allowed');
      const done = await mustCommitmentAction(s, tok.head!, commitmentId, 'complete', {});
      expect(done).toMatchObject({ status: 'done', late: false, evidence: [expect.objectContaining({ note: 'Biên bản nghiệm thu', reference: '12/BB-KT' })] });
      expect(done.events.map((e) => e.type)).toEqual(['CommitmentCreated', 'CommitmentStarted', 'CommitmentEvidenceAdded', 'CommitmentDone']);
      expect(done.availableActions).toEqual([]);

      const closed = await mustDialogueAction(s, tok.head!, dialogueId, 'close', { note: 'Hoàn thành' });
      expect(closed.status).toBe('closed');
      expect(closed.availableActions).toEqual([]);
    });

    it('keeps an append-only audit trail that replays to the stored state', async () => {
      await expect(s.sql.query(`UPDATE dialogue_events SET type = 'x' WHERE dialogue_id = $1`, [dialogueId])).rejects.toThrow(/append-only/);
      await expect(s.sql.query(`DELETE FROM commitment_events WHERE commitment_id = $1`, [commitmentId])).rejects.toThrow(/append-only/);
      const { replayDialogue } = await import('@app/domain');
      const rows = (await s.sql.query(`SELECT payload FROM dialogue_events WHERE dialogue_id = $1 ORDER BY sequence`, [dialogueId])).rows;
      const replayed = replayDialogue(rows.map((r) => r.payload));
      const stored = await getDialogue(dialogueId);
      expect(replayed).toMatchObject({ status: stored.status, version: stored.version, petitionIds: [petitionId], questions: stored.questions });
    });
  });

  describe('commitments made directly at a held dialogue', () => {
    let dialogueId: string;

    it('are created by a head only on a held dialogue, and dropped only with a reason', async () => {
      await setClock(s, tok.admin!, '2027-04-05T09:00:00+07:00');
      const d = await requestDialogue(s, tok.head!, { kind: 'party_head_direct', unitId: communeId, requestedBy: 'necessity' });
      dialogueId = d.id;
      const body = { dialogueId, title: 'Trả lời bằng văn bản về quy hoạch chợ', ownerUnitId: communeId };
      const notHeld = await s.http().post('/api/commitments').set('Authorization', tok.head!).send(body).expect(409);
      expect(notHeld.body).toMatchObject({ code: 'commitment.dialogue_not_held', dialogueStatus: 'requested' });

      await mustDialogueAction(s, tok.head!, dialogueId, 'plan', { scheduledAt: '2027-04-06T14:00:00+07:00', venue: 'Trụ sở Đảng ủy', agenda: ['Quy hoạch chợ'] });
      await setClock(s, tok.admin!, '2027-04-06T16:00:00+07:00');
      await mustDialogueAction(s, tok.head!, dialogueId, 'hold', { minutes: minutes() });

      await s.http().post('/api/commitments').set('Authorization', tok.desk!).send(body).expect(403);
      const created = await s.http().post('/api/commitments').set('Authorization', tok.head!).send(body).expect(201);
      // No due date given: the policy default, 30 days after creation.
      expect(created.body).toMatchObject({ status: 'open', dueDate: '2027-05-06', defaultDueDate: true, dialogueId });
      expect(created.headers.location).toBe(`/api/commitments/${created.body.id}`);

      const noReason = await commitmentAction(s, tok.head!, created.body.id, 'drop', {}).expect(400);
      expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      const dropped = await mustCommitmentAction(s, tok.head!, created.body.id, 'drop', { reason: 'Đã có quyết định quy hoạch của tỉnh' });
      expect(dropped).toMatchObject({ status: 'dropped', dropReason: 'Đã có quyết định quy hoạch của tỉnh' });
      const again = await commitmentAction(s, tok.head!, created.body.id, 'start', {}).expect(409);
      expect(again.body).toMatchObject({ code: 'commitment.transition_not_allowed', currentStatus: 'dropped', allowedActions: [] });
    });

    it('transfer to a new petition in one step (petitionKind), or to an existing one in jurisdiction', async () => {
      const make = async (title: string) =>
        (await s.http().post('/api/commitments').set('Authorization', tok.head!).send({ dialogueId, title, ownerUnitId: economyId }).expect(201)).body as CommitmentView;
      const a = await make('Giải quyết việc cấp nước sạch khu 4');
      const both = await commitmentAction(s, tok.head!, a.id, 'transfer', {}).expect(422);
      expect(both.body.errors).toEqual([expect.objectContaining({ code: 'commitment.transfer_target_required' })]);
      const moved = await mustCommitmentAction(s, tok.head!, a.id, 'transfer', { petitionKind: 'feedback', note: 'Cần xác minh' });
      expect(moved.status).toBe('transferred');
      const opened = (await s.http().get(`/api/petitions/${moved.transferredToPetitionId}`).set('Authorization', tok.desk!).expect(200)).body as PetitionView;
      expect(opened).toMatchObject({ channel: 'dialogue', kind: 'feedback', title: 'Giải quyết việc cấp nước sạch khu 4', receivingUnitId: communeId });

      const b = await make('Sửa cống thoát nước');
      const existing = await createPetition(s, tok.desk!, petitionBody(communeId, { title: 'Cống thoát nước tắc' }));
      const foreign = await createPetition(s, tok.head_other!, petitionBody(otherCommuneId, { title: 'Đơn xã khác' }));
      const outside = await commitmentAction(s, tok.head!, b.id, 'transfer', { petitionId: foreign.id }).expect(422);
      expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'petitionId', code: 'dialogue.petition_invalid' })]);
      expect((await mustCommitmentAction(s, tok.head!, b.id, 'transfer', { petitionId: existing.id })).transferredToPetitionId).toBe(existing.id);
    });
  });

  describe('carry-over into the next conference', () => {
    it('puts a past-due commitment of the commune on the next conference agenda, even before the clock marks it overdue', async () => {
      await setClock(s, tok.admin!, '2027-06-01T09:00:00+07:00');
      const d = await requestDialogue(s, tok.head!, { kind: 'party_head_direct', unitId: communeId, requestedBy: 'necessity' });
      await mustDialogueAction(s, tok.head!, d.id, 'plan', { scheduledAt: '2027-06-01T14:00:00+07:00', venue: 'Trụ sở', agenda: ['Nước sạch'] });
      await setClock(s, tok.admin!, '2027-06-01T15:00:00+07:00');
      await mustDialogueAction(s, tok.head!, d.id, 'hold', { minutes: minutes() });
      const c = (
        await s
          .http()
          .post('/api/commitments')
          .set('Authorization', tok.head!)
          .send({ dialogueId: d.id, title: 'Nạo vét kênh tiêu', ownerUnitId: economyId, dueDate: '2027-06-05' })
          .expect(201)
      ).body as CommitmentView;
      const onTime = await s.http().get('/api/commitments?overdue=true').set('Authorization', tok.head!).expect(200);
      expect(onTime.body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);

      // Three days past the due day (Saturday 5 June 2027 → Tuesday 8 June).
      await setClock(s, tok.admin!, '2027-06-08T09:00:00+07:00');
      const overdue = await s.http().get('/api/commitments?overdue=true').set('Authorization', tok.head!).expect(200);
      expect(overdue.body.items).toEqual([expect.objectContaining({ id: c.id, late: true, daysOverdue: 3 })]);
      expect(['open', 'overdue']).toContain(overdue.body.items[0].status);

      const next = await requestDialogue(s, tok.head!, { kind: 'commune_conference', unitId: communeId, requestedBy: 'front' });
      const planned = await mustDialogueAction(s, tok.head!, next.id, 'plan', {
        scheduledAt: '2027-06-20T08:00:00+07:00',
        venue: 'Hội trường UBND phường',
        agenda: ['Trật tự đô thị'],
      });
      expect(planned.agenda).toEqual(['Trật tự đô thị']);
      expect(planned.carriedOverCommitments).toEqual([expect.objectContaining({ id: c.id, title: 'Nạo vét kênh tiêu', dueDate: '2027-06-05', late: true })]);
      expect(planned.events.at(-1)).toMatchObject({ type: 'DialoguePlanned', data: { carriedOverCommitmentIds: [c.id] } });
      // Another commune's conference does not inherit this commune's promises.
      const elsewhere = await requestDialogue(s, tok.head_other!, { kind: 'commune_conference', unitId: otherCommuneId, requestedBy: 'plan' });
      const otherPlan = await mustDialogueAction(s, tok.head_other!, elsewhere.id, 'plan', { scheduledAt: '2027-06-20T08:00:00+07:00', venue: 'UBND', agenda: ['A'] });
      expect(otherPlan.carriedOverCommitments).toEqual([]);
    });
  });

  describe('K9: a second-time complaint is decided only after a dialogue on it was held', () => {
    it('refuses resolve with 409 until a complaint-resolution dialogue linked to it is held, then allows it', async () => {
      await setClock(s, tok.admin!, '2027-07-05T09:00:00+07:00');
      const handlerId = await s.userId('handler');
      const first = await createPetition(s, tok.desk!, petitionBody(communeId, { kind: 'complaint', title: 'Khiếu nại quyết định thu hồi đất' }));
      await mustPerformAction(s, tok.head!, first.id, 'accept');
      await mustPerformAction(s, tok.head!, first.id, 'assign', { assigneeId: handlerId });
      await mustPerformAction(s, tok.handler!, first.id, 'start-verification');
      // A first-time complaint is not gated (K4 is conditional).
      await mustPerformAction(s, tok.head!, first.id, 'resolve', { summary: 'Giữ nguyên quyết định', decisionNumber: '20/QĐ-UBND' });
      await mustPerformAction(s, tok.desk!, first.id, 'request-second-instance', { reason: 'Không đồng ý' });
      const secondId = (await s.sql.query<{ id: string }>('SELECT id FROM petitions WHERE parent_petition_id = $1', [first.id])).rows[0]!.id;

      const headP = tok.head_province!;
      const headPId = await s.userId('head_province');
      await mustPerformAction(s, headP, secondId, 'accept');
      await mustPerformAction(s, headP, secondId, 'assign', { assigneeId: headPId });
      await mustPerformAction(s, headP, secondId, 'start-verification');
      const resolve = { summary: 'Quyết định giải quyết khiếu nại lần hai', decisionNumber: '5/QĐ-UBND' };

      const noDialogue = await performAction(s, headP, secondId, 'resolve', resolve).expect(409);
      expect(noDialogue.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(noDialogue.body).toMatchObject({ code: 'dialogue.second_complaint_dialogue_required', currentStatus: 'verifying', linkedDialogues: [] });
      expect(noDialogue.body.messages.vi).toMatch(/^Chưa thể giải quyết khiếu nại lần hai.*Luật Khiếu nại 2011 Điều 39; Nghị định 124\/2020\/NĐ-CP Điều 28/);
      // The resolver sees why instead of a button that would fail: resolve is blocked, with the reason and the law.
      const gated = (await s.http().get(`/api/petitions/${secondId}`).set('Authorization', headP).expect(200)).body;
      expect(gated.availableActions).not.toContain('resolve');
      expect(gated.blockedActions).toEqual([
        { action: 'resolve', reason: { vi: expect.stringMatching(/^Chưa thể giải quyết khiếu nại lần hai/), en: expect.any(String) }, legalBasis: expect.stringContaining('Điều 39') },
      ]);

      // The dialogue must be about complaints of the same instance.
      const mismatch = await postDialogue(s, headP, {
        kind: 'complaint_resolution',
        unitId: provinceId,
        requestedBy: 'necessity',
        complaintInstance: 1,
        petitionIds: [secondId],
      }).expect(422);
      expect(mismatch.body.errors).toEqual([expect.objectContaining({ field: 'petitionIds.0', code: 'dialogue.complaint_petition_kind' })]);

      const d = await requestDialogue(s, headP, { kind: 'complaint_resolution', unitId: provinceId, requestedBy: 'necessity', complaintInstance: 2, petitionIds: [secondId] });
      expect(d.events[0]!.legalBasis).toBe('Luật Khiếu nại 2011 Điều 39; NĐ 124/2020/NĐ-CP Điều 28');
      await mustDialogueAction(s, headP, d.id, 'plan', { scheduledAt: '2027-07-08T09:00:00+07:00', venue: 'Thanh tra tỉnh', agenda: ['Đối thoại với người khiếu nại'] });
      const planned = await performAction(s, headP, secondId, 'resolve', resolve).expect(409);
      expect(planned.body.linkedDialogues).toEqual([{ id: d.id, kind: 'complaint_resolution', status: 'planned' }]);

      await setClock(s, tok.admin!, '2027-07-08T11:00:00+07:00');
      await mustDialogueAction(s, headP, d.id, 'hold', { minutes: minutes([{ id: 'k1', text: 'Người khiếu nại trình bày yêu cầu' }]) });
      const open = (await s.http().get(`/api/petitions/${secondId}`).set('Authorization', headP).expect(200)).body;
      expect(open.availableActions).toContain('resolve');
      expect(open.blockedActions).toEqual([]);
      const decided = await mustPerformAction(s, headP, secondId, 'resolve', resolve);
      expect(decided.status).toBe('decided');
    });
  });

  describe('bad input and jurisdiction', () => {
    it('answers malformed bodies with 400 problem+json naming each field, and changes nothing', async () => {
      const before = (await s.sql.query('SELECT count(*)::int AS n FROM dialogues')).rows[0].n;
      const res = await postDialogue(s, tok.head!, { kind: 'hội nghị', unitId: 'x', requestedBy: 'voters', voterCount: -1, extra: 1 }).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'kind', 'unitId', 'voterCount']);
      expect((await s.sql.query('SELECT count(*)::int AS n FROM dialogues')).rows[0].n).toBe(before);

      await setClock(s, tok.admin!, '2027-08-02T09:00:00+07:00');
      const d = await requestDialogue(s, tok.head!, { kind: 'party_head_direct', unitId: communeId, requestedBy: 'necessity' });
      const badHold = await dialogueAction(s, tok.head!, d.id, 'plan', { scheduledAt: '2027-08-10', venue: '', agenda: [] }).expect(400);
      expect(badHold.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['agenda', 'scheduledAt', 'venue']);
      // Well-formed, but in the past: the domain's 422 on the field.
      const past = await dialogueAction(s, tok.head!, d.id, 'plan', { scheduledAt: '2027-08-01T09:00:00+07:00', venue: 'UBND', agenda: ['A'] }).expect(422);
      expect(past.body.errors).toEqual([expect.objectContaining({ field: 'scheduledAt', code: 'dialogue.schedule_in_past' })]);
      const planned = await mustDialogueAction(s, tok.head!, d.id, 'plan', { scheduledAt: '2027-08-03T09:00:00+07:00', venue: 'UBND', agenda: ['A'] });
      const stale = await dialogueAction(s, tok.head!, d.id, 'cancel', { reason: 'x' }, planned.version - 1).expect(412);
      expect(stale.body.currentVersion).toBe(planned.version);
      const nested = await dialogueAction(s, tok.head!, d.id, 'hold', {
        minutes: { ...minutes([{ id: 'q1', text: '' }]), attendees: { ...minutes().attendees, citizens: -5 } },
      }).expect(400);
      expect(nested.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['minutes.attendees.citizens', 'minutes.questions.0.text']);
      await mustDialogueAction(s, tok.head!, d.id, 'hold', { minutes: minutes([{ id: 'q1', text: 'Câu hỏi' }]) });
      const outcome = await dialogueAction(s, tok.head!, d.id, 'resolve-question', { questionId: 'q1', outcome: { kind: 'to_commitment', ownerUnitId: 'x' } }).expect(400);
      expect(outcome.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['outcome.ownerUnitId', 'outcome.title']);
      const foreignOwner = await dialogueAction(s, tok.head!, d.id, 'resolve-question', {
        questionId: 'q1',
        outcome: { kind: 'to_commitment', title: 'T', ownerUnitId: otherCommuneId },
      }).expect(422);
      expect(foreignOwner.body.errors).toEqual([expect.objectContaining({ field: 'outcome.ownerUnitId', code: 'commitment.owner_unit_invalid' })]);
      expect((await getDialogue(d.id)).commitments).toEqual([]);
      await dialogueAction(s, tok.head!, d.id, 'dance', {}).expect(404);
      await s.http().get('/api/commitments?overdue=maybe').set('Authorization', tok.head!).expect(400);
      const cancel = await dialogueAction(s, tok.desk!, d.id, 'close', {}).expect(403);
      expect(cancel.body.code).toBe('dialogue.role_not_allowed');
    });

    it('hides dialogues and commitments of another commune (404), and refuses to convene for a unit outside yours (422)', async () => {
      const mine = (await s.http().get('/api/dialogues?kind=commune_conference').set('Authorization', tok.head!).expect(200)).body as { items: DialogueView[]; total: number };
      expect(mine.total).toBeGreaterThan(0);
      expect(mine.items.every((d) => d.unitId === communeId)).toBe(true);
      const id = mine.items[0]!.id;
      await s.http().get(`/api/dialogues/${id}`).set('Authorization', tok.head_other!).expect(404);
      await dialogueAction(s, tok.head_other!, id, 'cancel', { reason: 'x' }).expect(404);
      const theirs = (await s.http().get('/api/dialogues').set('Authorization', tok.head_other!).expect(200)).body as { items: DialogueView[] };
      expect(theirs.items.map((d) => d.id)).not.toContain(id);
      // The board sees its whole province.
      await s.http().get(`/api/dialogues/${id}`).set('Authorization', tok.board!).expect(200);

      const commitments = (await s.http().get('/api/commitments').set('Authorization', tok.head!).expect(200)).body as { items: CommitmentView[]; total: number };
      expect(commitments.total).toBeGreaterThan(0);
      const cid = commitments.items[0]!.id;
      await s.http().get(`/api/commitments/${cid}`).set('Authorization', tok.head_other!).expect(404);
      await commitmentAction(s, tok.head_other!, cid, 'drop', { reason: 'x' }).expect(404);
      expect((await getCommitment(cid, 'handler2')).id).toBe(cid);

      const outside = await postDialogue(s, tok.head!, { kind: 'commune_conference', unitId: otherCommuneId, requestedBy: 'plan' }).expect(422);
      expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'unitId', code: 'dialogue.unit_invalid' })]);
      const department = await postDialogue(s, tok.head!, { kind: 'commune_conference', unitId: economyId, requestedBy: 'plan' }).expect(422);
      expect(department.body.errors).toEqual([expect.objectContaining({ field: 'unitId', code: 'dialogue.conference_unit_commune' })]);
    });

    it('lists every route in the OpenAPI document', async () => {
      const doc = (await s.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
      for (const path of ['/api/dialogues', '/api/dialogues/{id}', '/api/dialogues/{id}/actions/{action}', '/api/commitments', '/api/commitments/{id}', '/api/commitments/{id}/actions/{action}']) {
        expect(Object.keys(doc.paths)).toContain(path);
      }
    });
  });
});
