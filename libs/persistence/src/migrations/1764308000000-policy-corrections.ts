import { DEFAULT_DEADLINE_POLICY } from '@app/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7 corrected the built-in deadline rules (T2, K5, T7, T4 extensions by complexity, R5 met by notice,
 * reopened feedback clocks, complaint periods, arrival days). A fresh database is seeded with the corrected
 * rules as version 1; one seeded earlier still holds the old ones. There, the corrected rules are published as
 * the next version from the same effective date, so new clocks take them while clocks already running keep the
 * version they pinned (an administrator may recompute those through the API, with a dry run first).
 */
export class PolicyCorrections1764308000000 implements MigrationInterface {
  name = 'PolicyCorrections1764308000000';

  async up(q: QueryRunner): Promise<void> {
    const [latest] = (await q.query(`SELECT version, body FROM deadline_policies ORDER BY version DESC LIMIT 1`)) as { version: number; body: unknown }[];
    if (latest === undefined) return;
    const next = { ...DEFAULT_DEADLINE_POLICY, version: latest.version + 1 };
    // jsonb equality ignores key order: the same rules under another version number are not republished.
    const [same] = (await q.query(`SELECT ($1::jsonb - 'version') = ($2::jsonb - 'version') AS same`, [JSON.stringify(latest.body), JSON.stringify(next)])) as { same: boolean }[];
    if (same?.same) return;
    await q.query(`INSERT INTO deadline_policies (version, effective_from, effective_to, legal_reference, body) VALUES ($1, $2, $3, $4, $5)`, [
      next.version,
      next.effectiveFrom,
      next.effectiveTo,
      next.legalReference,
      JSON.stringify(next),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    // Only a version this migration published is removed, and only while no clock has pinned it.
    await q.query(
      `DELETE FROM deadline_policies p
        WHERE p.version = (SELECT max(version) FROM deadline_policies) AND p.version > 1 AND p.published_by IS NULL
          AND NOT EXISTS (SELECT 1 FROM petition_clocks c WHERE c.policy_version = p.version)`,
    );
  }
}
