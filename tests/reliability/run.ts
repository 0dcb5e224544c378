import { spawn } from 'node:child_process';

// `npm run test:reliability [-- --long] [-- <vitest args>]`: the reliability projects (SQLite and PostgreSQL), CI-sized unless --long.
// The seed comes from RELIABILITY_SEED (else random per file) and every failure prints it.
const args = process.argv.slice(2);
const long = args.includes('--long');
const env = { ...process.env, ...(long && { RELIABILITY_LONG: '1' }) };
const child = spawn('npx', ['vitest', 'run', '--project', 'reliability', '--project', 'reliability-postgres', ...args.filter((a) => a !== '--long')], {
  stdio: 'inherit',
  env,
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
