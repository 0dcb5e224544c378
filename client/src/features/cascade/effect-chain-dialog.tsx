import { type FormEvent, useEffect, useRef, useState } from 'react';
import { chainProblem } from '../../../../shared/domain/effect-chain';
import { EFFECT_STEP_KINDS, type EffectChain, type EffectChainInput, type EffectStepKind } from '../../../../shared/maalstyring';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { Select } from '../../components/select';
import { useBusinessCaseTexts } from './business-case-texts';
import { cascadeApi } from './cascade-api';

interface Draft {
  /** Stable while the step is moved, so React keeps its fields (and focus) with it. */
  key: string;
  kind: EffectStepKind;
  title: string;
  /** '' for no indicator. */
  indicatorId: string;
  /** The unit the step is followed at, kept only while its indicator is unchanged (else the server picks the owner's). */
  unitId: string | null;
  savedIndicatorId: string | null;
}

interface Props {
  goal: { id: string; title: string; indicatorId: string | null; alsoIndicatorIds: readonly string[] };
  /** The goal's chain as it stands; a new one when absent. */
  chain?: EffectChain | undefined;
  /** Every indicator one may pick, by name. */
  indicators: readonly { id: string; name: string }[];
  onDone: (saved: boolean) => void;
}

/** The kind a new step most likely has: the one after the last step's (a chain reads indsats → resultat → effekt). */
const nextKind = (steps: readonly Draft[]): EffectStepKind => {
  const last = steps.at(-1)?.kind;
  return last === undefined ? 'indsats' : EFFECT_STEP_KINDS[Math.min(EFFECT_STEP_KINDS.indexOf(last) + 1, EFFECT_STEP_KINDS.length - 1)]!;
};

type FocusTarget = { key: string; what: 'title' | 'up' | 'down' } | { key: null; what: 'add' } | null;

/**
 * Writes a goal's effect chain: steps added, removed and reordered with buttons (no drag needed, so the keyboard and
 * a screen reader do all of it), each with its kind, what it is, and an indicator picked by name. The order rule is
 * the server's (shared/domain/effect-chain), said at the form before anything is sent.
 */
export function EffectChainDialog({ goal, chain, indicators, onDone }: Props) {
  const b = useBusinessCaseTexts();
  const counter = useRef(0);
  const newKey = () => `step-${(counter.current += 1)}`;
  const [steps, setSteps] = useState<Draft[]>(() =>
    (chain?.steps ?? []).map((s, i) => ({
      key: `saved-${i}`, kind: s.kind, title: s.title, indicatorId: s.indicatorId ?? '', unitId: s.unitId, savedIndicatorId: s.indicatorId,
    })),
  );
  const [untitled, setUntitled] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [focus, setFocus] = useState<FocusTarget>(null);
  const form = useRef<HTMLFormElement>(null);

  // Focus follows the step that moved (or the next one after a removal), so a keyboard user keeps their place.
  useEffect(() => {
    if (!focus || !form.current) return;
    const selector = focus.key === null ? '[data-step-add]' : `[data-step="${focus.key}"] [data-focus="${focus.what}"]`;
    const el = form.current.querySelector<HTMLElement>(selector);
    (el && !(el as HTMLButtonElement).disabled ? el : form.current.querySelector<HTMLElement>(`[data-step="${focus.key}"] [data-focus="title"]`))?.focus();
    setFocus(null);
  }, [focus]);

  const own = [goal.indicatorId, ...goal.alsoIndicatorIds].filter((id): id is string => id !== null);
  const byName = [...indicators].sort((x, y) => x.name.localeCompare(y.name, 'da'));
  const options = [
    { value: '', label: b.noIndicator },
    ...byName.filter((i) => own.includes(i.id)).map((i) => ({ value: i.id, label: i.name })),
    ...byName.filter((i) => !own.includes(i.id)).map((i) => ({ value: i.id, label: i.name })),
  ];
  const kinds = EFFECT_STEP_KINDS.map((k) => ({ value: k, label: b.stepKinds[k] ?? k }));

  const change = (key: string, patch: Partial<Draft>) => setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const add = () => {
    const key = newKey();
    setSteps((all) => [...all, { key, kind: nextKind(all), title: '', indicatorId: '', unitId: null, savedIndicatorId: null }]);
    setFocus({ key, what: 'title' });
  };
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    const step = steps[index];
    if (!step || to < 0 || to >= steps.length) return;
    const next = [...steps];
    next.splice(index, 1);
    next.splice(to, 0, step);
    setSteps(next);
    setSaid(b.stepMoved(to + 1));
    setFocus({ key: step.key, what: by < 0 ? 'up' : 'down' });
  };
  const remove = (index: number) => {
    const after = steps[index + 1] ?? steps[index - 1];
    setSteps((all) => all.filter((_, i) => i !== index));
    setSaid(b.stepRemoved);
    setFocus(after ? { key: after.key, what: 'title' } : { key: null, what: 'add' });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = new Set(steps.filter((s) => !s.title.trim()).map((s) => s.key));
    setUntitled(missing);
    if (missing.size > 0) {
      setFocus({ key: [...missing][0]!, what: 'title' });
      return;
    }
    const problem = chainProblem(steps.map((s) => s.kind));
    if (problem) {
      setError(problem === 'order' ? b.chainOrder : b.chainNoEffect);
      return;
    }
    const body: EffectChainInput = {
      steps: steps.map((s) => ({
        kind: s.kind,
        title: s.title.trim(),
        indicatorId: s.indicatorId || null,
        unitId: s.indicatorId && s.indicatorId === s.savedIndicatorId ? s.unitId : null,
      })),
    };
    try {
      await cascadeApi.saveEffectChain(goal.id, body);
      onDone(true);
    } catch (err) {
      setError(b.saveFailed(err instanceof Error ? err.message : String(err)));
    }
  };

  return (
    <Dialog title={b.chainDialog(goal.title)} description={b.chainDescription} onClose={() => onDone(false)} size="lg">
      <form ref={form} className="form-grid business-case-form effect-chain-form" onSubmit={submit} noValidate>
        {steps.length === 0 ? (
          <p className="muted">{b.noSteps}</p>
        ) : (
          <ol className="effect-chain-form__steps" aria-label={b.chainSteps}>
            {steps.map((s, i) => (
              <li key={s.key} data-step={s.key}>
                <fieldset className="effect-chain-form__step">
                  <legend>{b.stepLegend(i + 1)}</legend>
                  <Select label={b.stepKind} value={s.kind} options={kinds} onChange={(v) => change(s.key, { kind: v as EffectStepKind })} />
                  <Field label={b.stepTitle} error={untitled.has(s.key) ? b.needTitle : null}>
                    {({ id, describedBy, invalid }) => (
                      <input id={id} data-focus="title" required maxLength={300} aria-describedby={describedBy} aria-invalid={invalid || undefined}
                        value={s.title} onChange={(e) => change(s.key, { title: e.target.value })} />
                    )}
                  </Field>
                  <Select label={b.stepIndicator} value={s.indicatorId} options={options} onChange={(v) => change(s.key, { indicatorId: v })} />
                  <div className="effect-chain-form__moves">
                    <Button size="sm" data-focus="up" disabled={i === 0} onClick={() => move(i, -1)}>
                      {b.up}<span className="visually-hidden">{b.ofStep(i + 1)}</span>
                    </Button>
                    <Button size="sm" data-focus="down" disabled={i === steps.length - 1} onClick={() => move(i, 1)}>
                      {b.down}<span className="visually-hidden">{b.ofStep(i + 1)}</span>
                    </Button>
                    <Button size="sm" variant="quiet" onClick={() => remove(i)}>
                      {b.remove}<span className="visually-hidden">{b.ofStep(i + 1)}</span>
                    </Button>
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
        )}
        <div>
          <Button size="sm" data-step-add disabled={steps.length >= 8} onClick={add}>{b.addStep}</Button>
        </div>
        <p className="visually-hidden" aria-live="polite">{said}</p>
        {error && <p role="alert" className="field__error">{error}</p>}
        <div className="form-actions">
          <Button type="submit" variant="primary">{b.save}</Button>
          <Button onClick={() => onDone(false)}>{b.cancel}</Button>
        </div>
      </form>
    </Dialog>
  );
}
