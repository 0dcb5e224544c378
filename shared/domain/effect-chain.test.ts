import { describe, expect, it } from 'vitest';
import { chainBreak, chainProblem } from './effect-chain';

describe('effect chains', () => {
  it('read from indsats to the effekt for the citizen, never backwards', () => {
    expect(chainProblem(['indsats', 'resultat', 'effekt'])).toBeNull();
    expect(chainProblem(['indsats', 'indsats', 'resultat', 'effekt'])).toBeNull();
    expect(chainProblem(['resultat', 'indsats', 'effekt'])).toBe('order');
    expect(chainProblem(['indsats', 'resultat'])).toBe('no-effect');
    expect(chainProblem([])).toBeNull();
  });

  it('break at the first red step; steps without data do not break them', () => {
    expect(chainBreak(['green', 'green', 'red'])).toBe(2);
    expect(chainBreak(['green', 'red', 'red'])).toBe(1);
    expect(chainBreak(['none', 'amber', 'green'])).toBeNull();
  });
});
