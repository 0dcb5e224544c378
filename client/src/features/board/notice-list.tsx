import { useEffect } from 'react';
import type { ApiError } from '../../../../shared/protocol';
import { CrossIcon } from '../../components/icons';
import { useAppStore } from '../../app/store/store-context';
import type { Messages } from '../../lib/i18n';
import { useT } from '../../lib/i18n-context';
import type { Notice } from './sync-types';

const AUTO_DISMISS_MS = 12_000;

function reason(error: ApiError, t: Messages): string {
  const issues = error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
  return issues ? `${t.errorReasons[error.code]} (${issues})` : t.errorReasons[error.code];
}

function NoticeItem({ notice }: { notice: Notice }) {
  const t = useT();
  const dismiss = useAppStore((s) => s.dismissNotice);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(notice.id), AUTO_DISMISS_MS);
    return () => clearTimeout(timer);
  }, [dismiss, notice.id]);
  return (
    <div className="notice" role="alert">
      <p>{t.changeRefused(reason(notice.error, t))}</p>
      <button type="button" className="icon-button" aria-label={t.dismiss} onClick={() => dismiss(notice.id)}>
        <CrossIcon />
      </button>
    </div>
  );
}

/** Refused changes, rolled back and explained. */
export function NoticeList() {
  const notices = useAppStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </div>
  );
}
