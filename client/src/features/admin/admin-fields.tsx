import { type ReactNode, useId } from 'react';
import { ApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n-context';

/** A failed admin call in the reader's language: the reason for the server's error code, then its own words. */
export function Failure({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const reason = error instanceof ApiRequestError && error.code && error.code in t.errorReasons
    ? t.errorReasons[error.code as keyof typeof t.errorReasons]
    : error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
  return <p role="alert" className="field__error">{t.access.failed(reason)}</p>;
}

export function LabeledInput(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  required?: boolean;
  autoComplete?: string;
  minLength?: number;
}) {
  const id = useId();
  return (
    <div className="admin__field">
      <label htmlFor={id}>{props.label}</label>
      <input id={id} type={props.type ?? 'text'} value={props.value} required={props.required} autoComplete={props.autoComplete}
        minLength={props.minLength} onChange={(e) => props.onChange(e.target.value)} />
    </div>
  );
}

export function SelectField(props: { label: string; value: string; onChange: (v: string) => void; children: ReactNode; required?: boolean }) {
  // Labelled by htmlFor, not by wrapping: a wrapping label would add the chosen option's text to the select's name.
  const id = useId();
  return (
    <div className="admin__field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} required={props.required} onChange={(e) => props.onChange(e.target.value)}>{props.children}</select>
    </div>
  );
}

export function Loading({ error }: { error: unknown }) {
  const t = useT();
  return (
    <>
      <Failure error={error} />
      <p>{t.loading}</p>
    </>
  );
}
