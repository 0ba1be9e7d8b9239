// `npm run bench:directory` (PostgreSQL): the two figures of issue 5.
//  1. import throughput of an Annuaire Santé extraction (1,000,000 lines, then again unchanged, then
//     200,000 lines to see whether memory grows with the file), beside psql \copy;
//  2. orientation search with 100,000 offers over HTTP at concurrency 1, 4, 16, beside the same SQL.
// Flags: --lines N (1000000)  --small-lines N (200000)  --offers N (100000)  --organizations N (25000)
//        --duration S (10)  --warmup S (2)  --runs R (3)  --concurrency 1,4,16  --only import|search
//        --server cli|direct  --pg-url postgres://postgres@127.0.0.1:5432  --explain
// One JSON line per figure and a summary line on stdout, saved to bench/results/directory-<ts>.jsonl.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '#src/core/db/connect.ts';
import { closedLoop, httpClient, median, round, type Call } from './load.ts';
import { repoRoot, resultsDir, type BenchOptions, type BenchPaths } from './options.ts';
import { startServer } from './server-process.ts';
import { gitState, writeLines } from './report.ts';
import { regionCommunes, writeRppsFile } from './directory-data.ts';
import { copyBaseline, databaseBytes, runCliImport } from './directory-import.ts';
import { coordinatorToken, httpSearch, SEARCH_SQL, seedOffers, sqlSearch } from './directory-search.ts';

const DB = 'trame_bench_directory';
const log = (line: string) => process.stderr.write(`${line}\n`);

const flags = parseArgs({
  options: {
    lines: { type: 'string', default: '1000000' },
    'small-lines': { type: 'string', default: '200000' },
    offers: { type: 'string', default: '100000' },
    organizations: { type: 'string', default: '25000' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    runs: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '1,4,16' },
    only: { type: 'string' },
    server: { type: 'string', default: 'cli' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    explain: { type: 'boolean', default: false },
  },
}).values;

const withDatabase = (name: string) => Object.assign(new URL(flags['pg-url']), { pathname: `/${name}` }).toString();
const adminUrl = withDatabase('postgres');
const benchUrl = withDatabase(DB);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
fs.mkdirSync(resultsDir, { recursive: true });

/** Drops and recreates the throw-away database, then migrates it (so its size excludes nothing but the schema). */
async function freshDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB}`);
  await admin.end();
  const database = await openPostgres(benchUrl, 2);
  await database.migrate();
  await database.close();
}

async function dropDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.end();
}

// ----------------------------------------------------------------------------------------------
// 1. Import throughput.

/** What the import left in the database (the run's counters are per batch; these are distinct rows). */
async function countRows(): Promise<{ professionals: number; activities: number }> {
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  const row = (await client.query('select (select count(*) from directory_professionals)::int as p, (select count(*) from directory_activities)::int as a')).rows[0];
  await client.end();
  return { professionals: row.p, activities: row.a };
}

async function importFigures(): Promise<Record<string, unknown>[]> {
  const lines = Number(flags.lines);
  const smallLines = Number(flags['small-lines']);
  const file = path.join(os.tmpdir(), `PS_LibreAcces_Personne_activite_bench_${lines}.txt`);
  const smallFile = path.join(os.tmpdir(), `PS_LibreAcces_Personne_activite_bench_${smallLines}.txt`);
  let t = performance.now();
  const written = await writeRppsFile(file, lines);
  log(`Wrote ${file}: ${JSON.stringify(written)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const smallWritten = await writeRppsFile(smallFile, smallLines);

  await freshDatabase();
  const before = await databaseBytes(benchUrl);
  log(`Import of ${lines} lines (first run: everything added)`);
  const first = await runCliImport(file, benchUrl, lines, log);
  const added = await databaseBytes(benchUrl) - before;
  const rows = await countRows();
  log(`  ${JSON.stringify(first)}`);
  log('Same file again (every record unchanged)');
  const again = await runCliImport(file, benchUrl, lines, log);
  log(`  ${JSON.stringify(again)}`);
  log('Baseline: psql \\copy into an unlogged table of the same columns');
  const copy = await copyBaseline(file, benchUrl, lines);
  log(`  ${JSON.stringify(copy)}`);

  await freshDatabase();
  log(`Import of ${smallLines} lines into an empty directory (does peak memory grow with the file?)`);
  const small = await runCliImport(smallFile, benchUrl, smallLines, log);
  log(`  ${JSON.stringify(small)}`);
  fs.rmSync(file);
  fs.rmSync(smallFile);

  // wall time includes the CLI's start (loading, migration check); the importer's own seconds exclude it
  const figure = (run: typeof first) => {
    const importerSeconds = Number(run.result?.seconds ?? NaN);
    return {
      wallSeconds: run.seconds, linesPerS: run.linesPerS, importerSeconds, importerLinesPerS: Math.round(lines / importerSeconds),
      peakRssMb: run.peakRssMb, rssAtQuartersMb: run.rssAtQuartersMb, counts: run.result?.counts ?? null,
    };
  };
  return [
    {
      bench: 'directory_import', database: 'postgres', file: { ...written, mb: round(written.bytes / 2 ** 20, 1) },
      first: { ...figure(first), databaseAddedMb: round(added / 2 ** 20, 1), rowsInDatabase: rows },
      unchanged: figure(again),
      baseline: { ...copy, how: 'psql \\copy (COPY FROM STDIN) into an unlogged table of the 57 text fields, no index' },
      ratio: { firstVsCopy: round(copy.linesPerS / first.linesPerS, 1), unchangedVsCopy: round(copy.linesPerS / again.linesPerS, 1) },
    },
    {
      bench: 'directory_import_memory', database: 'postgres',
      lines: { large: lines, small: smallLines },
      peakRssMb: { large: first.peakRssMb, small: small.peakRssMb },
      smallRun: { ...figure(small), linesPerS: small.linesPerS, importerLinesPerS: Math.round(smallLines / Number(small.result?.seconds)), file: smallWritten },
      flat: first.peakRssMb <= small.peakRssMb * 1.25,
    },
  ];
}

// ----------------------------------------------------------------------------------------------
// 2. Orientation search.

type Run = { rps: number; p50: number; p95: number; p99: number; count: number; errors: number; firstError?: string };

async function measureRuns(label: string, call: Call, concurrency: number): Promise<Run[]> {
  const runs: Run[] = [];
  for (let r = 0; r < Number(flags.runs); r++) {
    const figures = await closedLoop({ concurrency, warmupMs: Number(flags.warmup) * 1000, durationMs: Number(flags.duration) * 1000, seed: r + 1, call });
    log(`  ${label} c=${concurrency} run ${r + 1}: ${figures.rps} req/s  p50 ${figures.p50}  p95 ${figures.p95}  p99 ${figures.p99} ms${figures.errors ? `  ${figures.errors} errors: ${figures.firstError}` : ''}`);
    runs.push(figures);
  }
  return runs;
}

const summarise = (runs: Run[]) => ({
  rps: round(median(runs.map((r) => r.rps)), 1), p50: round(median(runs.map((r) => r.p50))), p95: round(median(runs.map((r) => r.p95))),
  p99: round(median(runs.map((r) => r.p99))), requests: runs.reduce((s, r) => s + r.count, 0), errors: runs.reduce((s, r) => s + r.errors, 0),
  rpsByRun: runs.map((r) => r.rps),
});

/** EXPLAIN ANALYZE of one search, for the report (the plan's top lines say where the time goes). */
async function explainOne(pool: pg.Pool): Promise<string> {
  const point = (await pool.query(`select avg(latitude) as lat, avg(longitude) as lon from directory_organizations where commune_insee = '49007'`)).rows[0];
  const plan = await pool.query(`explain (analyze, buffers) ${SEARCH_SQL}`, ['49007', point.lat, point.lon, 'ehpad_permanent', 82, 30]);
  return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function searchFigures(): Promise<Record<string, unknown>[]> {
  const offers = Number(flags.offers);
  const organizations = Number(flags.organizations);
  const communes = regionCommunes();
  await freshDatabase();
  log(`Seeding ${organizations} organizations and ${offers} offers over ${communes.length} communes of Pays de la Loire`);
  await seedOffers(benchUrl, communes, organizations, offers, log);
  const database = await openPostgres(benchUrl, 2);
  const token = await coordinatorToken(database, log);
  await database.close();

  const concurrencies = flags.concurrency.split(',').map(Number);
  const options = { kind: 'postgres', server: flags.server, profile: false } as BenchOptions;
  const paths = { benchUrl, serverLog: path.join(resultsDir, `directory-${stamp}-server.log`), profileDir: '', pgliteDir: '' } as unknown as BenchPaths;
  const server = await startServer(options, paths, log);
  const trame: Record<number, Run[]> = {};
  try {
    const client = httpClient(server.url, Math.max(...concurrencies));
    for (const c of concurrencies) trame[c] = await measureRuns('trame   ', httpSearch(client, token, communes), c);
    client.close();
  } finally {
    await server.stop();
  }
  const pool = new pg.Pool({ connectionString: benchUrl, max: Math.max(...concurrencies) });
  const baseline: Record<number, Run[]> = {};
  for (const c of concurrencies) baseline[c] = await measureRuns('raw SQL ', sqlSearch(pool, communes), c);
  const plan = await explainOne(pool);
  await pool.end();
  const planFile = path.join(resultsDir, `directory-${stamp}-explain.txt`);
  fs.writeFileSync(planFile, `${SEARCH_SQL}\n-- commune 49007 (Angers), ehpad_permanent, age 82, radius 30 km\n${plan}\n`);
  log(`Plan of one search (saved to ${path.relative(repoRoot, planFile)}):\n${plan}`);

  return concurrencies.map((c) => {
    const t = summarise(trame[c]!);
    const b = summarise(baseline[c]!);
    return {
      bench: 'orientation_search', database: 'postgres', offers, organizations, communes: communes.length, concurrency: c,
      durationS: Number(flags.duration), runs: Number(flags.runs), trame: t, baseline: b,
      ratio: { p50: round(t.p50 / b.p50), p95: round(t.p95 / b.p95), p99: round(t.p99 / b.p99), rps: round(b.rps / t.rps) },
      explain: path.relative(repoRoot, planFile),
    };
  });
}

// ----------------------------------------------------------------------------------------------

const started = performance.now();
const git = gitState();
const lines: Record<string, unknown>[] = [];
try {
  if (flags.only !== 'search') lines.push(...(await importFigures()));
  if (flags.only !== 'import') lines.push(...(await searchFigures()));
} finally {
  await dropDatabase();
}
lines.push({
  summary: true, bench: 'directory', date: new Date().toISOString(), seconds: Math.round((performance.now() - started) / 1000),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version, shared: true },
  git, server: flags.server === 'direct' ? 'node bench/server.ts' : 'node scripts/trame.mjs start',
});
writeLines(lines, path.join(resultsDir, `directory-${stamp}.jsonl`), log);
