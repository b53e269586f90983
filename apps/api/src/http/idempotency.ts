import { AppError } from '@app/application';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

/** The Idempotency-Key header of a create route, for the OpenAPI document. */
export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Same key and body → the same resource (201 again, `Idempotent-Replayed: true`), never a second one',
} as const;

/** The header's value when well-formed; absent → undefined; malformed → 400 naming the header. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
    throw new AppError('invalid', 'error.validation', {}, {}, [{ field: 'Idempotency-Key', messageKey: 'validation.matches' }]);
  }
  return header;
}
