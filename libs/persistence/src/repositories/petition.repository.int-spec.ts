import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decide, formatTrackingCode, type PetitionCommand, type PetitionState, receive } from '@app/domain';
import { DataSource, QueryFailedError } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { waitFor } from '../../../../test/support/wait-for.js';
import { dataSourceOptions } from '../data-source.js';
import { PetitionEventEntity } from '../entities/petition-event.entity.js';
import { PetitionEntity } from '../entities/petition.entity.js';
import { outboxStore, petitionStore, toPetitionState } from './petition.repository.js';

/**
 * The petition store against real Postgres: compare-and-set is the only guard against lost updates, the
 * audit trail cannot be rewritten, and outbox payloads survive the trip through jsonb untouched.
 */
describe('petition store and outbox store (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let communeId: string;
  let headId: string;
  let t = Date.parse('2025-03-01T08:00:00.000Z');
  /** A strictly increasing clock, so every decision gets its own updatedAt. */
  const tick = () => new Date((t += 60_000));

  beforeAll(async () => {
    db = await createTestDatabase('petition-repo');
    // The refusals below are expected: keep TypeORM from logging each failed query.
    ds = await new DataSource({ ...dataSourceOptions(db.url, { poolSize: 14, applicationName: 'petition-repo-spec' }), logging: false }).initialize();
    const [head] = await ds.query(`SELECT id, unit_id FROM users WHERE username = 'head'`);
    headId = head.id;
    communeId = head.unit_id;
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /** Opens a petition the way intake does: the row and its first audit event, in one transaction. */
  async function openPetition(): Promise<PetitionState> {
    const id = randomUUID();
    const now = tick();
    const { state, events } = receive(
      {
        petitionId: id,
        kind: 'feedback',
        channel: 'in_person',
        receivingUnitId: communeId,
        trackingCode: formatTrackingCode(randomBytes(12)),
        parentPetitionId: null,
        actor: null,
      },
      now,
    );
    await ds.transaction(async (em) => {
      await petitionStore.insert(em, {
        id,
        trackingCode: state.trackingCode,
        kind: state.kind,
        channel: state.channel,
        status: state.status,
        version: state.version,
        title: 'Đèn đường hỏng',
        content: 'Đèn đường tổ 5 không sáng',
        topic: null,
        location: null,
        petitioner: { fullName: 'Nguyễn Văn An' },
        coPetitioners: [],
        searchText: 'den duong hong',
        receivingUnitId: state.receivingUnitId,
        owningUnitId: state.owningUnitId,
        assigneeId: null,
        escalationLevel: state.escalationLevel,
        parentPetitionId: null,
        createdBy: null,
        instance: 1,
        complex: false,
        prolonged: false,
        addressedToPartyHead: false,
        reopenCount: 0,
        createdAt: now,
        updatedAt: now,
        resolvedAt: null,
        closedAt: null,
      });
      await petitionStore.appendEvents(em, events, 1);
    });
    return state;
  }

  async function load(id: string): Promise<PetitionState> {
    const row = await petitionStore.load(ds.manager, id);
    if (row === null) throw new Error(`petition ${id} not found`);
    return toPetitionState(row);
  }

  function next(state: PetitionState, command: Omit<PetitionCommand, 'actor'>) {
    const decision = decide(state, { ...command, actor: { userId: headId, role: 'head' } } as PetitionCommand, tick());
    if (!decision.ok) throw new Error(`refused: ${JSON.stringify(decision.refusal)}`);
    return decision;
  }

  describe('compareAndSet', () => {
    it('writes the next state when the expected version matches, advancing the version', async () => {
      const opened = await openPetition();
      const accepted = next(opened, { action: 'accept' });
      expect(accepted.state.version).toBe(2);

      const ok = await ds.transaction((em) => petitionStore.compareAndSet(em, accepted.state, opened.version));
      expect(ok).toBe(true);
      const stored = await load(opened.id);
      expect(stored).toMatchObject({ status: 'accepted', version: 2, updatedAt: accepted.state.updatedAt });
    });

    it('refuses a stale expected version and changes nothing', async () => {
      const opened = await openPetition();
      const accepted = next(opened, { action: 'accept' });
      expect(await ds.transaction((em) => petitionStore.compareAndSet(em, accepted.state, 1))).toBe(true);
      const before = await load(opened.id);

      // A second writer decided on version 1 too (here: reject), but version 2 is already committed.
      const rejected = next(opened, { action: 'reject', reason: 'Không thuộc thẩm quyền' } as Omit<PetitionCommand, 'actor'>);
      expect(rejected.state.version).toBe(2);
      expect(await ds.transaction((em) => petitionStore.compareAndSet(em, rejected.state, 1))).toBe(false);
      // Even a state carrying a higher version is refused from a version that is not current.
      expect(await ds.transaction((em) => petitionStore.compareAndSet(em, { ...rejected.state, version: 3 }, 1))).toBe(false);

      expect(await load(opened.id)).toEqual(before);
      expect(before).toMatchObject({ status: 'accepted', version: 2 });
    });

    it('lets exactly one of two overlapping transactions win from the same version (the loser waits, then loses)', async () => {
      const opened = await openPetition();
      const accept = next(opened, { action: 'accept' });
      const reject = next(opened, { action: 'reject', reason: 'Hết thời hiệu' } as Omit<PetitionCommand, 'actor'>);

      const first = ds.createQueryRunner();
      const second = ds.createQueryRunner();
      try {
        await first.connect();
        await second.connect();
        await first.startTransaction();
        await second.startTransaction();
        // Both read version 1 inside their transactions.
        expect((await petitionStore.load(first.manager, opened.id))!.version).toBe(1);
        expect((await petitionStore.load(second.manager, opened.id))!.version).toBe(1);

        expect(await petitionStore.compareAndSet(first.manager, accept.state, 1)).toBe(true);
        const secondPid: number = (await second.query(`SELECT pg_backend_pid() AS pid`))[0].pid;
        const secondResult = petitionStore.compareAndSet(second.manager, reject.state, 1);
        // The second UPDATE blocks on the first transaction's row lock...
        await waitFor(
          async () => {
            const [row] = await ds.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [secondPid]);
            return row?.wait_event_type === 'Lock';
          },
          { what: 'the second compare-and-set to wait for the row lock' },
        );
        await first.commitTransaction();
        // ...and once the first commits, re-checks the version and loses cleanly.
        expect(await secondResult).toBe(false);
        await second.commitTransaction();
      } finally {
        if (first.isTransactionActive) await first.rollbackTransaction();
        if (second.isTransactionActive) await second.rollbackTransaction();
        await first.release();
        await second.release();
      }
      expect(await load(opened.id)).toMatchObject({ status: 'accepted', version: 2 });
    });

    it('lets exactly one of many concurrent transactions win from the same version', async () => {
      const opened = await openPetition();
      const contenders = Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0 ? next(opened, { action: 'accept' }) : next(opened, { action: 'file', reason: 'duplicate' } as Omit<PetitionCommand, 'actor'>),
      );
      const results = await Promise.all(
        contenders.map((d) =>
          // Each decided on version 1; each tries to move the petition from version 1 and, if it wins, records its event.
          ds.transaction(async (em) => {
            const won = await petitionStore.compareAndSet(em, d.state, opened.version);
            if (won) await petitionStore.appendEvents(em, d.events, opened.version + 1);
            return won;
          }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = contenders[results.indexOf(true)]!;
      expect(await load(opened.id)).toMatchObject({ status: winner.state.status, version: 2 });
      const events = await petitionStore.events(ds.manager, opened.id);
      expect(events.map((e) => [e.sequence, e.type])).toEqual([
        [1, 'PetitionReceived'],
        [2, winner.events[0]!.type],
      ]);
    });
  });

  describe('petition_events', () => {
    it('is append-only: UPDATE and DELETE are refused by the database', async () => {
      const opened = await openPetition();
      const before = await ds.query(`SELECT * FROM petition_events WHERE petition_id = $1`, [opened.id]);
      expect(before).toHaveLength(1);

      await expect(ds.query(`UPDATE petition_events SET type = 'Tampered' WHERE petition_id = $1`, [opened.id])).rejects.toThrow(
        /append-only \(UPDATE refused\)/,
      );
      await expect(ds.query(`DELETE FROM petition_events WHERE petition_id = $1`, [opened.id])).rejects.toThrow(/append-only \(DELETE refused\)/);
      // Through the ORM too, and inside a transaction (which then rolls back as a whole).
      await expect(
        ds.transaction(async (em) => {
          await em.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ('x', 'y', '{}')`);
          await em.delete(PetitionEventEntity, { petitionId: opened.id });
        }),
      ).rejects.toThrow(/append-only/);
      expect(await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE queue = 'x'`)).toEqual([{ n: 0 }]);

      expect(await ds.query(`SELECT * FROM petition_events WHERE petition_id = $1`, [opened.id])).toEqual(before);
    });

    it('rejects a second event with the same (petition_id, sequence)', async () => {
      const opened = await openPetition();
      const accepted = next(opened, { action: 'accept' });
      await ds.transaction((em) => petitionStore.appendEvents(em, accepted.events, 2));

      // A writer that skipped compare-and-set would try to record its own version-2 event: the key refuses it.
      const filed = next(opened, { action: 'file', reason: 'duplicate' } as Omit<PetitionCommand, 'actor'>);
      const error = await ds.transaction((em) => petitionStore.appendEvents(em, filed.events, 2)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryFailedError);
      expect((error as QueryFailedError & { driverError: { code: string; constraint?: string } }).driverError).toMatchObject({
        code: '23505',
        constraint: 'petition_events_petition_id_sequence_key',
      });
      // Sequence 1 again, too.
      await expect(ds.transaction((em) => petitionStore.appendEvents(em, accepted.events, 1))).rejects.toThrow(/duplicate key/);

      const events = await petitionStore.events(ds.manager, opened.id);
      expect(events.map((e) => [e.sequence, e.type])).toEqual([
        [1, 'PetitionReceived'],
        [2, 'PetitionAccepted'],
      ]);
      // The payload is the domain event as decided.
      expect(events[1]!.payload).toEqual(JSON.parse(JSON.stringify(accepted.events[0])));
    });
  });

  describe('outboxStore.append', () => {
    it('inserts one pending row per message with the JSON payload intact', async () => {
      const tricky = {
        petitionId: randomUUID(),
        sequence: 7,
        title: 'Đơn "khiếu nại" của ông Nguyễn Văn Ấn — về việc thu hồi đất',
        quote: `it's a 'single' and a "double" quote`,
        sqlish: `'); DELETE FROM outbox; --`,
        placeholders: 'giá $1 và $2::jsonb',
        backslashes: 'C:\\đường dẫn\\tệp "x"',
        unicode: 'Phường Hồng Hà, Thành phố Hạ Long, Quảng Ninh ✓ 🇻🇳',
        nested: { list: [1, 2.5, null, true, 'ba'], empty: {}, deep: { a: [{ b: 'Ừ' }] } },
        newline: 'dòng 1\ndòng 2\ttab',
      };
      const messages = [
        { queue: 'petition-events', jobName: 'petition.event-recorded', payload: { petitionId: tricky.petitionId, sequence: 1 } },
        { queue: 'notifications', jobName: 'notify.assignee', payload: tricky },
        { queue: 'petition-events', jobName: 'petition.event-recorded', payload: { petitionId: tricky.petitionId, sequence: 2 } },
      ];
      await ds.transaction((em) => outboxStore.append(em, messages));
      await ds.transaction((em) => outboxStore.append(em, [])); // no messages: no statement, no error

      const rows: { queue: string; job_name: string; payload: unknown; published_at: Date | null; attempts: number; text: string }[] = await ds.query(
        `SELECT queue, job_name, payload, published_at, attempts, payload::text AS text FROM outbox
          WHERE payload->>'petitionId' = $1 ORDER BY created_at`,
        [tricky.petitionId],
      );
      expect(rows.map(({ text: _text, ...r }) => r)).toEqual(
        messages.map((m) => ({ queue: m.queue, job_name: m.jobName, payload: m.payload, published_at: null, attempts: 0 })),
      );
      // Stored as a JSON object (not a JSON string holding JSON).
      expect(await ds.query(`SELECT DISTINCT jsonb_typeof(payload) AS t FROM outbox WHERE payload->>'petitionId' = $1`, [tricky.petitionId])).toEqual([
        { t: 'object' },
      ]);
      expect(rows[1]!.text).toContain('Nguyễn Văn Ấn');
    });

    it('writes nothing when the surrounding transaction rolls back', async () => {
      const petitionId = randomUUID();
      await expect(
        ds.transaction(async (em) => {
          await outboxStore.append(em, [{ queue: 'notifications', jobName: 'notify.assignee', payload: { petitionId, note: 'bị hủy' } }]);
          throw new Error('command failed after writing its outbox row');
        }),
      ).rejects.toThrow('command failed');
      expect(await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE payload->>'petitionId' = $1`, [petitionId])).toEqual([{ n: 0 }]);
      expect(await ds.getRepository(PetitionEntity).count({ where: { id: petitionId } })).toBe(0);
    });
  });
});
