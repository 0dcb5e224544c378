import './business-case.css';
import { useId } from 'react';
import { Link } from 'wouter';
import type { EffectChain } from '../../../../shared/maalstyring';
import { formatValue } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { StatusPill } from '../../components/status-pill';
import { useBusinessCaseTexts } from './business-case-texts';
import { cascadeApi } from './cascade-api';
import { useLoad } from '../../lib/use-load';

/** The effect chains an indicator (at a unit) is a step of, on its page; nothing when it is in none. */
export function IndicatorEffectChains({ indicatorId, unitId }: { indicatorId: string; unitId: string }) {
  const b = useBusinessCaseTexts();
  const headingId = useId();
  const { state } = useLoad(() => cascadeApi.effectChains({ indicator: indicatorId, unit: unitId }), [indicatorId, unitId]);
  if (state.status !== 'ready' || state.data.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{b.effectChains}</h2>
      {state.data.map((c) => <EffectChainView key={c.goalId} chain={c} />)}
    </section>
  );
}

/**
 * An effect chain read left to right: indsats → resultat → effekt for borgeren, each step with its indicator and
 * status, and where the chain breaks (the first red step) said in words, not only in colour.
 */
export function EffectChainView({ chain, headingLevel = 3 }: { chain: EffectChain; headingLevel?: 3 | 4 }) {
  const b = useBusinessCaseTexts();
  const { lang, t } = useI18n();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const broken = chain.breaksAt === null ? null : chain.steps[chain.breaksAt];
  return (
    <section className="effect-chain" aria-label={b.effectChainOf(chain.goalTitle)}>
      <Heading className="effect-chain__title">{b.effectChain}: {chain.goalTitle}</Heading>
      <ol className="effect-chain__steps">
        {chain.steps.map((s, i) => (
          <li key={`${i}-${s.title}`} className={`effect-chain__step effect-chain__step--${s.status}${i === chain.breaksAt ? ' effect-chain__step--break' : ''}`}>
            <p className="effect-chain__kind">{b.stepKinds[s.kind]}</p>
            <p className="effect-chain__what">{s.title}</p>
            {s.indicatorId && s.unitId ? (
              <p className="effect-chain__indicator">
                <Link href={`/indicators/${encodeURIComponent(s.indicatorId)}?unit=${encodeURIComponent(s.unitId)}`}>{s.indicatorName}</Link>
                {s.unitName && <span className="muted"> · {s.unitName}</span>}
                {s.kindOfIndicator === 'soft' && <span className="muted"> · {b.soft}</span>}
              </p>
            ) : (
              <p className="muted">{b.noIndicatorOnStep}</p>
            )}
            <StatusPill
              status={s.status}
              text={`${t.statusText(s.status)}${s.latestValue !== null ? ` · ${formatValue(s.latestValue, s.decimals, s.unitLabel, lang)}` : ''}${s.signal ? ` · ${b.signal}` : ''}`}
            />
            {i === chain.breaksAt && <p className="effect-chain__break"><strong>{b.breaksHere}</strong></p>}
          </li>
        ))}
      </ol>
      <p className="effect-chain__verdict">{broken ? b.breaks(broken.title) : b.holds}</p>
    </section>
  );
}
