import { useState, type FormEvent } from 'react';
import { Dialog } from './dialog';
import { Field } from './field';

interface TextPromptProps {
  title: string;
  label: string;
  submitLabel: string;
  cancelLabel: string;
  requiredMessage: string;
  maxLength: number;
  onSubmit: (text: string) => void;
  onClose: () => void;
}

/** A dialog asking for one required text (a reason, a decision). */
export function TextPrompt({ title, label, submitLabel, cancelLabel, requiredMessage, maxLength, onSubmit, onClose }: TextPromptProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return setError(requiredMessage);
    onSubmit(text.trim());
    onClose();
  }
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={label} error={error}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} rows={3} maxLength={maxLength} value={text} aria-describedby={describedBy} aria-invalid={invalid}
              onChange={(e) => setText(e.target.value)} />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary">{submitLabel}</button>
          <button type="button" className="button" onClick={onClose}>{cancelLabel}</button>
        </div>
      </form>
    </Dialog>
  );
}
