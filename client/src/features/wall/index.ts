// The wall feature's public face: what other features may use of it.
export { msUntilDailyRefresh } from './wall-app';
