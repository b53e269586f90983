import { describe, expect, it } from '@jest/globals';
import type { ArgumentsHost } from '@nestjs/common';
import { addLocalDays, LocalDateRangeError } from '@app/domain';
import { ProblemDetailsFilter } from './problem-details.filter.js';

/** Runs the filter on an exception and returns what it sent. */
function sent(exception: unknown): { status: number; type: string; body: Record<string, unknown> } {
  const out = { status: 0, type: '', body: {} as Record<string, unknown> };
  const res = {
    status: (s: number) => ((out.status = s), res),
    type: (t: string) => ((out.type = t), res),
    json: (b: Record<string, unknown>) => ((out.body = b), res),
  };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ originalUrl: '/api/x' }) }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return out;
}

describe('ProblemDetailsFilter', () => {
  it('answers a date the day arithmetic cannot represent as bad input (400), never a 500', () => {
    let error: unknown;
    try {
      addLocalDays('9999-12-31', 1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LocalDateRangeError);
    const r = sent(error);
    expect(r.status).toBe(400);
    expect(r.type).toBe('application/problem+json');
    expect(r.body).toMatchObject({ code: 'error.validation', errors: [expect.objectContaining({ code: 'validation.dateRange' })] });
  });
});
