import type { BoardSummary } from '../../../shared/schemas';
import { getJson } from './http';

export { ApiRequestError } from './http';

/** REST calls the client makes; injected so tests can answer without a server. */
export interface ApiClient {
  listBoards(): Promise<BoardSummary[]>;
}

// The REST schemas (and zod with them) are loaded when a response is read, not with the page.
const restSchemas = () => import('../../../shared/rest');

/** The fetch-based client for the same-origin `/api`. Responses are parsed with the shared schemas. */
export function createFetchApi(base = ''): ApiClient {
  return {
    async listBoards() {
      const [schemas, body] = await Promise.all([restSchemas(), getJson(`${base}/api/boards`)]);
      return schemas.BoardListResponse.parse(body).boards;
    },
  };
}
