import { type FormEvent, useState } from 'react';
import type { AdminUnit, AdminUser } from '../../../../shared/auth';
import { useT } from '../../lib/i18n-context';
import { api } from './admin-api';
import { type AdminRun, useAdminData } from './admin-data';
import { Failure, LabeledInput, Loading } from './admin-fields';
import { useAdminTexts } from './admin-texts';
import { ResetPasswordDialog } from './reset-password-dialog';
import { RoleDialog } from './role-dialog';

const loadUsersAndUnits = () => Promise.all([api.users(), api.units()]).then(([u, o]) => ({ users: u.users, ...o }));

type Open = { kind: 'role' | 'password'; user: AdminUser } | null;

/** People within the administrator's subtree: their roles (added in a dialog), disabling, password resets, new people. */
export function UsersPanel() {
  const t = useT();
  const x = useAdminTexts();
  const { data, error, setError, run } = useAdminData(loadUsersAndUnits);
  const [draft, setDraft] = useState({ username: '', displayName: '', email: '', password: '' });
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!data) return <Loading error={error} />;
  const unitName = (id: string) => data.units.find((u) => u.id === id)?.name ?? id;
  const canAddRoles = data.units.some((u) => u.administrable);
  const close = () => {
    setOpen(null);
    setError(null);
  };

  function onCreate(event: FormEvent) {
    event.preventDefault();
    void run(() =>
      api.createUser({ username: draft.username, displayName: draft.displayName, email: draft.email || null, password: draft.password || null }),
    ).then((ok) => ok && setDraft({ username: '', displayName: '', email: '', password: '' }));
  }
  return (
    <section>
      {!open && <Failure error={error} />}
      {notice && <p role="status">{notice}</p>}
      <table className="admin__table">
        <thead>
          <tr><th>{t.access.displayName}</th><th>{t.access.username}</th><th>{t.access.role}</th><th><span className="visually-hidden">{x.state}</span></th></tr>
        </thead>
        <tbody>
          {data.users.map((user) => (
            <tr key={user.id}>
              <td>{user.displayName}{user.disabled && <span className="muted"> ({t.access.disabled})</span>}</td>
              <td>{user.username}</td>
              <td>
                <RoleList user={user} unitName={unitName} units={data.units} run={run} />
                {canAddRoles && (
                  <button type="button" className="button button--quiet" aria-label={x.addRoleFor(user.displayName)} onClick={() => setOpen({ kind: 'role', user })}>
                    {x.addRole}
                  </button>
                )}
              </td>
              <td className="admin__actions">
                <button type="button" className="button button--quiet" aria-label={`${x.resetPassword}: ${user.displayName}`} onClick={() => setOpen({ kind: 'password', user })}>
                  {x.resetPassword}
                </button>
                <button type="button" className="button button--quiet" aria-label={`${user.disabled ? t.access.enable : t.access.disable}: ${user.displayName}`}
                  onClick={() => void run(() => api.updateUser(user.id, { disabled: !user.disabled }))}>
                  {user.disabled ? t.access.enable : t.access.disable}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t.access.newUser}</h2>
      <form className="admin__form" onSubmit={onCreate}>
        <LabeledInput label={t.access.username} value={draft.username} required onChange={(v) => setDraft({ ...draft, username: v })} />
        <LabeledInput label={t.access.displayName} value={draft.displayName} required onChange={(v) => setDraft({ ...draft, displayName: v })} />
        <LabeledInput label={t.access.email} type="email" value={draft.email} onChange={(v) => setDraft({ ...draft, email: v })} />
        <LabeledInput label={t.access.password} type="password" autoComplete="new-password" value={draft.password} onChange={(v) => setDraft({ ...draft, password: v })} />
        <button type="submit" className="button button--primary">{t.access.create}</button>
      </form>
      {open?.kind === 'role' && (
        <RoleDialog user={open.user} units={data.units} error={error} onClose={close}
          onSave={(unitId, role) => run(() => api.setRole(open.user.id, unitId, role))} />
      )}
      {open?.kind === 'password' && (
        <ResetPasswordDialog user={open.user} error={error} onClose={close}
          onSave={(password) => run(() => api.resetPassword(open.user.id, password)).then((ok) => {
            if (ok) setNotice(x.passwordReset(open.user.displayName));
            return ok;
          })} />
      )}
    </section>
  );
}

function RoleList(props: { user: AdminUser; units: AdminUnit[]; unitName: (id: string) => string; run: AdminRun }) {
  const t = useT();
  if (props.user.roles.length === 0) return <span className="muted">{t.access.noRole}</span>;
  const mayRemove = (unitId: string) => props.units.find((u) => u.id === unitId)?.administrable ?? false;
  return (
    <ul className="admin__roles">
      {props.user.roles.map((r) => {
        const label = `${t.access.roles[r.role]} · ${props.unitName(r.unitId)}`;
        return (
          <li key={r.unitId}>
            {label}{' '}
            {mayRemove(r.unitId) && (
              <button type="button" className="button button--quiet" aria-label={`${t.access.removeRole}: ${label} (${props.user.displayName})`}
                onClick={() => void props.run(() => api.removeRole(props.user.id, r.unitId))}>×</button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
