import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { minutes, mustDialogueAction, requestDialogue, setClock } from '../support/dialogue-fixtures.js';
import { publicTableCounts, STACK_TRACE_TEXT } from '../support/hostile-input.js';
import { demoCommuneId, petitionBody } from '../support/petition-fixtures.js';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/**
 * Fuzzes every request body and query the OpenAPI document describes: per operation, a few seeded runs that
 * put one bad value (wrong type, huge or negative number, far or impossible date, 10,000-character text, lone
 * surrogate, NUL, bidi and zero-width characters, deep nesting, a list for an object) into one field, add an
 * unknown field, or replace the whole body. Whatever comes in: never a 5xx; a 400 is problem+json whose
 * `errors[]` names the field; a refused request changes no row of any table; the log holds no error or stack.
 * FUZZ_SEED and FUZZ_RUNS override the seed and the runs per operation; a failure prints the seed to replay.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 5);

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** One thing to fuzz: a method and a concrete path, with its body schemas (an action route has one per action) and query. */
interface Target {
  readonly label: string;
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  readonly path: string;
  readonly bodies: Schema[];
  readonly query: Parameter[];
  readonly role: string | null;
}

const ROLES = ['desk', 'head', 'handler', 'board', 'admin'] as const;

/** The role whose token reaches the route's validation (null: a public route). */
function roleFor(method: string, path: string): string | null {
  if (/^\/api\/(auth\/login|feedback|track)\b/.test(path) || path === '/health') return null;
  if (/^\/api\/(calendar|deadline-policies|units|test-clock|reception-duty-rules|reception-duties)\b/.test(path)) return 'admin';
  if (path.startsWith('/api/board')) return 'board';
  if (method === 'post' && path === '/api/petitions') return 'desk';
  return 'head';
}

// ---------------------------------------------------------------- bad values

const TEN_THOUSAND = 'Đ'.repeat(10_000);
const nestedObject = (levels: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};
const nestedArray = (levels: number): unknown => {
  let v: unknown = [];
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};
const weirdStrings = [
  '',
  ' ',
  '\uD800',
  'a\uDC00b',
  'Nguyễn \uDBFF',
  '\u0000',
  'x\u0000y',
  '\u202Eabc\u202C',
  '\u200B',
  '\uFEFFtiêu đề',
  '\u200F\u061C',
  'Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319\u0324',
  '𝓤𝓷𝓲𝓬𝓸𝓭𝓮 😀',
  TEN_THOUSAND,
  'a'.repeat(10_001),
];
const weirdDates = [
  '9999-12-31',
  '0000-01-01',
  '2101-01-01',
  '1999-12-31',
  '2026-02-30',
  '2026-13-01',
  '+275760-09-13',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '2026-12-07T25:00:00+07:00',
  '+275760-09-13T00:00:00.000Z',
  '0000-01',
  '9999-12',
  '2026-00',
  // The edges of the accepted range: valid, so they reach the use cases and the day arithmetic.
  '2000-01-01',
  '2100-12-31',
  '2000-01',
  '2100-12',
  '1999-12-31T17:00:00Z',
  '2100-12-31T16:59:59.999Z',
];
const weirdNumbers = [0, -1, 1.5, -0.5, 1e308, -1e308, 2 ** 53 + 1, -(2 ** 31), 2 ** 31, 100001, 1e-300];

const badJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, [], {}, [[]], [{}], { a: 1 }, ['x'], [null]),
  fc.constantFrom(...weirdStrings),
  fc.constantFrom(...weirdDates),
  fc.constantFrom(...weirdNumbers),
  fc.integer({ min: 17, max: 40 }).map(nestedObject),
  fc.integer({ min: 17, max: 40 }).map(nestedArray),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.jsonValue({ maxDepth: 3 }),
);
/** Query values: a string, the key repeated (a list) or `k[a]=b` (an object), as qs parses them. */
type QueryValue = string | string[] | Record<string, string>;
const badQueryValue: fc.Arbitrary<QueryValue> = fc.oneof(
  fc.constantFrom(...weirdStrings, ...weirdDates, 'abc', '-1', '0', '1e309', 'NaN', 'Infinity', 'true', '99999999999999999999', '00000000-0000-0000-0000-000000000000'),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(fc.constantFrom('a', '2026-01-01', '1'), { minLength: 2, maxLength: 3 }),
  fc.constant({ a: 'b' }),
);
const weirdKey = fc.constantFrom('__proto__', 'constructor', 'x\uD800', '', ' ', 'a.b', '0', 'status', 'version', 'id', '\u202Ekey');

// ---------------------------------------------------------------- schema walking

function resolver(doc: OpenApi) {
  const resolve = (s: Schema | undefined): Schema => {
    let cur = s ?? {};
    for (let i = 0; i < 10; i++) {
      if (cur.$ref) cur = doc.components.schemas[cur.$ref.replace('#/components/schemas/', '')] ?? {};
      else if (cur.allOf?.length === 1) cur = cur.allOf[0]!;
      else break;
    }
    return cur;
  };
  return resolve;
}

interface Ids {
  petitionId: string;
  dialogueId: string;
  commitmentId: string;
  communeId: string;
  clockId: string;
}

/** A plausible value for a schema: the example, the first enum value, a real id, a near date; required fields only. */
function sampler(resolve: (s: Schema | undefined) => Schema, ids: Ids) {
  const sample = (raw: Schema | undefined, depth = 0): unknown => {
    const s = resolve(raw);
    if (s.example !== undefined) return s.example;
    if (s.enum?.length) return s.enum[0];
    if (s.oneOf?.length) return sample(s.oneOf[0], depth);
    if (s.properties || s.type === 'object') {
      if (depth > 6) return {};
      return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties?.[k], depth + 1)]));
    }
    switch (s.type) {
      case 'string':
        if (s.format === 'uuid') return ids.communeId;
        if (s.format === 'date-time') return '2027-05-03T08:00:00+07:00';
        if (s.format === 'date') return '2027-05-03';
        return 'Nội dung kiểm thử';
      case 'integer':
      case 'number':
        return s.minimum ?? 1;
      case 'boolean':
        return false;
      case 'array':
        return depth > 6 ? [] : [sample(s.items, depth + 1)];
      default:
        return 'x';
    }
  };
  return sample;
}

/** Dotted paths of every property of a body schema (into nested objects and the first item of lists). */
function fieldPaths(resolve: (s: Schema | undefined) => Schema, raw: Schema, prefix: string[] = [], depth = 0): string[][] {
  const s = resolve(raw);
  if (depth > 4) return [];
  const out: string[][] = [];
  for (const [key, sub] of Object.entries(s.properties ?? {})) {
    const path = [...prefix, key];
    out.push(path);
    const r = resolve(sub);
    if (r.properties) out.push(...fieldPaths(resolve, r, path, depth + 1));
    if (r.type === 'array' && resolve(r.items).properties) out.push(...fieldPaths(resolve, resolve(r.items), [...path, '0'], depth + 1));
  }
  return out;
}

function setPath(target: unknown, path: string[], value: unknown): unknown {
  const root = structuredClone(target) as Record<string, unknown>;
  let cur: Record<string, unknown> = root;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      Object.defineProperty(cur, key, { value, enumerable: true, writable: true, configurable: true });
      break;
    }
    const next = cur[key];
    if (next === null || typeof next !== 'object') {
      const fresh = /^\d+$/.test(path[i + 1]!) ? [] : {};
      cur[key] = fresh;
      cur = fresh as Record<string, unknown>;
    } else cur = next as Record<string, unknown>;
  }
  return root;
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes as the bytes a client might send. */
function encode(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return [...v].map((c) => ((c as string & { isWellFormed(): boolean }).isWellFormed() ? encodeURIComponent(c) : '%ED%A0%80')).join('');
  }
}

function queryString(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string') parts.push(`${encode(k)}=${encode(v)}`);
    else if (Array.isArray(v)) for (const x of v) parts.push(`${encode(k)}=${encode(x)}`);
    else for (const [sub, x] of Object.entries(v)) parts.push(`${encode(k)}[${encode(sub)}]=${encode(x)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

// ---------------------------------------------------------------- the suite

describe('fuzzing every DTO of the OpenAPI document', () => {
  let s: TestStack;
  const logLines: string[] = [];
  const tok: Record<string, string> = {};
  let doc: OpenApi;
  let ids: Ids;

  beforeAll(async () => {
    // No worker: between two requests nothing but the requests may change the tables.
    s = await startTestStack('fuzz', { testClock: true, workerOnStart: false, log: { level: 'warn', stream: { write: (line) => void logLines.push(line) } } });
    const communeId = await demoCommuneId(s);
    for (const u of ROLES) tok[u] = await s.token(u);
    const petition = await s.http().post('/api/petitions').set('Authorization', tok.desk!).send(petitionBody(communeId)).expect(201);
    await s.http().post(`/api/petitions/${petition.body.id}/actions/accept`).set('Authorization', tok.head!).send({}).expect(200);
    const clock = await s.sql.query<{ id: string }>('SELECT id FROM petition_clocks WHERE petition_id = $1 LIMIT 1', [petition.body.id]);
    await setClock(s, tok.admin!, '2027-04-05T09:00:00+07:00');
    const dialogue = await requestDialogue(s, tok.head!, { kind: 'party_head_direct', unitId: communeId, requestedBy: 'necessity' });
    await mustDialogueAction(s, tok.head!, dialogue.id, 'plan', { scheduledAt: '2027-04-06T14:00:00+07:00', venue: 'Trụ sở Đảng ủy', agenda: ['Quy hoạch chợ'] });
    await setClock(s, tok.admin!, '2027-04-06T16:00:00+07:00');
    await mustDialogueAction(s, tok.head!, dialogue.id, 'hold', { minutes: minutes([{ id: 'q1', text: 'Quy hoạch chợ' }]) });
    const commitment = await s
      .http()
      .post('/api/commitments')
      .set('Authorization', tok.head!)
      .send({ dialogueId: dialogue.id, title: 'Lắp đèn ngõ 12', ownerUnitId: communeId })
      .expect(201);
    ids = { petitionId: petition.body.id, dialogueId: dialogue.id, commitmentId: commitment.body.id, communeId, clockId: clock.rows[0]?.id ?? communeId };
    doc = (await s.http().get('/api/docs-json').expect(200)).body as OpenApi;
  });

  afterAll(async () => {
    await s?.close();
  });

  let requests = 0;
  let refused400 = 0;
  const statuses = new Map<number, number>();
  let baseline: Record<string, number> = {};

  /** Throws when a response breaks a rule: a 5xx, a refusal that is not problem+json or wrote rows, a 400 without fields. */
  async function judge(res: Response, label: string): Promise<void> {
    requests++;
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const what = `${label} → ${res.status} ${res.text.slice(0, 500)}`;
    if (res.status >= 500) throw new Error(`5xx: ${what}`);
    if (res.status >= 400) {
      if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) throw new Error(`not problem+json: ${what}`);
      for (const pattern of STACK_TRACE_TEXT) if (pattern.test(res.text)) throw new Error(`stack trace in the response: ${what}`);
    }
    if (res.status === 400) {
      refused400++;
      const errors = (res.body as { errors?: { field?: unknown; code?: unknown }[] }).errors;
      if (!Array.isArray(errors) || errors.length === 0 || errors.some((e) => typeof e.field !== 'string' || typeof e.code !== 'string')) {
        throw new Error(`400 without errors[].field: ${what}`);
      }
    }
    const now = await publicTableCounts(s.sql);
    const before = baseline;
    baseline = now;
    if (res.status >= 400) {
      const changed = Object.keys(now).filter((k) => now[k] !== before[k]);
      if (changed.length > 0) throw new Error(`refused but wrote to ${changed.join(', ')}: ${what}`);
    }
  }

  /** A real value for a path parameter, so that a route is reached past its 404. */
  function idFor(template: string, name: string): string {
    if (name === 'clockId') return ids.clockId;
    if (name === 'petitionId') return ids.petitionId;
    if (name === 'version') return '1';
    if (name === 'date') return '2027-05-03';
    if (name === 'token') return 'A'.repeat(43);
    if (name === 'trackingCode') return 'ABC123';
    if (template.startsWith('/api/petitions')) return ids.petitionId;
    if (template.startsWith('/api/dialogues')) return ids.dialogueId;
    if (template.startsWith('/api/commitments')) return ids.commitmentId;
    if (template.startsWith('/api/units')) return ids.communeId;
    return '0b9a3c1e-5d2f-4e8a-9c7b-1a2b3c4d5e6f';
  }

  function targets(): Target[] {
    const resolve = resolver(doc);
    const out: Target[] = [];
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const params = op.parameters ?? [];
        const query = params.filter((p) => p.in === 'query');
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        if (!bodySchema && query.length === 0) continue;
        const actions = (params.find((p) => p.in === 'path' && p.name === 'action')?.schema?.enum as string[] | undefined) ?? [null];
        const bodies = bodySchema ? (resolve(bodySchema).oneOf ?? [bodySchema]) : [];
        for (const action of actions) {
          const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'action' ? action! : idFor(template, name)));
          out.push({ label: `${method.toUpperCase()} ${template}${action ? ` (${action})` : ''}`, method: method as Target['method'], path, bodies, query, role: roleFor(method, template) });
        }
      }
    }
    return out;
  }

  it('never answers 5xx, names the field of every 400 and writes nothing it refuses', async () => {
    const resolve = resolver(doc);
    const sample = sampler(resolve, ids);
    const all = targets();
    // Every operation with a body or a query must be reached; a document that lost them would make this vacuous.
    expect(all.length).toBeGreaterThan(60);
    const failures: string[] = [];
    requests = 0;
    refused400 = 0;
    baseline = await publicTableCounts(s.sql);

    for (const t of all) {
      const bodyCases = t.bodies.map((schema) => ({ schema, base: sample(schema) as Record<string, unknown>, paths: fieldPaths(resolve, schema) }));
      const bodyMutation = bodyCases.length
        ? fc.oneof(
            fc.record({ kind: fc.constant('field' as const), c: fc.nat(), p: fc.nat(), value: badJsonValue }),
            fc.record({ kind: fc.constant('extra' as const), c: fc.nat(), key: weirdKey, value: badJsonValue }),
            fc.record({ kind: fc.constant('whole' as const), c: fc.nat(), value: badJsonValue }),
          )
        : fc.constant(null);
      const queryMutation = t.query.length
        ? fc.oneof(
            fc.record({ kind: fc.constant('param' as const), p: fc.nat(), value: badQueryValue }),
            fc.record({ kind: fc.constant('extra' as const), key: fc.constantFrom('x', 'status[]', '__proto__', 'a.b'), value: badQueryValue }),
          )
        : fc.constant(null);
      const role = fc.oneof({ arbitrary: fc.constant(t.role), weight: 4 }, { arbitrary: fc.constantFrom<string | null>(...ROLES), weight: 1 });

      try {
        await fc.assert(
          fc.asyncProperty(bodyMutation, queryMutation, role, async (bm, qm, who) => {
            // The body: a plausible one with one thing wrong.
            let body: unknown = undefined;
            if (bm) {
              const c = bodyCases[bm.c % bodyCases.length]!;
              if (bm.kind === 'field' && c.paths.length > 0) body = setPath(c.base, c.paths[bm.p % c.paths.length]!, bm.value);
              else if (bm.kind === 'extra' || bm.kind === 'field') body = setPath(c.base, [bm.kind === 'extra' ? bm.key : 'unexpected'], bm.value);
              else body = bm.value;
            }
            // The query: required parameters filled in, one parameter (or an unknown one) bad.
            const params: Record<string, QueryValue> = {};
            for (const p of t.query) if (p.required) params[p.name] = String(sample(p.schema));
            if (qm?.kind === 'param') params[t.query[qm.p % t.query.length]!.name] = qm.value;
            else if (qm?.kind === 'extra') params[qm.key] = qm.value;

            const req = s.http()[t.method](`${t.path}${queryString(params)}`);
            if (who) req.set('Authorization', tok[who]!);
            const res: Response = body === undefined ? await req : await req.set('Content-Type', 'application/json').send(JSON.stringify(body));
            await judge(res, `${t.label} as ${who ?? 'anonymous'}`);
          }),
          // No shrinking: each step is a request; the seed and the counterexample are enough to replay it.
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      } catch (e) {
        const err = e as Error & { cause?: unknown };
        const cause = err.cause instanceof Error ? err.cause.message : '';
        failures.push(`${t.label}: ${err.message.split('\n').slice(0, 3).join(' ')}${cause ? `\n  ${cause}` : ''}`);
      }
    }

    if (process.env.FUZZ_VERBOSE) console.log(`fuzz: ${requests} requests over ${all.length} operations, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    if (failures.length > 0) console.error(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} to replay):\n${failures.join('\n\n')}`);
    expect({ seed: SEED, failures }).toEqual({ seed: SEED, failures: [] });
    // The fuzzer reached the validation of most operations (a broken token or id would turn everything into 401/404).
    expect(requests).toBe(all.length * RUNS);
    expect(refused400).toBeGreaterThan(requests / 3);
    const logged = logLines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50 || STACK_TRACE_TEXT.some((p) => p.test(l)));
    expect(logged).toEqual([]);
  }, 170_000);
  it('never answers 5xx to a bad path parameter, and writes nothing', async () => {
    const resolve = resolver(doc);
    const sample = sampler(resolve, ids);
    const ops = Object.entries(doc.paths).flatMap(([template, item]) =>
      Object.entries(item).flatMap(([method, op]) => {
        const names = (op.parameters ?? []).filter((p) => p.in === 'path' && p.name !== 'action').map((p) => p.name);
        const action = ((op.parameters ?? []).find((p) => p.name === 'action')?.schema?.enum as string[] | undefined)?.[0];
        const body = op.requestBody?.content?.['application/json']?.schema;
        return names.length ? [{ template, method: method as Target['method'], names, action, body }] : [];
      }),
    );
    expect(ops.length).toBeGreaterThan(20);
    const badSegment = fc.constantFrom(
      '9999-12-31', '0000-01-01', '2026-02-30', 'not-a-uuid', '00000000-0000-0000-0000-000000000000', '-1', '0', '1e309', '99999999999999999999',
      'NaN', '%00', '%ED%A0%80', '%E2%80%AE', '%C0%AE%C0%AE', '..', '%2e%2e%2f', ' ', '%20', 'a'.repeat(300), encodeURIComponent(TEN_THOUSAND.slice(0, 1500)),
    );
    const failures: string[] = [];
    baseline = await publicTableCounts(s.sql);
    for (const op of ops) {
      try {
        await fc.assert(
          fc.asyncProperty(fc.nat(), badSegment, async (i, segment) => {
            const bad = op.names[i % op.names.length]!;
            const path = op.template.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'action' ? op.action! : name === bad ? segment : idFor(op.template, name)));
            const role = roleFor(op.method, op.template);
            const req = s.http()[op.method](path);
            if (role) req.set('Authorization', tok[role]!);
            const res: Response = op.body ? await req.set('Content-Type', 'application/json').send(JSON.stringify(sample(op.body))) : await req;
            await judge(res, `${op.method.toUpperCase()} ${op.template} with ${bad}=${segment.slice(0, 40)}`);
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      } catch (e) {
        const err = e as Error & { cause?: unknown };
        failures.push(`${op.method.toUpperCase()} ${op.template}: ${err.message.split('\n').slice(0, 3).join(' ')}${err.cause instanceof Error ? `\n  ${err.cause.message}` : ''}`);
      }
    }
    if (failures.length > 0) console.error(`fuzz seed ${SEED}:\n${failures.join('\n\n')}`);
    expect({ seed: SEED, failures }).toEqual({ seed: SEED, failures: [] });
  }, 120_000);
});
