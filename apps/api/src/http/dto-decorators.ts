import { isAcceptedInstant, isAcceptedLocalDate, isLocalDate, isYearMonth, LOCAL_DATE_MAX, LOCAL_DATE_MIN } from '@app/domain';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy, type ValidationOptions } from 'class-validator';

const all =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/** Surrounding whitespace is not content: '   ' becomes '' and @IsNotEmpty refuses it (it was stored as ''). */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Required free text: trimmed, not empty, at most `max` characters. */
export function Text(max = 2000): PropertyDecorator {
  return all(Trim(), IsString(), IsNotEmpty(), MaxLength(max));
}

/** Optional free text of at most `max` characters. */
export function OptionalText(max = 2000): PropertyDecorator {
  return all(IsOptional(), IsString(), MaxLength(max));
}

/**
 * A Vietnam local date, `YYYY-MM-DD`, that exists on the calendar (2026-02-30 does not) and lies in the
 * accepted range (LOCAL_DATE_MIN … LOCAL_DATE_MAX): 9999-12-31 once sent the day arithmetic into an endless loop.
 * A malformed date is reported as such (`isLocalDate`), a real but far one as out of range (`dateRange`).
 */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return all(
    ValidateBy(
      {
        name: 'isLocalDate',
        validator: {
          validate: (value: unknown) => typeof value === 'string' && isLocalDate(value),
          defaultMessage: () => '$property must be a date written YYYY-MM-DD',
        },
      },
      options,
    ),
    DateInRange(options?.each === true ? { each: true } : undefined),
  );
}

/** In the accepted range; passes what is not a date at all, which the format rule reports. */
function DateInRange(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'dateRange',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !isLocalDate(value) || isAcceptedLocalDate(value),
        defaultMessage: () => `$property must be a date from ${LOCAL_DATE_MIN} to ${LOCAL_DATE_MAX}`,
      },
    },
    options,
  );
}

/** A month, `YYYY-MM`, in the accepted range of dates (`?month=0000-01` is refused on its field). */
export function IsYearMonth(): PropertyDecorator {
  return all(
    IsString(),
    Matches(/^\d{4}-(0[1-9]|1[0-2])$/),
    ValidateBy({
      name: 'dateRange',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !isYearMonth(value) || isAcceptedLocalDate(`${value}-01`),
        defaultMessage: () => `$property must be a month from ${LOCAL_DATE_MIN.slice(0, 7)} to ${LOCAL_DATE_MAX.slice(0, 7)}`,
      },
    }),
  );
}

/**
 * The deadline and dialogue routes have always worded a bad date's `detail` this way (without the field name);
 * kept so that their responses do not change. Dropping it gives them the default wording above.
 */
export const DATE_DETAIL_SHORT: ValidationOptions = { message: 'must be a date YYYY-MM-DD' };

/** An instant with date, time and zone (`2027-01-15T08:00:00+07:00`, `2027-01-15T01:00:00.000Z`). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** An instant with date, time and zone, as a string, whose Vietnam date is in the accepted range. */
export function Instant(): PropertyDecorator {
  return all(
    IsString(),
    Matches(INSTANT, { message: '$property must be an ISO 8601 instant with a time and a zone' }),
    IsISO8601({ strict: true }),
    ValidateBy({
      name: 'dateRange',
      validator: {
        // Only judged once the format holds; the rules above report a malformed instant.
        validate: (value: unknown) => typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(Date.parse(value)) || isAcceptedInstant(new Date(value)),
        defaultMessage: () => `$property must be an instant from ${LOCAL_DATE_MIN} to ${LOCAL_DATE_MAX} (Vietnam time)`,
      },
    }),
  );
}

/**
 * A share of a period: a finite number from 0 to 1. One rule rather than @IsNumber + @Min + @Max, so that 'abc'
 * is reported as what it is and not as "too large".
 */
export function IsShare(): PropertyDecorator {
  return ValidateBy({
    name: 'isShare',
    validator: {
      validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1,
      defaultMessage: () => '$property must be a number from 0 to 1',
    },
  });
}

/** '0.7' → 0.7; an empty or non-numeric string stays a string, so @IsShare refuses it (Number('') would be 0). */
export const ToNumber = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value));

/** `?flag=true|false` (absent → the default); anything else stays a string and fails @IsBoolean. */
export const QueryBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** `?page=`: a page number from 1. */
export function Page(): PropertyDecorator {
  return all(IsOptional(), Type(() => Number), IsInt(), Min(1), Max(100000));
}

/** `?pageSize=`: items per page, 1 to `max`. */
export function PageSize(max = 100): PropertyDecorator {
  return all(IsOptional(), Type(() => Number), IsInt(), Min(1), Max(max));
}
