import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { DIRECTIONS, FREQUENCIES, ROLE_NAMES } from '../../../../shared/constants';
import type { AdminDevice, AdminIndicator, AdminLayer, AdminUnit, AdminUser, AuditEntry, RoleName } from '../../../../shared/auth';
import { adminApi } from '../../lib/auth-api';
import { useT } from '../../lib/i18n-context';
import { useMe } from '../auth';

type Tab = 'users' | 'units' | 'boards' | 'indicators' | 'devices' | 'audit';

/** `/admin`: users and roles, org units and layers, wall screens, and the event log — for administrators. */
export function AdminPage() {
  const t = useT();
  const me = useMe();
  const [tab, setTab] = useState<Tab>('users');
  useEffect(() => {
    document.title = `${t.access.adminTitle} – ${t.appName}`;
  }, [t]);
  if (!me?.isAdmin) return <p>{t.notFoundTitle}</p>;
  const tabs: [Tab, string][] = [
    ['users', t.access.tabUsers],
    ['units', t.access.tabUnits],
    ['boards', t.access.tabBoards],
    ['indicators', t.access.tabIndicators],
    ['devices', t.access.tabDevices],
    ['audit', t.access.tabAudit],
  ];
  return (
    <div className="page admin">
      <h1 className="page__title">{t.access.adminTitle}</h1>
      <div role="tablist" className="admin__tabs">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className="button button--quiet" onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'users' && <UsersPanel />}
        {tab === 'units' && <UnitsPanel />}
        {tab === 'boards' && <BoardsPanel />}
        {tab === 'indicators' && <IndicatorsPanel />}
        {tab === 'devices' && <DevicesPanel />}
        {tab === 'audit' && <AuditPanel />}
      </div>
    </div>
  );
}

/** Loads with `load`, reloads after every change; failures are shown, never swallowed. */
function useAdminData<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    load().then(setData, (err: Error) => setError(err.message));
  }, [load]);
  useEffect(reload, [reload]);
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setError(null);
      try {
        await action();
      } catch (err) {
        setError((err as Error).message);
      }
      reload();
    },
    [reload],
  );
  return { data, error, run };
}

function Failure({ error }: { error: string | null }) {
  const t = useT();
  return error ? <p role="alert" className="field__error">{t.access.failed(error)}</p> : null;
}

function LabeledInput(props: { label: string; value: string; onChange: (v: string) => void; type?: string; required?: boolean }) {
  return (
    <label className="admin__field">
      <span>{props.label}</span>
      <input type={props.type ?? 'text'} value={props.value} required={props.required} onChange={(e) => props.onChange(e.target.value)} />
    </label>
  );
}

function Select(props: { label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  return (
    <label className="admin__field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>{props.children}</select>
    </label>
  );
}

const loadUsersAndUnits = () => Promise.all([adminApi.users(), adminApi.units()]).then(([u, o]) => ({ users: u.users, ...o }));

function UsersPanel() {
  const t = useT();
  const { data, error, run } = useAdminData(loadUsersAndUnits);
  const [draft, setDraft] = useState({ username: '', displayName: '', email: '', password: '' });
  if (!data) return <><Failure error={error} /><p>{t.loading}</p></>;
  const unitName = (id: string) => data.units.find((u) => u.id === id)?.name ?? id;

  function onCreate(event: FormEvent) {
    event.preventDefault();
    void run(() =>
      adminApi.createUser({
        username: draft.username,
        displayName: draft.displayName,
        email: draft.email || null,
        password: draft.password || null,
      }),
    ).then(() => setDraft({ username: '', displayName: '', email: '', password: '' }));
  }
  return (
    <section>
      <Failure error={error} />
      <table className="admin__table">
        <thead>
          <tr><th>{t.access.displayName}</th><th>{t.access.username}</th><th>{t.access.role}</th><th /></tr>
        </thead>
        <tbody>
          {data.users.map((user) => (
            <tr key={user.id}>
              <td>{user.displayName}{user.disabled && <span className="muted"> ({t.access.disabled})</span>}</td>
              <td>{user.username}</td>
              <td>
                <RoleList user={user} units={data.units} unitName={unitName} run={run} />
              </td>
              <td>
                <button type="button" className="button button--quiet" onClick={() => void run(() => adminApi.updateUser(user.id, { disabled: !user.disabled }))}>
                  {user.disabled ? t.access.enable : t.access.disable}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t.access.newUser}</h2>
      <form className="admin__form" onSubmit={onCreate}>
        <LabeledInput label={t.access.username} value={draft.username} required onChange={(v) => setDraft({ ...draft, username: v })} />
        <LabeledInput label={t.access.displayName} value={draft.displayName} required onChange={(v) => setDraft({ ...draft, displayName: v })} />
        <LabeledInput label={t.access.email} type="email" value={draft.email} onChange={(v) => setDraft({ ...draft, email: v })} />
        <LabeledInput label={t.access.password} type="password" value={draft.password} onChange={(v) => setDraft({ ...draft, password: v })} />
        <button type="submit" className="button button--primary">{t.access.create}</button>
      </form>
    </section>
  );
}

function RoleList(props: { user: AdminUser; units: AdminUnit[]; unitName: (id: string) => string; run: (a: () => Promise<unknown>) => Promise<void> }) {
  const t = useT();
  const administrable = props.units.filter((u) => u.administrable);
  const [unitId, setUnitId] = useState(administrable[0]?.id ?? '');
  const [role, setRole] = useState<RoleName>('member');
  return (
    <div>
      {props.user.roles.length === 0 && <span className="muted">{t.access.noRole}</span>}
      <ul className="admin__roles">
        {props.user.roles.map((r) => (
          <li key={r.unitId}>
            {t.access.roles[r.role]} · {props.unitName(r.unitId)}{' '}
            <button type="button" className="button button--quiet" aria-label={`${t.access.removeRole}: ${t.access.roles[r.role]} · ${props.unitName(r.unitId)}`}
              onClick={() => void props.run(() => adminApi.removeRole(props.user.id, r.unitId))}>×</button>
          </li>
        ))}
      </ul>
      {administrable.length > 0 && (
        <form className="admin__inline" onSubmit={(e) => { e.preventDefault(); void props.run(() => adminApi.setRole(props.user.id, unitId, role)); }}>
          <Select label={t.access.unit} value={unitId} onChange={setUnitId}>
            {administrable.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </Select>
          <Select label={t.access.role} value={role} onChange={(v) => setRole(v as RoleName)}>
            {ROLE_NAMES.map((r) => <option key={r} value={r}>{t.access.roles[r]}</option>)}
          </Select>
          <button type="submit" className="button">{t.access.setRole}</button>
        </form>
      )}
    </div>
  );
}

function UnitsPanel() {
  const t = useT();
  const { data, error, run } = useAdminData(adminApi.units);
  const [draft, setDraft] = useState({ name: '', parentId: '', layerId: '' });
  const [layerName, setLayerName] = useState('');
  if (!data) return <><Failure error={error} /><p>{t.loading}</p></>;
  const { units, layers } = data;
  const depth = (u: AdminUnit): number => (u.parentId ? 1 + depth(units.find((p) => p.id === u.parentId) ?? { ...u, parentId: null }) : 0);
  const ordered = treeOrder(units);
  return (
    <section>
      <Failure error={error} />
      <table className="admin__table">
        <thead><tr><th>{t.access.unit}</th><th>{t.access.layer}</th><th>{t.access.parentUnit}</th></tr></thead>
        <tbody>
          {ordered.map((unit) => (
            <UnitRow key={unit.id} unit={unit} depth={depth(unit)} units={units} layers={layers} run={run} />
          ))}
        </tbody>
      </table>
      <h2>{t.access.newUnit}</h2>
      <form className="admin__form" onSubmit={(e) => { e.preventDefault(); void run(() => adminApi.createUnit(draft)).then(() => setDraft({ ...draft, name: '' })); }}>
        <LabeledInput label={t.access.displayName} value={draft.name} required onChange={(v) => setDraft({ ...draft, name: v })} />
        <Select label={t.access.parentUnit} value={draft.parentId} onChange={(v) => setDraft({ ...draft, parentId: v })}>
          <option value="" disabled>—</option>
          {units.filter((u) => u.administrable).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </Select>
        <Select label={t.access.layer} value={draft.layerId} onChange={(v) => setDraft({ ...draft, layerId: v })}>
          <option value="" disabled>—</option>
          {layers.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        </Select>
        <button type="submit" className="button button--primary">{t.access.create}</button>
      </form>
      <h2>{t.access.layers}</h2>
      <ul>
        {layers.map((l) => <LayerRow key={l.id} layer={l} run={run} />)}
      </ul>
      <form className="admin__inline" onSubmit={(e) => { e.preventDefault(); void run(() => adminApi.createLayer({ name: layerName, kind: '' })).then(() => setLayerName('')); }}>
        <LabeledInput label={t.access.newLayer} value={layerName} required onChange={setLayerName} />
        <button type="submit" className="button">{t.access.create}</button>
      </form>
    </section>
  );
}

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

function UnitRow(props: { unit: AdminUnit; depth: number; units: AdminUnit[]; layers: AdminLayer[]; run: (a: () => Promise<unknown>) => Promise<void> }) {
  const t = useT();
  const { unit } = props;
  const [name, setName] = useState(unit.name);
  const layer = props.layers.find((l) => l.id === unit.layerId)?.name ?? unit.layerId;
  if (!unit.administrable) {
    return <tr><td style={{ paddingLeft: `${props.depth * 1.25}rem` }}>{unit.name}</td><td>{layer}</td><td /></tr>;
  }
  return (
    <tr>
      <td style={{ paddingLeft: `${props.depth * 1.25}rem` }}>
        <form className="admin__inline" onSubmit={(e) => { e.preventDefault(); void props.run(() => adminApi.updateUnit(unit.id, { name })); }}>
          <input aria-label={`${t.access.rename}: ${unit.name}`} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button button--quiet">{t.access.rename}</button>
        </form>
      </td>
      <td>{layer}</td>
      <td>
        {unit.parentId && (
          <select aria-label={`${t.access.move}: ${unit.name}`} value={unit.parentId}
            onChange={(e) => void props.run(() => adminApi.updateUnit(unit.id, { parentId: e.target.value }))}>
            {props.units.filter((u) => u.administrable && u.id !== unit.id).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        )}
      </td>
    </tr>
  );
}

function LayerRow({ layer, run }: { layer: AdminLayer; run: (a: () => Promise<unknown>) => Promise<void> }) {
  const t = useT();
  const [name, setName] = useState(layer.name);
  return (
    <li>
      <form className="admin__inline" onSubmit={(e) => { e.preventDefault(); void run(() => adminApi.renameLayer(layer.id, name)); }}>
        <input aria-label={`${t.access.rename}: ${layer.name}`} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button button--quiet">{t.access.rename}</button>
      </form>
    </li>
  );
}

const loadDevices = () => Promise.all([adminApi.devices(), adminApi.boards()]).then(([d, b]) => ({ devices: d.devices, boards: b.boards }));

function DevicesPanel() {
  const t = useT();
  const { data, error, run } = useAdminData(loadDevices);
  const [draft, setDraft] = useState<{ boardId: string; name: string; mode: 'read' | 'touch' }>({ boardId: '', name: '', mode: 'touch' });
  const [created, setCreated] = useState<{ code: string; link: string } | null>(null);
  if (!data) return <><Failure error={error} /><p>{t.loading}</p></>;
  const boardName = (id: string) => data.boards.find((b) => b.id === id)?.name ?? id;
  const state = (d: AdminDevice) => (d.revokedAt ? t.access.revoked : d.enrolledAt ? t.access.enrolled : t.access.notEnrolled);
  return (
    <section>
      <Failure error={error} />
      <form className="admin__form" onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const result = await adminApi.createDevice(draft);
          setCreated({ code: result.code, link: `${window.location.origin}${result.link}` });
        });
      }}>
        <Select label={t.access.board} value={draft.boardId} onChange={(v) => setDraft({ ...draft, boardId: v })}>
          <option value="" disabled>—</option>
          {data.boards.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
        </Select>
        <LabeledInput label={t.access.deviceName} value={draft.name} required onChange={(v) => setDraft({ ...draft, name: v })} />
        <Select label={t.access.deviceMode} value={draft.mode} onChange={(v) => setDraft({ ...draft, mode: v as 'read' | 'touch' })}>
          <option value="touch">{t.access.modeTouch}</option>
          <option value="read">{t.access.modeRead}</option>
        </Select>
        <button type="submit" className="button button--primary">{t.access.enrolDevice}</button>
      </form>
      {created && (
        <div className="admin__code" role="status">
          <p>{t.access.enrolCodeShown(created.code)}</p>
          <p>{t.access.enrolLink}: <code>{created.link}</code></p>
        </div>
      )}
      <table className="admin__table">
        <thead><tr><th>{t.access.deviceName}</th><th>{t.access.board}</th><th>{t.access.deviceMode}</th><th>{t.access.lastSeen}</th><th /></tr></thead>
        <tbody>
          {data.devices.map((d) => (
            <tr key={d.id}>
              <td>{d.name} <span className="muted">({state(d)})</span></td>
              <td>{boardName(d.boardId)}</td>
              <td>{d.mode === 'touch' ? t.access.modeTouch : t.access.modeRead}</td>
              <td>{d.lastSeenAt ?? '—'}</td>
              <td>
                {!d.revokedAt && (
                  <button type="button" className="button" aria-label={`${t.access.revoke}: ${d.name}`} onClick={() => void run(() => adminApi.revokeDevice(d.id))}>
                    {t.access.revoke}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const loadAuditChoices = () => Promise.all([adminApi.boards(), adminApi.users()]).then(([b, u]) => ({ boards: b.boards, users: u.users }));

function AuditPanel() {
  const t = useT();
  const { data, error } = useAdminData(loadAuditChoices);
  const [query, setQuery] = useState<{ boardId?: string; actor?: string }>({});
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  useEffect(() => {
    if (!query.boardId && !query.actor) return;
    adminApi.audit(query).then((r) => setEntries(r.entries), () => setEntries([]));
  }, [query]);
  if (!data) return <><Failure error={error} /><p>{t.loading}</p></>;
  return (
    <section>
      <div className="admin__inline">
        <Select label={t.access.auditByBoard} value={query.boardId ?? ''} onChange={(v) => setQuery({ boardId: v })}>
          <option value="">—</option>
          {data.boards.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
        </Select>
        <Select label={t.access.auditByUser} value={query.actor ?? ''} onChange={(v) => setQuery({ actor: v })}>
          <option value="">—</option>
          {data.users.map((u) => <option key={u.id} value={`user:${u.id}`}>{u.displayName}</option>)}
        </Select>
        {(query.boardId || query.actor) && (
          <>
            <a className="button" href={adminApi.auditExportUrl(query, 'csv')} download>{t.access.exportCsv}</a>
            <a className="button" href={adminApi.auditExportUrl(query, 'json')} download>{t.access.exportJson}</a>
          </>
        )}
      </div>
      {entries && entries.length === 0 && <p>{t.access.noEntries}</p>}
      {entries && entries.length > 0 && (
        <table className="admin__table">
          <thead><tr><th>{t.access.when}</th><th>{t.access.who}</th><th>{t.access.what}</th></tr></thead>
          <tbody>
            {entries.map((e) => (
              <tr key={`${e.source}-${e.boardId ?? ''}-${e.seq ?? e.subject}-${e.at}`}>
                <td>{e.at}</td>
                <td>{e.actorName}</td>
                <td>{e.type}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const loadBoardsData = () =>
  Promise.all([adminApi.templates(), adminApi.units(), adminApi.indicators()]).then(([tp, u, i]) => ({
    templates: tp.templates,
    units: u.units,
    indicators: i.indicators,
  }));

/** New boards for a unit, from a template (its columns and mandatory indicators) or the usual three columns. */
function BoardsPanel() {
  const t = useT();
  const { data, error, run } = useAdminData(loadBoardsData);
  const [board, setBoard] = useState({ unitId: '', name: '', templateId: '' });
  const [created, setCreated] = useState<string | null>(null);
  const [template, setTemplate] = useState({ name: '', columns: 'Nye forslag\nI gang\nAfsluttet', indicators: [] as string[] });
  if (!data) return <><Failure error={error} /><p>{t.loading}</p></>;
  return (
    <section>
      <Failure error={error} />
      <h2>{t.access.newBoard}</h2>
      <form className="admin__form" onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const { id } = await adminApi.createBoard({ unitId: board.unitId, name: board.name, templateId: board.templateId || null });
          setCreated(id);
        });
      }}>
        <Select label={t.access.unit} value={board.unitId} onChange={(v) => setBoard({ ...board, unitId: v })}>
          <option value="" disabled>—</option>
          {data.units.filter((u) => u.administrable).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </Select>
        <LabeledInput label={t.access.boardName} value={board.name} required onChange={(v) => setBoard({ ...board, name: v })} />
        <Select label={t.access.template} value={board.templateId} onChange={(v) => setBoard({ ...board, templateId: v })}>
          <option value="">{t.access.noTemplate}</option>
          {data.templates.map((tp) => <option key={tp.id} value={tp.id}>{tp.name}</option>)}
        </Select>
        <button type="submit" className="button button--primary">{t.access.create}</button>
      </form>
      {created && <p role="status">{t.access.boardCreated} <a href={`/boards/${encodeURIComponent(created)}`}>{board.name}</a></p>}
      <h2>{t.access.templates}</h2>
      <ul>
        {data.templates.map((tp) => (
          <li key={tp.id}>
            <strong>{tp.name}</strong>: {tp.columns.join(' · ')}
            {tp.indicators.length > 0 && <> — {tp.indicators.map((id) => data.indicators.find((i) => i.id === id)?.name ?? id).join(', ')}</>}
          </li>
        ))}
      </ul>
      <h3>{t.access.newTemplate}</h3>
      <form className="admin__form" onSubmit={(e) => {
        e.preventDefault();
        const columns = template.columns.split('\n').map((c) => c.trim()).filter(Boolean);
        void run(() => adminApi.createTemplate({ name: template.name, columns, indicators: template.indicators }));
      }}>
        <LabeledInput label={t.access.displayName} value={template.name} required onChange={(v) => setTemplate({ ...template, name: v })} />
        <label className="admin__field">
          <span>{t.access.templateColumns}</span>
          <textarea rows={4} value={template.columns} title={t.access.templateColumnsHint} onChange={(e) => setTemplate({ ...template, columns: e.target.value })} />
        </label>
        <fieldset className="admin__field">
          <legend>{t.access.templateIndicators}</legend>
          {data.indicators.map((i) => (
            <label key={i.id}>
              <input type="checkbox" checked={template.indicators.includes(i.id)} onChange={(e) =>
                setTemplate({ ...template, indicators: e.target.checked ? [...template.indicators, i.id] : template.indicators.filter((x) => x !== i.id) })} />{' '}
              {i.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">{t.access.create}</button>
      </form>
    </section>
  );
}

const loadIndicators = () => Promise.all([adminApi.indicators(), adminApi.units()]).then(([i, u]) => ({ indicators: i.indicators, units: u.units }));

/** Indicator definitions of the units one administers; targets are set on the indicator page. */
function IndicatorsPanel() {
  const t = useT();
  const { data, error, run } = useAdminData(loadIndicators);
  const empty = { unitId: '', name: '', unitLabel: '', direction: 'higher', frequency: 'monthly', kind: 'hard', decimals: 0, minRespondents: null } as const;
  const [draft, setDraft] = useState<Omit<AdminIndicator, 'id'>>({ ...empty });
  if (!data) return <><Failure error={error} /><p>{t.loading}</p></>;
  const unitName = (id: string) => data.units.find((u) => u.id === id)?.name ?? id;
  return (
    <section>
      <Failure error={error} />
      <p className="muted">{t.access.targetsHint}</p>
      <table className="admin__table">
        <thead><tr><th>{t.access.indicatorName}</th><th>{t.access.unit}</th><th>{t.access.direction}</th><th>{t.access.frequency}</th></tr></thead>
        <tbody>
          {data.indicators.map((i) => (
            <tr key={i.id}>
              <td><a href={`/indicators/${encodeURIComponent(i.id)}`}>{i.name}</a>{i.unitLabel && <span className="muted"> ({i.unitLabel})</span>}</td>
              <td>{unitName(i.unitId)}</td>
              <td>{t.direction[i.direction]}</td>
              <td>{t.access.frequencies[i.frequency]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t.access.newIndicator}</h2>
      <form className="admin__form" onSubmit={(e) => { e.preventDefault(); void run(() => adminApi.createIndicator(draft)).then(() => setDraft({ ...empty })); }}>
        <Select label={t.access.unit} value={draft.unitId} onChange={(v) => setDraft({ ...draft, unitId: v })}>
          <option value="" disabled>—</option>
          {data.units.filter((u) => u.administrable).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </Select>
        <LabeledInput label={t.access.indicatorName} value={draft.name} required onChange={(v) => setDraft({ ...draft, name: v })} />
        <LabeledInput label={t.access.unitLabel} value={draft.unitLabel} onChange={(v) => setDraft({ ...draft, unitLabel: v })} />
        <Select label={t.access.direction} value={draft.direction} onChange={(v) => setDraft({ ...draft, direction: v as AdminIndicator['direction'] })}>
          {DIRECTIONS.map((d) => <option key={d} value={d}>{t.direction[d]}</option>)}
        </Select>
        <Select label={t.access.frequency} value={draft.frequency} onChange={(v) => setDraft({ ...draft, frequency: v as AdminIndicator['frequency'] })}>
          {FREQUENCIES.map((f) => <option key={f} value={f}>{t.access.frequencies[f]}</option>)}
        </Select>
        <Select label={t.access.kindHard} value={draft.kind} onChange={(v) => setDraft({ ...draft, kind: v as AdminIndicator['kind'] })}>
          <option value="hard">{t.access.kindHard}</option>
          <option value="soft">{t.access.kindSoft}</option>
        </Select>
        <LabeledInput label={t.access.decimals} type="number" value={String(draft.decimals)} onChange={(v) => setDraft({ ...draft, decimals: Math.max(0, Math.min(4, Number(v) || 0)) })} />
        {draft.kind === 'soft' && (
          <LabeledInput label={t.access.minRespondents} type="number" value={String(draft.minRespondents ?? '')}
            onChange={(v) => setDraft({ ...draft, minRespondents: v === '' ? null : Math.max(0, Number(v) || 0) })} />
        )}
        <button type="submit" className="button button--primary">{t.access.create}</button>
      </form>
    </section>
  );
}
