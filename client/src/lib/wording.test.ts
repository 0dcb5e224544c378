import { describe, expect, it } from 'vitest';
import { da } from './i18n';

/** Every text of a dictionary, templates included (a function's source holds its template literal). */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return [value.toString()];
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

describe('Danish wording (issue 18, checked against the style guide)', () => {
  const all = texts(da);

  it('uses the agreed words', () => {
    for (const word of ['Mødehyppighed', 'Behandl punktet', 'Konklusion']) {
      expect(all.some((t) => t.includes(word)), word).toBe(true);
    }
  });

  it('no longer uses the words they replaced', () => {
    expect(all.filter((t) => /Mødekadence|Tag punktet|top-2|top 2/i.test(t))).toEqual([]);
  });
});
