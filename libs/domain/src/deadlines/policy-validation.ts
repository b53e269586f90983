import type { MessageKey } from '../shared/messages.js';
import type { DeadlinePolicy } from './deadline-policy.js';

export interface PolicyProblem {
  /** Dotted path in the submitted body: `rules.2.ruleId`, `alertLadder.0.share`. */
  readonly field: string;
  readonly messageKey: MessageKey;
}

/** The rungs the threshold engine relies on by key: '100' marks a breach, 'overdue-N' are the repeats. */
export const DUE_STEP_KEY = '100';
export const OVERDUE_STEP_KEY = 'overdue';

/**
 * What a well-formed shape can still get wrong in a policy an administrator publishes: duplicates, steps that
 * are neither a share nor a repeat, a ladder without the due rung, office hours backwards. Shapes (types,
 * positive integers) are the adapter's to check; this is the part that needs the whole document.
 */
export function policyProblems(p: Pick<DeadlinePolicy, 'rules' | 'alertLadder' | 'earlyEscalation' | 'workingHours'>): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const seenRules = new Set<string>();
  p.rules.forEach((r, i) => {
    if (seenRules.has(r.ruleId)) problems.push({ field: `rules.${i}.ruleId`, messageKey: 'deadline.rule_id_duplicate' });
    seenRules.add(r.ruleId);
  });

  const seenKeys = new Set<string>();
  p.alertLadder.forEach((s, i) => {
    if (seenKeys.has(s.key)) problems.push({ field: `alertLadder.${i}.key`, messageKey: 'deadline.alert_key_duplicate' });
    seenKeys.add(s.key);
    const hasShare = s.share !== undefined && s.share !== null;
    const hasRepeat = s.everyWorkingDaysOverdue !== undefined && s.everyWorkingDaysOverdue !== null;
    if (hasShare === hasRepeat) {
      problems.push({ field: `alertLadder.${i}`, messageKey: 'deadline.alert_step_kind' });
      return;
    }
    if (hasShare && !(s.share! > 0 && s.share! <= 1)) problems.push({ field: `alertLadder.${i}.share`, messageKey: 'deadline.share_range' });
    if (hasRepeat !== (s.key === OVERDUE_STEP_KEY)) problems.push({ field: `alertLadder.${i}.key`, messageKey: 'deadline.alert_overdue_key' });
  });
  if (!p.alertLadder.some((s) => s.key === DUE_STEP_KEY && s.share === 1)) {
    problems.push({ field: 'alertLadder', messageKey: 'deadline.alert_due_step_required' });
  }

  const share = p.earlyEscalation.atShare;
  if (!(share > 0 && share <= 1)) problems.push({ field: 'earlyEscalation.atShare', messageKey: 'deadline.share_range' });
  const h = p.workingHours;
  if (h.startHour * 60 + h.startMinute >= h.endHour * 60 + h.endMinute) {
    problems.push({ field: 'workingHours', messageKey: 'deadline.working_hours_order' });
  }
  return problems;
}
