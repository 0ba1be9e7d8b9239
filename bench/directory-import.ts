// Import throughput of `npm run bench:directory`: the real CLI import (`node scripts/trame.mjs import
// rpps <file>`) in a child process, its peak memory sampled from /proc, and the database's own bulk
// path (psql \copy into an unlogged table of the file's columns) as the baseline.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';
import { RPPS_HEADER } from '#src/directory/formats/rpps.ts';
import { round } from './load.ts';
import { repoRoot } from './options.ts';

export type ImportFigures = {
  seconds: number;
  linesPerS: number;
  /** highest VmHWM read while the process ran (sampled every 200 ms) */
  peakRssMb: number;
  /** VmRSS at 25, 50, 75 and 100 % of the run: flat means memory does not grow with the file */
  rssAtQuartersMb: number[];
  result: Record<string, unknown> | null;
};

function readKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Runs the CLI import as an operator would, sampling its memory; progress lines go to our stderr. */
export async function runCliImport(file: string, databaseUrl: string, lines: number, log: (l: string) => void): Promise<ImportFigures> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', TRAME_DEMO: 'false' };
  delete env.DATA_DIR;
  delete env.NODE_ENV;
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/trame.mjs', 'import', 'rpps', file], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const samples: { t: number; rss: number }[] = [];
  let peakKb = 0;
  const sampler = setInterval(() => {
    const rss = readKb(child.pid!, 'VmRSS');
    const hwm = readKb(child.pid!, 'VmHWM');
    if (rss !== null) samples.push({ t: performance.now() - started, rss });
    if (hwm !== null) peakKb = Math.max(peakKb, hwm);
  }, 200);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const lastLine = out.trimEnd().split('\n').pop() ?? '';
    if (!lastLine.startsWith('{')) log(`    ${lastLine}`);
  });
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const jsonLine = out.trimEnd().split('\n').reverse().find((l) => l.startsWith('{'));
  if (code !== 0) throw new Error(`import exited with code ${code}: ${out.slice(-2000)}`);
  const quarter = (share: number) => {
    const at = samples.findLast((s) => s.t <= share * seconds * 1000) ?? samples[0];
    return at ? round(at.rss / 1024, 1) : NaN;
  };
  return {
    seconds: round(seconds, 1),
    linesPerS: Math.round(lines / seconds),
    peakRssMb: round(peakKb / 1024, 1),
    rssAtQuartersMb: [0.25, 0.5, 0.75, 1].map(quarter),
    result: jsonLine ? (JSON.parse(jsonLine) as Record<string, unknown>) : null,
  };
}

export async function databaseBytes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query('select pg_database_size(current_database()) as n')).rows[0].n);
  } finally {
    await client.end();
  }
}

/**
 * Baseline: the database's own bulk path. An unlogged table with one text column per field of the
 * extraction (and one for the empty field after the trailing "|"), filled by `\copy … from` in psql,
 * which streams the file over COPY FROM STDIN. CSV with an unused quote character, so no field is
 * interpreted.
 */
export async function copyBaseline(file: string, databaseUrl: string, lines: number): Promise<{ seconds: number; linesPerS: number; tableMb: number }> {
  const columns = [...RPPS_HEADER.map((_, i) => `c${i} text`), 'c_trailing text'].join(', ');
  const psql = (command: string) => {
    const run = spawnSync('psql', [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-qAtc', command], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`psql failed: ${run.stderr}`);
    return run.stdout.trim();
  };
  psql(`drop table if exists directory_professionals_raw; create unlogged table directory_professionals_raw (${columns})`);
  const started = performance.now();
  psql(`\\copy directory_professionals_raw from '${file}' with (format csv, delimiter '|', header true, quote e'\\x01')`);
  const seconds = (performance.now() - started) / 1000;
  const tableMb = round(Number(psql(`select pg_total_relation_size('directory_professionals_raw')`)) / 2 ** 20, 1);
  psql('drop table directory_professionals_raw');
  return { seconds: round(seconds, 1), linesPerS: Math.round(lines / seconds), tableMb };
}
