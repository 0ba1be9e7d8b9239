// Starts the platform: database (migrated, demo region on first start), live hub, audit sealer, HTTP server.
import fs from 'node:fs';
import { productionHostingProblem, type Config } from './core/config.ts';
import { openDatabase, type Database } from './core/db/connect.ts';
import { startLiveHub } from './core/events/live.ts';
import { sealAuditLog } from './core/audit/audit.ts';
import { buildApp, type App } from './core/http/server.ts';
import { hasAnyPerson } from './accounts/service.ts';
import { markInterruptedImports } from './directory/service.ts';
import { createSoapInsiClient } from './insi/soap-client.ts';
import type { InsiClient } from './insi/types.ts';

type Insi = { client: InsiClient | null; close(): Promise<void> };

/**
 * The INSi client: the real teleservice when INSI_URL names it; otherwise, outside production, the
 * local INSi test peer answering for the demo region's register, so "Récupérer l'INS" works in the demo.
 */
async function connectInsi(config: Config, log: (line: string) => void): Promise<Insi> {
  if (config.insiUrl) {
    const tls = config.insiTls && { cert: fs.readFileSync(config.insiTls.cert, 'utf8'), key: fs.readFileSync(config.insiTls.key, 'utf8'), ...(config.insiTls.ca ? { ca: fs.readFileSync(config.insiTls.ca, 'utf8') } : {}) };
    return { client: createSoapInsiClient({ url: config.insiUrl, ...(tls ? { tls } : {}) }), async close() {} };
  }
  if (config.production || !config.loadDemo) return { client: null, async close() {} };
  const { startDemoInsiPeer } = await import('../scripts/demo/insi-peer.ts');
  const peer = await startDemoInsiPeer(config.dataDir);
  log(`INSi: no INSI_URL, using the local INSi TEST PEER at ${peer.url} (demo register, not the real teleservice)`);
  return { client: createSoapInsiClient({ url: peer.url }), close: () => peer.close() };
}

const SEAL_EVERY_MS = 1000;

export type RunningPlatform = { app: App; database: Database; url: string; stop(): Promise<void> };

/** Builds the app on an open database; used by `trame start` and by the tests. */
export async function startOnDatabase(config: Config, database: Database, options: { listen: boolean; insi?: InsiClient | null }): Promise<RunningPlatform> {
  const live = await startLiveHub(database);
  const app = await buildApp({ config, database, live, insi: options.insi ?? null });
  const sealer = setInterval(() => {
    sealAuditLog(database.db).catch((error) => app.log.error({ err: error }, 'audit sealing failed'));
  }, SEAL_EVERY_MS);
  sealer.unref();
  let url = 'http://inject';
  try {
    if (options.listen) url = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // A taken port must not leave the sealer ticking on a database about to close.
    clearInterval(sealer);
    await app.close();
    await live.close();
    throw error;
  }
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
    const interrupted = await markInterruptedImports(database, new Date());
    if (interrupted > 0) log(`Directory: ${interrupted} import(s) left running by a stopped process marked interrupted`);
    if (config.loadDemo && !(await hasAnyPerson(database.db))) {
      log('First start: loading the demo region…');
      // Imported only here: a production server never loads the demo code.
      const { loadDemoRegion } = await import('../scripts/demo/load.ts');
      const counts = await loadDemoRegion(database, config, new Date());
      log(`Demo region loaded: ${JSON.stringify(counts)}`);
    }
    const insi = await connectInsi(config, log);
    const running = await startOnDatabase(config, database, { listen: true, insi: insi.client });
    return {
      ...running,
      async stop() {
        await running.stop();
        await insi.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
