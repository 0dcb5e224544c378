import { useMemo } from 'react';
import { hyphenateSync } from 'hyphen/da';
import { useI18n } from '../lib/i18n-context';

/**
 * Danish text that may break only at hyphenation points. CSS `hyphens: auto` needs the browser's own Danish
 * dictionary, which many installations lack (then words break mid-word or overflow): so soft hyphens from the TeX
 * patterns are put in the shown text, and assistive technology and search read a clean copy.
 */
const SHY = '\u00ad';

/** Drops break points that would leave fewer than three letters on a line ("indlæggel-se"). */
function keepUsefulBreaks(word: string): string {
  const parts = word.split(SHY);
  if (parts.length < 2) return word;
  while (parts.length > 1 && parts[0]!.length < 3) parts.splice(0, 2, parts[0]! + parts[1]!);
  while (parts.length > 1 && parts.at(-1)!.replace(/[^\p{L}]/gu, '').length < 3) parts.splice(-2, 2, parts.at(-2)! + parts.at(-1)!);
  return parts.join(SHY);
}

export const hyphenateDanish = (text: string): string =>
  hyphenateSync(text, { minWordLength: 9 })
    .split(' ')
    .map(keepUsefulBreaks)
    .join(' ');

export function Hyphenated({ text }: { text: string }) {
  const { lang } = useI18n();
  const shown = useMemo(() => (lang === 'da' ? hyphenateDanish(text) : text), [text, lang]);
  if (shown === text) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true">{shown}</span>
      <span className="visually-hidden">{text}</span>
    </>
  );
}
