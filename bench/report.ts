// The bench's output: one JSON line per figure (Trame beside the raw-SQL baseline, medians over the
// runs), then a summary line with the machine, the commit, the generation and the targets.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, round, type Figures } from './load.ts';
import { repoRoot, type BenchOptions, type Op } from './options.ts';
import type { RegionCounts, RegionReport } from './synthetic-region.ts';
import type { recallSummary } from './identity-requests.ts';

type Recall = ReturnType<typeof recallSummary>;

/** One measured window. CPU figures are in % of one core. */
export type Measure = Figures & {
  elapsedMs: number;
  serverCpuPct: number | null;
  dbCpuPct: number | null;
  benchCpuPct: number;
  /** CPU used by everything else on the machine during the window (other tenants), in % of one core. */
  otherCpuPct: number | null;
  rssPeakMb: number | null;
};

/** Every run of each figure, over HTTP and as raw SQL, with the server's memory. */
export type Measured = {
  trame: Record<string, Measure[]>;
  baseline: Record<string, Measure[]>;
  /** Server RSS after the last run of each figure. */
  rssAfter: Record<string, number | null>;
  rssAtStart: number | null;
  rssPeak: number;
  /** duplicate_candidates: per kind of typed identity, what Trame answered (after scoring) and what the raw SQL fetched. */
  recall: Record<string, { trame: Recall; baseline: Recall }>;
};

type Target = { target: string; value: number; ok: boolean };
type GitState = { commit: string | null; dirty: boolean | null };

/** The commit under test, and whether the application's files differ from it (the bench itself excepted). */
export function gitState(): GitState {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const changes = execFileSync('git', ['status', '--porcelain', '--', 'src', 'scripts', 'package.json', 'package-lock.json'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    return { commit, dirty: changes.length > 0 };
  } catch {
    return { commit: null, dirty: null };
  }
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

type Summary = ReturnType<typeof summarise>;
type Ratio = { p50: number; p95: number; p99: number; rps: number };

/** The figure lines, and the targets they meet or miss. */
export function figureLines(options: BenchOptions, counts: RegionCounts, measured: Measured): { lines: Record<string, unknown>[]; targets: Target[] } {
  const lines: Record<string, unknown>[] = [];
  const targets: Target[] = [];
  for (const op of options.ops) {
    const t = summarise(measured.trame[op]!);
    const b = summarise(measured.baseline[op]!);
    const ratio = { p50: round(t.p50 / b.p50), p95: round(t.p95 / b.p95), p99: round(t.p99 / b.p99), rps: round(b.rps / t.rps) };
    lines.push(figureLine(op, options, counts, measured, { t, b, ratio }));
    targets.push(...targetsOf(op, t, ratio, measured.recall[op]?.trame));
  }
  return { lines, targets };
}

function figureLine(op: Op, options: BenchOptions, counts: RegionCounts, measured: Measured, { t, b, ratio }: { t: Summary; b: Summary; ratio: Ratio }) {
  const { kind } = options;
  const runs = measured.trame[op]!;
  const baseline = measured.baseline[op]!;
  return {
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
    ...(measured.recall[op] ? { recall: measured.recall[op] } : {}),
    quietestRun: quietestRun(runs, baseline),
    serverRssMb: measured.rssAfter[op],
    serverRssPeakMb: round(Math.max(...runs.map((r) => r.rssPeakMb ?? 0)), 1),
    cpuPct: {
      server: median(runs.map((r) => r.serverCpuPct ?? NaN)),
      db: kind === 'postgres' ? median(runs.map((r) => r.dbCpuPct ?? NaN)) : null,
      bench: median(runs.map((r) => r.benchCpuPct)),
      others: median(runs.map((r) => r.otherCpuPct ?? NaN)),
      baselineDb: kind === 'postgres' ? median(baseline.map((r) => r.dbCpuPct ?? NaN)) : null,
      baselineBench: median(baseline.map((r) => r.benchCpuPct)),
      baselineOthers: median(baseline.map((r) => r.otherCpuPct ?? NaN)),
    },
  };
}

/** The machine is shared: the run during which other processes used the least CPU, as measured. */
function quietestRun(runs: Measure[], baseline: Measure[]) {
  const others = runs.map((r, i) => (r.otherCpuPct ?? 0) + (baseline[i]?.otherCpuPct ?? 0));
  const i = others.indexOf(Math.min(...others));
  const pick = (m: Measure) => ({ rps: m.rps, p50: m.p50, p95: m.p95, p99: m.p99, othersCpuPct: m.otherCpuPct });
  return { run: i + 1, trame: pick(runs[i]!), baseline: pick(baseline[i]!) };
}

function targetsOf(op: Op, t: Summary, ratio: Ratio, recall: Recall | undefined): Target[] {
  const targets: Target[] = [];
  const within3 = (v: number) => v <= 3;
  if (op === 'file_open') {
    targets.push({ target: 'file_open p95 < 50 ms', value: t.p95, ok: t.p95 < 50 });
    targets.push({ target: 'file_open ≥ 500 req/s', value: t.rps, ok: t.rps >= 500 });
  }
  if (op === 'journal_append') targets.push({ target: 'journal_append ≥ 300 req/s', value: t.rps, ok: t.rps >= 300 });
  if (op === 'duplicate_candidates') {
    targets.push({ target: 'duplicate_candidates p95 < 30 ms', value: t.p95, ok: t.p95 < 30 });
    for (const kind of ['exact', 'transposed_date']) {
      const value = recall?.[kind]?.recall ?? NaN;
      targets.push({ target: `duplicate_candidates finds the original of a typed ${kind} in ≥ 99 % of requests`, value, ok: value >= 0.99 });
    }
  }
  targets.push({ target: `${op} p95 within 3× of raw SQL`, value: ratio.p95, ok: within3(ratio.p95) });
  targets.push({ target: `${op} req/s within 3× of raw SQL`, value: ratio.rps, ok: within3(ratio.rps) });
  return targets;
}

export type RunFacts = {
  counts: RegionCounts;
  generation: RegionReport | null;
  gitAtStart: GitState;
  pgVersion: string | null;
  explainFile: string | null;
  profileFile: string | null;
};

export function summaryLine(options: BenchOptions, facts: RunFacts, measured: Measured, targets: Target[]): Record<string, unknown> {
  const { kind } = options;
  const { counts, generation, gitAtStart } = facts;
  return {
    summary: true,
    database: kind,
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version, postgres: facts.pgVersion, shared: true },
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
    server: options.server === 'direct' ? 'node bench/server.ts' : 'node scripts/trame.mjs start',
    serverRssAtStartMb: measured.rssAtStart,
    serverRssPeakMb: round(measured.rssPeak, 1),
    targets: kind === 'postgres' ? targets : targets.map((t) => ({ ...t, note: 'targets are set for PostgreSQL; informational on PGlite' })),
    allTargetsMet: targets.every((t) => t.ok),
    explain: facts.explainFile ? path.relative(repoRoot, facts.explainFile) : null,
    ...(facts.profileFile ? { profiled: true, profile: path.relative(repoRoot, facts.profileFile) } : {}),
  };
}

/** Saves the lines to the results file and prints them on stdout. */
export function writeLines(lines: Record<string, unknown>[], resultsFile: string, log: (line: string) => void): void {
  const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
  fs.writeFileSync(resultsFile, text);
  process.stdout.write(text);
  log(`Saved to ${path.relative(repoRoot, resultsFile)}`);
}
