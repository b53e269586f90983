import { expect } from '@jest/globals';
import type pg from 'pg';
import type { Response } from 'supertest';

/** Stack frames ("    at fn (file.ts:1:2)") and source paths: never in a response, never in the log for bad input. */
export const STACK_TRACE_TEXT = [/^\s*at\s/m, /\bat \S+ \(.*:\d+:\d+\)/, /\.(ts|js|mjs|cjs):\d+/, /node_modules/, /\/(apps|libs)\/\w+\/src\//, /RangeError|Maximum call stack/];

/** Row counts of every table in the public schema: a refused request must leave them all as they were. */
export async function publicTableCounts(sql: pg.Pool): Promise<Record<string, number>> {
  const tables = (await sql.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows;
  const r = await sql.query<Record<string, string>>(`SELECT ${tables.map((t, i) => `(SELECT count(*) FROM public."${t.tablename}") AS c${i}`).join(', ')}`);
  return Object.fromEntries(tables.map((t, i) => [t.tablename, Number(r.rows[0]![`c${i}`])]));
}

export interface FieldProblem {
  status: number;
  code: string;
  errors: { field: string; code: string; messages: { vi: string; en: string } }[];
}

/** A 400 problem+json whose errors name `field` (with `code`, when given); returns the body. */
export function expectFieldProblem(res: Response, field: string, code?: string): FieldProblem {
  const context = `${res.status} ${res.text.slice(0, 2000)}`;
  expect({ status: res.status, context }).toEqual({ status: 400, context });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.body as FieldProblem;
  const named = body.errors?.find((e) => e.field === field);
  expect({ fields: body.errors?.map((e) => `${e.field}:${e.code}`), named: named !== undefined }).toEqual({ fields: body.errors?.map((e) => `${e.field}:${e.code}`), named: true });
  if (code !== undefined) expect(named!.code).toBe(code);
  expect(named!.messages.vi.length).toBeGreaterThan(0);
  expect(named!.messages.en.length).toBeGreaterThan(0);
  for (const pattern of STACK_TRACE_TEXT) expect(res.text).not.toMatch(pattern);
  return body;
}
