import { useI18n } from '../lib/i18n-context';

/** The few words the shared components say themselves (close buttons, toasts, empty tables). */
const TEXTS = {
  da: { close: 'Luk', closeDialog: 'Luk dialogen', notifications: 'Beskeder', more: 'Flere handlinger', empty: 'Intet at vise.' },
  en: { close: 'Close', closeDialog: 'Close the dialog', notifications: 'Notifications', more: 'More actions', empty: 'Nothing to show.' },
};

export type UiTexts = (typeof TEXTS)['da'];
export const useUiTexts = (): UiTexts => TEXTS[useI18n().lang];
