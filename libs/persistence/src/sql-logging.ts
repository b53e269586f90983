import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Database errors in logs: a failed statement's parameters are petitioners' names, phones and ID numbers, and
 * the server's own message can quote a value (`invalid input syntax for type integer: "<name>"`), so neither is
 * ever logged. What is logged is enough to find the fault: the SQLSTATE and the table, column and constraint.
 */
export function describeDatabaseError(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const outer = e as { name?: unknown; driverError?: unknown };
  const src = (typeof outer.driverError === 'object' && outer.driverError !== null ? outer.driverError : e) as Record<string, unknown>;
  if (typeof src.code !== 'string' || !/^[0-9A-Z]{5}$/.test(src.code)) return null;
  const parts = [`SQLSTATE ${src.code}`];
  for (const key of ['table', 'column', 'constraint'] as const) {
    if (typeof src[key] === 'string' && src[key] !== '') parts.push(`${key} ${src[key] as string}`);
  }
  return `${typeof outer.name === 'string' ? outer.name : 'DatabaseError'} (${parts.join(', ')})`;
}

/**
 * An error as a log line. A database error by its code and names only, with the stack frames (where it
 * happened) but not the message line; any other error with its stack.
 */
export function loggableError(e: unknown, opts: { stack?: boolean } = {}): string {
  const stack = opts.stack ?? true;
  const db = describeDatabaseError(e);
  if (db !== null) {
    const frames = stack && e instanceof Error && e.stack ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)) : [];
    return [db, ...frames].join('\n');
  }
  if (e instanceof Error) return stack ? (e.stack ?? e.message) : e.message;
  return String(e);
}

/** What a statement was, without its values: the verb and the table (`INSERT petitions`). */
export function statementKind(query: string): string {
  const verb = /^\s*(\w+)/.exec(query)?.[1]?.toUpperCase() ?? 'SQL';
  const table = /\b(?:INTO|FROM|UPDATE)\s+"?([\w.]+)"?/i.exec(query)?.[1];
  return table ? `${verb} ${table}` : verb;
}

/**
 * TypeORM's logger: failed statements by code and table only, never with their parameters (TypeORM's console
 * loggers print both the statement and every parameter). Lines go through Nest's logger, so pino writes them.
 */
export class SafeSqlLogger implements TypeOrmLogger {
  private readonly logger = new Logger('SQL');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const what = typeof error === 'string' ? 'error' : (describeDatabaseError(error) ?? error.name);
    this.logger.error(`Statement failed: ${statementKind(query)}: ${what}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow statement (${time} ms): ${statementKind(query)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(typeof message === 'string' ? message : 'TypeORM warning');
  }
}
