import type { GoalListResponse } from '../../../../shared/cascade';
import { crowdedOwners, emptySmartFields, type GoalDraft, MAX_GOALS_PER_UNIT } from '../../../../shared/domain/goal-hints';
import { useI18n } from '../../lib/i18n-context';

const TEXTS = {
  da: {
    smart: 'SMART: udfyld også',
    fields: { measure: 'hvordan det måles', why: 'hvorfor', realism: 'hvorfor det er realistisk', deadline: 'tidsfrist', indicator: 'indikator' },
    crowded: (names: string) => `${names} ville eje mere end ${MAX_GOALS_PER_UNIT} mål – få, konkrete mål kan følges; overvej at samle eller prioritere.`,
  },
  en: {
    smart: 'SMART: also fill in',
    fields: { measure: 'how it is measured', why: 'why', realism: 'why it is realistic', deadline: 'deadline', indicator: 'indicator' },
    crowded: (names: string) => `${names} would own more than ${MAX_GOALS_PER_UNIT} goals – few, concrete goals can be followed; consider merging or prioritising.`,
  },
};

/** Gentle hints while writing a goal: SMART fields still empty, and an owner with more goals than it can follow. */
export function GoalHints({ draft, ownerIds, data, editingId }: { draft: GoalDraft; ownerIds: string[]; data: GoalListResponse; editingId: string | null }) {
  const h = TEXTS[useI18n().lang];
  const empty = emptySmartFields(draft);
  const crowded = crowdedOwners(ownerIds, data.goals, editingId);
  const names = crowded.map((id) => data.units.find((u) => u.id === id)?.name ?? id).join(', ');
  if (empty.length === 0 && crowded.length === 0) return null;
  return (
    <div className="goal-hints" role="note">
      {empty.length > 0 && <p className="muted">{h.smart}: {empty.map((f) => h.fields[f]).join(', ')}.</p>}
      {crowded.length > 0 && <p><strong>{h.crowded(names)}</strong></p>}
    </div>
  );
}
