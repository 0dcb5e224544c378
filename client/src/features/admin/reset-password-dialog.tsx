import type { FormEvent } from 'react';
import type { AdminUser } from '../../../../shared/auth';
import { Dialog } from '../../components/dialog';
import { Failure } from './admin-fields';
import { useAdminTexts } from './admin-texts';
import { useNewPassword } from './password-fields';

/** An administrator sets a new password for a person in their subtree (the server checks the reach). */
export function ResetPasswordDialog(props: { user: AdminUser; onSave: (password: string) => Promise<boolean>; onClose: () => void; error?: unknown }) {
  const x = useAdminTexts();
  const next = useNewPassword();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (next.check()) return;
    if (await props.onSave(next.password)) props.onClose();
  }
  return (
    <Dialog title={x.resetPasswordFor(props.user.displayName)} onClose={props.onClose}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        {next.fields}
        <Failure error={props.error} />
        <div className="form__actions">
          <button type="submit" className="button button--primary">{x.resetPassword}</button>
          <button type="button" className="button" onClick={props.onClose}>{x.cancel}</button>
        </div>
      </form>
    </Dialog>
  );
}
