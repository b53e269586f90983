import { AppError } from '@app/application';
import { Param, ParseUUIDPipe } from '@nestjs/common';

/** A UUID path parameter; a malformed one is a 400 problem naming the parameter, like any other bad field. */
export function UuidParam(name: string): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new AppError('invalid', 'error.validation', {}, {}, [{ field: name, messageKey: 'validation.isUuid' }]),
    }),
  );
}
