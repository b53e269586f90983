import type { Test } from 'supertest';
import type { PersonBody } from './petition-fixtures.js';
import type { TestStack } from './test-stack.js';

/** Grouping over HTTP for the e2e suite: people, clusters, suggestions and the grouping view of a petition. */

/** `n` distinct signatories with ID numbers, named "<prefix> 1", "<prefix> 2", … */
export function signatories(n: number, prefix = 'Người ký'): PersonBody[] {
  return Array.from({ length: n }, (_, i) => ({ fullName: `${prefix} ${i + 1}`, idNumber: `0381${String(Date.now() % 1e6).padStart(6, '0')}${String(i).padStart(2, '0')}` }));
}

/** Adds a user of `role` at `unitId`, with the demo password (copied from the demo desk). */
export async function addUser(stack: TestStack, username: string, role: string, unitId: string): Promise<void> {
  await stack.sql.query(
    `INSERT INTO users (username, password_hash, full_name, role, unit_id)
     SELECT $1, password_hash, $1, $2, $3 FROM users WHERE username = 'desk'`,
    [username, role, unitId],
  );
}

export function suggest(stack: TestStack, token: string, draft: object): Test {
  return stack.http().post('/api/clusters/suggest').set('Authorization', token).send(draft);
}

export function createCluster(stack: TestStack, token: string, body: object): Test {
  return stack.http().post('/api/clusters').set('Authorization', token).send(body);
}

export function addMembers(stack: TestStack, token: string, clusterId: string, petitionIds: string[]): Test {
  return stack.http().post(`/api/clusters/${clusterId}/members`).set('Authorization', token).send({ petitionIds });
}

export function getCluster(stack: TestStack, token: string, clusterId: string): Test {
  return stack.http().get(`/api/clusters/${clusterId}`).set('Authorization', token);
}

export function related(stack: TestStack, token: string, petitionId: string): Test {
  return stack.http().get(`/api/petitions/${petitionId}/related`).set('Authorization', token);
}

export function hotSpots(stack: TestStack, token: string, query = ''): Test {
  return stack.http().get(`/api/board/hot-spots${query}`).set('Authorization', token);
}
