import { beforeEach } from 'vitest';
import { SEED } from '../../reliability/helpers/run-config';

// Every failing multi-instance test prints the seed that reproduces its random choices, whatever assertion failed.
beforeEach(({ onTestFailed, task }) => {
  onTestFailed(() => {
    console.error(`\n[multi-instance] "${task.name}" failed — reproduce with RELIABILITY_SEED=${SEED} npx vitest run --project multi-instance\n`);
  });
});
