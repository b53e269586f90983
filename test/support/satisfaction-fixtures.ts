import { CitizenMessages, type PetitionView } from '@app/application';
import { createPetition, type CreatePetitionBody, demoCommuneId, mustPerformAction, petitionBody } from './petition-fixtures.js';
import type { TestStack } from './test-stack.js';

/** A feedback link as the citizen message carries it: `/api/feedback/<43 base64url characters>`. */
const LINK = /\/api\/feedback\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/;

/**
 * Files a petition at the demo commune and takes it to its resolution (desk files, head accepts, assigns and
 * resolves; complaints and denunciations are verified first). Returns the resolved petition.
 */
export async function resolvedPetition(
  stack: TestStack,
  kind: 'complaint' | 'denunciation' | 'recommendation' | 'feedback',
  opts: { assignee?: string; overrides?: Partial<CreatePetitionBody> } = {},
): Promise<PetitionView> {
  const [desk, head] = [await stack.token('desk'), await stack.token('head')];
  const p = await createPetition(stack, desk, petitionBody(await demoCommuneId(stack), { kind, ...opts.overrides }));
  await mustPerformAction(stack, head, p.id, 'accept');
  await mustPerformAction(stack, head, p.id, 'assign', { assigneeId: await stack.userId(opts.assignee ?? 'handler') });
  if (kind === 'complaint' || kind === 'denunciation') await mustPerformAction(stack, head, p.id, 'start-verification');
  return mustPerformAction(stack, head, p.id, 'resolve', { summary: 'Đã xem xét và trả lời công dân', decisionNumber: kind === 'complaint' ? '12/QĐ-UBND' : undefined });
}

export interface CitizenMessageRow {
  id: string;
  channel: string;
  address: string | null;
  message_key: string;
  /** As stored: no link in them. */
  params: Record<string, unknown>;
  /** The token row of a feedback-link message (the link is derived from it when the message is rendered). */
  token_id: string | null;
  /** Rendered now, as the delivery gateway will: CitizenMessages.render, the only place a link is made. */
  body_vi: string;
  body_en: string;
  created_at: Date;
  sent_at: Date | null;
}

/** Outgoing citizen messages of a petition, oldest first, each rendered through the application. */
export async function citizenMessages(stack: TestStack, petitionId: string): Promise<CitizenMessageRow[]> {
  const rows = (
    await stack.sql.query<Omit<CitizenMessageRow, 'body_vi' | 'body_en'>>(
      `SELECT id, channel, address, message_key, params, token_id, created_at, sent_at FROM citizen_messages WHERE petition_id = $1 ORDER BY created_at, id`,
      [petitionId],
    )
  ).rows;
  const renderer = stack.api.get(CitizenMessages);
  const out: CitizenMessageRow[] = [];
  for (const row of rows) {
    const rendered = (await renderer.render(row.id))!;
    out.push({ ...row, body_vi: rendered.body.vi, body_en: rendered.body.en });
  }
  return out;
}

/** The raw token in a rendered feedback-link body, or null. */
export function tokenInBody(body: string): string | null {
  return LINK.exec(body)?.[1] ?? null;
}

/** The raw token of the newest feedback link sent for a petition, as the citizen receives it (rendered, never stored). */
export async function latestFeedbackToken(stack: TestStack, petitionId: string): Promise<string> {
  const links = (await citizenMessages(stack, petitionId)).filter((m) => m.message_key === 'satisfaction.citizen_message.link');
  const token = tokenInBody(links.at(-1)?.body_vi ?? '');
  if (token === null) throw new Error(`no feedback link was sent for petition ${petitionId}`);
  return token;
}

/**
 * Where a raw token must never be: any row of any table of the test database (citizen messages, tokens, events,
 * outbox, ratings, everything), as text, as the hex of its characters, or as the hex of the MAC bytes it
 * encodes (how a bytea column would hold it). Returns "table: count" for each table that holds it.
 */
export async function tablesHolding(stack: TestStack, token: string): Promise<string[]> {
  const needles = [token, Buffer.from(token, 'utf8').toString('hex'), Buffer.from(token, 'base64url').toString('hex')];
  const tables = (
    await stack.sql.query<{ name: string }>(
      `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
  const found: string[] = [];
  for (const table of tables) {
    const n = (
      await stack.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} t
          WHERE strpos(row_to_json(t)::text, $1) > 0 OR strpos(row_to_json(t)::text, $2) > 0 OR strpos(row_to_json(t)::text, $3) > 0`,
        needles,
      )
    ).rows[0]!.n;
    if (n > 0) found.push(`${table}: ${n}`);
  }
  return found;
}
