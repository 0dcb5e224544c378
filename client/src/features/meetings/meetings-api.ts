import { BoardAtResponse, BoardPeopleResponse, MeetingChangesResponse, MeetingListResponse } from '../../../../shared/meeting-rest';
import { Meeting } from '../../../../shared/schemas';
import { getJson } from '../../lib/http';

const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

/** REST reads of meetings: the list, one meeting's minutes, the changes during it, the board as it was, and export links. */
export const meetingsApi = {
  list: async (boardId: string): Promise<Meeting[]> => MeetingListResponse.parse(await getJson(`${board(boardId)}/meetings`)).meetings,
  get: async (boardId: string, meetingId: string): Promise<Meeting> =>
    Meeting.parse(await getJson(`${board(boardId)}/meetings/${encodeURIComponent(meetingId)}`)),
  /** The board when the meeting started or ended. */
  boardAt: async (boardId: string, meetingId: string, at: 'start' | 'end' = 'end'): Promise<BoardAtResponse> =>
    BoardAtResponse.parse(await getJson(`${board(boardId)}/meetings/${encodeURIComponent(meetingId)}/board?at=${at}`)),
  /** What was changed on the board while the meeting ran. */
  changes: async (boardId: string, meetingId: string): Promise<MeetingChangesResponse> =>
    MeetingChangesResponse.parse(await getJson(`${board(boardId)}/meetings/${encodeURIComponent(meetingId)}/changes`)),
  /** People to pick for the attendance (for those who run the meeting). */
  people: async (boardId: string): Promise<BoardPeopleResponse['people']> =>
    BoardPeopleResponse.parse(await getJson(`${board(boardId)}/people`)).people,
  exportUrl: (boardId: string, meetingId: string, format: 'md' | 'csv' | 'json'): string =>
    `${board(boardId)}/meetings/${encodeURIComponent(meetingId)}/minutes.${format}`,
};
export type MeetingsApi = typeof meetingsApi;
