import { Link } from 'wouter';
import { useT } from '../../lib/i18n-context';

export function NotFoundPage() {
  const t = useT();
  return (
    <div className="page">
      <h1 className="page__title">{t.notFoundTitle}</h1>
      <Link href="/">{t.backToOverview}</Link>
    </div>
  );
}
