import { BoardListResponse, ErrorResponse } from '../../../shared/rest';
import type { BoardSummary } from '../../../shared/schemas';

/** REST calls the client makes; injected so tests can answer without a server. */
export interface ApiClient {
  listBoards(): Promise<BoardSummary[]>;
}

/** A failed request, carrying the server's error code when it sent one. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ErrorResponse.safeParse(body);
    const error = parsed.success ? parsed.data.error : null;
    throw new ApiRequestError(error?.message ?? response.statusText, response.status, error?.code ?? null);
  }
  return body;
}

/** The fetch-based client for the same-origin `/api`. Responses are parsed with the shared schemas. */
export function createFetchApi(base = ''): ApiClient {
  return {
    async listBoards() {
      return BoardListResponse.parse(await getJson(`${base}/api/boards`)).boards;
    },
  };
}
