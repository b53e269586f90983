import { AppError, type AppErrorKind, type FieldError } from '@app/application';
import { isMessageKey, type Message, type MessageKey, type MessageParam, renderMessage } from '@app/domain';

/** RFC 9457 problem details, with the catalogue's Vietnamese and English text and per-field errors. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code: string;
  readonly messages: Message;
  readonly errors?: { field: string; code: string; messages: Message; detail?: string }[];
  readonly [extension: string]: unknown;
}

const STATUS: Record<AppErrorKind, number> = {
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  invalid: 400,
  unprocessable: 422,
  gone: 410,
  'too-many-requests': 429,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  431: 'Request Header Fields Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function problem(
  status: number,
  messageKey: MessageKey,
  params: Record<string, MessageParam> = {},
  extensions: Record<string, unknown> = {},
  fieldErrors: readonly (FieldError & { detail?: string })[] = [],
): ProblemDetails {
  const messages = renderMessage(messageKey, params);
  const code = messageKey;
  return {
    type: `/problems/${code.replace(/[._]/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: messages.en,
    code,
    messages,
    ...(fieldErrors.length > 0
      ? {
          errors: fieldErrors.map((f) => ({
            field: f.field,
            code: f.messageKey,
            messages: renderMessage(f.messageKey, f.params ?? {}),
            ...(f.detail ? { detail: f.detail } : {}),
          })),
        }
      : {}),
    ...extensions,
  };
}

export function problemFromAppError(e: AppError): ProblemDetails {
  return problem(STATUS[e.kind], e.messageKey, e.params, e.extensions, e.fieldErrors);
}

/** Maps a class-validator constraint name to a catalogue key, falling back to a generic one. */
export function constraintMessageKey(constraint: string): MessageKey {
  const key = `validation.${constraint}`;
  return isMessageKey(key) ? key : 'validation.matches';
}
