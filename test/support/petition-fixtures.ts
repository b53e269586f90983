import type { PetitionView } from '@app/application';
import type { Test } from 'supertest';
import type { TestStack } from './test-stack.js';

/**
 * Petitions over HTTP for the e2e and integration suites: the demo desk's commune, a valid create body, and
 * the create and action requests every suite makes. Suites that probe bad input build their own requests.
 */

export type PersonBody = { fullName: string; idNumber?: string; phone?: string; email?: string; address?: string };

/** The JSON a desk officer posts to `POST /api/petitions` (a type alias, so it spreads into `Record<string, unknown>`). */
export type CreatePetitionBody = {
  kind: string;
  channel: string;
  title: string;
  content: string;
  receivingUnitId: string;
  petitioner: PersonBody;
  coPetitioners?: PersonBody[];
  topic?: string;
  location?: string;
};

/** The petitioner of `petitionBody` unless a test names its own. */
export const DEFAULT_PETITIONER: PersonBody = { fullName: 'Nguyễn Văn An', phone: '0912345678', address: 'Tổ 5, khu 3' };

/** The unit a demo user belongs to. */
export async function userUnitId(stack: TestStack, username: string): Promise<string> {
  return (await stack.sql.query<{ unit_id: string }>('SELECT unit_id FROM users WHERE username = $1', [username])).rows[0]!.unit_id;
}

/** The commune of the demo desk officer: where the suites file their petitions. */
export function demoCommuneId(stack: TestStack): Promise<string> {
  return userUnitId(stack, 'desk');
}

/**
 * A valid create body for a feedback received in person from a Vietnamese petitioner; `overrides` replace
 * fields as given. Unless overridden, the content is derived from the (possibly overridden) title.
 */
export function petitionBody(receivingUnitId: string, overrides: Partial<CreatePetitionBody> = {}): CreatePetitionBody {
  const title = overrides.title ?? 'Đèn đường hỏng ở tổ 7';
  return {
    kind: 'feedback',
    channel: 'in_person',
    title,
    content: `Nội dung: ${title}`,
    receivingUnitId,
    petitioner: { ...DEFAULT_PETITIONER },
    ...overrides,
  };
}

/** `POST /api/petitions` with any body, optionally with an Idempotency-Key; the response is the caller's to check. */
export function postPetition(stack: TestStack, token: string, body: unknown, idempotencyKey?: string): Test {
  const req = stack.http().post('/api/petitions').set('Authorization', token);
  if (idempotencyKey !== undefined) req.set('Idempotency-Key', idempotencyKey);
  return req.send(body as object);
}

/** Creates a petition and returns its view; anything but 201 throws with the response text. */
export async function createPetition(stack: TestStack, token: string, body: CreatePetitionBody): Promise<PetitionView> {
  const res = await postPetition(stack, token, body);
  if (res.status !== 201) throw new Error(`create → ${res.status} ${res.text}`);
  return res.body as PetitionView;
}

/** `POST /api/petitions/:id/actions/:action`, with `If-Match: "<version>"` when a version is given. */
export function performAction(stack: TestStack, token: string, id: string, action: string, body: object = {}, version?: number): Test {
  const req = stack.http().post(`/api/petitions/${id}/actions/${action}`).set('Authorization', token);
  if (version !== undefined) req.set('If-Match', `"${version}"`);
  return req.send(body);
}

/** Performs an action that must succeed and returns the petition's new view; anything but 200 throws. */
export async function mustPerformAction(
  stack: TestStack,
  token: string,
  id: string,
  action: string,
  body: object = {},
  version?: number,
): Promise<PetitionView> {
  const res = await performAction(stack, token, id, action, body, version);
  if (res.status !== 200) throw new Error(`${action} → ${res.status} ${res.text}`);
  return res.body as PetitionView;
}
