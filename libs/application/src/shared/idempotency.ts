import { createHash } from 'node:crypto';
import { IdempotencyKeyEntity } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { AppError } from './app-error.js';

/** What a create request is, for comparing a replay with the original: the resource and its canonical body. */
export function requestHash(resource: string, body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
        : v;
  return createHash('sha256').update(JSON.stringify({ resource, body: canonical(body) })).digest('hex');
}

/**
 * An Idempotency-Key around one creation, inside its transaction. A concurrent request with the same key blocks
 * on the unique index until ours commits, then finds the row: two racing requests still create one resource.
 * The same key with another body (or for another kind of resource) is refused with 422.
 */
export async function withIdempotencyKey(
  em: EntityManager,
  claim: { userId: string; key: string | undefined; resource: string; body: unknown },
  create: () => Promise<string>,
): Promise<{ id: string; replayed: boolean }> {
  if (claim.key === undefined) return { id: await create(), replayed: false };
  const hash = requestHash(claim.resource, claim.body);
  const inserted: unknown[] = await em.query(
    `INSERT INTO idempotency_keys (user_id, key, request_hash, resource_id)
     VALUES ($1, $2, $3, '00000000-0000-0000-0000-000000000000')
     ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
    [claim.userId, claim.key, hash],
  );
  if (inserted.length === 0) {
    const row = await em.findOneOrFail(IdempotencyKeyEntity, { where: { userId: claim.userId, key: claim.key } });
    if (row.requestHash !== hash) throw new AppError('unprocessable', 'error.idempotency_key_reused');
    return { id: row.resourceId, replayed: true };
  }
  const id = await create();
  await em.update(IdempotencyKeyEntity, { userId: claim.userId, key: claim.key }, { resourceId: id });
  return { id, replayed: false };
}
