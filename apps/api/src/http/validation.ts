import { AppError, type FieldError } from '@app/application';
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { constraintMessageKey } from './problem-details.js';

/**
 * Which failed rule to report when a field breaks several, most basic first: a missing or mistyped value is
 * reported as such, never as "too long". (class-validator checks decorators bottom-up, so its own
 * stopAtFirstError would report `@MaxLength` before `@IsString` for a missing field.)
 */
const CONSTRAINT_PRECEDENCE = [
  'whitelistValidation',
  'isDefined',
  'isNotEmpty',
  'isObject',
  'isArray',
  'isString',
  'isInt',
  'isBoolean',
  'isIn',
  'isEnum',
  'isUuid',
  'isEmail',
  'matches',
];
const rank = (constraint: string): number => {
  const i = CONSTRAINT_PRECEDENCE.indexOf(constraint);
  return i === -1 ? CONSTRAINT_PRECEDENCE.length : i;
};

/**
 * Flattens class-validator's tree into dotted field paths (`petitioner.fullName`, `coPetitioners.0.phone`),
 * one error per field (the most basic failed rule); a field that fails its own rules is not descended into.
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): (FieldError & { detail?: string })[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const [first] = Object.entries(e.constraints ?? {}).sort(([a], [b]) => rank(a) - rank(b));
    if (first) return [{ field, messageKey: constraintMessageKey(first[0]), detail: first[1] }];
    return toFieldErrors(e.children ?? [], field);
  });
}

export const VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  // One message per field is what a form needs; toFieldErrors picks the most basic failed rule (see above).
  stopAtFirstError: false,
  transform: true,
  validationError: { target: false, value: false },
} as const;

export function validationFailed(errors: ValidationError[]): AppError {
  return new AppError('invalid', 'error.validation', {}, {}, toFieldErrors(errors));
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({ ...VALIDATION_OPTIONS, exceptionFactory: validationFailed });
}

/** Validates a body against a DTO class chosen at run time (action bodies differ per action). */
export async function validateBody<T extends object>(cls: new () => T, body: unknown): Promise<T> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('invalid', 'error.validation', {}, {}, [{ field: '', messageKey: 'validation.isObject' }]);
  }
  const instance = plainToInstance(cls, body);
  const errors = await validate(instance, VALIDATION_OPTIONS);
  if (errors.length > 0) throw validationFailed(errors);
  return instance;
}
