import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../shared/constants';
import { useT } from '../../lib/i18n-context';

interface NameFormProps {
  label: string;
  initial: string;
  submitLabel: string;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}

/** A one-field inline form for naming a column; Escape cancels. */
export function NameForm({ label, initial, submitLabel, onSubmit, onCancel }: NameFormProps) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState(initial);
  const [error, setError] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError(true);
      return;
    }
    onSubmit(name.trim());
  }

  return (
    <form className="name-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <label className="visually-hidden" htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoFocus
        maxLength={LIMITS.columnName}
        value={name}
        aria-invalid={error}
        onChange={(e) => {
          setName(e.target.value);
          setError(false);
        }}
      />
      <button type="submit" className="button button--primary button--small">{submitLabel}</button>
      <button type="button" className="button button--small" onClick={onCancel}>{t.cancel}</button>
    </form>
  );
}
