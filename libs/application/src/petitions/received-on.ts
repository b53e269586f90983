import { DEFAULT_RECEIVED_ON_MAX_DAYS_BACK, type LocalDate, policyInForce, receivedOnProblem, toLocalDate } from '@app/domain';
import type { EntityManager } from 'typeorm';
import { loadPolicies } from '../deadlines/deadline-sources.js';
import { AppError } from '../shared/app-error.js';

/**
 * The arrival day given at intake, checked against the policy in force (how far back it may be): 422 naming
 * `receivedOn` when it is in the future or too far back. Undefined when none was given.
 */
export async function checkedArrivalDay(em: EntityManager, receivedOn: string | undefined, now: Date): Promise<LocalDate | undefined> {
  if (receivedOn === undefined) return undefined;
  const policies = await loadPolicies(em);
  const policy = policyInForce(policies, toLocalDate(now)) ?? policies[policies.length - 1];
  const problem = receivedOnProblem(receivedOn, now, policy?.receivedOnMaxDaysBack ?? DEFAULT_RECEIVED_ON_MAX_DAYS_BACK);
  if (problem) throw new AppError('unprocessable', problem.messageKey, problem.params, {}, [{ field: 'receivedOn', messageKey: problem.messageKey, params: problem.params }]);
  return receivedOn as LocalDate;
}
