import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('seeds the demo by default, so the quick start shows a demo organisation', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
  });

  it('does not seed the demo (public password) in production unless asked to', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('refuses a port that is not one', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be a port number/);
  });
});
