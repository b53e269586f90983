import { describe, expect, it } from '@jest/globals';
import { isMessageKey } from '../shared/messages.js';
import { type AlertStep, DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from './deadline-policy.js';
import { policyProblems } from './policy-validation.js';

const base = DEFAULT_DEADLINE_POLICY;
const withLadder = (alertLadder: AlertStep[]): DeadlinePolicy => ({ ...base, alertLadder });

describe('policyProblems', () => {
  it('accepts the seeded version 1', () => {
    expect(policyProblems(base)).toEqual([]);
  });

  it('refuses duplicate rule ids, pointing at the second one', () => {
    expect(policyProblems({ ...base, rules: [base.rules[0]!, base.rules[1]!, base.rules[0]!] })).toEqual([
      { field: 'rules.2.ruleId', messageKey: 'deadline.rule_id_duplicate' },
    ]);
  });

  it('needs each alert step to be exactly one of a share or an overdue repeat', () => {
    const both: AlertStep = { key: '50', share: 0.5, everyWorkingDaysOverdue: 5, notify: [], escalate: false };
    const neither: AlertStep = { key: '60', notify: [], escalate: false };
    const problems = policyProblems(withLadder([both, neither, ...base.alertLadder.slice(1)]));
    expect(problems).toContainEqual({ field: 'alertLadder.0', messageKey: 'deadline.alert_step_kind' });
    expect(problems).toContainEqual({ field: 'alertLadder.1', messageKey: 'deadline.alert_step_kind' });
  });

  it('needs the due rung "100" at share 1, and the repeat under the key "overdue"', () => {
    const ladder = base.alertLadder.filter((s) => s.key !== '100').map((s) => (s.key === 'overdue' ? { ...s, key: 'late' } : s));
    expect(policyProblems(withLadder(ladder))).toEqual(
      expect.arrayContaining([
        { field: 'alertLadder', messageKey: 'deadline.alert_due_step_required' },
        { field: `alertLadder.${ladder.findIndex((s) => s.key === 'late')}.key`, messageKey: 'deadline.alert_overdue_key' },
      ]),
    );
  });

  it('refuses duplicate step keys and shares outside (0, 1]', () => {
    const problems = policyProblems(withLadder([...base.alertLadder, { key: '50', share: 1.5, notify: [], escalate: false }]));
    expect(problems).toContainEqual({ field: `alertLadder.${base.alertLadder.length}.key`, messageKey: 'deadline.alert_key_duplicate' });
    expect(problems).toContainEqual({ field: `alertLadder.${base.alertLadder.length}.share`, messageKey: 'deadline.share_range' });
  });

  it('refuses office hours that end before they start, and an early-escalation share of 0', () => {
    const problems = policyProblems({
      ...base,
      workingHours: { startHour: 17, startMinute: 0, endHour: 7, endMinute: 30 },
      earlyEscalation: { groupSize: 5, atShare: 0 },
    });
    expect(problems).toEqual([
      { field: 'earlyEscalation.atShare', messageKey: 'deadline.share_range' },
      { field: 'workingHours', messageKey: 'deadline.working_hours_order' },
    ]);
  });

  it('only uses catalogue messages', () => {
    const all = policyProblems({
      ...base,
      rules: [base.rules[0]!, base.rules[0]!],
      alertLadder: [{ key: 'x', notify: [], escalate: false }],
      workingHours: { startHour: 9, startMinute: 0, endHour: 9, endMinute: 0 },
      earlyEscalation: { groupSize: 1, atShare: 2 },
    });
    expect(all.length).toBeGreaterThan(3);
    for (const p of all) expect(isMessageKey(p.messageKey)).toBe(true);
  });
});
