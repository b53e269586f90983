import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { recomputeClock } from '@app/domain';
import { dataSourceOptions } from '@app/persistence';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { openPetition } from '../petitions/petition-writer.js';
import { recomputeOpenClocks } from './clock-recompute.js';
import { loadCalendar, loadPolicies } from './deadline-sources.js';

/** 24:00 Hà Nội time at the end of a local date. */
const endOf = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 17 * 3600_000).toISOString();
const MON = new Date('2026-11-23T02:00:00.000Z');

/**
 * The batched recompute against real Postgres, with batches far smaller than the data so that the keyset walk
 * over petitions is exercised: every affected clock once, the unaffected ones untouched, a rerun a no-op.
 */
describe('recomputeOpenClocks (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const petitions: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('clock-recompute');
    ds = await new DataSource({ ...dataSourceOptions(db.url, { poolSize: 4, applicationName: 'clock-recompute-spec' }), logging: false }).initialize();
    const [desk]: { id: string; unit_id: string }[] = await ds.query(`SELECT id, unit_id FROM users WHERE username = 'desk'`);
    // Seven denunciations received on Monday 23/11: T1 (7 working days) runs to Wednesday 02/12; R7 (10 days) to Thursday 03/12.
    for (let i = 0; i < 7; i++) {
      const state = await ds.transaction((em) =>
        openPetition(
          em,
          {
            kind: 'denunciation',
            channel: 'mail',
            title: `Tố cáo ${i}`,
            content: 'Nội dung',
            topic: null,
            location: null,
            receivingUnitId: desk!.unit_id,
            petitioner: { fullName: 'Người tố cáo' },
            coPetitioners: [],
            parentPetitionId: null,
            createdBy: desk!.id,
          },
          { userId: desk!.id, role: 'desk' },
          MON,
        ),
      );
      petitions.push(state.id);
    }
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const dues = async (): Promise<[string, string, number, string][]> =>
    (
      await ds.query(`SELECT c.rule_id, c.due_at, c.version, t.due_at AS t100 FROM petition_clocks c
                        JOIN clock_thresholds t ON t.clock_id = c.id AND t.key = '100'
                       WHERE c.petition_id = ANY($1::uuid[]) ORDER BY c.petition_id, c.rule_id`, [petitions])
    ).map((r: { rule_id: string; due_at: Date; version: number; t100: Date }): [string, string, number, string] => [
      r.rule_id,
      r.due_at.toISOString(),
      r.version,
      r.t100.toISOString(),
    ]);

  const run = (dryRun: boolean, batchSize: number) =>
    recomputeOpenClocks(ds, {
      scope: { spanContains: '2026-11-26' },
      dryRun,
      now: MON,
      batchSize,
      context: async (em) => ({ policies: await loadPolicies(em), calendar: await loadCalendar(em, MON) }),
      transform: (clock, _facts, ctx) => recomputeClock(clock, ctx.calendar, MON),
    });

  it('walks every petition in small batches, moves each affected clock once, and a rerun changes nothing', async () => {
    const before = await dues();
    expect(before.filter(([rule]) => rule === 'T1').map(([, due]) => due)).toEqual(Array(7).fill(endOf('2026-12-02')));
    await ds.query(`INSERT INTO calendar_entries (date, kind, name) VALUES ('2026-11-26', 'holiday', 'Nghỉ đột xuất')`);

    const dry = await run(true, 2);
    expect(await dues()).toEqual(before);
    const diff = await run(false, 2);
    expect(diff).toEqual(dry);
    // Only the working-day clocks move, each exactly once: T1 (to Thursday 03/12) and T2, the 5-working-day
    // transfer clock (Monday 30/11 → Tuesday 01/12); calendar-day R7 does not.
    expect(diff.map((d) => d.ruleId)).toEqual(Array(7).fill(['T1', 'T2']).flat());
    expect(new Set(diff.map((d) => d.clockId)).size).toBe(14);
    expect(new Set(diff.map((d) => d.petitionId))).toEqual(new Set(petitions));
    const t1 = diff.filter((d) => d.ruleId === 'T1');
    const t2 = diff.filter((d) => d.ruleId === 'T2');
    expect(t1.every((d) => d.oldDueAt === endOf('2026-12-02') && d.newDueAt === endOf('2026-12-03'))).toBe(true);
    expect(t2.every((d) => d.oldDueAt === endOf('2026-11-30') && d.newDueAt === endOf('2026-12-01'))).toBe(true);

    const after = await dues();
    for (const [rule, due, version, t100] of after) {
      if (rule === 'T1') expect([due, version, t100]).toEqual([endOf('2026-12-03'), 2, endOf('2026-12-03')]);
      else if (rule === 'T2') expect([due, version, t100]).toEqual([endOf('2026-12-01'), 2, endOf('2026-12-01')]);
      else expect([rule, due, version]).toEqual(['R7', endOf('2026-12-03'), 1]);
    }

    expect(await run(false, 3)).toEqual([]);
    expect(await dues()).toEqual(after);
  });
});
