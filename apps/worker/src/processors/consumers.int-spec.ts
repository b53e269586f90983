import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotifyAssigneeUseCase, ProjectBoardUseCase } from '@app/application';
import type { TestingModule } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import { createPetition, demoCommuneId, mustPerformAction, petitionBody } from '../../../../test/support/petition-fixtures.js';
import { availableQueueBackends, startTestStack, type TestStack } from '../../../../test/support/test-stack.js';
import { WorkerModule } from '../worker.module.js';

/**
 * The worker's consumers are idempotent by database keys: BullMQ delivers at least once (retries, a relay
 * that published twice, a stalled job picked up again), so running a job again must change nothing.
 *
 * The use cases come from a compiled worker context that is not started: no relay and no BullMQ workers
 * run, so nothing but these calls touches the notifications and the board projection.
 */
describe('worker consumers are idempotent (real Postgres)', () => {
  let s: TestStack;
  let worker: TestingModule;
  let notify: NotifyAssigneeUseCase;
  let project: ProjectBoardUseCase;
  let desk: string;
  let head: string;
  let handlerId: string;
  let headId: string;
  let communeId: string;

  beforeAll(async () => {
    s = await startTestStack('consumers', { queueBackend: availableQueueBackends()[0], workerOnStart: false });
    worker = await Test.createTestingModule({ imports: [WorkerModule.forRoot(s.config)] }).compile();
    notify = worker.get(NotifyAssigneeUseCase);
    project = worker.get(ProjectBoardUseCase);
    [desk, head, handlerId, headId] = await Promise.all([s.token('desk'), s.token('head'), s.userId('handler'), s.userId('head')]);
    communeId = await demoCommuneId(s);
  });
  afterAll(async () => {
    await worker?.close();
    // Nothing here ever ran the relay; mark its rows done so closing the stack (which starts a worker to empty
    // the queues) has nothing left to publish behind its own clean-up.
    await s?.sql.query(`UPDATE outbox SET published_at = now() WHERE published_at IS NULL`);
    await s?.close();
  });

  const create = (title: string) => createPetition(s, desk, petitionBody(communeId, { title }));

  const act = (id: string, action: string, body: object = {}) => mustPerformAction(s, head, id, action, body);

  const notificationsOf = async (petitionId: string) =>
    (
      await s.sql.query<{ recipient_id: string; kind: string; message_key: string; params: Record<string, unknown>; source_key: string }>(
        `SELECT recipient_id, kind, message_key, params, source_key FROM notifications WHERE petition_id = $1 ORDER BY created_at, source_key`,
        [petitionId],
      )
    ).rows;

  const boardRow = async (petitionId: string) =>
    (await s.sql.query<{ status: string; last_sequence: number }>(`SELECT status, last_sequence FROM board_petitions WHERE petition_id = $1`, [petitionId]))
      .rows[0];

  describe('NotifyAssigneeUseCase', () => {
    it('stores one notification when the same job runs twice (stored, then duplicate)', async () => {
      const p = await create('Cống thoát nước bị tắc');
      await act(p.id, 'accept');
      const assigned = await act(p.id, 'assign', { assigneeId: handlerId });
      // The job exactly as the application wrote it to the outbox.
      const { rows } = await s.sql.query<{ payload: { petitionId: string; assigneeId: string; sequence: number } }>(
        `SELECT payload FROM outbox WHERE job_name = 'notify.assignee' AND payload->>'petitionId' = $1`,
        [p.id],
      );
      expect(rows.map((r) => r.payload)).toEqual([{ petitionId: p.id, assigneeId: handlerId, sequence: assigned.version }]);
      const job = rows[0]!.payload;

      expect(await notify.execute(job)).toBe('stored');
      expect(await notify.execute(job)).toBe('duplicate');
      expect(await notify.execute({ ...job })).toBe('duplicate');

      expect(await notificationsOf(p.id)).toEqual([
        {
          recipient_id: handlerId,
          kind: 'petition.assigned',
          message_key: 'notification.assigned',
          params: { trackingCode: p.trackingCode, title: 'Cống thoát nước bị tắc' },
          source_key: `assigned:${p.id}:${assigned.version}`,
        },
      ]);
    });

    it('stores one notification when two deliveries of the same job race', async () => {
      const p = await create('Rác thải tồn đọng');
      await act(p.id, 'accept');
      const first = await act(p.id, 'assign', { assigneeId: handlerId });
      // A reassignment is a new assignment: it gets its own notification.
      const second = await act(p.id, 'assign', { assigneeId: headId });

      const results = await Promise.all([
        notify.execute({ petitionId: p.id, assigneeId: handlerId, sequence: first.version }),
        notify.execute({ petitionId: p.id, assigneeId: handlerId, sequence: first.version }),
        notify.execute({ petitionId: p.id, assigneeId: headId, sequence: second.version }),
        notify.execute({ petitionId: p.id, assigneeId: headId, sequence: second.version }),
        notify.execute({ petitionId: p.id, assigneeId: headId, sequence: second.version }),
      ]);
      expect(results.slice(0, 2).sort()).toEqual(['duplicate', 'stored']);
      expect(results.slice(2).sort()).toEqual(['duplicate', 'duplicate', 'stored']);
      expect((await notificationsOf(p.id)).map((n) => [n.recipient_id, n.source_key]).sort()).toEqual(
        [
          [handlerId, `assigned:${p.id}:${first.version}`],
          [headId, `assigned:${p.id}:${second.version}`],
        ].sort(),
      );
    });

    it('skips a job for a petition that does not exist', async () => {
      const missing = randomUUID();
      expect(await notify.execute({ petitionId: missing, assigneeId: handlerId, sequence: 3 })).toBe('skipped');
      expect(await notify.execute({ petitionId: missing, assigneeId: handlerId, sequence: 3 })).toBe('skipped');
      expect(await notificationsOf(missing)).toEqual([]);
      expect((await s.sql.query(`SELECT 1 FROM notifications WHERE source_key LIKE $1`, [`%${missing}%`])).rowCount).toBe(0);
    });
  });

  describe('ProjectBoardUseCase', () => {
    it('keeps the newer state when an older event arrives after a newer one (unchanged)', async () => {
      const p = await create('Đường ngập khi mưa');
      const accepted = await act(p.id, 'accept');
      expect(await project.execute({ petitionId: p.id, sequence: accepted.version })).toBe('updated');
      expect(await boardRow(p.id)).toEqual({ status: 'accepted', last_sequence: accepted.version });

      const assigned = await act(p.id, 'assign', { assigneeId: handlerId });
      expect(await project.execute({ petitionId: p.id, sequence: assigned.version })).toBe('updated');
      expect(await boardRow(p.id)).toEqual({ status: 'assigned', last_sequence: assigned.version });

      // Late and repeated deliveries: the first event, the accept, the assign again.
      expect(await project.execute({ petitionId: p.id, sequence: 1 })).toBe('unchanged');
      expect(await project.execute({ petitionId: p.id, sequence: accepted.version })).toBe('unchanged');
      expect(await project.execute({ petitionId: p.id, sequence: assigned.version })).toBe('unchanged');
      expect(await boardRow(p.id)).toEqual({ status: 'assigned', last_sequence: assigned.version });
    });

    it('writes once when the deliveries of one petition race', async () => {
      const p = await create('Cây đổ chắn đường');
      await act(p.id, 'accept');
      const results = await Promise.all([1, 2, 1, 2, 2].map((sequence) => project.execute({ petitionId: p.id, sequence })));
      expect(results.filter((r) => r === 'updated')).toHaveLength(1);
      expect(await boardRow(p.id)).toEqual({ status: 'accepted', last_sequence: 2 });
    });

    it('projects nothing for a petition that does not exist', async () => {
      const missing = randomUUID();
      expect(await project.execute({ petitionId: missing, sequence: 1 })).toBe('unchanged');
      expect(await boardRow(missing)).toBeUndefined();
    });
  });
});
