import './business-case.css';
import { type ReactNode, createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { GoalListResponse, GoalView, Initiative } from '../../../../shared/cascade';
import type { BusinessCase, EffectChain } from '../../../../shared/maalstyring';
import { Button } from '../../components/button';
import { BusinessCaseDialog, CloseBusinessCaseDialog } from './business-case-dialog';
import { BusinessCaseList } from './business-case-list';
import { useBusinessCaseTexts } from './business-case-texts';
import { cascadeApi } from './cascade-api';
import { EffectChainDialog } from './effect-chain-dialog';
import { EffectChainView } from './effect-chain-view';

interface GoalExtras {
  cases: BusinessCase[];
  chains: EffectChain[];
  reload: () => void;
}
const Extras = createContext<GoalExtras>({ cases: [], chains: [], reload: () => undefined });

/**
 * Loads every business case (with progress) and effect chain the reader may see once for the goals page, so each
 * goal shows its own without a request per goal. A failure leaves them empty: the goals still show.
 */
export function GoalExtrasProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ cases: BusinessCase[]; chains: EffectChain[] }>({ cases: [], chains: [] });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void Promise.all([cascadeApi.businessCases().catch(() => []), cascadeApi.effectChains().catch(() => [])]).then(
      ([cases, chains]) => !cancelled && setState({ cases, chains }),
    );
    return () => {
      cancelled = true;
    };
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return <Extras.Provider value={{ ...state, reload }}>{children}</Extras.Provider>;
}

type Open = { kind: 'new' } | { kind: 'chain' } | { kind: 'edit'; initiative: Initiative } | { kind: 'close'; initiative: Initiative } | null;

/** A goal's initiatives with their business cases (progress against baseline), its effect chain, and their dialogs. */
export function Initiatives({ goal, data, onChanged }: { goal: GoalView; data: GoalListResponse; onChanged: () => void }) {
  const b = useBusinessCaseTexts();
  const extras = useContext(Extras);
  const [open, setOpen] = useState<Open>(null);
  const initiatives = new Map(data.initiatives.filter((i) => i.goalId === goal.id).map((i) => [i.id, i]));
  const cases = extras.cases.filter((c) => c.goalId === goal.id && initiatives.has(c.initiativeId));
  const chain = extras.chains.find((c) => c.goalId === goal.id);
  const done = (saved: boolean) => {
    setOpen(null);
    if (saved) {
      extras.reload();
      onChanged();
    }
  };
  const reopen = (id: string) => void cascadeApi.setInitiativeDone(id, false).then(() => done(true), () => done(true));
  return (
    <div className="goal__initiatives">
      <h4>{b.businessCases}</h4>
      <BusinessCaseList
        cases={cases}
        headingLevel={4}
        actions={(c) => {
          const initiative = initiatives.get(c.initiativeId)!;
          return (
            <div className="goal__actions">
              <Button size="sm" onClick={() => setOpen({ kind: 'edit', initiative })}>
                {b.edit}<span className="visually-hidden">: {c.title}</span>
              </Button>
              {c.done ? (
                <Button size="sm" onClick={() => reopen(c.initiativeId)}>
                  {b.reopen}<span className="visually-hidden">: {c.title}</span>
                </Button>
              ) : (
                <Button size="sm" onClick={() => setOpen({ kind: 'close', initiative })}>
                  {b.close}<span className="visually-hidden">: {c.title}</span>
                </Button>
              )}
            </div>
          );
        }}
      />
      <Button size="sm" onClick={() => setOpen({ kind: 'new' })}>
        {b.newBusinessCase}<span className="visually-hidden">: {goal.title}</span>
      </Button>
      {chain && <EffectChainView chain={chain} headingLevel={4} />}
      <Button size="sm" onClick={() => setOpen({ kind: 'chain' })}>
        {chain ? b.editEffectChain : b.newEffectChain}<span className="visually-hidden">: {goal.title}</span>
      </Button>
      {open?.kind === 'chain' && <EffectChainDialog goal={goal} chain={chain} indicators={data.indicators} onDone={done} />}
      {(open?.kind === 'new' || open?.kind === 'edit') && (
        <BusinessCaseDialog goal={goal} indicators={data.indicators} initiative={open.kind === 'edit' ? open.initiative : undefined} onDone={done} />
      )}
      {open?.kind === 'close' && <CloseBusinessCaseDialog initiative={open.initiative} onDone={done} />}
    </div>
  );
}
