import type { CommitmentView, DialogueView } from '@app/application';
import type { Test } from 'supertest';
import type { TestStack } from './test-stack.js';

/** Dialogues and commitments over HTTP for the e2e suites; suites that probe bad input build their own requests. */

/** `POST /api/dialogues` with any body; the response is the caller's to check. */
export function postDialogue(stack: TestStack, token: string, body: object): Test {
  return stack.http().post('/api/dialogues').set('Authorization', token).send(body);
}

/** Requests a dialogue that must be created (201) and returns its view. */
export async function requestDialogue(stack: TestStack, token: string, body: object): Promise<DialogueView> {
  const res = await postDialogue(stack, token, body);
  if (res.status !== 201) throw new Error(`request dialogue → ${res.status} ${res.text}`);
  return res.body as DialogueView;
}

/** `POST /api/dialogues/:id/actions/:action`, with `If-Match` when a version is given. */
export function dialogueAction(stack: TestStack, token: string, id: string, action: string, body: object = {}, version?: number): Test {
  const req = stack.http().post(`/api/dialogues/${id}/actions/${action}`).set('Authorization', token);
  if (version !== undefined) req.set('If-Match', `"${version}"`);
  return req.send(body);
}

export async function mustDialogueAction(stack: TestStack, token: string, id: string, action: string, body: object = {}): Promise<DialogueView> {
  const res = await dialogueAction(stack, token, id, action, body);
  if (res.status !== 200) throw new Error(`${action} → ${res.status} ${res.text}`);
  return res.body as DialogueView;
}

export function commitmentAction(stack: TestStack, token: string, id: string, action: string, body: object = {}, version?: number): Test {
  const req = stack.http().post(`/api/commitments/${id}/actions/${action}`).set('Authorization', token);
  if (version !== undefined) req.set('If-Match', `"${version}"`);
  return req.send(body);
}

export async function mustCommitmentAction(stack: TestStack, token: string, id: string, action: string, body: object = {}): Promise<CommitmentView> {
  const res = await commitmentAction(stack, token, id, action, body);
  if (res.status !== 200) throw new Error(`${action} → ${res.status} ${res.text}`);
  return res.body as CommitmentView;
}

/** Minutes of a meeting attended by the Front and the People's Council, with the given questions. */
export function minutes(questions: { id: string; text: string; askedBy?: string }[] = []) {
  return {
    attendees: {
      citizens: 120,
      fatherlandFront: { present: true, names: ['Ông Phạm Văn Dũng, Chủ tịch UB MTTQ phường'] },
      unions: ['Hội Nông dân', 'Đoàn Thanh niên'],
      peoplesCouncil: { present: true, names: ['Bà Lê Thị Hoa, Phó Chủ tịch HĐND phường'] },
    },
    questions,
    summary: 'Biên bản hội nghị đối thoại',
  };
}

/** Moves the shared test clock (admin) to an instant. */
export async function setClock(stack: TestStack, adminToken: string, instant: string): Promise<void> {
  const res = await stack.http().post('/api/test-clock').set('Authorization', adminToken).send({ set: instant });
  if (res.status !== 200) throw new Error(`test clock → ${res.status} ${res.text}`);
}
