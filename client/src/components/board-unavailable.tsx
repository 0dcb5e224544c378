import { Link } from 'wouter';
import { useT } from '../lib/i18n-context';

/** What a board's pages show when the board does not exist or could not be loaded. */
export function BoardUnavailable({ reason }: { reason: 'not-found' | 'error' }) {
  const t = useT();
  return (
    <div className="page">
      <h1 className="page__title">{reason === 'not-found' ? t.boardNotFound : t.loadFailed}</h1>
      <Link href="/">{t.backToOverview}</Link>
    </div>
  );
}
