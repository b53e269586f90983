import type { CommitmentPolicy, LocalDate } from '@app/domain';
import type { EntityManager } from 'typeorm';

/*
 * Clocks of subjects other than petitions — a commitment's due date, a commune conference's results
 * publication (G4) — kept by the same deadline engine: the same clock and threshold rows, the same alert
 * ladder, firing, wake-ups, sweeper and test clock. Call these inside the transaction that changes the subject.
 *
 * WORK IN PROGRESS (issue 4): the signatures are fixed; the bodies are being written.
 */

/** The commitment policy in force (default due period), from the deadline policy data. */
export async function commitmentPolicy(_em: EntityManager, _now: Date): Promise<CommitmentPolicy> {
  return { defaultDueDays: 30 };
}

/** Starts the clock of a new commitment: due at the end of `dueDate` (local), alerts to the owner unit's heads. */
export async function startCommitmentClock(
  _em: EntityManager,
  _c: { commitmentId: string; ownerUnitId: string; createdAt: Date; dueDate: LocalDate },
  _now: Date,
): Promise<void> {}

/** Stops a commitment's clock: met when done, cancelled when transferred to a petition or dropped. */
export async function stopCommitmentClock(_em: EntityManager, _commitmentId: string, _outcome: 'met' | 'cancelled', _now: Date): Promise<void> {}

/** Starts G4: a held commune conference publishes its results within 10 days (LTCCQĐP Art 43). */
export async function startResultsClock(
  _em: EntityManager,
  _d: { dialogueId: string; unitId: string; heldAt: Date; dueDate: LocalDate },
  _now: Date,
): Promise<void> {}

/** Stops G4: met when the results are published, cancelled if the dialogue is cancelled. */
export async function stopResultsClock(_em: EntityManager, _dialogueId: string, _outcome: 'met' | 'cancelled', _now: Date): Promise<void> {}
