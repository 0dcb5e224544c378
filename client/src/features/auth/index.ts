// The auth feature's public face: what other features may use of it.
export { AccountMenu, MeProvider, PasswordDialog, useMe, useSignOut } from './session';
