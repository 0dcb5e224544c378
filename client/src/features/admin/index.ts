/** The admin feature's public face: the page (lazy-loaded by the router) and one's own password form. */
export { AdminPage } from './admin-page';
export { PasswordForm } from './password-form';
