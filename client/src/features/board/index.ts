// The board feature's public face: what other features may use of it.
export {
  BoardAccessProvider,
  GuardedBoard,
  WallBoardMode,
  useBoardMode,
  useCanChangeBoard,
  useCanFacilitate,
  useCanWrite,
  useDeviceToken,
} from './board-access';
export { cardsInColumn } from './board-data';
export { ConnectionBanner } from './connection-banner';
export { ConnectionIndicator } from './connection-indicator';
export { NoticeList } from './notice-list';
export { browserPendingStore } from './pending-store';
