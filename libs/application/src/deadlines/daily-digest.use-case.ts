import { type Clock, DEFAULT_DEADLINE_POLICY, localHour, toLocalDate } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK } from '../shared/clock.provider.js';
import { loadCalendar, loadPolicies } from './deadline-sources.js';

/**
 * One digest per recipient and working day, at the policy's digest hour: how many deadline alerts reached them
 * in the last day and on how many petitions, so oversight reads one line instead of a stream. Called from every
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
    const rows: unknown[] = await em.query(
      `INSERT INTO notifications (recipient_id, petition_id, kind, message_key, params, source_key, created_at, deliver_at)
       SELECT n.recipient_id, NULL, 'deadline.digest', 'alert.digest',
              jsonb_build_object('date', $2::text, 'alerts', count(*), 'petitions', count(DISTINCT n.petition_id)),
              'digest:' || n.recipient_id || ':' || $2::text, $1, $1
         FROM notifications n
        WHERE n.kind = 'deadline.alert' AND n.deliver_at > $1::timestamptz - interval '1 day' AND n.deliver_at <= $1
        GROUP BY n.recipient_id
       ON CONFLICT (source_key) DO NOTHING
       RETURNING id`,
      [now, today.split('-').reverse().join('/')],
    );
    return rows.length;
  }
}
