/**
 * The admin feature's public face: one's own password form. The page itself is lazy-loaded by the router from
 * `admin-page`; exporting it here too put the whole administration into the chunk of every page that shows the
 * password form (the header's, on every board).
 */
export { PasswordForm } from './password-form';
