import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CommitmentView, DialogueView, PetitionView } from '@app/application';
import { minutes, mustCommitmentAction, mustDialogueAction, requestDialogue, setClock } from '../support/dialogue-fixtures.js';
import { createPetition, demoCommuneId, mustPerformAction, petitionBody, userUnitId } from '../support/petition-fixtures.js';
import { latestFeedbackToken, resolvedPetition } from '../support/satisfaction-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Nothing leaks on any route that can reach a denunciation: a denouncer's identity is secret (LTC 2018 Art 47,
 * 56), whether they filed at the desk, asked a question at a dialogue that became a denunciation, or asked one
 * whose commitment was transferred as a denunciation. Every route a handler or the board can call is read and
 * its whole body searched for the known names and phone numbers; the competent head still sees them. The board
 * sees ratings and counts of citizens' feedback, never the citizen's own words.
 */
describe('identity and privacy on every route', () => {
  let s: TestStack;
  const tok: Record<string, string> = {};
  let communeId: string;
  let economyId: string;

  beforeAll(async () => {
    s = await startTestStack('identity', { testClock: true });
    communeId = await demoCommuneId(s);
    economyId = await userUnitId(s, 'handler2');
    for (const u of ['desk', 'head', 'handler', 'handler2', 'board', 'admin']) tok[u] = await s.token(u);
  });
  afterAll(async () => {
    await s?.close();
  });

  const get = (path: string, user: string) => s.http().get(path).set('Authorization', tok[user]!);

  describe('denouncers', () => {
    const DENOUNCER = { fullName: 'Hoàng Thị Mật', phone: '0987001122', idNumber: '001199012345', address: 'Số 9 ngõ Kín, tổ 3' };
    const ASKER_TO_PETITION = 'Lương Văn Kín, ĐT 0977334455';
    const ASKER_TO_TRANSFER = 'Tạ Thị Giấu, ĐT 0966778899';
    const ASKER_TO_EXISTING = 'Đinh Văn Ẩn, ĐT 0955112233';
    const ASKER_PLAIN = 'Bùi Văn Công';
    // A group denunciation (K16: six signatories appoint representatives): every signatory is a denouncer.
    const SIGNATORIES = ['Vi Thị Một', 'Vi Văn Hai', 'Vi Thị Ba', 'Vi Văn Bốn', 'Vi Thị Năm', 'Vi Văn Sáu'].map((fullName, i) => ({ fullName, phone: `09880000${i}${i}` }));
    const SECRETS = [
      ...SIGNATORIES.flatMap((p) => [p.fullName, p.phone]),
      DENOUNCER.fullName,
      DENOUNCER.phone,
      DENOUNCER.idNumber,
      DENOUNCER.address,
      'Lương Văn Kín',
      '0977334455',
      'Tạ Thị Giấu',
      '0966778899',
      'Đinh Văn Ẩn',
      '0955112233',
    ];
    let filed: PetitionView;
    let group: PetitionView;
    let fromQuestion: string;
    let fromTransfer: string;
    let dialogueId: string;
    let transferredNew: string;
    let transferredExisting: string;
    let clusterId: string;

    beforeAll(async () => {
      await setClock(s, tok.admin!, '2027-05-03T08:00:00+07:00');
      filed = await createPetition(
        s,
        tok.desk!,
        petitionBody(communeId, { kind: 'denunciation', title: 'Tố cáo cán bộ địa chính nhận tiền', content: 'Cán bộ địa chính xã nhận tiền khi cấp sổ đỏ', petitioner: DENOUNCER }),
      );
      await mustPerformAction(s, tok.head!, filed.id, 'accept');
      await mustPerformAction(s, tok.head!, filed.id, 'assign', { assigneeId: await s.userId('handler') });
      await mustPerformAction(s, tok.head!, filed.id, 'start-verification');

      const d = await requestDialogue(s, tok.head!, { kind: 'party_head_direct', unitId: communeId, requestedBy: 'necessity' });
      dialogueId = d.id;
      await mustDialogueAction(s, tok.head!, d.id, 'plan', { scheduledAt: '2027-05-03T14:00:00+07:00', venue: 'Trụ sở Đảng ủy', agenda: ['Đất đai'] });
      await setClock(s, tok.admin!, '2027-05-03T16:00:00+07:00');
      await mustDialogueAction(s, tok.head!, d.id, 'hold', {
        minutes: minutes([
          { id: 'q1', text: 'Cán bộ thuế thu tiền không có biên lai', askedBy: ASKER_TO_PETITION },
          { id: 'q2', text: 'Trưởng thôn tự ý bán đất công', askedBy: ASKER_TO_TRANSFER },
          { id: 'q3', text: 'Cán bộ địa chính nhận tiền khi cấp sổ', askedBy: ASKER_TO_EXISTING },
          { id: 'q4', text: 'Đề nghị sửa cổng trường tiểu học', askedBy: ASKER_PLAIN },
        ]),
      });
      const r1 = await mustDialogueAction(s, tok.head!, d.id, 'resolve-question', { questionId: 'q1', outcome: { kind: 'to_petition', petitionKind: 'denunciation' } });
      fromQuestion = (r1.questions.find((q) => q.id === 'q1')!.outcome as { petitionId: string }).petitionId;
      await mustDialogueAction(s, tok.head!, d.id, 'resolve-question', { questionId: 'q4', outcome: { kind: 'to_petition', petitionKind: 'recommendation' } });
      const r2 = await mustDialogueAction(s, tok.head!, d.id, 'resolve-question', {
        questionId: 'q2',
        outcome: { kind: 'to_commitment', title: 'Kiểm tra việc bán đất công thôn Đông', ownerUnitId: economyId, dueDate: '2027-06-30' },
      });
      transferredNew = r2.commitments.find((c) => c.questionId === 'q2')!.id;
      const r3 = await mustDialogueAction(s, tok.head!, d.id, 'resolve-question', {
        questionId: 'q3',
        outcome: { kind: 'to_commitment', title: 'Làm rõ việc cấp sổ đỏ', ownerUnitId: economyId, dueDate: '2027-06-30' },
      });
      transferredExisting = r3.commitments.find((c) => c.questionId === 'q3')!.id;
      fromTransfer = (await mustCommitmentAction(s, tok.head!, transferredNew, 'transfer', { petitionKind: 'denunciation', note: 'Chuyển thành đơn tố cáo' }))
        .transferredToPetitionId!;
      await mustCommitmentAction(s, tok.head!, transferredExisting, 'transfer', { petitionId: filed.id });

      const [first, ...others] = SIGNATORIES;
      group = await createPetition(s, tok.desk!, {
        ...petitionBody(communeId, { kind: 'denunciation', title: 'Tố cáo việc thu tiền trái phép của trưởng thôn', petitioner: first!, coPetitioners: others }),
        representatives: [first!, others[0]!],
      } as never);
      await mustPerformAction(s, tok.head!, group.id, 'accept');
      await mustPerformAction(s, tok.head!, group.id, 'assign', { assigneeId: await s.userId('handler') });

      clusterId = (
        await s.http().post('/api/clusters').set('Authorization', tok.desk!).send({ title: 'Sai phạm đất đai xã', petitionIds: [filed.id, fromQuestion, group.id] }).expect(201)
      ).body.id as string;
      // Weeks later the clocks have run out: deadline alerts reach the handler and the head, the board's overdue list fills.
      await setClock(s, tok.admin!, '2027-06-28T09:00:00+07:00');
      const handlerId = await s.userId('handler');
      await waitFor(
        async () =>
          (await s.sql.query(`SELECT 1 FROM notifications WHERE recipient_id = $1 AND kind = 'deadline.alert' AND petition_id = $2`, [handlerId, filed.id])).rowCount! > 0,
        { what: 'a deadline alert on the denunciation to its handler' },
      );
      const overdue = await get('/api/board/overdue?pageSize=100', 'board').expect(200);
      expect(JSON.stringify(overdue.body)).toContain(filed.id);
    });

    /** Every route a staff member can read that can reach one of the denunciations, the dialogue or its commitments. */
    function routes(): string[] {
      const petitions = [filed.id, fromQuestion, fromTransfer, group.id];
      return [
        '/api/petitions?pageSize=100',
        '/api/petitions?kind=denunciation',
        `/api/petitions?q=${encodeURIComponent('sổ đỏ')}`,
        ...petitions.flatMap((id) => [`/api/petitions/${id}`, `/api/petitions/${id}/related`, `/api/petitions/${id}/cluster-candidates`, `/api/petitions/${id}/deadlines`]),
        '/api/clusters',
        `/api/clusters/${clusterId}`,
        '/api/dialogues',
        `/api/dialogues/${dialogueId}`,
        `/api/dialogues?petitionId=${fromQuestion}`,
        '/api/commitments',
        `/api/commitments/${transferredNew}`,
        `/api/commitments/${transferredExisting}`,
        '/api/notifications',
        '/api/board/hot-spots',
        '/api/board/overdue?pageSize=100',
        '/api/board/overdue-commitments',
        '/api/board/stats?from=2027-05-01&to=2027-06-30',
        '/api/board/satisfaction?from=2027-05-01&to=2027-06-30',
        `/api/track/${filed.trackingCode}`,
      ];
    }

    async function bodies(user: string): Promise<{ path: string; status: number; text: string }[]> {
      const out: { path: string; status: number; text: string }[] = [];
      for (const path of routes()) {
        const res = await get(path, user);
        out.push({ path, status: res.status, text: res.text });
      }
      return out;
    }

    it.each(['handler', 'handler2', 'board'])('shows %s no denouncer name, phone, ID number or address on any route', async (user) => {
      const seen = await bodies(user);
      // The reads are real: the dialogue and a denunciation answer 200 to this user.
      expect(seen.find((r) => r.path === `/api/dialogues/${dialogueId}`)?.status).toBe(200);
      expect(seen.find((r) => r.path === `/api/petitions/${fromQuestion}`)?.status).toBe(200);
      const leaks = seen.flatMap((r) => SECRETS.filter((secret) => r.text.includes(secret)).map((secret) => `${r.path} → ${secret}`));
      expect(leaks).toEqual([]);
    });

    it('withholds only the denouncers from a handler: other askers stay visible', async () => {
      const d = (await get(`/api/dialogues/${dialogueId}`, 'handler').expect(200)).body as DialogueView;
      expect(d.identityWithheld).toBe(true);
      expect(Object.fromEntries(d.questions.map((q) => [q.id, q.askedBy]))).toEqual({ q1: null, q2: null, q3: null, q4: ASKER_PLAIN });
      const held = d.events.find((e) => e.type === 'DialogueHeld')!;
      expect((held.data.questions as { id: string; askedBy: string | null }[]).map((q) => [q.id, q.askedBy])).toEqual([
        ['q1', null],
        ['q2', null],
        ['q3', null],
        ['q4', ASKER_PLAIN],
      ]);
      const board = (await get(`/api/dialogues/${dialogueId}`, 'board').expect(200)).body as DialogueView;
      expect(board.questions.map((q) => q.askedBy)).toEqual([null, null, null, null]);
    });

    it('lets the competent head see every asker and every denouncer', async () => {
      const d = (await get(`/api/dialogues/${dialogueId}`, 'head').expect(200)).body as DialogueView;
      expect(d.identityWithheld).toBe(false);
      expect(Object.fromEntries(d.questions.map((q) => [q.id, q.askedBy]))).toEqual({ q1: ASKER_TO_PETITION, q2: ASKER_TO_TRANSFER, q3: ASKER_TO_EXISTING, q4: ASKER_PLAIN });
      expect(JSON.stringify(d.events)).toContain('Tạ Thị Giấu');
      const p1 = (await get(`/api/petitions/${filed.id}`, 'head').expect(200)).body as PetitionView;
      expect(p1.petitioner).toMatchObject(DENOUNCER);
      const p2 = (await get(`/api/petitions/${fromQuestion}`, 'head').expect(200)).body as PetitionView;
      expect(p2.petitioner).toMatchObject({ fullName: ASKER_TO_PETITION });
      const p3 = (await get(`/api/petitions/${fromTransfer}`, 'head').expect(200)).body as PetitionView;
      expect(p3.petitioner).toMatchObject({ fullName: ASKER_TO_TRANSFER });
      const related = await get(`/api/petitions/${group.id}/related`, 'head').expect(200);
      expect(JSON.stringify(related.body)).toContain(SIGNATORIES[1]!.fullName);
      const c = (await get(`/api/commitments/${transferredNew}`, 'head').expect(200)).body as CommitmentView;
      expect(c.transferredToPetitionId).toBe(fromTransfer);
    });
  });

  describe("citizens' feedback comments", () => {
    const COMMENT = 'Ông Trịnh Văn Lộc ở tổ 4 vẫn đổ rác ra đường, số 0944556677';

    it('are never shown to the board, which sees the rating and the counts; the head and the handler see them', async () => {
      await setClock(s, tok.admin!, '2027-07-05T09:00:00+07:00');
      const p = await resolvedPetition(s, 'feedback', { overrides: { title: 'Rác thải tổ 4' } });
      const token = await latestFeedbackToken(s, p.id);
      await s.http().post(`/api/feedback/${token}`).send({ satisfied: false, comment: COMMENT }).expect(200);

      const head = (await get(`/api/petitions/${p.id}`, 'head').expect(200)).body as PetitionView;
      expect(JSON.stringify(head.events)).toContain(COMMENT);
      expect(JSON.stringify((await get(`/api/petitions/${p.id}`, 'handler').expect(200)).body.events)).toContain(COMMENT);

      const board = (await get(`/api/petitions/${p.id}`, 'board').expect(200)).body as PetitionView;
      const feedback = board.events.find((e) => e.type === 'CitizenFeedbackRecorded')!;
      expect(feedback.data).toMatchObject({ satisfied: false, comment: null, commentWithheld: true });
      const reopened = board.events.find((e) => e.type === 'PetitionReopened')!;
      expect(reopened.data).toMatchObject({ requestedBy: 'citizen', comment: null, commentWithheld: true });

      const satisfaction = await get('/api/board/satisfaction?from=2027-07-01&to=2027-07-31', 'board').expect(200);
      expect(satisfaction.body.totals).toMatchObject({ rated: 1, satisfied: 0 });
      for (const path of [
        `/api/petitions/${p.id}`,
        `/api/petitions?pageSize=100`,
        '/api/board/satisfaction?from=2027-07-01&to=2027-07-31',
        '/api/board/stats?from=2027-07-01&to=2027-07-31',
        '/api/board/overdue',
        '/api/notifications',
      ]) {
        const text = (await get(path, 'board')).text;
        expect([path, text.includes('Trịnh Văn Lộc') || text.includes('0944556677')]).toEqual([path, false]);
      }
    });
  });
});
