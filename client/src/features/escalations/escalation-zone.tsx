import { type ReactNode, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LIMITS } from '../../../../shared/constants';
import type { Escalation } from '../../../../shared/schemas';
import { TextPrompt } from '../../components/text-prompt';
import { useAppStore } from '../../app/store/store-context';
import { formatValue } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { useCanFacilitate } from '../board';
import { groupEscalations } from './escalation-model';
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
  const { received, answered, sent } = groupEscalations(escalations, boardId);
  if (received.length + answered.length + sent.length === 0) return null;

  function submit(p: Prompt, text: string) {
    const escalationId = p.escalation.id;
    if (p.kind === 'answer') issue('escalation:answer', { escalationId, decision: text });
    else if (p.kind === 'return') issue('escalation:return', { escalationId, reason: text });
    else issue('escalation:forward', { escalationId, reason: text });
  }

  // Only groups with something in them: a ward's board, which nothing is sent to, shows no empty "Modtaget".
  return (
    <section className="board-section escalations" aria-labelledby="escalations-title">
      <h2 id="escalations-title" className="board-section__title">{m.escalations}</h2>
      <div className="escalations__groups">
        {received.length > 0 && (
          <EscalationGroup title={m.escalationsReceived} escalations={received}>
            {(e) => canFacilitate && (
              <div className="escalation__actions">
                <button type="button" className="button button--primary" onClick={() => setPrompt({ kind: 'answer', escalation: e })}>{m.answer}</button>
                <button type="button" className="button" onClick={() => setPrompt({ kind: 'return', escalation: e })}>{m.sendBack}</button>
                {hasBoardAbove && (
                  <button type="button" className="button" onClick={() => setPrompt({ kind: 'forward', escalation: e })}>{m.escalateFurther}</button>
                )}
              </div>
            )}
          </EscalationGroup>
        )}
        {answered.length > 0 && (
          <EscalationGroup title={t.flows.escalationsAnswered} escalations={answered}>
            {(e) => canFacilitate && (
              <div className="escalation__actions">
                <button type="button" className="button button--primary" title={t.flows.acknowledgeHint}
                  onClick={() => issue('escalation:acknowledge', { escalationId: e.id })}>{t.flows.acknowledge}</button>
              </div>
            )}
          </EscalationGroup>
        )}
        {sent.length > 0 && <EscalationGroup title={m.escalationsSent} escalations={sent}>{() => null}</EscalationGroup>}
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

function EscalationGroup({ title, escalations, children }: {
  title: string;
  escalations: readonly Escalation[];
  children: (e: Escalation) => ReactNode;
}) {
  return (
    <div>
      <h3 className="escalations__group">{title}</h3>
      <ul className="escalation-list" aria-label={title}>
        {escalations.map((e) => (
          <li key={e.id} className="escalation" aria-label={e.cardTitle}>
            <EscalationDetails escalation={e} />
            {children(e)}
          </li>
        ))}
      </ul>
    </div>
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

