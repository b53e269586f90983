import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiProblem, isProblemBody, NetworkProblem } from './problem';

/** The bearer token of this browser's session (set by the session provider). */
let token: string | null = null;
let onUnauthenticated: () => void = () => undefined;

export function setApiToken(value: string | null): void {
  token = value;
}
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}
export function apiToken(): string | null {
  return token;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response }) {
    if (response.status === 401 && token) onUnauthenticated();
    return response;
  },
};

/** The typed client generated from the API's OpenAPI document (`npm run api:client` regenerates schema.d.ts). */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * Unwraps an openapi-fetch result: the data, or an ApiProblem with the server's bilingual messages. Used as
 * `unwrap(await api.GET(...))` inside TanStack Query functions so that failures reach the UI as errors.
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.response.ok) return result.data as T;
  const body = result.error;
  throw new ApiProblem(isProblemBody(body) ? body : { status: result.response.status, title: result.response.statusText });
}

/** Runs a call and turns a fetch TypeError (no answer at all) into a NetworkProblem. */
export async function call<T>(fn: () => Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await fn();
  } catch (e) {
    if (e instanceof TypeError) throw new NetworkProblem(e.message);
    throw e;
  }
  return unwrap(result);
}
