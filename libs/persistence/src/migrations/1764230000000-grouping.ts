import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The letters grassroots_fold() folds, written out (precomposed, NFC) so that the SQL never changes when
 * code changes: each base letter with every accented form the domain's foldForSearch folds to it (all the
 * Vietnamese letters with tone and vowel marks, đ/Đ, and the other accented Latin letters of U+00C0–U+024F
 * and U+1EA0–U+1EF9). The integration test grouping-sql.int-spec.ts checks the function against
 * foldForSearch on every one of them and on a Vietnamese sample, so a drift fails the build instead.
 */
export const FOLD_LETTERS: readonly (readonly [string, string])[] = [
  ['a', 'àáâãäåāăąǎǟǡǻȁȃȧạảấầẩẫậắằẳẵặÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦẠẢẤẦẨẪẬẮẰẲẴẶ'],
  ['c', 'çćĉċčÇĆĈĊČ'],
  ['d', 'ďđĎĐ'],
  ['e', 'èéêëēĕėęěȅȇȩẹẻẽếềểễệÈÉÊËĒĔĖĘĚȄȆȨẸẺẼẾỀỂỄỆ'],
  ['g', 'ĝğġģǧǵĜĞĠĢǦǴ'],
  ['h', 'ĥȟĤȞ'],
  ['i', 'ìíîïĩīĭįǐȉȋỉịÌÍÎÏĨĪĬĮİǏȈȊỈỊ'],
  ['j', 'ĵǰĴ'],
  ['k', 'ķǩĶǨ'],
  ['l', 'ĺļľĹĻĽ'],
  ['n', 'ñńņňǹÑŃŅŇǸ'],
  ['o', 'òóôõöōŏőơǒǫǭȍȏȫȭȯȱọỏốồổỗộớờởỡợÒÓÔÕÖŌŎŐƠǑǪǬȌȎȪȬȮȰỌỎỐỒỔỖỘỚỜỞỠỢ'],
  ['r', 'ŕŗřȑȓŔŖŘȐȒ'],
  ['s', 'śŝşšșŚŜŞŠȘ'],
  ['t', 'ţťțŢŤȚ'],
  ['u', 'ùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữựÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖỤỦỨỪỬỮỰ'],
  ['w', 'ŵŴ'],
  ['y', 'ýÿŷȳỳỵỷỹÝŶŸȲỲỴỶỸ'],
  ['z', 'źżžŹŻŽ'],
];
const FOLD_FROM = FOLD_LETTERS.map(([, accented]) => accented).join('');
const FOLD_TO = FOLD_LETTERS.map(([base, accented]) => base.repeat([...accented].length)).join('');

/** Representatives of group petitions, clusters of petitions about one matter, repeat and over-level flags (issue 4). */
export class Grouping1764230000000 implements MigrationInterface {
  name = 'Grouping1764230000000';

  async up(q: QueryRunner): Promise<void> {
    if ([...FOLD_FROM].length !== FOLD_TO.length || FOLD_FROM.includes("'")) throw new Error('grassroots_fold: malformed letter table');
    // Same result as foldForSearch(s).replace(/[^a-z0-9]+/g, ' ').trim() (null for a blank): finds a person's
    // earlier petitions by name whether or not the marks were typed. IMMUTABLE so an index can use it; STRICT so
    // the planner knows fold(x) = $1 implies x IS NOT NULL; PARALLEL SAFE as it reads nothing.
    await q.query(`
      CREATE FUNCTION grassroots_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT NULLIF(btrim(regexp_replace(lower(translate(normalize(t, NFC), '${FOLD_FROM}', '${FOLD_TO}')), '[^a-z0-9]+', ' ', 'g')), '')
      $$`);
    // Same as the domain's normalizePhone: digits only, +84 written as the domestic 0; null without digits.
    await q.query(`
      CREATE FUNCTION grassroots_phone_key(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT CASE
                 WHEN d = '' THEN NULL
                 WHEN btrim(t) LIKE '+84%' OR (d LIKE '84%' AND length(d) = 11) THEN '0' || substr(d, 3)
                 ELSE d
               END
          FROM (SELECT regexp_replace(t, '[^0-9]', '', 'g') AS d) x
      $$`);
    // Repeat detection looks a petitioner up by ID number, else by phone, else by folded name and address: one
    // index each, with no partial predicate the planner would have to prove from a function call (intake-grouping.ts
    // holds the lookups; grouping-sql.int-spec.ts checks with EXPLAIN that each uses its index).
    await q.query(`CREATE INDEX petitions_petitioner_id_number ON petitions ((petitioner->>'idNumber')) WHERE petitioner->>'idNumber' IS NOT NULL`);
    await q.query(`CREATE INDEX petitions_petitioner_phone ON petitions (grassroots_phone_key(petitioner->>'phone'))`);
    await q.query(`CREATE INDEX petitions_petitioner_name ON petitions (grassroots_fold(petitioner->>'fullName'), grassroots_fold(petitioner->>'address'))`);

    // Grouping facts of one petition: the decision it is about, its representatives, and the over-level flag.
    await q.query(`
      CREATE TABLE petition_grouping (
        petition_id             uuid PRIMARY KEY REFERENCES petitions(id),
        respondent_decision_ref text,
        decision_ref_key        text,
        representatives         jsonb NOT NULL DEFAULT '[]'::jsonb,
        representatives_set_at  timestamptz,
        representatives_set_by  uuid REFERENCES users(id),
        over_level              jsonb,
        over_level_commune_id   uuid REFERENCES units(id),
        returned_at             timestamptz,
        returned_petition_id    uuid REFERENCES petitions(id),
        updated_at              timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX petition_grouping_decision_ref ON petition_grouping (decision_ref_key) WHERE decision_ref_key IS NOT NULL`);

    // A cluster lives in one jurisdiction: a commune (its own id), or a province's province-level units (the province id).
    await q.query(`
      CREATE TABLE petition_clusters (
        id                      uuid PRIMARY KEY,
        scope_unit_id           uuid NOT NULL REFERENCES units(id),
        title                   text NOT NULL,
        topic_key               text,
        respondent_decision_ref text,
        decision_ref_key        text,
        place                   text,
        status                  text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        created_by              uuid REFERENCES users(id),
        created_at              timestamptz NOT NULL,
        updated_at              timestamptz NOT NULL,
        closed_at               timestamptz,
        closed_by               uuid REFERENCES users(id),
        close_reason            text,
        CHECK ((status = 'closed') = (closed_at IS NOT NULL AND close_reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX petition_clusters_scope ON petition_clusters (scope_unit_id, created_at DESC)`);
    // A petition is in at most one cluster: the primary key says so.
    await q.query(`
      CREATE TABLE petition_cluster_members (
        petition_id uuid PRIMARY KEY REFERENCES petitions(id),
        cluster_id  uuid NOT NULL REFERENCES petition_clusters(id),
        added_at    timestamptz NOT NULL,
        added_by    uuid REFERENCES users(id),
        reason      text
      )`);
    await q.query(`CREATE INDEX petition_cluster_members_cluster ON petition_cluster_members (cluster_id, added_at)`);

    await q.query(`
      CREATE TABLE petition_links (
        id                  bigserial PRIMARY KEY,
        petition_id         uuid NOT NULL REFERENCES petitions(id),
        related_petition_id uuid NOT NULL REFERENCES petitions(id),
        kind                text NOT NULL CHECK (kind IN ('repeat')),
        reason              jsonb NOT NULL,
        created_at          timestamptz NOT NULL,
        UNIQUE (petition_id, related_petition_id, kind),
        CHECK (petition_id <> related_petition_id)
      )`);
    await q.query(`CREATE INDEX petition_links_related ON petition_links (related_petition_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['petition_links', 'petition_cluster_members', 'petition_clusters', 'petition_grouping']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    for (const i of ['petitions_petitioner_name', 'petitions_petitioner_phone', 'petitions_petitioner_id_number']) {
      await q.query(`DROP INDEX IF EXISTS ${i}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS grassroots_phone_key(text)`);
    await q.query(`DROP FUNCTION IF EXISTS grassroots_fold(text)`);
  }
}
