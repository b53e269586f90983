import { type Clock, DEFAULT_DEADLINE_POLICY, listMessages, localHour, type MessageParam, renderMessage, toLocalDate } from '@app/domain';
import { type DigestCounts, digestStore } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK } from '../shared/clock.provider.js';
import { loadCalendar, loadPolicies } from './deadline-sources.js';

/**
 * One digest per recipient and working day, at the policy's digest hour: how many deadline alerts reached them
 * in the last day and on how many petitions, commitments and dialogues, so oversight reads one line instead of a stream. Called from every
 * sweep (so it follows the test clock too); the unique source key 'digest:<user>:<date>' makes it once a day.
 */
@Injectable()
export class DailyDigestUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    const now = this.clock.now();
    const em = this.dataSource.manager;
    const policies = await loadPolicies(em);
    const digestHour = policies[policies.length - 1]?.digestHour ?? DEFAULT_DEADLINE_POLICY.digestHour;
    const today = toLocalDate(now);
    if (localHour(now) < digestHour || !(await loadCalendar(em, now)).isWorkingDay(today)) return 0;
    const date = today.split('-').reverse().join('/');
    const due = await digestStore.countsDue(em, now, date);
    return digestStore.insert(
      em,
      due.map((c) => ({ recipientId: c.recipientId, params: digestParams(date, c) })),
      date,
      now,
    );
  }
}

/**
 * The digest's placeholders: the counts by subject type, and the subjects as one phrase of the non-zero ones
 * ("2 petitions and 1 commitment"), so an alert about a commitment is never read as one about a petition.
 */
export function digestParams(date: string, c: Omit<DigestCounts, 'recipientId'>): Record<string, MessageParam> {
  const parts = (
    [
      ['alert.digest.petitions', c.petitions],
      ['alert.digest.commitments', c.commitments],
      ['alert.digest.dialogues', c.dialogues],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([key, n]) => renderMessage(key, { count: n }));
  return { date, alerts: c.alerts, petitions: c.petitions, commitments: c.commitments, dialogues: c.dialogues, subjects: listMessages(parts) };
}
