// The `trame` commands: start, migrate, demo, token create, audit verify.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { readConfig, type Config } from '#src/core/config.ts';
import { openDatabase, type Database } from '#src/core/db/connect.ts';
import { DataDirBusy } from '#src/core/db/datadir-lock.ts';
import { inTransaction } from '#src/core/context.ts';
import { systemActor } from '#src/core/auth/actor.ts';
import { sealAll, verifyAuditChain } from '#src/core/audit/audit.ts';
import { createApiTokenFor } from '#src/accounts/service.ts';
import { startPlatform } from '#src/platform.ts';
import { importExtraction, importProgress } from '#src/directory/service.ts';
import { loadDemoRegion, resetDatabase } from '../demo/load.ts';

const USAGE = `Usage: npm run trame -- <command>

  start                         run the platform (API + web app)
  migrate                       apply database migrations
  demo [--reset]                load the demo region (--reset wipes the database first)
  token create --email <email> [--name <name>]
                                print a new API token for that person
  audit verify                  check the audit log's hash chain (exit 1 if broken)
  import rpps|finess|mssante <file> [--partial]
                                import a national extraction into the regional directory
                                (Annuaire Santé PS_LibreAcces, FINESS etalab, MSSanté directory);
                                --partial: a partial extraction, marks nothing gone
`;

const webRoot = fileURLToPath(new URL('../../web', import.meta.url));

async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

/** The web app is built on first start when missing, so `npm install && npm start` is enough. */
async function ensureWebBuilt(): Promise<void> {
  if (fs.existsSync(`${webRoot}/dist/index.html`)) return;
  console.log('Building the web app (first start)…');
  const { build } = await import('vite');
  await build({ configFile: `${webRoot}/vite.config.ts`, logLevel: 'warn' });
}

async function start(config: Config): Promise<number> {
  await ensureWebBuilt();
  const platform = await startPlatform(config, (line) => console.log(line));
  const { port } = platform.app.server.address() as AddressInfo;
  const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
  console.log(`Trame is running at http://${host}:${port} (database: ${platform.database.kind})`);
  const shutdown = async () => {
    await platform.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return new Promise<number>(() => undefined);
}

async function demo(config: Config, reset: boolean): Promise<number> {
  if (config.production) {
    console.error('Refused: the demo region is never loaded when NODE_ENV=production.');
    return 1;
  }
  return withDatabase(config, async (database) => {
    if (reset) await resetDatabase(database);
    const counts = await loadDemoRegion(database, config, new Date());
    console.log(`Demo region loaded: ${JSON.stringify(counts)}`);
    return 0;
  });
}

async function tokenCreate(config: Config, email: string, name: string): Promise<number> {
  return withDatabase(config, async (database) => {
    const base = { actor: systemActor('cli'), now: new Date(), requestId: 'cli', clientIp: null };
    const token = await inTransaction(database, base, (ctx) => createApiTokenFor(ctx, email, name));
    console.log(token);
    return 0;
  });
}

async function auditVerify(config: Config): Promise<number> {
  return withDatabase(config, async (database) => {
    await sealAll(database.db);
    const report = await verifyAuditChain(database.db);
    console.log(JSON.stringify(report));
    if (!report.ok) console.error(`Audit chain BROKEN: ${report.reason}`);
    return report.ok ? 0 : 1;
  });
}

const IMPORT_KINDS = ['rpps', 'finess', 'mssante'] as const;
type ImportKind = (typeof IMPORT_KINDS)[number];
const PROGRESS_EVERY_MS = 2000;

/** Runs an import in this process, printing progress, then the run's figures as JSON. */
async function importCommand(config: Config, kind: ImportKind, file: string, partial: boolean): Promise<number> {
  if (!fs.existsSync(file)) {
    console.error(`No such file: ${file}`);
    return 1;
  }
  return withDatabase(config, async (database) => {
    const base = { actor: systemActor('cli-import'), now: new Date(), requestId: 'cli', clientIp: null };
    const started = Date.now();
    let ticker: NodeJS.Timeout | undefined;
    const printProgress = async (runId: string, bytesTotal: number | null) => {
      const progress = await importProgress(database, runId);
      if (!progress) return;
      const share = bytesTotal ? ` (${Math.round((100 * progress.bytesRead) / bytesTotal)} %)` : '';
      console.log(`${progress.linesRead} lines${share}, ${Math.round(progress.linesRead / ((Date.now() - started) / 1000))} lines/s`);
    };
    const request = { kind, path: file, fileName: file.split('/').pop() ?? file, partial };
    const finished = await importExtraction(database, base, request, (run) => {
      ticker = setInterval(() => void printProgress(run.id, run.bytesTotal), PROGRESS_EVERY_MS);
    }).finally(() => clearInterval(ticker));
    console.log(JSON.stringify({ ...finished, seconds: (Date.now() - started) / 1000 }));
    return finished.status === 'done' ? 0 : 1;
  });
}

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, reset: { type: 'boolean' }, partial: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  const config = readConfig();
  const command = positionals.join(' ');
  try {
    if (command === 'start') return await start(config);
    if (command === 'migrate') return await withDatabase(config, async () => (console.log('Migrations applied.'), 0));
    if (command === 'demo') return await demo(config, values.reset === true);
    if (command === 'token create' && values.email) return await tokenCreate(config, values.email, values.name ?? 'cli');
    if (command === 'audit verify') return await auditVerify(config);
    const [verb, kind, file] = positionals;
    if (verb === 'import' && IMPORT_KINDS.includes(kind as ImportKind) && file && positionals.length === 3) {
      return await importCommand(config, kind as ImportKind, file, values.partial === true);
    }
    console.log(USAGE);
    return values.help ? 0 : 2;
  } catch (error) {
    if (error instanceof DataDirBusy) {
      console.error(error.message);
      return 1;
    }
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}
