import { describe, expect, it } from 'vitest';
import { crowdedOwners, emptySmartFields } from './goal-hints';

describe('goal hints', () => {
  it('names the SMART fields left empty', () => {
    expect(emptySmartFields({ measure: ' ', why: 'fordi', realism: '', deadline: '', indicatorId: 'i' })).toEqual(['measure', 'realism', 'deadline']);
  });

  it('warns when an owner would hold more than seven goals; editing one does not count it twice', () => {
    const goals = Array.from({ length: 7 }, (_, i) => ({ id: `g${i}`, ownerIds: ['psyk'] }));
    expect(crowdedOwners(['psyk', 'k-nord'], goals, null)).toEqual(['psyk']);
    expect(crowdedOwners(['psyk'], goals, 'g3')).toEqual([]);
  });
});
