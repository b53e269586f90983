import { createHash, randomBytes } from 'node:crypto';
import {
  citizenContact,
  formatLocalDate,
  type MessageKey,
  type MessageParam,
  type PetitionEvent,
  type PetitionState,
  renderMessage,
  toLocalDate,
  tokenExpiry,
} from '@app/domain';
import type { PersonRecord, PetitionEntity } from '@app/persistence';
import type { EntityManager } from 'typeorm';

/** Used when the settings row is missing (it is seeded by the migration). */
export const DEFAULT_TOKEN_VALID_DAYS = 30;

/** 32 random bytes in base64url without padding: exactly 43 characters of [A-Za-z0-9_-]. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function isTokenShaped(raw: string): boolean {
  return TOKEN_SHAPE.test(raw);
}

/** What is stored and looked up: the token's SHA-256. Looking up by a hash leaks nothing through timing. */
export function hashToken(raw: string): Buffer {
  return createHash('sha256').update(raw, 'utf8').digest();
}

/** The public paths a citizen is sent (relative: the public base URL belongs to the delivery gateway). */
export const feedbackPath = (raw: string) => `/api/feedback/${raw}`;
export const trackingPath = (trackingCode: string) => `/api/track/${encodeURIComponent(trackingCode)}`;

/** "09:05 23/12/2026", Vietnam time: instants as a citizen reads them. */
export function formatLocalInstant(instant: Date): string {
  const local = new Date(instant.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${formatLocalDate(toLocalDate(instant))}`;
}

/**
 * Queues an outgoing message to the petitioner on the channel their contact allows. A delivery gateway is
 * future work: it will send rows whose sent_at is null. The rendered text is stored with its key and params.
 */
export async function writeCitizenMessage(
  em: EntityManager,
  petitionId: string,
  petitioner: PersonRecord,
  messageKey: MessageKey,
  params: Record<string, MessageParam>,
  now: Date,
): Promise<void> {
  const { channel, address } = citizenContact(petitioner);
  const body = renderMessage(messageKey, params);
  await em.query(
    `INSERT INTO citizen_messages (petition_id, channel, address, message_key, params, body_vi, body_en, created_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
    [petitionId, channel, address, messageKey, JSON.stringify(params), body.vi, body.en, now],
  );
}

/** Voids every live link of a petition: a new result, or a reopen, makes the old one meaningless. */
export async function supersedeLiveTokens(em: EntityManager, petitionId: string, now: Date): Promise<void> {
  await em.query(
    `UPDATE satisfaction_tokens SET superseded_at = $2 WHERE petition_id = $1 AND used_at IS NULL AND superseded_at IS NULL`,
    [petitionId, now],
  );
}

/**
 * Issues a one-time link for the resolution just recorded. The raw token exists only in this function and in
 * the outgoing citizen message; the database keeps its hash, and nothing else (events, views, logs) sees it.
 */
async function issueToken(em: EntityManager, row: PetitionEntity, resolved: PetitionState, now: Date): Promise<void> {
  const settings: { token_valid_days: number }[] = await em.query(`SELECT token_valid_days FROM satisfaction_settings WHERE id = 1`);
  const validDays = settings[0]?.token_valid_days ?? DEFAULT_TOKEN_VALID_DAYS;
  const raw = randomBytes(32).toString('base64url');
  const expiresAt = tokenExpiry(now, validDays);
  await em.query(
    `INSERT INTO satisfaction_tokens (petition_id, token_hash, unit_id, handler_id, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [row.id, hashToken(raw), resolved.owningUnitId, resolved.assigneeId, now, expiresAt],
  );
  await writeCitizenMessage(
    em,
    row.id,
    row.petitioner,
    'satisfaction.citizen_message.link',
    {
      trackingCode: row.trackingCode,
      link: feedbackPath(raw),
      trackingLink: trackingPath(row.trackingCode),
      expiresOn: formatLocalDate(toLocalDate(new Date(expiresAt.getTime() - 1))),
    },
    now,
  );
}

/**
 * The satisfaction hook of a petition command, run in its transaction after the events are stored: a
 * resolution (first or after a reopen) supersedes any live link and issues a new one; a reopen voids the live
 * link. `state` is the petition after the command: the unit and assignee at resolution are who get rated.
 */
export async function applySatisfactionLinks(
  em: EntityManager,
  row: PetitionEntity,
  state: PetitionState,
  events: readonly PetitionEvent[],
  now: Date,
): Promise<void> {
  for (const event of events) {
    if (event.type === 'PetitionResolved') {
      await supersedeLiveTokens(em, row.id, now);
      await issueToken(em, row, state, now);
    } else if (event.type === 'PetitionReopened') {
      await supersedeLiveTokens(em, row.id, now);
    }
  }
}
