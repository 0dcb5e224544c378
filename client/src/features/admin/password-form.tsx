import { type FormEvent, useState } from 'react';
import { Field } from '../../components/field';
import { ApiRequestError } from '../../lib/api-client';
import { changeOwnPassword } from './admin-api';
import { Failure } from './admin-fields';
import { useAdminTexts } from './admin-texts';
import { useNewPassword } from './password-fields';

/**
 * One's own password: the current one, then the new one twice. Any signed-in person may use it.
 * `headed={false}` inside a dialog, whose title already names it.
 */
export function PasswordForm({ headed = true }: { headed?: boolean }) {
  const x = useAdminTexts();
  const [current, setCurrent] = useState('');
  const [currentError, setCurrentError] = useState<string | null>(null);
  const next = useNewPassword();
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setFailure(null);
    setCurrentError(current ? null : x.wrongCurrentPassword);
    if (next.check() || !current) return;
    try {
      await changeOwnPassword(current, next.password);
      setCurrent('');
      next.reset();
      setDone(true);
    } catch (err) {
      // The server says VALIDATION_FAILED for a wrong current password: shown at that field, in the reader's language.
      if (err instanceof ApiRequestError && err.code === 'VALIDATION_FAILED' && err.status === 400) setCurrentError(x.wrongCurrentPassword);
      else setFailure(err);
    }
  }
  return (
    <form className="form admin__narrow" onSubmit={(e) => void onSubmit(e)} noValidate>
      {headed && <h2>{x.changePassword}</h2>}
      <Field label={x.currentPassword} error={currentError}>
        {({ id, describedBy, invalid }) => (
          <input id={id} type="password" autoComplete="current-password" value={current} aria-describedby={describedBy}
            aria-invalid={invalid} onChange={(e) => setCurrent(e.target.value)} />
        )}
      </Field>
      {next.fields}
      <Failure error={failure} />
      {done && <p role="status">{x.passwordChanged}</p>}
      <div className="form__actions">
        <button type="submit" className="button button--primary">{x.changePassword}</button>
      </div>
    </form>
  );
}
