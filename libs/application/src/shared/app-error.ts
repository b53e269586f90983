import type { MessageKey, MessageParam } from '@app/domain';

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
  | 'gone';

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
