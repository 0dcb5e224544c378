import { symbols } from 'pino';
import { loadConfig } from './config';
import { logSetup, parseLogFormat } from './logging';
import { startServer } from './server';

// Entry point of `npm start`: configuration from the environment, then serve until stopped.
const config = loadConfig();
try {
  const format = parseLogFormat(process.env.LOG_FORMAT);
  const server = await startServer(config, logSetup(format));
  server.app.log.info(`Kaskade is ready at ${server.url} (database: ${config.databasePath})`);
  if (server.demoLogins.length > 0) {
    // Demo mode only: the demo organisation's logins, one per role (see README), as the last start-up lines.
    const logins =
      `Open ${server.url} and sign in with a demo login (password "${server.demoLogins[0]!.password}"):\n` +
      server.demoLogins.map((l) => `  ${l.username.padEnd(8)} ${l.role} of ${l.unitId}`).join('\n');
    // Pretty logs go through a worker: through the logger they keep their place after the lines above.
    if (format === 'pretty') server.app.log.info(`\n${logins}`);
    else {
      // JSON lines go out asynchronously through pino's own stream: written to the same stream, the logins come
      // after "ready" (console.info would overtake it and print them above the start-up lines).
      const stream = (server.app.log as unknown as Record<symbol, { write?: (line: string) => void } | undefined>)[symbols.streamSym];
      if (stream?.write) stream.write(`${logins}\n`);
      else console.info(logins);
    }
  }
  // Ctrl+C stops at once; SIGTERM (a deploy, an orchestrator) drains first when SHUTDOWN_DRAIN_MS is set.
  process.once('SIGINT', () => {
    server.app.log.info('SIGINT: closing');
    void server.close().then(() => process.exit(0));
  });
  process.once('SIGTERM', () => {
    const drainMs = config.shutdownDrainMs ?? 0;
    server.app.log.info(drainMs > 0 ? `SIGTERM: draining for ${drainMs} ms, then closing` : 'SIGTERM: closing');
    void server.shutdown(drainMs).then(() => process.exit(0));
  });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
