import { useState } from 'react';
import type { AdminDevice } from '../../../../shared/auth';
import { useI18n } from '../../lib/i18n-context';
import { api } from './admin-api';
import { useAdminData } from './admin-data';
import { Failure, LabeledInput, Loading, SelectField } from './admin-fields';
import { formatLocalDateTime, formatRelative } from './admin-format';
import { useAdminTexts } from './admin-texts';

const loadDevices = () => Promise.all([api.devices(), api.boards()]).then(([d, b]) => ({ devices: d.devices, boards: b.boards }));

/** Wall screens: enrolment codes (a new one when it ran out unused), when each was last seen, revocation. */
export function DevicesPanel({ now = () => new Date() }: { now?: () => Date }) {
  const { t, lang } = useI18n();
  const x = useAdminTexts();
  const { data, error, run } = useAdminData(loadDevices);
  const [draft, setDraft] = useState<{ boardId: string; name: string; mode: 'read' | 'touch' }>({ boardId: '', name: '', mode: 'touch' });
  const [shown, setShown] = useState<{ name: string; code: string; link: string } | null>(null);
  if (!data) return <Loading error={error} />;
  const boardName = (id: string) => data.boards.find((b) => b.id === id)?.name ?? id;
  const expired = (d: AdminDevice) => d.codeExpiresAt !== null && d.codeExpiresAt <= now().toISOString();
  const state = (d: AdminDevice): string => {
    if (d.revokedAt) return t.access.revoked;
    if (d.enrolledAt) return t.access.enrolled;
    if (!d.codeExpiresAt || expired(d)) return x.codeExpired;
    return x.codeWaiting(formatLocalDateTime(d.codeExpiresAt, lang));
  };
  const show = (name: string, code: string, link: string) => setShown({ name, code, link: `${window.location.origin}${link}` });
  return (
    <section>
      <Failure error={error} />
      <form className="admin__form" onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const result = await api.createDevice(draft);
          show(draft.name, result.code, result.link);
        });
      }}>
        <SelectField label={t.access.board} value={draft.boardId} required onChange={(v) => setDraft({ ...draft, boardId: v })}>
          <option value="" disabled>—</option>
          {data.boards.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
        </SelectField>
        <LabeledInput label={t.access.deviceName} value={draft.name} required onChange={(v) => setDraft({ ...draft, name: v })} />
        <SelectField label={t.access.deviceMode} value={draft.mode} onChange={(v) => setDraft({ ...draft, mode: v as 'read' | 'touch' })}>
          <option value="touch">{t.access.modeTouch}</option>
          <option value="read">{t.access.modeRead}</option>
        </SelectField>
        <button type="submit" className="button button--primary">{t.access.enrolDevice}</button>
      </form>
      {shown && (
        <div className="admin__code" role="status">
          <p><strong>{shown.name}</strong>: {t.access.enrolCodeShown(shown.code)}</p>
          <p>{t.access.enrolLink}: <code>{shown.link}</code></p>
        </div>
      )}
      <table className="admin__table">
        <thead><tr><th>{t.access.deviceName}</th><th>{t.access.board}</th><th>{t.access.deviceMode}</th><th>{t.access.lastSeen}</th><th><span className="visually-hidden">{x.state}</span></th></tr></thead>
        <tbody>
          {data.devices.map((d) => (
            <tr key={d.id}>
              <td>{d.name} <span className="muted">({state(d)})</span></td>
              <td>{boardName(d.boardId)}</td>
              <td>{d.mode === 'touch' ? t.access.modeTouch : t.access.modeRead}</td>
              <td>{d.lastSeenAt ? <time dateTime={d.lastSeenAt} title={formatLocalDateTime(d.lastSeenAt, lang)}>{formatRelative(d.lastSeenAt, lang, now())}</time> : x.never}</td>
              <td className="admin__actions">
                {!d.revokedAt && !d.enrolledAt && expired(d) && (
                  <button type="button" className="button" aria-label={x.newCodeFor(d.name)}
                    onClick={() => void run(async () => {
                      const fresh = await api.newDeviceCode(d.id);
                      show(d.name, fresh.code, fresh.link);
                    })}>
                    {x.newCode}
                  </button>
                )}
                {!d.revokedAt && (
                  <button type="button" className="button" aria-label={`${t.access.revoke}: ${d.name}`} onClick={() => void run(() => api.revokeDevice(d.id))}>
                    {t.access.revoke}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
