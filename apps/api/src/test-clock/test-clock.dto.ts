import { parseIsoDuration } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, registerDecorator, type ValidationOptions } from 'class-validator';
import { Instant } from '../http/dto-decorators.js';

/** The longest move the test clock accepts in one step: about a century, far inside the range of a Date. */
export const MAX_TEST_CLOCK_STEP_MS = 36_600 * 86_400_000;

/** A positive ISO 8601 duration of weeks/days/hours/minutes/seconds, at most MAX_TEST_CLOCK_STEP_MS. */
function IsTestClockStep(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDuration',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property must be a positive ISO 8601 duration in weeks, days, hours, minutes or seconds (P3D, PT2H, P1DT3H, P2W), at most ${MAX_TEST_CLOCK_STEP_MS / 86_400_000} days`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const ms = parseIsoDuration(value);
          return ms !== null && ms > 0 && ms <= MAX_TEST_CLOCK_STEP_MS;
        },
      },
    });
}

/** Exactly one of the two; which one is checked by the controller (class-validator checks fields one by one). */
export class MoveTestClockDto {
  @ApiPropertyOptional({ description: 'Move forward by an ISO 8601 duration (weeks, days, hours, minutes, seconds)', example: 'P3D' })
  @IsOptional() @IsString() @IsTestClockStep()
  advance?: string;

  @ApiPropertyOptional({ description: 'Put the clock at this instant (forwards or backwards)', example: '2027-01-15T08:00:00+07:00', format: 'date-time' })
  @IsOptional() @Instant()
  set?: string;
}

export class TestClockView {
  @ApiProperty({ format: 'date-time', description: 'The current instant of the shared test clock' }) now: string;
  @ApiProperty({ description: 'How far the clock is ahead of real time (negative: behind), in ms' }) offsetMs: number;
}
