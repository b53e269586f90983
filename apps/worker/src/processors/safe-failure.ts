import { describeDatabaseError, loggableError } from '@app/persistence';

/**
 * Runs a job so that its failure reason is safe to keep: BullMQ stores the error's message and stack with the
 * job (Redis or PostgreSQL, for days) and queue tools show them, and a database error's message can quote a
 * citizen's data. Such an error is replaced by one that names its SQLSTATE and schema objects only; it is still
 * an ordinary error, so the job is retried as before. Any other error (UnrecoverableError included) is untouched.
 */
export async function safeFailure<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (describeDatabaseError(e) === null) throw e;
    throw new Error(loggableError(e, { stack: false }));
  }
}
