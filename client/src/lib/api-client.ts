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

// The REST schemas (and zod with them) are loaded when a response is read, not with the page: the board page
// reads none of them, so zod stays off its critical path.
const restSchemas = () => import('../../../shared/rest');

/** The error for a failed response, with the server's message and code when its body carries them. */
export async function requestError(response: Response, body: unknown): Promise<ApiRequestError> {
  const parsed = await restSchemas().then(({ ErrorResponse }) => ErrorResponse.safeParse(body), () => null);
  const error = parsed?.success ? parsed.data.error : null;
  return new ApiRequestError(error?.message ?? response.statusText, response.status, error?.code ?? null);
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw await requestError(response, body);
  return body;
}

/** The fetch-based client for the same-origin `/api`. Responses are parsed with the shared schemas. */
export function createFetchApi(base = ''): ApiClient {
  return {
    async listBoards() {
      const [schemas, body] = await Promise.all([restSchemas(), getJson(`${base}/api/boards`)]);
      return schemas.BoardListResponse.parse(body).boards;
    },
  };
}
