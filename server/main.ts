import { loadConfig } from './config';
import { startServer } from './server';

// Entry point of `npm start`: configuration from the environment, then serve until stopped.
const config = loadConfig();
try {
  const server = await startServer(config, { logger: true });
  server.app.log.info(`Kaskade is ready at ${server.url} (database: ${config.databasePath})`);
  if (server.demoLogins.length > 0) {
    // Demo mode only: the demo organisation's logins, one per role (see README).
    console.info(
      `Demo logins (password "${server.demoLogins[0]!.password}"):\n` +
        server.demoLogins.map((l) => `  ${l.username.padEnd(8)} ${l.role} of ${l.unitId}`).join('\n'),
    );
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.app.log.info(`${signal}: closing`);
      void server.close().then(() => process.exit(0));
    });
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
