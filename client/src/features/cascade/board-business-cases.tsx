import './business-case.css';
import { useId } from 'react';
import { BusinessCaseList } from './business-case-list';
import { useBusinessCaseTexts } from './business-case-texts';
import { cascadeApi } from './cascade-api';
import { useLoad } from '../../lib/use-load';

/**
 * The open business cases moving this board's indicators, with progress against baseline: on the board until each
 * is closed with a conclusion (and on the board's meeting agenda likewise). Nothing is shown when there are none.
 */
export function BoardBusinessCases({ boardId }: { boardId: string }) {
  const b = useBusinessCaseTexts();
  const headingId = useId();
  const { state } = useLoad(() => cascadeApi.businessCases({ board: boardId }), [boardId]);
  if (state.status !== 'ready' || state.data.length === 0) return null;
  return (
    <section className="panel board-business-cases" aria-labelledby={headingId}>
      <h2 id={headingId}>{b.businessCases}</h2>
      <BusinessCaseList cases={state.data} />
    </section>
  );
}
export default BoardBusinessCases;
