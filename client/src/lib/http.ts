import { CSRF_HEADER } from '../../../shared/constants';
import type { ErrorIssue } from '../../../shared/protocol';

/** A failed request: HTTP status, and the server's error code, message and per-field issues when it sent them. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    readonly issues: readonly ErrorIssue[] = [],
    /** The answer's JSON body, for the few answers whose failures carry more than an ErrorResponse (CSV import). */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

// The REST schemas (and zod with them) are loaded when an error is read, not with the page: the board page reads
// none of them, so zod stays off its critical path.
const restSchemas = () => import('../../../shared/rest');

/** The error for a failed response, with the server's message, code and issues when its body is an ErrorResponse. */
export async function requestError(response: Response, body: unknown): Promise<ApiRequestError> {
  const parsed = await restSchemas().then(({ ErrorResponse }) => ErrorResponse.safeParse(body), () => null);
  const error = parsed?.success ? parsed.data.error : null;
  return new ApiRequestError(error?.message ?? response.statusText, response.status, error?.code ?? null, error?.issues ?? [], body);
}

export interface RequestOptions {
  /** A JSON body, serialised here. */
  body?: unknown;
  /** Or a text body sent as it is, with its content type (a CSV file). */
  text?: { body: string; contentType: string };
  /** A wall screen's device token: sent as a bearer token instead of relying on a session cookie. */
  token?: string | null;
}

/**
 * The one way the client talks to the same-origin `/api`: the session cookie rides along, state-changing calls
 * carry the CSRF header, and a failure throws ApiRequestError. Answers the parsed JSON body (undefined for 204).
 */
export async function request(method: string, path: string, options: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') headers[CSRF_HEADER] = '1';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.text) {
    headers['content-type'] = options.text.contentType;
    body = options.text.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined && { body }) });
  if (response.status === 204) return undefined;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw await requestError(response, data);
  return data;
}

/** A GET of JSON. */
export const getJson = (path: string, token?: string | null): Promise<unknown> => request('GET', path, { token });

/** A JSON call whose answer the caller trusts to be `T` (the server's own schemas shaped it). */
export const requestJson = <T>(method: string, path: string, body?: unknown, token?: string | null): Promise<T> =>
  request(method, path, { body, token }) as Promise<T>;
