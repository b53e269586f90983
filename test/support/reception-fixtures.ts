import type { Test } from 'supertest';
import type { TestStack } from './test-stack.js';

/** Reception days over HTTP, and extra staff accounts, for the reception e2e suite. */

/**
 * Adds a staff account with the demo password by copying the demo desk's hash (users carry no position: a
 * commune Party secretary is a `head` whose position is recorded as a reception duty).
 */
export async function addStaff(stack: TestStack, username: string, role: string, unitId: string, fullName = `Cán bộ ${username}`): Promise<string> {
  const r = await stack.sql.query<{ id: string }>(
    `INSERT INTO users (username, password_hash, full_name, role, unit_id)
     SELECT $1, password_hash, $2, $3, $4 FROM users WHERE username = 'desk' RETURNING id`,
    [username, fullName, role, unitId],
  );
  return r.rows[0]!.id;
}

export function assignDuty(stack: TestStack, token: string, body: object): Test {
  return stack.http().post('/api/reception-duties').set('Authorization', token).send(body);
}

export function planReceptionDay(stack: TestStack, token: string, body: object): Test {
  return stack.http().post('/api/reception-days').set('Authorization', token).send(body);
}

/** `POST /api/reception-days/:id/actions/:action`, with `If-Match` when a version is given. */
export function receptionAction(stack: TestStack, token: string, id: string, action: string, body: object = {}, version?: number): Test {
  const req = stack.http().post(`/api/reception-days/${id}/actions/${action}`).set('Authorization', token);
  if (version !== undefined) req.set('If-Match', `"${version}"`);
  return req.send(body);
}

/** Plans a day that must be accepted and returns its id. */
export async function mustPlan(stack: TestStack, token: string, body: object): Promise<string> {
  const res = await planReceptionDay(stack, token, body);
  if (res.status !== 201) throw new Error(`plan → ${res.status} ${res.text}`);
  return res.body.id as string;
}

/** An action that must succeed; returns the day's new view. */
export async function mustAct(stack: TestStack, token: string, id: string, action: string, body: object = {}, version?: number): Promise<Record<string, unknown>> {
  const res = await receptionAction(stack, token, id, action, body, version);
  if (res.status !== 200) throw new Error(`${action} → ${res.status} ${res.text}`);
  return res.body as Record<string, unknown>;
}
