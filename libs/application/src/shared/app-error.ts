import { isMessageKey, type Message, type MessageKey, type MessageParam } from '@app/domain';

/** How a failure should be understood by any adapter (HTTP maps each kind to a status code). */
export type AppErrorKind =
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'invalid'
  | 'unprocessable'
  /** Existed, but is no longer usable (e.g. an expired or superseded one-time link). */
  | 'gone'
  /** Rate-limited or locked out; `extensions.retryAfter` says in how many seconds to try again. */
  | 'too-many-requests';

export interface FieldError {
  readonly field: string;
  readonly messageKey: MessageKey;
  readonly params?: Record<string, MessageParam>;
}

/**
 * The application's only error type. It carries a catalogue key (rendered in Vietnamese and English at the
 * edge), machine-readable extensions for clients, and per-field details.
 */
export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    readonly messageKey: MessageKey,
    readonly params: Record<string, MessageParam> = {},
    readonly extensions: Record<string, unknown> = {},
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(`${kind}: ${messageKey}`);
    this.name = 'AppError';
  }
}

/**
 * The shared shapes of domain refusals. A status that does not allow the action is a 409 naming both, with what
 * the status does allow; a malformed command is a 422 on its field (an unknown key falls back to the generic one).
 */
export function transitionRefused(messageKey: MessageKey, labels: { action: Message; status: Message }, status: string, allowedActions: readonly string[]): AppError {
  return new AppError('conflict', messageKey, labels, { currentStatus: status, allowedActions });
}

export function invalidCommand(field: string, messageKey: string, params: Record<string, MessageParam> = {}): AppError {
  return new AppError('unprocessable', 'error.validation', {}, {}, [{ field, messageKey: isMessageKey(messageKey) ? messageKey : 'error.validation', params }]);
}
