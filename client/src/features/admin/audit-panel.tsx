import { useEffect, useMemo, useState } from 'react';
import type { AuditEntry } from '../../../../shared/auth';
import { useI18n } from '../../lib/i18n-context';
import { api } from './admin-api';
import { useAdminData } from './admin-data';
import { Failure, Loading, SelectField } from './admin-fields';
import { formatLocalDateTime } from './admin-format';
import { type AuditNames, auditSentence } from '../../lib/event-sentences';
import { useAdminTexts } from './admin-texts';

const loadAuditChoices = () =>
  Promise.all([api.boards(), api.users(), api.units(), api.indicators()]).then(([b, u, o, i]) => ({
    boards: b.boards,
    users: u.users,
    units: o.units,
    indicators: i.indicators,
  }));

/** The event log per board or per person, as sentences in the reader's local time; exports keep the raw rows. */
export function AuditPanel() {
  const { t, lang } = useI18n();
  const x = useAdminTexts();
  const { data, error } = useAdminData(loadAuditChoices);
  const [query, setQuery] = useState<{ boardId?: string; actor?: string }>({});
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  useEffect(() => {
    if (!query.boardId && !query.actor) return;
    api.audit(query).then((r) => { setEntries(r.entries); setFailed(null); }, setFailed);
  }, [query]);
  const names = useMemo<AuditNames | null>(() => {
    if (!data) return null;
    const find = <T extends { id: string }>(list: T[], name: (x: T) => string) => (id: string) => {
      const hit = list.find((x) => x.id === id);
      return hit && name(hit);
    };
    return {
      user: find(data.users, (u) => u.displayName),
      unit: find(data.units, (u) => u.name),
      board: find(data.boards, (b) => b.name),
      indicator: find(data.indicators, (i) => i.name),
      role: (r) => t.access.roles[r],
    };
  }, [data, t]);
  if (!data || !names) return <Loading error={error} />;
  return (
    <section>
      <div className="admin__inline">
        <SelectField label={t.access.auditByBoard} value={query.boardId ?? ''} onChange={(v) => setQuery({ boardId: v })}>
          <option value="">—</option>
          {data.boards.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
        </SelectField>
        <SelectField label={t.access.auditByUser} value={query.actor ?? ''} onChange={(v) => setQuery({ actor: v })}>
          <option value="">—</option>
          {data.users.map((u) => <option key={u.id} value={`user:${u.id}`}>{u.displayName}</option>)}
        </SelectField>
        {(query.boardId || query.actor) && (
          <>
            <a className="button" href={api.auditExportUrl(query, 'csv')} download>{t.access.exportCsv}</a>
            <a className="button" href={api.auditExportUrl(query, 'json')} download>{t.access.exportJson}</a>
          </>
        )}
      </div>
      <Failure error={failed} />
      {entries && entries.length === 0 && <p>{t.access.noEntries}</p>}
      {entries && entries.length > 0 && (
        <table className="admin__table">
          <thead><tr><th>{x.when}</th><th>{t.access.what}</th></tr></thead>
          <tbody>
            {entries.map((e) => (
              <tr key={`${e.source}-${e.boardId ?? ''}-${e.seq ?? e.subject}-${e.at}`}>
                <td><time dateTime={e.at}>{formatLocalDateTime(e.at, lang)}</time></td>
                <td>{auditSentence(e, names, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
