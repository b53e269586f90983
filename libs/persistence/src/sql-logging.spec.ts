import { describe, expect, it } from '@jest/globals';
import { describeDatabaseError, loggableError, statementKind } from './sql-logging.js';

describe('database errors in logs: code and names, never values', () => {
  // What pg and TypeORM raise: the message and detail quote the value; the code and names do not.
  const driverError = Object.assign(new Error('invalid input syntax for type integer: "Nguyễn Văn An"'), {
    code: '22P02',
    detail: 'Key (phone)=(0912345678) already exists.',
    table: 'petitions',
  });
  const queryFailed = Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError, parameters: ['Nguyễn Văn An', '0912345678'] });

  it('describes a database error by SQLSTATE, table, column and constraint', () => {
    expect(describeDatabaseError(queryFailed)).toBe('QueryFailedError (SQLSTATE 22P02, table petitions)');
    expect(describeDatabaseError(Object.assign(new Error('x'), { code: '23505', constraint: 'petitions_tracking_code_key' }))).toBe(
      'Error (SQLSTATE 23505, constraint petitions_tracking_code_key)',
    );
    expect(describeDatabaseError(new Error('plain'))).toBeNull();
    expect(describeDatabaseError(Object.assign(new Error('io'), { code: 'ECONNREFUSED' }))).toBeNull();
  });

  it('logs a database error with its stack frames but without its message, parameters or detail', () => {
    const line = loggableError(queryFailed);
    expect(line).toMatch(/^QueryFailedError \(SQLSTATE 22P02, table petitions\)\n\s+at /);
    expect(line).not.toContain('Nguyễn');
    expect(line).not.toContain('0912345678');
    expect(loggableError(new Error('boom'), { stack: false })).toBe('boom');
  });

  it('names a statement by its verb and table only', () => {
    expect(statementKind('INSERT INTO "petitions"("id") VALUES ($1)')).toBe('INSERT petitions');
    expect(statementKind('SELECT p.* FROM petitions p WHERE p.id = $1')).toBe('SELECT petitions');
    expect(statementKind('UPDATE "dialogues" SET version = $1')).toBe('UPDATE dialogues');
    expect(statementKind('BEGIN')).toBe('BEGIN');
  });
});
