// `npm run bench` (PostgreSQL) and `npm run bench:pglite`: generates (or reuses) a synthetic region,
// starts the real server as a child process, drives it over HTTP with closed-loop concurrent clients,
// runs the same operations as raw SQL for a baseline, and prints one JSON line per figure.
//
// Figures: file_open, journal_append, patient_search, patient_search_birthdate, duplicate_candidates.
// Flags: --database postgres|pglite  --patients N  --journal N  --professionals N  --duration S
//        --warmup S  --concurrency C  --runs R  --reuse  --fresh  --seed N  --ops a,b,c
//        --server cli|direct  --explain  --pg-url postgres://user@127.0.0.1:5432
// (parsed in options.ts; the output lines are built in report.ts)
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, type Database } from '#src/core/db/connect.ts';
import { closedLoop, cpuDelta, cpuOf, httpClient, machineBusyPct, machineCpu, processCpuSeconds, processRssMb, round, type Call, type HttpClient } from './load.ts';
import { duplicateCandidates, fileOpen, journalAppend, patientSearch, pgliteRunner, postgresRunner, searchStatement, type SqlRunner } from './baseline.ts';
import { recallSummary, tally, type RecallTally } from './identity-requests.ts';
import { countRegion, generateSyntheticRegion, type RegionReport } from './synthetic-region.ts';
import { prepareLoadFixture, type BenchCaller, type LoadFixture } from './load-fixture.ts';
import { explainServerQueries } from './explain.ts';
import { OBSERVATIONS } from './region-data.ts';
import { summariseCpuProfile } from './profile-summary.ts';
import { BENCH_DB, OPS, benchPaths, readOptions, repoRoot, type Op } from './options.ts';
import { metricsRssMb, startServer } from './server-process.ts';
import { figureLines, gitState, summaryLine, writeLines, type Measure, type Measured } from './report.ts';

const options = readOptions();
const { kind } = options;
const paths = benchPaths(options);
const log = (line: string) => process.stderr.write(`${line}\n`);

// ----------------------------------------------------------------------------------------------
// Database: create/reset, generate or reuse, fixture.

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: paths.adminUrl });
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
    fs.rmSync(paths.pgliteDir, { recursive: true, force: true });
  }
}

async function openStore(): Promise<Database> {
  if (kind === 'postgres') {
    const exists = await withAdmin(async (admin) => (await admin.query('select 1 from pg_database where datname = $1', [BENCH_DB])).rowCount! > 0);
    if (!exists) await withAdmin((admin) => admin.query(`create database ${BENCH_DB}`));
    return openPostgres(paths.benchUrl, 4);
  }
  return openPglite(paths.pgliteDir);
}

async function openMigratedStore(): Promise<Database> {
  const database = await openStore();
  await database.migrate();
  return database;
}

async function hasData(database: Database): Promise<boolean> {
  const result = (await database.db.execute(sql`select exists (select 1 from patients) as yes`)) as unknown as { rows: { yes: boolean }[] };
  return result.rows[0]?.yes === true;
}

async function prepareDatabase(): Promise<{ fixture: LoadFixture; generation: RegionReport | null }> {
  if (options.fresh) {
    log(`--fresh: recreating the ${kind === 'postgres' ? `database ${BENCH_DB}` : `data directory ${paths.pgliteDir}`}`);
    await resetStore();
  }
  let database = await openMigratedStore();
  let generation: RegionReport | null = null;
  try {
    if (options.reuse && (await hasData(database))) {
      log(`--reuse: keeping the region already in the ${kind} bench database: ${JSON.stringify(await countRegion(database))}`);
    } else {
      if (await hasData(database)) {
        log('The bench database holds a region: recreating it (pass --reuse to keep it).');
        await database.close();
        await resetStore();
        database = await openMigratedStore();
      }
      generation = await generateRegion(database);
    }
    if (kind === 'postgres') await database.db.execute(sql`checkpoint`);
    return { fixture: await writeFixture(database), generation };
  } finally {
    await database.close();
  }
}

function generateRegion(database: Database): Promise<RegionReport> {
  return generateSyntheticRegion(database, {
    patients: options.patients,
    journalEntries: options.journal,
    ...(options.professionals ? { professionals: options.professionals } : {}),
    seed: options.seed,
    log,
  });
}

async function writeFixture(database: Database): Promise<LoadFixture> {
  const fixture = await prepareLoadFixture(database, { seed: options.seed });
  fs.writeFileSync(paths.fixtureFile, JSON.stringify(fixture, null, 1));
  log(`Fixture: ${fixture.callers.length} callers (${fixture.callers.map((c) => `${c.label} ${c.profession} ${c.fileIds.length} files`).join('; ')}), ${fixture.prefixes.length} prefixes, `
    + `${fixture.identity.requests.length} typed identities (${fixture.identity.statements.length} candidate statement), ${fixture.identity.prefixDates.length} prefixes with a birth date`);
  return fixture;
}

// ----------------------------------------------------------------------------------------------
// Operations.

function callersFor(op: Op, fixture: LoadFixture): BenchCaller[] {
  const coordinators = fixture.callers.filter((c) => c.kind === 'coordinator' && c.fileIds.length > 0);
  const professionals = fixture.callers.filter((c) => c.kind === 'professional' && c.fileIds.length > 0);
  // searching patients and looking for duplicates before a creation are the coordinators' (patient.search, patient.create)
  if (op === 'patient_search' || op === 'patient_search_birthdate' || op === 'duplicate_candidates') return coordinators;
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

/** What the duplicate-candidate searches found, per kind of typed identity: over HTTP (after scoring) and as raw SQL rows. */
const recall: { trame: RecallTally; baseline: RecallTally } = { trame: new Map(), baseline: new Map() };

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
  if (op === 'duplicate_candidates') {
    return async (loop, rng) => {
      const caller = callers[loop % callers.length]!;
      const request = rng.pick(fixture.identity.requests);
      const res = await client.request('POST', '/api/patients/duplicate-candidates', caller.token, request.body);
      if (res.status !== 200) return fail(res.status, res.body);
      tally(recall.trame, request, (JSON.parse(res.body) as { items: { patient: { id: string } }[] }).items.map((c) => c.patient.id));
      return true;
    };
  }
  if (op === 'patient_search_birthdate') {
    return async (loop, rng) => {
      const caller = callers[loop % callers.length]!;
      const { q, birthDate } = rng.pick(fixture.identity.prefixDates);
      const res = await client.request('GET', `/api/patients?q=${encodeURIComponent(q)}&birthDate=${birthDate}`, caller.token);
      return res.status === 200 ? true : fail(res.status, res.body);
    };
  }
  return async (loop, rng) => {
    const caller = callers[loop % callers.length]!;
    const res = await client.request('GET', `/api/patients?q=${encodeURIComponent(rng.pick(fixture.prefixes))}`, caller.token);
    return res.status === 200 ? true : fail(res.status, res.body);
  };
}

/** The baseline's statements are captured from the application's query builder before the load starts. */
async function sqlCall(op: Op, fixture: LoadFixture, runner: SqlRunner): Promise<Call> {
  const callers = callersFor(op, fixture);
  if (op === 'patient_search') await Promise.all(fixture.prefixes.map((p) => searchStatement(p)));
  if (op === 'patient_search_birthdate') await Promise.all(fixture.identity.prefixDates.map((p) => searchStatement(p.q, p.birthDate)));
  if (op === 'file_open') return (loop, rng) => {
    const caller = callers[loop % callers.length]!;
    return runner.transaction((query) => fileOpen(query, caller, rng.pick(caller.fileIds)));
  };
  if (op === 'journal_append') return (loop, rng) => {
    const caller = callers[loop % callers.length]!;
    return runner.transaction((query) => journalAppend(query, caller, rng.pick(caller.fileIds), entryText(rng)));
  };
  if (op === 'duplicate_candidates') {
    const { statements, requests } = fixture.identity;
    return async (_loop, rng) => {
      const request = rng.pick(requests);
      tally(recall.baseline, request, await duplicateCandidates(runner.query, statements[request.statement]!, request.params));
      return true;
    };
  }
  if (op === 'patient_search_birthdate') return (loop, rng) => {
    const caller = callers[loop % callers.length]!;
    const { q, birthDate } = rng.pick(fixture.identity.prefixDates);
    return runner.transaction((query) => patientSearch(query, caller, q, birthDate));
  };
  return (loop, rng) => {
    const caller = callers[loop % callers.length]!;
    return runner.transaction((query) => patientSearch(query, caller, rng.pick(fixture.prefixes)));
  };
}

// ----------------------------------------------------------------------------------------------
// Measurement with CPU probes.

const profileWindows: [number, number][] = [];
const hrtimeUs = () => Number(process.hrtime.bigint() / 1000n);

async function backendPids(): Promise<number[]> {
  if (kind !== 'postgres') return [];
  return withAdmin(async (admin) => (await admin.query('select pid from pg_stat_activity where datname = $1', [BENCH_DB])).rows.map((r) => r.pid as number));
}

/** The machine is shared: wait (bounded) until other processes leave most of the CPU free. */
async function waitForQuiet(): Promise<void> {
  const start = performance.now();
  for (;;) {
    const busy = await machineBusyPct(1000);
    if (busy === null || busy <= options.quietThresholdPct) return;
    if (performance.now() - start > options.quietWaitMs) {
      log(`  (machine still busy: ${busy}% of one core used by other processes; measuring anyway)`);
      return;
    }
  }
}

/** CPU counters of the server, the database backends, the bench and the machine, read when the measured window opens. */
async function cpuProbe(serverPid: number | null) {
  const pids = await backendPids();
  return {
    serverCpu: serverPid === null ? null : processCpuSeconds(serverPid),
    db: cpuOf(pids),
    bench: process.cpuUsage(),
    machine: machineCpu(),
    wall: performance.now(),
    window: hrtimeUs(),
  };
}

type CpuProbe = Awaited<ReturnType<typeof cpuProbe>>;

/** CPU used since the probe, in % of one core over the window. */
function cpuSince(probe: CpuProbe, serverPid: number | null) {
  const wall = (performance.now() - probe.wall) / 1000;
  const serverCpu1 = serverPid === null ? null : processCpuSeconds(serverPid);
  const db1 = cpuOf([...probe.db.keys()]);
  const bench = process.cpuUsage(probe.bench);
  const machine1 = machineCpu();
  const pct = (seconds: number) => round((seconds / wall) * 100, 0);
  const serverCpuPct = probe.serverCpu !== null && serverCpu1 !== null ? pct(serverCpu1 - probe.serverCpu) : null;
  const dbCpuPct = kind === 'postgres' ? pct(cpuDelta(probe.db, db1)) : null;
  const benchCpuPct = pct((bench.user + bench.system) / 1e6);
  const machinePct = probe.machine && machine1 ? pct(machine1.busy - probe.machine.busy) : null;
  return {
    serverCpuPct,
    dbCpuPct,
    benchCpuPct,
    otherCpuPct: machinePct === null ? null : Math.max(0, machinePct - (serverCpuPct ?? 0) - (dbCpuPct ?? 0) - benchCpuPct),
  };
}

async function measure(label: string, call: Call, seed: number, serverPid: number | null): Promise<Measure> {
  await waitForQuiet();
  // Replaced when the measured window opens; these stand in if it never does.
  let probe: CpuProbe = { serverCpu: null, db: new Map(), bench: process.cpuUsage(), machine: machineCpu(), wall: performance.now(), window: hrtimeUs() };
  let rssPeak: number | null = null;
  let sampler: NodeJS.Timeout | undefined;
  const sample = () => {
    if (serverPid === null) return;
    const rss = processRssMb(serverPid);
    if (rss !== null) rssPeak = Math.max(rssPeak ?? 0, rss);
  };
  const figures = await closedLoop({
    concurrency: options.concurrency,
    warmupMs: options.warmupMs,
    durationMs: options.durationMs,
    seed,
    call,
    onWindowStart: async () => {
      probe = await cpuProbe(serverPid);
      sample();
      sampler = setInterval(sample, 500);
    },
  });
  clearInterval(sampler);
  sample();
  if (serverPid !== null) profileWindows.push([probe.window, hrtimeUs()]);
  const result: Measure = { ...figures, ...cpuSince(probe, serverPid), rssPeakMb: rssPeak };
  logMeasure(label, result);
  return result;
}

function logMeasure(label: string, result: Measure): void {
  log(`  ${label.padEnd(34)} ${String(result.rps).padStart(7)} req/s  p50 ${String(result.p50).padStart(6)}  p95 ${String(result.p95).padStart(6)}  p99 ${String(result.p99).padStart(6)} ms`
    + `  errors ${result.errors}  cpu% server ${result.serverCpuPct ?? '-'} db ${result.dbCpuPct ?? '-'} bench ${result.benchCpuPct} others ${result.otherCpuPct ?? '-'}`
    + (result.firstError ? `\n    first error: ${result.firstError}` : ''));
}

// ----------------------------------------------------------------------------------------------
// The run.

/** Seeds differ per run and figure, and are the same for Trame and its baseline. */
const seedOf = (run: number, op: Op) => run * 10 + OPS.indexOf(op);

async function explainQueries(fixture: LoadFixture): Promise<string> {
  const runner = kind === 'postgres' ? postgresRunner(paths.benchUrl, 1) : await pgliteRunner(paths.pgliteDir);
  try {
    const { text, summary } = await explainServerQueries(runner, fixture);
    fs.writeFileSync(paths.explainFile, text);
    log(`EXPLAIN ANALYZE of the server's statements (${path.relative(repoRoot, paths.explainFile)}):`);
    for (const s of summary) log(`  ${s.title.padEnd(70)} ${String(s.ms).padStart(8)} ms${s.note ? `  ${s.note}` : ''}`);
    return paths.explainFile;
  } finally {
    await runner.close();
  }
}

/** Every figure over HTTP against the server; on PostgreSQL, each run is followed by its raw-SQL baseline. */
async function measureServer(fixture: LoadFixture, measured: Measured): Promise<void> {
  const server = await startServer(options, paths, log);
  measured.rssAtStart = await metricsRssMb(server.url);
  log(`Server ready at ${server.url} (pid ${server.pid}, RSS ${measured.rssAtStart} MB)`);
  const client = httpClient(server.url, options.concurrency);
  const sqlRunner = kind === 'postgres' ? postgresRunner(paths.benchUrl, options.concurrency) : null;
  try {
    for (let run = 1; run <= options.runs; run++) {
      for (const op of options.ops) {
        const m = await measure(`${op} trame run ${run}/${options.runs}`, httpCall(op, fixture, client), seedOf(run, op), server.pid);
        if (!server.alive()) throw new Error(`The server died during ${op} run ${run}; see ${path.relative(repoRoot, server.logFile)}`);
        (measured.trame[op] ??= []).push(m);
        measured.rssAfter[op] = await metricsRssMb(server.url);
        measured.rssPeak = Math.max(measured.rssPeak, m.rssPeakMb ?? 0, measured.rssAfter[op] ?? 0);
        if (sqlRunner) {
          (measured.baseline[op] ??= []).push(await measure(`${op} raw SQL run ${run}/${options.runs}`, await sqlCall(op, fixture, sqlRunner), seedOf(run, op), null));
        }
      }
    }
  } finally {
    client.close();
    await sqlRunner?.close();
    await server.stop();
  }
}

/** PGlite is one process, one connection: the baseline runs in this process once the server is gone. */
async function measurePgliteBaseline(fixture: LoadFixture, measured: Measured): Promise<void> {
  const runner = await pgliteRunner(paths.pgliteDir);
  try {
    for (let run = 1; run <= options.runs; run++) {
      for (const op of options.ops) {
        (measured.baseline[op] ??= []).push(await measure(`${op} raw SQL (in-process) run ${run}/${options.runs}`, await sqlCall(op, fixture, runner), seedOf(run, op), null));
      }
    }
  } finally {
    await runner.close();
  }
}

/** The server's CPU profile, summarised over the measured windows only; null if the server wrote none. */
function summariseProfile(): string | null {
  const profiles = fs.existsSync(paths.profileDir) ? fs.readdirSync(paths.profileDir).filter((f) => f.endsWith('.cpuprofile')) : [];
  if (profiles.length === 0) {
    log('No CPU profile was written by the server.');
    return null;
  }
  const text = summariseCpuProfile(path.join(paths.profileDir, profiles[0]!), profileWindows);
  fs.writeFileSync(paths.profileFile, text);
  log(text.split('\n').slice(0, 40).join('\n'));
  return paths.profileFile;
}

async function main(): Promise<void> {
  log(`Trame benchmark on ${kind} (region to generate: ${options.patients} patients, ${options.journal} journal entries), concurrency ${options.concurrency}, `
    + `${options.durationMs / 1000} s × ${options.runs} runs per figure (+${options.warmupMs / 1000} s warm-up)`);
  const gitAtStart = gitState();
  const { fixture, generation } = await prepareDatabase();
  const explainFile = options.explain ? await explainQueries(fixture) : null;
  const measured: Measured = { trame: {}, baseline: {}, rssAfter: {}, rssAtStart: null, rssPeak: 0, recall: {} };
  const pgVersion = kind === 'postgres' ? await withAdmin(async (a) => String((await a.query('show server_version')).rows[0].server_version)) : null;
  await measureServer(fixture, measured);
  const profileFile = options.profile ? summariseProfile() : null;
  if (kind === 'pglite') await measurePgliteBaseline(fixture, measured);

  if (options.ops.includes('duplicate_candidates')) {
    measured.recall = { duplicate_candidates: { trame: recallSummary(recall.trame), baseline: recallSummary(recall.baseline) } };
    log(`Duplicate candidates found per kind of typed identity (Trame, after scoring): ${JSON.stringify(measured.recall.duplicate_candidates!.trame)}`);
    log(`Candidate rows per kind (raw SQL, before scoring): ${JSON.stringify(measured.recall.duplicate_candidates!.baseline)}`);
  }
  const { lines, targets } = figureLines(options, fixture.counts, measured);
  lines.push(summaryLine(options, { counts: fixture.counts, generation, gitAtStart, pgVersion, explainFile, profileFile }, measured, targets));
  writeLines(lines, paths.resultsFile, log);
}

await main();
