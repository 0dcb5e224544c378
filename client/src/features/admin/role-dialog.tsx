import { type FormEvent, useState } from 'react';
import { ROLE_NAMES } from '../../../../shared/constants';
import type { AdminUnit, AdminUser, RoleName } from '../../../../shared/auth';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { useT } from '../../lib/i18n-context';
import { Failure } from './admin-fields';
import { useAdminTexts } from './admin-texts';

/**
 * "Tilføj rolle": the unit is chosen on purpose, never preset (a preset ward made roles land on the wrong unit),
 * from the units this administrator administers.
 */
export function RoleDialog(props: { user: AdminUser; units: AdminUnit[]; onSave: (unitId: string, role: RoleName) => Promise<boolean>; onClose: () => void; error?: unknown }) {
  const t = useT();
  const x = useAdminTexts();
  const [unitId, setUnitId] = useState('');
  const [role, setRole] = useState<RoleName>('member');
  const [error, setError] = useState<string | null>(null);
  const administrable = props.units.filter((u) => u.administrable);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!unitId) {
      setError(x.chooseUnitFirst);
      return;
    }
    if (await props.onSave(unitId, role)) props.onClose();
  }
  return (
    <Dialog title={x.addRoleFor(props.user.displayName)} onClose={props.onClose}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label={t.access.unit} error={error}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={unitId} required aria-describedby={describedBy} aria-invalid={invalid} data-autofocus
              onChange={(e) => { setUnitId(e.target.value); setError(null); }}>
              <option value="">{x.chooseUnit}</option>
              {administrable.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          )}
        </Field>
        <Field label={t.access.role}>
          {({ id }) => (
            <select id={id} value={role} onChange={(e) => setRole(e.target.value as RoleName)}>
              {ROLE_NAMES.map((r) => <option key={r} value={r}>{t.access.roles[r]}</option>)}
            </select>
          )}
        </Field>
        <Failure error={props.error} />
        <div className="form__actions">
          <button type="submit" className="button button--primary">{x.addRole}</button>
          <button type="button" className="button" onClick={props.onClose}>{x.cancel}</button>
        </div>
      </form>
    </Dialog>
  );
}
