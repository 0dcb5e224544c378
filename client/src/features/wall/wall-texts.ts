import { useI18n } from '../../lib/i18n-context';

/** The wall screen's own words. */
const TEXTS = {
  da: {
    clock: 'Klokken',
    updated: (seconds: number) => (seconds < 5 ? 'opdateret lige nu' : seconds < 120 ? `opdateret for ${seconds} s siden` : `opdateret for ${Math.round(seconds / 60)} min. siden`),
    otherBoardTitle: 'Skærmen er tilmeldt en anden tavle',
    otherBoardBody: (name: string) => `Denne skærm (${name}) viser kun den tavle, den er tilmeldt. Skal den vise en anden tavle, tilmelder en administrator den igen.`,
    openOwnBoard: 'Gå til skærmens tavle',
    enrolFailedHint: 'En kode gælder én gang og kun i kort tid. Bed en administrator om en ny kode under Administration → Skærme, og skriv den her.',
  },
  en: {
    clock: 'Time',
    updated: (seconds: number) => (seconds < 5 ? 'updated just now' : seconds < 120 ? `updated ${seconds} s ago` : `updated ${Math.round(seconds / 60)} min ago`),
    otherBoardTitle: 'This screen is enrolled for another board',
    otherBoardBody: (name: string) => `This screen (${name}) only shows the board it is enrolled for. To show another board, an administrator enrols it again.`,
    openOwnBoard: "Go to this screen's board",
    enrolFailedHint: 'A code works once and only for a short time. Ask an administrator for a new code under Administration → Wall screens, and enter it here.',
  },
};

export const useWallTexts = () => TEXTS[useI18n().lang];
