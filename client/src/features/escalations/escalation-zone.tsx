import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LIMITS } from '../../../../shared/constants';
import type { Escalation } from '../../../../shared/schemas';
import { TextPrompt } from '../../components/text-prompt';
import { useAppStore } from '../../app/store/store-context';
import { formatValue } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { useCanFacilitate } from '../board';
import { splitEscalations } from './escalation-model';
import './escalations.css';
import { EscalationBadge, EscalationChain } from './escalation-summary';

type Prompt = { kind: 'answer' | 'return' | 'forward'; escalation: Escalation };

/** The board's escalation zone: what it received (to answer, return or pass on) and what went up from it. */
export function EscalationZone() {
  const { t } = useI18n();
  const m = t.meetings;
  const boardId = useAppStore((s) => s.view?.board.id ?? '');
  const escalations = useAppStore(useShallow((s) => Object.values(s.view?.escalations ?? {})));
  const issue = useAppStore((s) => s.issue);
  const hasBoardAbove = useAppStore((s) => Boolean(s.view?.board.unit.parentId));
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  // Answering, returning and passing on are the facilitator's: others see what arrived, without the buttons.
  const canFacilitate = useCanFacilitate();
  if (escalations.length === 0) return null;
  const { received, others } = splitEscalations(escalations, boardId);

  function submit(p: Prompt, text: string) {
    const escalationId = p.escalation.id;
    if (p.kind === 'answer') issue('escalation:answer', { escalationId, decision: text });
    else if (p.kind === 'return') issue('escalation:return', { escalationId, reason: text });
    else issue('escalation:forward', { escalationId, reason: text });
  }

  return (
    <section className="board-section escalations" aria-labelledby="escalations-title">
      <h2 id="escalations-title" className="board-section__title">{m.escalations}</h2>
      <div className="escalations__groups">
        <div>
          <h3 className="escalations__group">{m.escalationsReceived}</h3>
          {received.length === 0 ? <p className="muted">{m.noEscalations}</p> : (
            <ul className="escalation-list" aria-label={m.escalationsReceived}>
              {received.map((e) => (
                <li key={e.id} className="escalation" aria-label={e.cardTitle}>
                  <EscalationDetails escalation={e} />
                  {canFacilitate && <div className="escalation__actions">
                    <button type="button" className="button button--primary" onClick={() => setPrompt({ kind: 'answer', escalation: e })}>{m.answer}</button>
                    <button type="button" className="button" onClick={() => setPrompt({ kind: 'return', escalation: e })}>{m.sendBack}</button>
                    {hasBoardAbove && (
                      <button type="button" className="button" onClick={() => setPrompt({ kind: 'forward', escalation: e })}>{m.escalateFurther}</button>
                    )}
                  </div>}
                </li>
              ))}
            </ul>
          )}
        </div>
        {others.length > 0 && (
          <div>
            <h3 className="escalations__group">{m.escalationsSent}</h3>
            <ul className="escalation-list" aria-label={m.escalationsSent}>
              {others.map((e) => (
                <li key={e.id} className="escalation" aria-label={e.cardTitle}>
                  <EscalationDetails escalation={e} />
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {prompt && (
        <TextPrompt
          title={prompt.kind === 'answer' ? m.answerTitle(prompt.escalation.cardTitle) : prompt.kind === 'return' ? m.sendBackTitle(prompt.escalation.cardTitle) : m.escalateFurther}
          label={prompt.kind === 'answer' ? m.decision : m.reason}
          submitLabel={prompt.kind === 'answer' ? m.answer : prompt.kind === 'return' ? m.sendBack : m.escalate}
          cancelLabel={t.cancel}
          requiredMessage={t.required}
          maxLength={LIMITS.note}
          onSubmit={(text) => submit(prompt, text)}
          onClose={() => setPrompt(null)}
        />
      )}
    </section>
  );
}

function EscalationDetails({ escalation: e }: { escalation: Escalation }) {
  const { lang, t } = useI18n();
  return (
    <>
      <p className="escalation__title">{e.cardTitle}</p>
      <p className="muted">{t.meetings.escalatedFrom(e.originBoardName)} · {t.meetings.reason}: {e.reason}</p>
      <EscalationBadge escalation={e} />
      {e.context.length > 0 && (
        <p className="escalation__context">
          {t.meetings.context}:{' '}
          {e.context.map((c) => `${c.name} ${c.value === null ? '–' : formatValue(c.value, c.decimals ?? 1, c.unitLabel, lang)} (${t.status[c.status]})`).join(', ')}
        </p>
      )}
      <EscalationChain escalation={e} />
    </>
  );
}

