// `npm run bench` (PostgreSQL) and `npm run bench:pglite`: generates (or reuses) a synthetic region,
// starts the real server as a child process, drives it over HTTP with closed-loop concurrent clients,
// runs the same operations as raw SQL for a baseline, and prints one JSON line per figure.
//
// Flags: --database postgres|pglite  --patients N  --journal N  --professionals N  --duration S
//        --warmup S  --concurrency C  --runs R  --reuse  --fresh  --seed N  --ops a,b,c
//        --server cli|direct  --explain  --pg-url postgres://user@127.0.0.1:5432
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, type Database } from '#src/core/db/connect.ts';
import { closedLoop, cpuDelta, cpuOf, httpClient, machineBusyPct, machineCpu, median, processCpuSeconds, processRssMb, round, type Call, type Figures, type HttpClient } from './load.ts';
import { fileOpen, journalAppend, patientSearch, pgliteRunner, postgresRunner, type SqlRunner } from './baseline.ts';
import { countRegion, generateSyntheticRegion, prepareLoadFixture, type BenchCaller, type LoadFixture, type RegionReport } from './synthetic-region.ts';
import { explainServerQueries } from './explain.ts';
import { OBSERVATIONS } from './region-data.ts';
import { summariseCpuProfile } from './profile-summary.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = path.join(repoRoot, 'bench', 'results');
const OPS = ['file_open', 'journal_append', 'patient_search'] as const;
type Op = (typeof OPS)[number];
const BENCH_DB = 'trame_bench';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'postgres' },
    patients: { type: 'string' },
    journal: { type: 'string' },
    professionals: { type: 'string' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '16' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    ops: { type: 'string', default: OPS.join(',') },
    server: { type: 'string', default: 'cli' },
    'pg-url': { type: 'string', default: process.env.TRAME_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432' },
    reuse: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'quiet-wait': { type: 'string', default: '10' },
    'quiet-threshold': { type: 'string', default: '50' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(fs.readFileSync(new URL('./README.md', import.meta.url), 'utf8').split('\n## Results')[0]);
  process.exit(0);
}

const kind = args.database as 'postgres' | 'pglite';
if (kind !== 'postgres' && kind !== 'pglite') throw new Error('--database must be postgres or pglite');
const positive = (value: string | undefined, fallback: number) => {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`not a number: ${value}`);
  return n;
};
const options = {
  patients: positive(args.patients, kind === 'postgres' ? 100_000 : 10_000),
  journal: positive(args.journal, kind === 'postgres' ? 2_000_000 : 200_000),
  professionals: args.professionals ? positive(args.professionals, 0) : undefined,
  durationMs: positive(args.duration, 10) * 1000,
  warmupMs: positive(args.warmup, 2) * 1000,
  concurrency: Math.max(1, Math.trunc(positive(args.concurrency, 16))),
  runs: Math.max(1, Math.trunc(positive(args.runs, 3))),
  seed: Math.trunc(positive(args.seed, 1)),
  ops: args.ops!.split(',').map((o) => o.trim()).filter(Boolean) as Op[],
};
for (const op of options.ops) if (!OPS.includes(op)) throw new Error(`unknown operation ${op} (known: ${OPS.join(', ')})`);

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
fs.mkdirSync(resultsDir, { recursive: true });
const resultsFile = path.join(resultsDir, `${kind}-${stamp}.jsonl`);
const log = (line: string) => process.stderr.write(`${line}\n`);
const withDatabaseName = (name: string) => {
  const url = new URL(args['pg-url']!);
  url.pathname = `/${name}`;
  return url.toString();
};
const adminUrl = withDatabaseName('postgres');
const benchUrl = withDatabaseName(BENCH_DB);
const pgliteDir = path.join(resultsDir, 'pglite-data');
const profileDir = path.join(resultsDir, `${kind}-${stamp}-profile`);

// ----------------------------------------------------------------------------------------------
// Database: create/reset, generate or reuse, fixture.

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function resetStore(): Promise<void> {
  if (kind === 'postgres') {
    await withAdmin(async (admin) => {
      await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
      await admin.query(`create database ${BENCH_DB}`);
    });
  } else {
    fs.rmSync(pgliteDir, { recursive: true, force: true });
  }
}

async function openStore(): Promise<Database> {
  if (kind === 'postgres') {
    const exists = await withAdmin(async (admin) => (await admin.query('select 1 from pg_database where datname = $1', [BENCH_DB])).rowCount! > 0);
    if (!exists) await withAdmin((admin) => admin.query(`create database ${BENCH_DB}`));
    return openPostgres(benchUrl, 4);
  }
  return openPglite(pgliteDir);
}

async function hasData(database: Database): Promise<boolean> {
  const result = (await database.db.execute(sql`select exists (select 1 from patients) as yes`)) as unknown as { rows: { yes: boolean }[] };
  return result.rows[0]?.yes === true;
}

async function prepareDatabase(): Promise<{ fixture: LoadFixture; generation: RegionReport | null }> {
  if (args.fresh) {
    log(`--fresh: recreating the ${kind === 'postgres' ? `database ${BENCH_DB}` : `data directory ${pgliteDir}`}`);
    await resetStore();
  }
  let database = await openStore();
  await database.migrate();
  let generation: RegionReport | null = null;
  try {
    if (args.reuse && (await hasData(database))) {
      log(`--reuse: keeping the region already in the ${kind} bench database: ${JSON.stringify(await countRegion(database))}`);
    } else {
      if (await hasData(database)) {
        log('The bench database holds a region: recreating it (pass --reuse to keep it).');
        await database.close();
        await resetStore();
        database = await openStore();
        await database.migrate();
      }
      generation = await generateSyntheticRegion(database, {
        patients: options.patients,
        journalEntries: options.journal,
        ...(options.professionals ? { professionals: options.professionals } : {}),
        seed: options.seed,
        log,
      });
    }
    if (kind === 'postgres') await database.db.execute(sql`checkpoint`);
    const fixture = await prepareLoadFixture(database, { seed: options.seed });
    fs.writeFileSync(path.join(resultsDir, `${kind}-fixture.json`), JSON.stringify(fixture, null, 1));
    log(`Fixture: ${fixture.callers.length} callers (${fixture.callers.map((c) => `${c.label} ${c.profession} ${c.fileIds.length} files`).join('; ')}), ${fixture.prefixes.length} prefixes`);
    return { fixture, generation };
  } finally {
    await database.close();
  }
}

/** The commit under test, and whether the application's files differ from it (the bench itself excepted). */
function gitState(): { commit: string | null; dirty: boolean | null } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const changes = execFileSync('git', ['status', '--porcelain', '--', 'src', 'scripts', 'package.json', 'package-lock.json'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    return { commit, dirty: changes.length > 0 };
  } catch {
    return { commit: null, dirty: null };
  }
}

// ----------------------------------------------------------------------------------------------
// The server as a child process.

type Server = { pid: number; url: string; logFile: string; alive(): boolean; stop(): Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', TRAME_DEMO: 'false', LOG_LEVEL: 'warn' };
  delete env.NODE_ENV;
  if (kind === 'postgres') {
    env.DATABASE_URL = benchUrl;
    delete env.DATA_DIR;
  } else {
    env.DATA_DIR = pgliteDir;
    delete env.DATABASE_URL;
  }
  const entry = args.server === 'direct' ? ['bench/server.ts'] : ['scripts/trame.mjs', 'start'];
  const logFile = path.join(resultsDir, `${kind}-${stamp}-server.log`);
  const out = fs.openSync(logFile, 'a');
  const nodeArgs = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...entry], { cwd: repoRoot, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited: number | null = null;
  let stopping = false;
  const exit = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
    exited = code ?? (signal ? 128 : 1);
    if (!stopping) log(`!! The server (pid ${child.pid}) exited unexpectedly: code ${code}, signal ${signal}`);
    resolve();
  }));
  const url = `http://127.0.0.1:${port}`;
  log(`Starting the server: node ${entry.join(' ')} (PORT=${port}, ${kind === 'postgres' ? `DATABASE_URL=${benchUrl}` : `DATA_DIR=${pgliteDir}`}); log in ${path.relative(repoRoot, logFile)}`);
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (exited !== null) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(`The server exited (code ${exited}) before answering /api/health:\n${tail}\n` +
        (args.server === 'direct' ? '' : 'If `trame start` cannot run here (web build, demo modules), try --server direct.'));
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('The server did not answer /api/health within 5 minutes');
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    pid: child.pid!,
    url,
    logFile,
    alive: () => exited === null,
    async stop() {
      if (exited !== null) return;
      stopping = true;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

async function metricsRssMb(url: string): Promise<number | null> {
  try {
    const text = await (await fetch(`${url}/metrics`)).text();
    const match = /^process_resident_memory_bytes\s+([\d.e+]+)/m.exec(text);
    return match ? round(Number(match[1]) / 1_048_576, 1) : null;
  } catch {
    return null;
  }
}

// ----------------------------------------------------------------------------------------------
// Operations.

function callersFor(op: Op, fixture: LoadFixture): BenchCaller[] {
  const coordinators = fixture.callers.filter((c) => c.kind === 'coordinator' && c.fileIds.length > 0);
  const professionals = fixture.callers.filter((c) => c.kind === 'professional' && c.fileIds.length > 0);
  if (op === 'patient_search') return coordinators;
  // coordinators and care-team professionals, interleaved: loop i acts as callers[i % n]
  const mixed: BenchCaller[] = [];
  for (let i = 0; i < Math.max(coordinators.length, professionals.length); i++) {
    if (coordinators[i]) mixed.push(coordinators[i]!);
    if (professionals[i]) mixed.push(professionals[i]!);
  }
  return mixed;
}

let appended = 0;
const entryText = (rng: { pick<T>(v: readonly T[]): T }) => `Note de test de charge ${++appended} : ${rng.pick(OBSERVATIONS)}.`;

function httpCall(op: Op, fixture: LoadFixture, client: HttpClient): Call {
  const callers = callersFor(op, fixture);
  const fail = (status: number, body: string) => `HTTP ${status} ${body.slice(0, 200)}`;
  if (op === 'file_open') {
    return async (loop, rng) => {
      const caller = callers[loop % callers.length]!;
      const res = await client.request('GET', `/api/files/${rng.pick(caller.fileIds)}`, caller.token);
      return res.status === 200 ? true : fail(res.status, res.body);
    };
  }
  if (op === 'journal_append') {
    return async (loop, rng) => {
      const caller = callers[loop % callers.length]!;
      const res = await client.request('POST', `/api/files/${rng.pick(caller.fileIds)}/journal`, caller.token, { text: entryText(rng), category: 'note' });
      return res.status === 201 ? true : fail(res.status, res.body);
    };
  }
  return async (loop, rng) => {
    const caller = callers[loop % callers.length]!;
    const res = await client.request('GET', `/api/patients?q=${encodeURIComponent(rng.pick(fixture.prefixes))}`, caller.token);
    return res.status === 200 ? true : fail(res.status, res.body);
  };
}

function sqlCall(op: Op, fixture: LoadFixture, runner: SqlRunner): Call {
  const callers = callersFor(op, fixture);
  if (op === 'file_open') return (loop, rng) => {
    const caller = callers[loop % callers.length]!;
    return runner.transaction((query) => fileOpen(query, caller, rng.pick(caller.fileIds)));
  };
  if (op === 'journal_append') return (loop, rng) => {
    const caller = callers[loop % callers.length]!;
    return runner.transaction((query) => journalAppend(query, caller, rng.pick(caller.fileIds), entryText(rng)));
  };
  return (loop, rng) => {
    const caller = callers[loop % callers.length]!;
    return runner.transaction((query) => patientSearch(query, caller, rng.pick(fixture.prefixes)));
  };
}

// ----------------------------------------------------------------------------------------------
// Measurement with CPU probes.

type Measure = Figures & {
  elapsedMs: number;
  serverCpuPct: number | null;
  dbCpuPct: number | null;
  benchCpuPct: number;
  /** CPU used by everything else on the machine during the window (other tenants), in % of one core. */
  otherCpuPct: number | null;
  rssPeakMb: number | null;
};

const profileWindows: [number, number][] = [];
const hrtimeUs = () => Number(process.hrtime.bigint() / 1000n);

async function backendPids(): Promise<number[]> {
  if (kind !== 'postgres') return [];
  return withAdmin(async (admin) => (await admin.query('select pid from pg_stat_activity where datname = $1', [BENCH_DB])).rows.map((r) => r.pid as number));
}

/** The machine is shared: wait (bounded) until other processes leave most of the CPU free. */
async function waitForQuiet(): Promise<void> {
  const limit = Number(args['quiet-wait']) * 1000;
  const threshold = Number(args['quiet-threshold']);
  const start = performance.now();
  for (;;) {
    const busy = await machineBusyPct(1000);
    if (busy === null || busy <= threshold) return;
    if (performance.now() - start > limit) {
      log(`  (machine still busy: ${busy}% of one core used by other processes; measuring anyway)`);
      return;
    }
  }
}

async function measure(label: string, call: Call, concurrency: number, seed: number, serverPid: number | null): Promise<Measure> {
  await waitForQuiet();
  let serverCpu0: number | null = null;
  let db0 = new Map<number, number>();
  let bench0 = process.cpuUsage();
  let machine0 = machineCpu();
  let wall0 = performance.now();
  let window0 = hrtimeUs();
  let rssPeak: number | null = null;
  let sampler: NodeJS.Timeout | undefined;
  const sample = () => {
    if (serverPid === null) return;
    const rss = processRssMb(serverPid);
    if (rss !== null) rssPeak = Math.max(rssPeak ?? 0, rss);
  };
  const figures = await closedLoop({
    concurrency,
    warmupMs: options.warmupMs,
    durationMs: options.durationMs,
    seed,
    call,
    onWindowStart: async () => {
      const pids = await backendPids();
      serverCpu0 = serverPid === null ? null : processCpuSeconds(serverPid);
      db0 = cpuOf(pids);
      bench0 = process.cpuUsage();
      machine0 = machineCpu();
      wall0 = performance.now();
      window0 = hrtimeUs();
      sample();
      sampler = setInterval(sample, 500);
    },
  });
  clearInterval(sampler);
  sample();
  if (serverPid !== null) profileWindows.push([window0, hrtimeUs()]);
  const wall = (performance.now() - wall0) / 1000;
  const serverCpu1 = serverPid === null ? null : processCpuSeconds(serverPid);
  const db1 = cpuOf([...db0.keys()]);
  const bench = process.cpuUsage(bench0);
  const machine1 = machineCpu();
  const pct = (seconds: number) => round((seconds / wall) * 100, 0);
  const serverCpuPct = serverCpu0 !== null && serverCpu1 !== null ? pct(serverCpu1 - serverCpu0) : null;
  const dbCpuPct = kind === 'postgres' ? pct(cpuDelta(db0, db1)) : null;
  const benchCpuPct = pct((bench.user + bench.system) / 1e6);
  const machinePct = machine0 && machine1 ? pct(machine1.busy - machine0.busy) : null;
  const result: Measure = {
    ...figures,
    serverCpuPct,
    dbCpuPct,
    benchCpuPct,
    otherCpuPct: machinePct === null ? null : Math.max(0, machinePct - (serverCpuPct ?? 0) - (dbCpuPct ?? 0) - benchCpuPct),
    rssPeakMb: rssPeak,
  };
  log(`  ${label.padEnd(34)} ${String(result.rps).padStart(7)} req/s  p50 ${String(result.p50).padStart(6)}  p95 ${String(result.p95).padStart(6)}  p99 ${String(result.p99).padStart(6)} ms`
    + `  errors ${result.errors}  cpu% server ${result.serverCpuPct ?? '-'} db ${result.dbCpuPct ?? '-'} bench ${result.benchCpuPct} others ${result.otherCpuPct ?? '-'}`
    + (result.firstError ? `\n    first error: ${result.firstError}` : ''));
  return result;
}

function summarise(runs: Measure[]) {
  return {
    rps: round(median(runs.map((r) => r.rps)), 1),
    p50: round(median(runs.map((r) => r.p50))),
    p95: round(median(runs.map((r) => r.p95))),
    p99: round(median(runs.map((r) => r.p99))),
    requests: runs.reduce((s, r) => s + r.count, 0),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    rpsByRun: runs.map((r) => r.rps),
  };
}

// ----------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  log(`Trame benchmark on ${kind} (region to generate: ${options.patients} patients, ${options.journal} journal entries), concurrency ${options.concurrency}, `
    + `${options.durationMs / 1000} s × ${options.runs} runs per figure (+${options.warmupMs / 1000} s warm-up)`);
  const gitAtStart = gitState();
  const { fixture, generation } = await prepareDatabase();
  let explainFile: string | null = null;
  if (args.explain) {
    const runner = kind === 'postgres' ? postgresRunner(benchUrl, 1) : await pgliteRunner(pgliteDir);
    try {
      const { text, summary } = await explainServerQueries(runner, fixture);
      explainFile = path.join(resultsDir, `${kind}-${stamp}-explain.txt`);
      fs.writeFileSync(explainFile, text);
      log(`EXPLAIN ANALYZE of the server's statements (${path.relative(repoRoot, explainFile)}):`);
      for (const s of summary) log(`  ${s.title.padEnd(70)} ${s.ms} ms`);
    } finally {
      await runner.close();
    }
  }

  const trame: Record<string, Measure[]> = {};
  const baseline: Record<string, Measure[]> = {};
  const rssAfter: Record<string, number | null> = {};
  let rssPeak = 0;
  const pgVersion = kind === 'postgres' ? await withAdmin(async (a) => String((await a.query('show server_version')).rows[0].server_version)) : null;

  const server = await startServer();
  const rssAtStart = await metricsRssMb(server.url);
  log(`Server ready at ${server.url} (pid ${server.pid}, RSS ${rssAtStart} MB)`);
  const client = httpClient(server.url, options.concurrency);
  const sqlRunner = kind === 'postgres' ? postgresRunner(benchUrl, options.concurrency) : null;
  try {
    for (let run = 1; run <= options.runs; run++) {
      for (const op of options.ops) {
        const seed = run * 10 + OPS.indexOf(op);
        const m = await measure(`${op} trame run ${run}/${options.runs}`, httpCall(op, fixture, client), options.concurrency, seed, server.pid);
        if (!server.alive()) throw new Error(`The server died during ${op} run ${run}; see ${path.relative(repoRoot, server.logFile)}`);
        (trame[op] ??= []).push(m);
        rssAfter[op] = await metricsRssMb(server.url);
        rssPeak = Math.max(rssPeak, m.rssPeakMb ?? 0, rssAfter[op] ?? 0);
        if (sqlRunner) {
          (baseline[op] ??= []).push(await measure(`${op} raw SQL run ${run}/${options.runs}`, sqlCall(op, fixture, sqlRunner), options.concurrency, seed, null));
        }
      }
    }
  } finally {
    client.close();
    await sqlRunner?.close();
    await server.stop();
  }

  let profileFile: string | null = null;
  if (args.profile) {
    const profiles = fs.existsSync(profileDir) ? fs.readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')) : [];
    if (profiles.length > 0) {
      const text = summariseCpuProfile(path.join(profileDir, profiles[0]!), profileWindows);
      profileFile = path.join(resultsDir, `${kind}-${stamp}-profile.txt`);
      fs.writeFileSync(profileFile, text);
      log(text.split('\n').slice(0, 40).join('\n'));
    } else log('No CPU profile was written by the server.');
  }

  if (kind === 'pglite') {
    // PGlite is one process, one connection: the baseline runs in this process once the server is gone.
    const runner = await pgliteRunner(pgliteDir);
    try {
      for (let run = 1; run <= options.runs; run++) {
        for (const op of options.ops) {
          const seed = run * 10 + OPS.indexOf(op);
          (baseline[op] ??= []).push(await measure(`${op} raw SQL (in-process) run ${run}/${options.runs}`, sqlCall(op, fixture, runner), options.concurrency, seed, null));
        }
      }
    } finally {
      await runner.close();
    }
  }

  const counts = fixture.counts;
  const lines: Record<string, unknown>[] = [];
  const targets: { target: string; value: number; ok: boolean }[] = [];
  for (const op of options.ops) {
    const t = summarise(trame[op]!);
    const b = summarise(baseline[op]!);
    const ratio = { p50: round(t.p50 / b.p50), p95: round(t.p95 / b.p95), p99: round(t.p99 / b.p99), rps: round(b.rps / t.rps) };
    const runs = trame[op]!;
    lines.push({
      bench: op,
      database: kind,
      patients: counts.patients,
      journalEntries: counts.journalEntries,
      concurrency: options.concurrency,
      durationS: options.durationMs / 1000,
      runs: options.runs,
      trame: t,
      baseline: { ...b, concurrency: options.concurrency, ...(kind === 'pglite' ? { note: 'in-process PGlite after the server stopped; PGlite runs one statement at a time, so concurrency only queues' } : {}) },
      ratio,
      // The machine is shared: the run during which other processes used the least CPU, as measured.
      quietestRun: (() => {
        const others = runs.map((r, i) => (r.otherCpuPct ?? 0) + (baseline[op]![i]?.otherCpuPct ?? 0));
        const i = others.indexOf(Math.min(...others));
        const pick = (m: Measure) => ({ rps: m.rps, p50: m.p50, p95: m.p95, p99: m.p99, othersCpuPct: m.otherCpuPct });
        return { run: i + 1, trame: pick(runs[i]!), baseline: pick(baseline[op]![i]!) };
      })(),
      serverRssMb: rssAfter[op],
      serverRssPeakMb: round(Math.max(...runs.map((r) => r.rssPeakMb ?? 0)), 1),
      cpuPct: {
        server: median(runs.map((r) => r.serverCpuPct ?? NaN)),
        db: kind === 'postgres' ? median(runs.map((r) => r.dbCpuPct ?? NaN)) : null,
        bench: median(runs.map((r) => r.benchCpuPct)),
        others: median(runs.map((r) => r.otherCpuPct ?? NaN)),
        baselineDb: kind === 'postgres' ? median(baseline[op]!.map((r) => r.dbCpuPct ?? NaN)) : null,
        baselineBench: median(baseline[op]!.map((r) => r.benchCpuPct)),
        baselineOthers: median(baseline[op]!.map((r) => r.otherCpuPct ?? NaN)),
      },
    });
    const within3 = (v: number) => v <= 3;
    if (op === 'file_open') {
      targets.push({ target: 'file_open p95 < 50 ms', value: t.p95, ok: t.p95 < 50 });
      targets.push({ target: 'file_open ≥ 500 req/s', value: t.rps, ok: t.rps >= 500 });
    }
    if (op === 'journal_append') targets.push({ target: 'journal_append ≥ 300 req/s', value: t.rps, ok: t.rps >= 300 });
    targets.push({ target: `${op} p95 within 3× of raw SQL`, value: ratio.p95, ok: within3(ratio.p95) });
    targets.push({ target: `${op} req/s within 3× of raw SQL`, value: ratio.rps, ok: within3(ratio.rps) });
  }
  lines.push({
    summary: true,
    database: kind,
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version, postgres: pgVersion, shared: true },
    patients: counts.patients,
    journalEntries: counts.journalEntries,
    counts,
    generation: generation
      ? { seconds: generation.totalSeconds, stages: Object.fromEntries(generation.stages.map((s) => [s.stage, s.seconds])), journalPerFile: generation.journalPerFile }
      : { reused: true },
    git: { ...gitAtStart, changedDuringRun: gitState().commit !== gitAtStart.commit },
    concurrency: options.concurrency,
    durationS: options.durationMs / 1000,
    warmupS: options.warmupMs / 1000,
    runs: options.runs,
    server: args.server === 'direct' ? 'node bench/server.ts' : 'node scripts/trame.mjs start',
    serverRssAtStartMb: rssAtStart,
    serverRssPeakMb: round(rssPeak, 1),
    targets: kind === 'postgres' ? targets : targets.map((t) => ({ ...t, note: 'targets are set for PostgreSQL; informational on PGlite' })),
    allTargetsMet: targets.every((t) => t.ok),
    explain: explainFile ? path.relative(repoRoot, explainFile) : null,
    ...(profileFile ? { profiled: true, profile: path.relative(repoRoot, profileFile) } : {}),
  });
  const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
  fs.writeFileSync(resultsFile, text);
  process.stdout.write(text);
  log(`Saved to ${path.relative(repoRoot, resultsFile)}`);
}

await main();
