import { AppError } from '@app/application';
import { LABELS, LocalDateRangeError } from '@app/domain';
import { loggableError } from '@app/persistence';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { problem, type ProblemDetails, problemFromAppError } from './problem-details.js';

/** Every error leaves as application/problem+json; stack traces stay in the log (never personal data). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const body: ProblemDetails = { ...this.toProblem(exception), instance: req.originalUrl };
    // RFC 6585 §4 / RFC 9110 §10.2.3: a 429 says when to come back, in seconds.
    if (body.status === 429 && typeof body.retryAfter === 'number') res.setHeader('Retry-After', String(body.retryAfter));
    res.status(body.status).type('application/problem+json').json(body);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof AppError) return problemFromAppError(exception);
    // The edge refuses far dates on their field; this is the net for one that slipped through (e.g. derived):
    // bad input, never a 500.
    if (exception instanceof LocalDateRangeError) return problem(400, 'error.validation', {}, {}, [{ field: '', messageKey: 'validation.dateRange' }]);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      switch (status) {
        case 401:
          return problem(401, 'error.unauthenticated');
        case 403:
          return problem(403, 'error.forbidden');
        case 404:
          return problem(404, 'error.not_found', { what: LABELS.entity.resource });
        case 413:
          return problem(413, 'error.payload_too_large');
        case 400:
          return problem(400, 'error.validation', {}, { detail: exception.message });
        default:
          if (status < 500) return { ...problem(status, 'error.validation'), detail: exception.message };
      }
    }
    // A failed statement's message can quote a citizen's data: database errors are logged by code only.
    this.logger.error(loggableError(exception));
    return problem(500, 'error.internal');
  }
}
