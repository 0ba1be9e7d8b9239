// The flags of `npm run bench` (listed in README.md, which --help prints), their defaults, and the
// paths and database URLs a run writes to.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

export const OPS = ['file_open', 'journal_append', 'patient_search', 'patient_search_birthdate', 'duplicate_candidates'] as const;
export type Op = (typeof OPS)[number];
export const BENCH_DB = 'trame_bench';
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const resultsDir = path.join(repoRoot, 'bench', 'results');

export type BenchOptions = {
  kind: 'postgres' | 'pglite';
  patients: number;
  journal: number;
  professionals: number | undefined;
  durationMs: number;
  warmupMs: number;
  concurrency: number;
  runs: number;
  seed: number;
  ops: Op[];
  /** `cli` (node scripts/trame.mjs start) or `direct` (node bench/server.ts). */
  server: string;
  pgUrl: string;
  reuse: boolean;
  fresh: boolean;
  explain: boolean;
  profile: boolean;
  /** How long to wait for a quiet machine before each measurement, and what "quiet" is (% of one core). */
  quietWaitMs: number;
  quietThresholdPct: number;
};

function parseFlags() {
  return parseArgs({
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
  }).values;
}

const positive = (value: string | undefined, fallback: number) => {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`not a number: ${value}`);
  return n;
};

/** The command line, checked; --help prints the README's usage part and exits. */
export function readOptions(): BenchOptions {
  const args = parseFlags();
  if (args.help) {
    console.log(fs.readFileSync(new URL('./README.md', import.meta.url), 'utf8').split('\n## Results')[0]);
    process.exit(0);
  }
  const kind = args.database as 'postgres' | 'pglite';
  if (kind !== 'postgres' && kind !== 'pglite') throw new Error('--database must be postgres or pglite');
  const options: BenchOptions = {
    kind,
    patients: positive(args.patients, kind === 'postgres' ? 100_000 : 10_000),
    journal: positive(args.journal, kind === 'postgres' ? 2_000_000 : 200_000),
    professionals: args.professionals ? positive(args.professionals, 0) : undefined,
    durationMs: positive(args.duration, 10) * 1000,
    warmupMs: positive(args.warmup, 2) * 1000,
    concurrency: Math.max(1, Math.trunc(positive(args.concurrency, 16))),
    runs: Math.max(1, Math.trunc(positive(args.runs, 3))),
    seed: Math.trunc(positive(args.seed, 1)),
    ops: args.ops!.split(',').map((o) => o.trim()).filter(Boolean) as Op[],
    server: args.server!,
    pgUrl: args['pg-url']!,
    reuse: args.reuse!,
    fresh: args.fresh!,
    explain: args.explain!,
    profile: args.profile!,
    quietWaitMs: Number(args['quiet-wait']) * 1000,
    quietThresholdPct: Number(args['quiet-threshold']),
  };
  for (const op of options.ops) if (!OPS.includes(op)) throw new Error(`unknown operation ${op} (known: ${OPS.join(', ')})`);
  return options;
}

export type BenchPaths = {
  /** The timestamp naming this run's files. */
  stamp: string;
  resultsFile: string;
  fixtureFile: string;
  serverLog: string;
  explainFile: string;
  profileDir: string;
  profileFile: string;
  pgliteDir: string;
  adminUrl: string;
  benchUrl: string;
};

/** Where this run writes, creating bench/results if needed. */
export function benchPaths(options: BenchOptions): BenchPaths {
  const { kind } = options;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  fs.mkdirSync(resultsDir, { recursive: true });
  const withDatabaseName = (name: string) => {
    const url = new URL(options.pgUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  return {
    stamp,
    resultsFile: path.join(resultsDir, `${kind}-${stamp}.jsonl`),
    fixtureFile: path.join(resultsDir, `${kind}-fixture.json`),
    serverLog: path.join(resultsDir, `${kind}-${stamp}-server.log`),
    explainFile: path.join(resultsDir, `${kind}-${stamp}-explain.txt`),
    profileDir: path.join(resultsDir, `${kind}-${stamp}-profile`),
    profileFile: path.join(resultsDir, `${kind}-${stamp}-profile.txt`),
    pgliteDir: path.join(resultsDir, 'pglite-data'),
    adminUrl: withDatabaseName('postgres'),
    benchUrl: withDatabaseName(BENCH_DB),
  };
}
