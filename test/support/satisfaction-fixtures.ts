import type { PetitionView } from '@app/application';
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
  channel: string;
  address: string | null;
  message_key: string;
  body_vi: string;
  body_en: string;
  created_at: Date;
  sent_at: Date | null;
}

/** Outgoing citizen messages of a petition, oldest first. */
export async function citizenMessages(stack: TestStack, petitionId: string): Promise<CitizenMessageRow[]> {
  return (
    await stack.sql.query<CitizenMessageRow>(
      `SELECT channel, address, message_key, body_vi, body_en, created_at, sent_at FROM citizen_messages WHERE petition_id = $1 ORDER BY created_at, id`,
      [petitionId],
    )
  ).rows;
}

/** The raw token of the newest feedback link sent for a petition (the citizen's copy: it exists nowhere else). */
export async function latestFeedbackToken(stack: TestStack, petitionId: string): Promise<string> {
  const links = (await citizenMessages(stack, petitionId)).filter((m) => m.message_key === 'satisfaction.citizen_message.link');
  const match = LINK.exec(links.at(-1)?.body_vi ?? '');
  if (!match) throw new Error(`no feedback link was sent for petition ${petitionId}`);
  return match[1]!;
}
