import { useState, type FormEvent } from 'react';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { readDisplayName, writeDisplayName } from '../lib/local-setting';
import { useT } from '../lib/i18n-context';
import { useAppStore } from './store/store-context';

/** The name this device signs its changes with (until accounts exist). */
export function NameButton() {
  const t = useT();
  const reconnect = useAppStore((s) => s.reconnect);
  const [name, setName] = useState(readDisplayName);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    writeDisplayName(draft);
    setName(draft.trim());
    setEditing(false);
    reconnect();
  }

  return (
    <>
      <button type="button" className="button button--quiet" onClick={() => { setDraft(name); setEditing(true); }}>
        {name ? t.nameButton(name) : t.noName}
      </button>
      {editing && (
        <Dialog title={t.yourName} onClose={() => setEditing(false)}>
          <form className="form" onSubmit={onSubmit}>
            <Field label={t.yourName} hint={t.nameHint}>
              {({ id, describedBy }) => (
                <input id={id} type="text" maxLength={80} autoComplete="name" value={draft}
                  aria-describedby={describedBy} onChange={(e) => setDraft(e.target.value)} />
              )}
            </Field>
            <div className="form__actions">
              <button type="submit" className="button button--primary">{t.save}</button>
              <button type="button" className="button" onClick={() => setEditing(false)}>{t.cancel}</button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  );
}
