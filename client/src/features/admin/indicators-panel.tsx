import { type FormEvent, useState } from 'react';
import type { AdminIndicator } from '../../../../shared/auth';
import { Dialog } from '../../components/dialog';
import { ApiRequestError } from '../../lib/api-client';
import { useT } from '../../lib/i18n-context';
import { api } from './admin-api';
import { useAdminData } from './admin-data';
import { Failure, Loading, SelectField } from './admin-fields';
import { useAdminTexts } from './admin-texts';
import { ConfirmDialog } from './confirm-dialog';
import { EMPTY_INDICATOR, IndicatorFields, type IndicatorDraft } from './indicator-fields';

const loadIndicators = () => Promise.all([api.indicators(), api.units()]).then(([i, u]) => ({ indicators: i.indicators, units: u.units }));

type Open = { kind: 'edit' | 'delete'; indicator: AdminIndicator } | null;
const isInUse = (error: unknown) => error instanceof ApiRequestError && error.code === 'IN_USE';

/** Indicator definitions of the units one administers: new, edited, deleted while unused; targets are set elsewhere. */
export function IndicatorsPanel() {
  const t = useT();
  const x = useAdminTexts();
  const { data, error, setError, run } = useAdminData(loadIndicators);
  const [unitId, setUnitId] = useState('');
  const [draft, setDraft] = useState<IndicatorDraft>(EMPTY_INDICATOR);
  const [open, setOpen] = useState<Open>(null);
  const [refused, setRefused] = useState<string | null>(null);
  if (!data) return <Loading error={error} />;
  const unitName = (id: string) => data.units.find((u) => u.id === id)?.name ?? id;
  const administers = (i: AdminIndicator) => data.units.find((u) => u.id === i.unitId)?.administrable ?? false;
  const close = () => {
    setOpen(null);
    setError(null);
  };

  function onDelete(indicator: AdminIndicator) {
    setOpen(null);
    setRefused(null);
    void run(() =>
      api.deleteIndicator(indicator.id).catch((err: unknown) => {
        if (isInUse(err)) setRefused(x.inUse(indicator.name));
        throw err;
      }),
    );
  }
  return (
    <section>
      {refused ? <p role="alert" className="field__error">{refused}</p> : !open && <Failure error={error} />}
      <p className="muted">{t.access.targetsHint}</p>
      <table className="admin__table">
        <thead><tr><th>{t.access.indicatorName}</th><th>{t.access.unit}</th><th>{t.access.direction}</th><th>{t.access.frequency}</th><th>{t.indicatorType}</th><th><span className="visually-hidden">{x.state}</span></th></tr></thead>
        <tbody>
          {data.indicators.map((i) => (
            <tr key={i.id}>
              <td><a href={`/indicators/${encodeURIComponent(i.id)}`}>{i.name}</a>{i.unitLabel && <span className="muted"> ({i.unitLabel})</span>}</td>
              <td>{unitName(i.unitId)}</td>
              <td>{t.direction[i.direction]}</td>
              <td>{t.access.frequencies[i.frequency]}</td>
              <td>{t.indicatorTypes[i.type]}</td>
              <td className="admin__actions">
                {administers(i) && (
                  <>
                    <button type="button" className="button button--quiet" aria-label={x.editNamed(i.name)} onClick={() => setOpen({ kind: 'edit', indicator: i })}>{x.edit}</button>
                    <button type="button" className="button button--quiet" aria-label={x.deleteNamed(i.name)} onClick={() => setOpen({ kind: 'delete', indicator: i })}>{x.delete}</button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t.access.newIndicator}</h2>
      <form className="admin__form" onSubmit={(e) => {
        e.preventDefault();
        void run(() => api.createIndicator({ unitId, ...draft })).then((ok) => ok && setDraft(EMPTY_INDICATOR));
      }}>
        <SelectField label={t.access.unit} value={unitId} required onChange={setUnitId}>
          <option value="" disabled>—</option>
          {data.units.filter((u) => u.administrable).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </SelectField>
        <IndicatorFields draft={draft} onChange={setDraft} />
        <button type="submit" className="button button--primary">{t.access.create}</button>
      </form>
      {open?.kind === 'edit' && (
        <EditIndicatorDialog indicator={open.indicator} error={error} onClose={close}
          onSave={(changes) => run(() => api.updateIndicator(open.indicator.id, changes))} />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog title={x.deleteNamed(open.indicator.name)} question={x.confirmDeleteIndicator(open.indicator.name)} confirm={x.delete}
          onClose={close} onConfirm={() => onDelete(open.indicator)} />
      )}
    </section>
  );
}

function EditIndicatorDialog(props: { indicator: AdminIndicator; error: unknown; onSave: (d: IndicatorDraft) => Promise<boolean>; onClose: () => void }) {
  const t = useT();
  const x = useAdminTexts();
  const { id: _id, unitId: _unit, ...initial } = props.indicator;
  const [draft, setDraft] = useState<IndicatorDraft>(initial);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (await props.onSave(draft)) props.onClose();
  }
  return (
    <Dialog title={x.editIndicator(props.indicator.name)} onClose={props.onClose}>
      <form className="form" onSubmit={(e) => void onSubmit(e)}>
        <IndicatorFields draft={draft} onChange={setDraft} />
        {isInUse(props.error) ? <p role="alert" className="field__error">{x.frequencyLocked}</p> : <Failure error={props.error} />}
        <div className="form__actions">
          <button type="submit" className="button button--primary">{t.access.save}</button>
          <button type="button" className="button" onClick={props.onClose}>{x.cancel}</button>
        </div>
      </form>
    </Dialog>
  );
}
