import { createHash, createHmac, hkdfSync, randomUUID } from 'node:crypto';
import {
  citizenContact,
  formatLocalDate,
  lastLocalDayOf,
  type MessageKey,
  type MessageParam,
  type PetitionEvent,
  type PetitionState,
  toLocalDate,
  tokenExpiry,
  VN_OFFSET_MS,
} from '@app/domain';
import type { PersonRecord, PetitionEntity } from '@app/persistence';
import type { EntityManager } from 'typeorm';

/** Used when the settings row is missing (it is seeded by the migration). */
export const DEFAULT_TOKEN_VALID_DAYS = 30;

/** An HMAC-SHA256 in base64url without padding: exactly 43 characters of [A-Za-z0-9_-]. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function isTokenShaped(raw: string): boolean {
  return TOKEN_SHAPE.test(raw);
}

/** What is stored and looked up: the token's SHA-256. Looking up by a hash leaks nothing through timing. */
export function hashToken(raw: string): Buffer {
  return createHash('sha256').update(raw, 'utf8').digest();
}

/**
 * The feedback-link key, derived (HKDF-SHA256, with a label of its own) from the configured secret: the key
 * that makes links is never the configured secret itself, nor the JWT signing key when the secret falls back
 * to the JWT secret.
 */
export function deriveFeedbackLinkKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), 'grassroots/satisfaction/feedback-link/v1', 32));
}

/**
 * A link's token is derived, not stored: base64url(HMAC-SHA256(key, "feedback:" + token row id)). The
 * database keeps the row id and the token's SHA-256 (for the lookup), so a copy of the database, without the
 * server secret, yields no working link.
 */
export function feedbackTokenFor(key: Buffer, tokenId: string): string {
  return createHmac('sha256', key).update(`feedback:${tokenId}`, 'utf8').digest('base64url');
}

/** Where the feedback-link key is provided (derived from the configuration once, see satisfaction/index.ts). */
export const FEEDBACK_LINK_KEY = Symbol('FEEDBACK_LINK_KEY');

/** The public paths a citizen is sent (relative: the public base URL belongs to the delivery gateway). */
export const feedbackPath = (raw: string) => `/api/feedback/${raw}`;
export const trackingPath = (trackingCode: string) => `/api/track/${encodeURIComponent(trackingCode)}`;

/** "09:05 23/12/2026", Vietnam time: instants as a citizen reads them. */
export function formatLocalInstant(instant: Date): string {
  const local = new Date(instant.getTime() + VN_OFFSET_MS).toISOString();
  return `${local.slice(11, 16)} ${formatLocalDate(toLocalDate(instant))}`;
}

/**
 * Queues an outgoing message to the petitioner on the channel their contact allows. A delivery gateway is
 * future work: it will send rows whose sent_at is null, rendering each through CitizenMessages.render. Only the
 * key and params are stored, and for a feedback link the token row id: never the link, so the row gives away
 * no working link.
 */
export async function writeCitizenMessage(
  em: EntityManager,
  petitionId: string,
  petitioner: PersonRecord,
  messageKey: MessageKey,
  params: Record<string, MessageParam>,
  now: Date,
  tokenId: string | null = null,
): Promise<void> {
  if ('link' in params) throw new Error('A citizen message stores the token id, never the link');
  const { channel, address } = citizenContact(petitioner);
  await em.query(
    `INSERT INTO citizen_messages (petition_id, channel, address, message_key, params, token_id, created_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
    [petitionId, channel, address, messageKey, JSON.stringify(params), tokenId, now],
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
 * Issues a one-time link for the resolution just recorded. The token is derived from the new row's id with the
 * server key; the database keeps the id and the token's hash, the message keeps the id, and the link itself
 * exists only when CitizenMessages renders the message for delivery.
 */
async function issueToken(em: EntityManager, linkKey: Buffer, row: PetitionEntity, resolved: PetitionState, now: Date): Promise<void> {
  const settings: { token_valid_days: number }[] = await em.query(`SELECT token_valid_days FROM satisfaction_settings WHERE id = 1`);
  const validDays = settings[0]?.token_valid_days ?? DEFAULT_TOKEN_VALID_DAYS;
  const tokenId = randomUUID();
  const expiresAt = tokenExpiry(now, validDays);
  await em.query(
    `INSERT INTO satisfaction_tokens (id, petition_id, token_hash, unit_id, handler_id, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [tokenId, row.id, hashToken(feedbackTokenFor(linkKey, tokenId)), resolved.owningUnitId, resolved.assigneeId, now, expiresAt],
  );
  await writeCitizenMessage(
    em,
    row.id,
    row.petitioner,
    'satisfaction.citizen_message.link',
    {
      trackingCode: row.trackingCode,
      trackingLink: trackingPath(row.trackingCode),
      expiresOn: formatLocalDate(lastLocalDayOf(expiresAt)),
    },
    now,
    tokenId,
  );
}

/**
 * The satisfaction hook of a petition command, run in its transaction after the events are stored: a
 * resolution (first or after a reopen) supersedes any live link and issues a new one; a reopen voids the live
 * link. `state` is the petition after the command: the unit and assignee at resolution are who get rated.
 */
export async function applySatisfactionLinks(
  em: EntityManager,
  linkKey: Buffer,
  row: PetitionEntity,
  state: PetitionState,
  events: readonly PetitionEvent[],
  now: Date,
): Promise<void> {
  // An anonymous letter has nobody to send a link to (LTC Art 25(2)).
  if (row.anonymous) return;
  for (const event of events) {
    if (event.type === 'PetitionResolved') {
      await supersedeLiveTokens(em, row.id, now);
      await issueToken(em, linkKey, row, state, now);
    } else if (event.type === 'PetitionReopened') {
      await supersedeLiveTokens(em, row.id, now);
    }
  }
}
