import { beforeEach } from 'vitest';
import { LONG, SEED } from './run-config';

// Every failing reliability test prints the seed that reproduces it, whatever assertion failed.
beforeEach(({ onTestFailed, task }) => {
  onTestFailed(() => {
    console.error(
      `\n[reliability] "${task.name}" failed — reproduce with RELIABILITY_SEED=${SEED}${LONG ? ' RELIABILITY_LONG=1' : ''} npm run test:reliability\n`,
    );
  });
});
