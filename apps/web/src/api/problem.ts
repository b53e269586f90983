import type { Message } from '@domain-messages';

/** An RFC 9457 problem as the API sends it: bilingual text and per-field errors from its catalogue. */
export interface ProblemBody {
  readonly type?: string;
  readonly title?: string;
  readonly status: number;
  readonly detail?: string;
  readonly code?: string;
  readonly messages?: Message;
  readonly errors?: readonly { field: string; code: string; messages: Message; detail?: string }[];
  readonly [extension: string]: unknown;
}

/** Thrown by every API call that did not succeed; the UI shows `messages` as sent. */
export class ApiProblem extends Error {
  constructor(readonly problem: ProblemBody) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
  /** Field errors keyed by the API's field path (`petitioner.fullName`, `coPetitioners.0.phone` …). */
  fieldErrors(): Map<string, Message> {
    return new Map((this.problem.errors ?? []).map((e) => [e.field, e.messages]));
  }
}

/** A network failure (no HTTP answer): shown with the UI's own words. */
export class NetworkProblem extends Error {}

export function isProblemBody(value: unknown): value is ProblemBody {
  return typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number';
}
