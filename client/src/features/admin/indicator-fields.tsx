import { DIRECTIONS, FREQUENCIES, INDICATOR_TYPES } from '../../../../shared/constants';
import type { AdminIndicator } from '../../../../shared/auth';
import { useT } from '../../lib/i18n-context';
import { LabeledInput, SelectField } from './admin-fields';

export type IndicatorDraft = Omit<AdminIndicator, 'id' | 'unitId'>;

export const EMPTY_INDICATOR: IndicatorDraft = {
  name: '', unitLabel: '', direction: 'higher', frequency: 'monthly', kind: 'hard', type: 'resultat', decimals: 0, minRespondents: null,
};

/** The fields of an indicator definition, for a new one and for editing one (whose unit stays). */
export function IndicatorFields({ draft, onChange }: { draft: IndicatorDraft; onChange: (d: IndicatorDraft) => void }) {
  const t = useT();
  return (
    <>
      <LabeledInput label={t.access.indicatorName} value={draft.name} required onChange={(v) => onChange({ ...draft, name: v })} />
      <LabeledInput label={t.access.unitLabel} value={draft.unitLabel} onChange={(v) => onChange({ ...draft, unitLabel: v })} />
      <SelectField label={t.access.direction} value={draft.direction} onChange={(v) => onChange({ ...draft, direction: v as IndicatorDraft['direction'] })}>
        {DIRECTIONS.map((d) => <option key={d} value={d}>{t.direction[d]}</option>)}
      </SelectField>
      <SelectField label={t.access.frequency} value={draft.frequency} onChange={(v) => onChange({ ...draft, frequency: v as IndicatorDraft['frequency'] })}>
        {FREQUENCIES.map((f) => <option key={f} value={f}>{t.access.frequencies[f]}</option>)}
      </SelectField>
      <SelectField label={t.access.kindHard} value={draft.kind} onChange={(v) => onChange({ ...draft, kind: v as IndicatorDraft['kind'] })}>
        <option value="hard">{t.access.kindHard}</option>
        <option value="soft">{t.access.kindSoft}</option>
      </SelectField>
      <SelectField label={t.indicatorType} value={draft.type} onChange={(v) => onChange({ ...draft, type: v as IndicatorDraft['type'] })}>
        {INDICATOR_TYPES.map((k) => <option key={k} value={k}>{t.indicatorTypes[k]}</option>)}
      </SelectField>
      <LabeledInput label={t.access.decimals} type="number" value={String(draft.decimals)}
        onChange={(v) => onChange({ ...draft, decimals: Math.max(0, Math.min(4, Number(v) || 0)) })} />
      {draft.kind === 'soft' && (
        <LabeledInput label={t.access.minRespondents} type="number" value={String(draft.minRespondents ?? '')}
          onChange={(v) => onChange({ ...draft, minRespondents: v === '' ? null : Math.max(0, Number(v) || 0) })} />
      )}
    </>
  );
}
