// Starts the platform: database (migrated, demo region on first start), live hub, audit sealer, HTTP server.
import fs from 'node:fs';
import { productionHostingProblem, type Config } from './core/config.ts';
import { openDatabase, type Database } from './core/db/connect.ts';
import { startLiveHub } from './core/events/live.ts';
import { sealAuditLog } from './core/audit/audit.ts';
import { buildApp, type App } from './core/http/server.ts';
import { hasAnyPerson } from './accounts/service.ts';

const SEAL_EVERY_MS = 1000;

export type RunningPlatform = { app: App; database: Database; url: string; stop(): Promise<void> };

/** Builds the app on an open database; used by `trame start` and by the tests. */
export async function startOnDatabase(config: Config, database: Database, options: { listen: boolean }): Promise<RunningPlatform> {
  const live = await startLiveHub(database);
  const app = await buildApp({ config, database, live });
  const sealer = setInterval(() => {
    sealAuditLog(database.db).catch((error) => app.log.error({ err: error }, 'audit sealing failed'));
  }, SEAL_EVERY_MS);
  sealer.unref();
  const url = options.listen ? await app.listen({ port: config.port, host: config.host }) : 'http://inject';
  return {
    app,
    database,
    url,
    async stop() {
      clearInterval(sealer);
      await app.close();
      await live.close();
    },
  };
}

export async function startPlatform(config: Config, log: (line: string) => void): Promise<RunningPlatform> {
  const hostingProblem = productionHostingProblem(config, new Date());
  if (hostingProblem) throw new Error(`Refusing to start: ${hostingProblem}`);
  if (!config.databaseUrl && !fs.existsSync(`${config.dataDir}/pgdata`)) {
    log(`Creating the embedded database in ${config.dataDir} (first start, about 15 seconds)…`);
  }
  const database = await openDatabase(config);
  try {
    await database.migrate();
    if (config.loadDemo && !(await hasAnyPerson(database.db))) {
      log('First start: loading the demo region…');
      // Imported only here: a production server never loads the demo code.
      const { loadDemoRegion } = await import('../scripts/demo/load.ts');
      const counts = await loadDemoRegion(database, config, new Date());
      log(`Demo region loaded: ${JSON.stringify(counts)}`);
    }
    const running = await startOnDatabase(config, database, { listen: true });
    return {
      ...running,
      async stop() {
        await running.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
