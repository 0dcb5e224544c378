import type { ApiError } from '../../../shared/protocol';

/** A refused request: the HTTP status to answer with and the typed error. */
export type Fail = { ok: false; status: 400 | 404 | 409; error: ApiError };

export const fail = (status: Fail['status'], code: ApiError['code'], message: string, path?: string): Fail => ({
  ok: false,
  status,
  error: path ? { code, message, issues: [{ path, message }] } : { code, message },
});
