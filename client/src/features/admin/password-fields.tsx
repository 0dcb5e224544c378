import { useState } from 'react';
import { Field } from '../../components/field';
import { useAdminTexts } from './admin-texts';

const MIN_LENGTH = 10;

/** A new password typed twice; `check` answers the error to show, or null when it may be sent. */
export function useNewPassword() {
  const x = useAdminTexts();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const check = (): string | null => {
    const problem = password.length < MIN_LENGTH ? x.passwordTooShort : password !== repeat ? x.passwordsDiffer : null;
    setError(problem);
    return problem;
  };
  const reset = () => {
    setPassword('');
    setRepeat('');
    setError(null);
  };
  const fields = (
    <>
      <Field label={x.newPassword} hint={x.passwordHint} error={error === x.passwordTooShort ? error : null}>
        {({ id, describedBy, invalid }) => (
          <input id={id} type="password" autoComplete="new-password" value={password} aria-describedby={describedBy}
            aria-invalid={invalid} onChange={(e) => setPassword(e.target.value)} />
        )}
      </Field>
      <Field label={x.repeatPassword} error={error === x.passwordsDiffer ? error : null}>
        {({ id, describedBy, invalid }) => (
          <input id={id} type="password" autoComplete="new-password" value={repeat} aria-describedby={describedBy}
            aria-invalid={invalid} onChange={(e) => setRepeat(e.target.value)} />
        )}
      </Field>
    </>
  );
  return { password, check, reset, fields };
}
