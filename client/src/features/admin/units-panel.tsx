import { useState } from 'react';
import type { AdminLayer, AdminUnit } from '../../../../shared/auth';
import { useT } from '../../lib/i18n-context';
import { api } from './admin-api';
import { type AdminRun, useAdminData } from './admin-data';
import { Failure, LabeledInput, Loading, SelectField } from './admin-fields';

/** Org units (renamed and moved within the subtree) and the leadership layers. */
export function UnitsPanel() {
  const t = useT();
  const { data, error, run } = useAdminData(api.units);
  const [draft, setDraft] = useState({ name: '', parentId: '', layerId: '' });
  const [layerName, setLayerName] = useState('');
  if (!data) return <Loading error={error} />;
  const { units, layers } = data;
  const depthOf = depths(units);
  return (
    <section>
      <Failure error={error} />
      <table className="admin__table">
        <thead><tr><th>{t.access.unit}</th><th>{t.access.layer}</th><th>{t.access.parentUnit}</th></tr></thead>
        <tbody>
          {treeOrder(units).map((unit) => (
            <UnitRow key={unit.id} unit={unit} depth={depthOf.get(unit.id) ?? 0} units={units} layers={layers} run={run} />
          ))}
        </tbody>
      </table>
      <h2>{t.access.newUnit}</h2>
      <form className="admin__form" onSubmit={(e) => { e.preventDefault(); void run(() => api.createUnit(draft)).then((ok) => ok && setDraft({ ...draft, name: '' })); }}>
        <LabeledInput label={t.access.displayName} value={draft.name} required onChange={(v) => setDraft({ ...draft, name: v })} />
        <SelectField label={t.access.parentUnit} value={draft.parentId} required onChange={(v) => setDraft({ ...draft, parentId: v })}>
          <option value="" disabled>—</option>
          {units.filter((u) => u.administrable).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </SelectField>
        <SelectField label={t.access.layer} value={draft.layerId} required onChange={(v) => setDraft({ ...draft, layerId: v })}>
          <option value="" disabled>—</option>
          {layers.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        </SelectField>
        <button type="submit" className="button button--primary">{t.access.create}</button>
      </form>
      <h2>{t.access.layers}</h2>
      <ul>
        {layers.map((l) => <LayerRow key={l.id} layer={l} run={run} />)}
      </ul>
      <form className="admin__inline" onSubmit={(e) => { e.preventDefault(); void run(() => api.createLayer({ name: layerName, kind: '' })).then((ok) => ok && setLayerName('')); }}>
        <LabeledInput label={t.access.newLayer} value={layerName} required onChange={setLayerName} />
        <button type="submit" className="button">{t.access.create}</button>
      </form>
    </section>
  );
}

/** Parents before their children, depth first, so the table reads as the tree. */
function treeOrder(units: AdminUnit[]): AdminUnit[] {
  const out: AdminUnit[] = [];
  const visit = (parentId: string | null) => {
    for (const u of units.filter((x) => x.parentId === parentId)) {
      out.push(u);
      visit(u.id);
    }
  };
  visit(null);
  return out;
}

function depths(units: AdminUnit[]): Map<string, number> {
  const depth = new Map<string, number>();
  for (const u of treeOrder(units)) depth.set(u.id, u.parentId ? (depth.get(u.parentId) ?? 0) + 1 : 0);
  return depth;
}

function UnitRow(props: { unit: AdminUnit; depth: number; units: AdminUnit[]; layers: AdminLayer[]; run: AdminRun }) {
  const t = useT();
  const { unit } = props;
  const [name, setName] = useState(unit.name);
  const layer = props.layers.find((l) => l.id === unit.layerId)?.name ?? unit.layerId;
  const indent = { paddingLeft: `${props.depth * 1.25}rem` };
  if (!unit.administrable) {
    return <tr><td style={indent}>{unit.name}</td><td>{layer}</td><td /></tr>;
  }
  return (
    <tr>
      <td style={indent}>
        <form className="admin__inline" onSubmit={(e) => { e.preventDefault(); void props.run(() => api.updateUnit(unit.id, { name })); }}>
          <input aria-label={`${t.access.rename}: ${unit.name}`} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button button--quiet">{t.access.rename}</button>
        </form>
      </td>
      <td>{layer}</td>
      <td>
        {unit.parentId && (
          <select aria-label={`${t.access.move}: ${unit.name}`} value={unit.parentId}
            onChange={(e) => void props.run(() => api.updateUnit(unit.id, { parentId: e.target.value }))}>
            {props.units.filter((u) => u.administrable && u.id !== unit.id).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        )}
      </td>
    </tr>
  );
}

function LayerRow({ layer, run }: { layer: AdminLayer; run: AdminRun }) {
  const t = useT();
  const [name, setName] = useState(layer.name);
  return (
    <li>
      <form className="admin__inline" onSubmit={(e) => { e.preventDefault(); void run(() => api.renameLayer(layer.id, name)); }}>
        <input aria-label={`${t.access.rename}: ${layer.name}`} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button button--quiet">{t.access.rename}</button>
      </form>
    </li>
  );
}
