import { useState } from 'react';
import type { BoardTemplate } from '../../../../shared/auth';
import { useT } from '../../lib/i18n-context';
import { api } from './admin-api';
import { useAdminData } from './admin-data';
import { Failure, LabeledInput, Loading, SelectField } from './admin-fields';
import { useAdminTexts } from './admin-texts';
import { ConfirmDialog } from './confirm-dialog';
import { TemplateDialog } from './template-dialog';

const loadBoardsData = () =>
  Promise.all([api.templates(), api.units(), api.indicators()]).then(([tp, u, i]) => ({
    templates: tp.templates,
    units: u.units,
    indicators: i.indicators,
  }));

type Open = { kind: 'new' } | { kind: 'edit' | 'delete'; template: BoardTemplate } | null;

/** New boards for a unit, from a template (its columns and mandatory indicators) or the usual three columns; the templates. */
export function BoardsPanel() {
  const t = useT();
  const x = useAdminTexts();
  const { data, error, setError, run } = useAdminData(loadBoardsData);
  const [board, setBoard] = useState({ unitId: '', name: '', templateId: '' });
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const [open, setOpen] = useState<Open>(null);
  if (!data) return <Loading error={error} />;
  const close = () => {
    setOpen(null);
    setError(null);
  };
  const indicatorName = (id: string) => data.indicators.find((i) => i.id === id)?.name ?? id;
  return (
    <section>
      {!open && <Failure error={error} />}
      <h2>{t.access.newBoard}</h2>
      <form className="admin__form" onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const { id } = await api.createBoard({ unitId: board.unitId, name: board.name, templateId: board.templateId || null });
          setCreated({ id, name: board.name });
        });
      }}>
        <SelectField label={t.access.unit} value={board.unitId} required onChange={(v) => setBoard({ ...board, unitId: v })}>
          <option value="" disabled>—</option>
          {data.units.filter((u) => u.administrable).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </SelectField>
        <LabeledInput label={t.access.boardName} value={board.name} required onChange={(v) => setBoard({ ...board, name: v })} />
        <SelectField label={t.access.template} value={board.templateId} onChange={(v) => setBoard({ ...board, templateId: v })}>
          <option value="">{t.access.noTemplate}</option>
          {data.templates.map((tp) => <option key={tp.id} value={tp.id}>{tp.name}</option>)}
        </SelectField>
        <button type="submit" className="button button--primary">{t.access.create}</button>
      </form>
      {created && <p role="status">{t.access.boardCreated} <a href={`/boards/${encodeURIComponent(created.id)}`}>{created.name}</a></p>}
      <h2>{t.access.templates}</h2>
      <ul className="admin__list">
        {data.templates.map((tp) => (
          <li key={tp.id}>
            <span>
              <strong>{tp.name}</strong>: {tp.columns.join(' · ')}
              {tp.indicators.length > 0 && <> — {tp.indicators.map(indicatorName).join(', ')}</>}
            </span>
            <span className="admin__actions">
              <button type="button" className="button button--quiet" aria-label={x.editNamed(tp.name)} onClick={() => setOpen({ kind: 'edit', template: tp })}>{x.edit}</button>
              <button type="button" className="button button--quiet" aria-label={x.deleteNamed(tp.name)} onClick={() => setOpen({ kind: 'delete', template: tp })}>{x.delete}</button>
            </span>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => setOpen({ kind: 'new' })}>{t.access.newTemplate}</button>
      {(open?.kind === 'new' || open?.kind === 'edit') && (
        <TemplateDialog template={open.kind === 'edit' ? open.template : null} indicators={data.indicators} error={error} onClose={close}
          onSave={(draft) => run(() => (open.kind === 'edit' ? api.updateTemplate(open.template.id, draft) : api.createTemplate(draft)))} />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog title={x.deleteNamed(open.template.name)} question={x.confirmDeleteTemplate(open.template.name)} confirm={x.delete}
          onClose={close} onConfirm={() => void run(() => api.deleteTemplate(open.template.id)).then(() => setOpen(null))} />
      )}
    </section>
  );
}
