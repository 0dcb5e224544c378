import { type FormEvent, useState } from 'react';
import type { AdminIndicator, BoardTemplate } from '../../../../shared/auth';
import { Dialog } from '../../components/dialog';
import { useT } from '../../lib/i18n-context';
import { Failure, LabeledInput } from './admin-fields';
import { useAdminTexts } from './admin-texts';

export interface TemplateDraft {
  name: string;
  columns: string[];
  indicators: string[];
}

/** A board template's name, columns (one a line) and mandatory indicators: a new one, or one being edited. */
export function TemplateDialog(props: {
  template: BoardTemplate | null;
  indicators: AdminIndicator[];
  error?: unknown;
  onSave: (draft: TemplateDraft) => Promise<boolean>;
  onClose: () => void;
}) {
  const t = useT();
  const x = useAdminTexts();
  const [name, setName] = useState(props.template?.name ?? '');
  const [columns, setColumns] = useState((props.template?.columns ?? ['Nye forslag', 'I gang', 'Afsluttet']).join('\n'));
  const [chosen, setChosen] = useState<string[]>(props.template?.indicators ?? []);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const draft = { name, columns: columns.split('\n').map((c) => c.trim()).filter(Boolean), indicators: chosen };
    if (await props.onSave(draft)) props.onClose();
  }
  return (
    <Dialog title={props.template ? x.editTemplate(props.template.name) : t.access.newTemplate} onClose={props.onClose}>
      <form className="form" onSubmit={(e) => void onSubmit(e)}>
        <LabeledInput label={t.access.displayName} value={name} required onChange={setName} />
        <label className="admin__field">
          <span>{t.access.templateColumns}</span>
          <textarea rows={4} value={columns} aria-describedby="template-columns-hint" onChange={(e) => setColumns(e.target.value)} />
          <span id="template-columns-hint" className="field__hint">{t.access.templateColumnsHint}</span>
        </label>
        <fieldset className="admin__field">
          <legend>{t.access.templateIndicators}</legend>
          {props.indicators.map((i) => (
            <label key={i.id}>
              <input type="checkbox" checked={chosen.includes(i.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, i.id] : chosen.filter((id) => id !== i.id))} />{' '}
              {i.name}
            </label>
          ))}
        </fieldset>
        <Failure error={props.error} />
        <div className="form__actions">
          <button type="submit" className="button button--primary">{props.template ? t.access.save : t.access.create}</button>
          <button type="button" className="button" onClick={props.onClose}>{x.cancel}</button>
        </div>
      </form>
    </Dialog>
  );
}
