// Where a request's time goes, one request at a time: the real application built in this process
// (startOnDatabase + Fastify inject, so no socket), every SQL statement timed by wrapping pg's
// Client.query. Reports per operation: total time, time waiting for SQL, statement count, and the
// rest (Node: routing, validation, auth logic, Drizzle mapping, serialisation). PostgreSQL only for
// the SQL split (PGlite runs in-process: its time is CPU of the same thread).
//
//   node bench/stages.ts [--database postgres|pglite] [--requests 300] [--ops duplicate_candidates,patient_search]
// Needs the region and fixture of a previous `npm run bench` (bench/results/<database>-fixture.json).
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { readConfig } from '#src/core/config.ts';
import { openPglite, openPostgres, type Database } from '#src/core/db/connect.ts';
import { startOnDatabase } from '#src/platform.ts';
import { duplicateCandidates, fileOpen, journalAppend, patientSearch, postgresRunner } from './baseline.ts';
import { Rng, round } from './load.ts';
import type { BenchCaller, LoadFixture } from './load-fixture.ts';
import { recaptureStatements } from './identity-requests.ts';

type Timing = { queries: number; sqlMs: number };
// The request a statement belongs to follows the async context: the audit sealer's statements (a timer
// in the same process) are not counted in a request.
const requestContext = new AsyncLocalStorage<Timing>();
let inFlight: Timing | undefined;
const statements = new Map<string, { n: number; ms: number }>();

function recorder(timing: Timing, first: unknown): () => void {
  const t0 = performance.now();
  const text = typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '?');
  return () => {
    const ms = performance.now() - t0;
    timing.queries += 1;
    timing.sqlMs += ms;
    const key = text.replace(/\s+/g, ' ').slice(0, 110);
    const s = statements.get(key) ?? { n: 0, ms: 0 };
    s.n += 1;
    s.ms += ms;
    statements.set(key, s);
  };
}

/** Calls `original`, then `record` when it answers, whether it takes a callback (pg's Pool.query) or returns a promise. */
function timed(original: (...a: unknown[]) => unknown, self: unknown, args: unknown[], record: () => void): unknown {
  const last = args.length - 1;
  if (typeof args[last] === 'function') {
    const callback = args[last] as (...a: unknown[]) => unknown;
    args[last] = (...a: unknown[]) => {
      record();
      return callback(...a);
    };
    return original.apply(self, args);
  }
  const result = original.apply(self, args);
  return result instanceof Promise ? result.finally(record) : result;
}

/**
 * Wraps pg's Pool.query (statements outside a transaction: authentication) and Client.query (statements
 * of a transaction) so every statement of the current request is counted and timed once.
 */
function instrumentPg(): void {
  const client = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const clientQuery = client.query;
  client.query = function wrapped(this: unknown, ...args: unknown[]) {
    const timing = requestContext.getStore();
    return timing ? timed(clientQuery, this, args, recorder(timing, args[0])) : clientQuery.apply(this, args);
  };
  const pool = pg.Pool.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const poolQuery = pool.query;
  pool.query = function wrapped(this: unknown, ...args: unknown[]) {
    // Fastify's hooks do not always keep the async context; requests run one at a time here, and the
    // only other user of the pool (the sealer) goes through transactions, so Pool.query belongs to it.
    const timing = requestContext.getStore() ?? inFlight;
    if (!timing) return poolQuery.apply(this, args);
    const record = recorder(timing, args[0]);
    // the pooled client's own query must not count it a second time
    return requestContext.exit(() => timed(poolQuery, this, args, record));
  };
}

export type StageFigures = { op: string; requests: number; totalMs: number; sqlMs: number | null; statements: number | null; nodeMs: number | null; baselineMs: number | null; responseKb: number };

export async function measureStages(
  kind: 'postgres' | 'pglite', target: { url?: string; dataDir?: string }, fixture: LoadFixture, requests: number, log: (line: string) => void, only?: string[],
): Promise<StageFigures[]> {
  if (kind === 'postgres') instrumentPg();
  const database: Database = kind === 'postgres' ? await openPostgres(target.url!, 10) : await openPglite(target.dataDir!);
  const config = { ...readConfig({}), logLevel: 'silent', loadDemo: false };
  const running = await startOnDatabase(config, database, { listen: false });
  const baseline = kind === 'postgres' ? postgresRunner(target.url!, 1) : null;
  const coordinators = fixture.callers.filter((c) => c.kind === 'coordinator');
  const everyone = fixture.callers.filter((c) => c.fileIds.length > 0);
  const rng = new Rng(7);
  const results: StageFigures[] = [];
  type Op = { name: string; callers: BenchCaller[]; inject: (c: BenchCaller) => Promise<{ statusCode: number; body: string }>; sql: (c: BenchCaller) => Promise<unknown> };
  const allOps: Op[] = [
    {
      name: 'file_open', callers: everyone,
      inject: (c) => running.app.inject({ method: 'GET', url: `/api/files/${rng.pick(c.fileIds)}`, headers: { authorization: `Bearer ${c.token}` } }),
      sql: (c) => baseline!.transaction((q) => fileOpen(q, c, rng.pick(c.fileIds))),
    },
    {
      name: 'journal_append', callers: everyone,
      inject: (c) => running.app.inject({ method: 'POST', url: `/api/files/${rng.pick(c.fileIds)}/journal`, headers: { authorization: `Bearer ${c.token}` }, payload: { text: 'Note de test (stages)', category: 'note' } }),
      sql: (c) => baseline!.transaction((q) => journalAppend(q, c, rng.pick(c.fileIds), 'Note de test (stages)')),
    },
    {
      name: 'patient_search', callers: coordinators,
      inject: (c) => running.app.inject({ method: 'GET', url: `/api/patients?q=${encodeURIComponent(rng.pick(fixture.prefixes))}`, headers: { authorization: `Bearer ${c.token}` } }),
      sql: (c) => baseline!.transaction((q) => patientSearch(q, c, rng.pick(fixture.prefixes))),
    },
    {
      name: 'patient_search_birthdate', callers: coordinators,
      inject: (c) => {
        const { q, birthDate } = rng.pick(fixture.identity.prefixDates);
        return running.app.inject({ method: 'GET', url: `/api/patients?q=${encodeURIComponent(q)}&birthDate=${birthDate}`, headers: { authorization: `Bearer ${c.token}` } });
      },
      sql: (c) => {
        const { q, birthDate } = rng.pick(fixture.identity.prefixDates);
        return baseline!.transaction((query) => patientSearch(query, c, q, birthDate));
      },
    },
    {
      name: 'duplicate_candidates', callers: coordinators,
      inject: (c) => running.app.inject({ method: 'POST', url: '/api/patients/duplicate-candidates', headers: { authorization: `Bearer ${c.token}` }, payload: rng.pick(fixture.identity.requests).body }),
      sql: () => {
        const r = rng.pick(fixture.identity.requests);
        return duplicateCandidates(baseline!.query, fixture.identity.statements[r.statement]!, r.params);
      },
    },
  ];
  const ops = allOps.filter((op) => !only || only.includes(op.name));
  try {
    for (const op of ops) {
      for (let i = 0; i < 30; i++) await op.inject(op.callers[i % op.callers.length]!);
      statements.clear();
      let total = 0;
      let sqlMs = 0;
      let queries = 0;
      let bytes = 0;
      for (let i = 0; i < requests; i++) {
        const caller = op.callers[i % op.callers.length]!;
        const timing: Timing = { queries: 0, sqlMs: 0 };
        const t0 = performance.now();
        inFlight = timing;
        const res = await requestContext.run(timing, async () => await op.inject(caller));
        inFlight = undefined;
        total += performance.now() - t0;
        if (res.statusCode >= 300) throw new Error(`${op.name}: HTTP ${res.statusCode} ${res.body.slice(0, 200)}`);
        bytes += res.body.length;
        sqlMs += timing.sqlMs;
        queries += timing.queries;
      }
      let baselineMs: number | null = null;
      if (baseline) {
        const t0 = performance.now();
        for (let i = 0; i < requests; i++) await op.sql(op.callers[i % op.callers.length]!);
        baselineMs = round((performance.now() - t0) / requests);
      }
      const f: StageFigures = {
        op: op.name,
        requests,
        totalMs: round(total / requests),
        sqlMs: kind === 'postgres' ? round(sqlMs / requests) : null,
        statements: kind === 'postgres' ? round(queries / requests, 1) : null,
        nodeMs: kind === 'postgres' ? round((total - sqlMs) / requests) : null,
        baselineMs,
        responseKb: round(bytes / requests / 1024, 1),
      };
      results.push(f);
      log(`  ${op.name.padEnd(16)} ${f.totalMs} ms per request in-process (SQL ${f.sqlMs ?? '-'} ms in ${f.statements ?? '-'} statements, Node ${f.nodeMs ?? '-'} ms), `
        + `raw SQL ${f.baselineMs ?? '-'} ms, response ${f.responseKb} kB`);
      if (kind === 'postgres') {
        for (const [text, s] of [...statements].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14)) {
          log(`      ${round(s.n / requests, 2).toString().padStart(5)}×  ${round(s.ms / s.n, 3).toString().padStart(7)} ms  ${text}`);
        }
      }
    }
  } finally {
    await baseline?.close();
    await running.stop();
    await database.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { database: { type: 'string', default: 'postgres' }, requests: { type: 'string', default: '300' }, ops: { type: 'string' }, 'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' } },
  });
  const kind = values.database as 'postgres' | 'pglite';
  const results = fileURLToPath(new URL('./results/', import.meta.url));
  const fixture = JSON.parse(fs.readFileSync(path.join(results, `${kind}-fixture.json`), 'utf8')) as LoadFixture;
  fixture.identity = await recaptureStatements(fixture.identity);
  const url = new URL(values['pg-url']!);
  url.pathname = '/trame_bench';
  const only = values.ops?.split(',').map((o) => o.trim()).filter(Boolean);
  const figures = await measureStages(kind, { url: url.toString(), dataDir: path.join(results, 'pglite-data') }, fixture, Number(values.requests), (l) => process.stderr.write(`${l}\n`), only);
  for (const f of figures) console.log(JSON.stringify({ stages: true, database: kind, ...f }));
}
