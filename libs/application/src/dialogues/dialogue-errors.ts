import { type CommitmentRefusal, type DialogueRefusal, isMessageKey, LABELS, type MessageKey } from '@app/domain';
import { AppError, invalidCommand, transitionRefused } from '../shared/app-error.js';

const key = (k: string): MessageKey => (isMessageKey(k) ? k : 'error.validation');

/**
 * Domain refusals as application errors: a status that does not allow the action, a statutory gate (G2, G3)
 * and a workflow rule are 409 with the rule named; a role is 403; a malformed command is 422 on its field.
 */
export function dialogueRefusalToError(r: DialogueRefusal): AppError {
  switch (r.code) {
    case 'transition-not-allowed':
      return transitionRefused(
        'dialogue.transition_not_allowed',
        { action: LABELS.dialogueAction[r.action], status: LABELS.dialogueStatus[r.status] },
        r.status,
        r.allowedActions,
      );
    case 'role-not-allowed':
      return new AppError('forbidden', 'dialogue.role_not_allowed', { role: LABELS.role[r.role], action: LABELS.dialogueAction[r.action] });
    case 'legal-gate':
      return new AppError('conflict', key(r.messageKey), r.params, { gate: r.gate });
    case 'workflow-rule':
      return new AppError('conflict', key(r.messageKey), r.params, { rule: r.rule });
    case 'invalid-command':
      return invalidCommand(r.field, r.messageKey, r.params);
  }
}

export function commitmentRefusalToError(r: CommitmentRefusal): AppError {
  switch (r.code) {
    case 'transition-not-allowed':
      return transitionRefused(
        'commitment.transition_not_allowed',
        { action: LABELS.commitmentAction[r.action], status: LABELS.commitmentStatus[r.status] },
        r.status,
        r.allowedActions,
      );
    case 'role-not-allowed':
      return new AppError('forbidden', 'commitment.role_not_allowed', {
        role: r.role === null ? 'system' : LABELS.role[r.role],
        action: LABELS.commitmentAction[r.action],
      });
    case 'invalid-command':
      return invalidCommand(r.field, r.messageKey);
  }
}
