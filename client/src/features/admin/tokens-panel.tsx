import { useState } from 'react';
import type { ApiToken } from '../../../../shared/cascade';
import { useI18n } from '../../lib/i18n-context';
import { api } from './admin-api';
import { useAdminData } from './admin-data';
import { Failure, LabeledInput, Loading, SelectField } from './admin-fields';
import { formatLocalDateTime, formatRelative } from './admin-format';
import { useAdminTexts } from './admin-texts';
import { ConfirmDialog } from './confirm-dialog';

const loadTokens = () => Promise.all([api.tokens(), api.units()]).then(([tk, u]) => ({ tokens: tk.tokens, units: u.units }));

/**
 * API tokens for data feeds: made for a unit (and the units below), the secret shown once right after creating
 * (the server keeps only its hash, so it cannot be shown again), revoked at once.
 */
export function TokensPanel() {
  const { t, lang } = useI18n();
  const x = useAdminTexts();
  const { data, error, setError, run } = useAdminData(loadTokens);
  const [draft, setDraft] = useState({ name: '', unitId: '' });
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  if (!data) return <Loading error={error} />;
  const unitName = (id: string) => data.units.find((u) => u.id === id)?.name ?? id;
  const administrable = data.units.filter((u) => u.administrable);
  return (
    <section>
      <Failure error={error} />
      <p className="muted">{x.tokenIntro}</p>
      <form className="admin__form" onSubmit={(e) => {
        e.preventDefault();
        setSecret(null);
        void run(async () => {
          const made = await api.createToken(draft);
          setSecret({ name: made.token.name, value: made.secret });
          setDraft({ name: '', unitId: draft.unitId });
        });
      }}>
        <LabeledInput label={x.tokenName} value={draft.name} required onChange={(v) => setDraft({ ...draft, name: v })} />
        <SelectField label={t.access.unit} value={draft.unitId} required onChange={(v) => setDraft({ ...draft, unitId: v })}>
          <option value="" disabled>—</option>
          {administrable.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </SelectField>
        <button type="submit" className="button button--primary">{x.createToken}</button>
      </form>
      {secret && (
        <div className="admin__code" role="status">
          <p>{x.secretOnce}</p>
          <label className="admin__field">
            <span>{x.secretLabel(secret.name)}</span>
            <input readOnly value={secret.value} onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" className="button button--quiet" onClick={() => setSecret(null)}>{x.close}</button>
        </div>
      )}
      {data.tokens.length === 0 ? (
        <p>{x.noTokens}</p>
      ) : (
        <table className="admin__table">
          <thead><tr><th>{t.access.displayName}</th><th>{t.access.unit}</th><th>{x.created}</th><th>{x.lastUsed}</th><th>{x.state}</th><th><span className="visually-hidden">{t.access.revoke}</span></th></tr></thead>
          <tbody>
            {data.tokens.map((tk) => (
              <tr key={tk.id}>
                <td>{tk.name}</td>
                <td>{unitName(tk.unitId)}</td>
                <td><time dateTime={tk.createdAt}>{formatLocalDateTime(tk.createdAt, lang)}</time></td>
                <td>{tk.lastUsedAt ? <time dateTime={tk.lastUsedAt} title={formatLocalDateTime(tk.lastUsedAt, lang)}>{formatRelative(tk.lastUsedAt, lang)}</time> : x.never}</td>
                <td>{tk.revokedAt ? t.access.revoked : x.active}</td>
                <td>
                  {!tk.revokedAt && (
                    <button type="button" className="button" aria-label={`${t.access.revoke}: ${tk.name}`} onClick={() => setRevoking(tk)}>{t.access.revoke}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && (
        <ConfirmDialog title={`${t.access.revoke}: ${revoking.name}`} question={x.confirmRevokeToken(revoking.name)} confirm={t.access.revoke}
          onClose={() => { setRevoking(null); setError(null); }}
          onConfirm={() => { const id = revoking.id; setRevoking(null); void run(() => api.revokeToken(id)); }} />
      )}
    </section>
  );
}
