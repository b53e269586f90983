import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { queueConnection, QueueName } from '@app/queue';
import { type Job, Queue } from 'bullmq';
import { createPetition, demoCommuneId, mustPerformAction, petitionBody } from '../../../../test/support/petition-fixtures.js';
import { availableQueueBackends, startTestStack, type TestStack } from '../../../../test/support/test-stack.js';
import { waitFor } from '../../../../test/support/wait-for.js';

/**
 * A failed job's reason and stack trace are stored in the queue (Redis or PostgreSQL) for as long as the job is
 * kept, and queue tools show them: a database error there keeps its SQLSTATE, never the server's message,
 * which can quote a citizen's data. The database is made to refuse the assignee's notification with the
 * petitioner's name in its message.
 */
describe('failed jobs hold no personal data in their reason (real queue)', () => {
  let s: TestStack;
  let queue: Queue;
  const NAME = 'Lò Thị Kín Đáo';

  beforeAll(async () => {
    s = await startTestStack('failures', { queueBackend: availableQueueBackends()[0] });
    queue = new Queue(QueueName.Notifications, { connection: queueConnection(s.config), prefix: s.config.queue.prefix });
    await s.sql.query(
      `CREATE FUNCTION failure_probe() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN PERFORM (SELECT petitioner->>'fullName' FROM petitions WHERE id = NEW.petition_id)::int; RETURN NEW; END $$`,
    );
    await s.sql.query(`CREATE TRIGGER failure_probe BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION failure_probe()`);
  });
  afterAll(async () => {
    await s?.sql.query(`DROP TRIGGER IF EXISTS failure_probe ON notifications`);
    await queue?.close();
    await s?.close();
  });

  it('stores a database failure by its code only', async () => {
    const [desk, head] = [await s.token('desk'), await s.token('head')];
    const p = await createPetition(s, desk, petitionBody(await demoCommuneId(s), { title: 'Đèn đường tổ 9', petitioner: { fullName: NAME, phone: '0900111222' } }));
    await mustPerformAction(s, head, p.id, 'accept');
    await mustPerformAction(s, head, p.id, 'assign', { assigneeId: await s.userId('handler') });

    const failed = await waitFor(
      async () => {
        const jobs: Job[] = await queue.getJobs(['wait', 'delayed', 'failed', 'active', 'prioritized']);
        return jobs.find((j) => (j.data as { petitionId?: string }).petitionId === p.id && typeof j.failedReason === 'string' && j.failedReason !== '');
      },
      { what: 'the notification job to fail once' },
    );
    expect(failed.failedReason).toMatch(/SQLSTATE 22P02/);
    const stored = JSON.stringify({ reason: failed.failedReason, stacktrace: failed.stacktrace });
    expect(stored).not.toContain(NAME);
  });
});
