import { BoardAtResponse, MeetingListResponse } from '../../../../shared/meeting-rest';
import { Meeting } from '../../../../shared/schemas';
import { getJson } from '../../lib/http';


const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

/** REST reads of meetings: the list, one meeting's minutes, the board as it was, and export links. */
export const meetingsApi = {
  list: async (boardId: string): Promise<Meeting[]> => MeetingListResponse.parse(await getJson(`${board(boardId)}/meetings`)).meetings,
  get: async (boardId: string, meetingId: string): Promise<Meeting> =>
    Meeting.parse(await getJson(`${board(boardId)}/meetings/${encodeURIComponent(meetingId)}`)),
  boardAt: async (boardId: string, meetingId: string): Promise<BoardAtResponse> =>
    BoardAtResponse.parse(await getJson(`${board(boardId)}/meetings/${encodeURIComponent(meetingId)}/board`)),
  exportUrl: (boardId: string, meetingId: string, format: 'md' | 'csv' | 'json'): string =>
    `${board(boardId)}/meetings/${encodeURIComponent(meetingId)}/minutes.${format}`,
};
export type MeetingsApi = typeof meetingsApi;
