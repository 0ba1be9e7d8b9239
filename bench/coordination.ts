// `npm run bench:coordination` (PostgreSQL): the figures of issue 6.
//  1. the life line of a patient with 5,000 events over 3 files, among --events background events of
//     other patients (first page, a page filtered to the journal, a deep page by cursor), over HTTP;
//  2. a DAC's triage queue among --referrals requests for support of 30 structures;
//  3. document upload and download throughput (100 kB, 1 MB, 10 MB).
// Each beside the same SQL run directly on the same database (the baseline). Medians of --runs runs.
// Flags: --events N (2000000)  --referrals N (20000)  --duration S (5)  --warmup S (1)  --runs R (3)
//        --concurrency 1,4,16  --server cli|direct  --pg-url postgres://postgres@127.0.0.1:5432
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '#src/core/db/connect.ts';
import { closedLoop, httpClient, median, round, type Call } from './load.ts';
import { resultsDir, type BenchOptions, type BenchPaths } from './options.ts';
import { startServer } from './server-process.ts';
import { gitState, writeLines } from './report.ts';
import { coordinatorToken } from './directory-search.ts';

const DB = 'trame_bench_coordination';
const log = (line: string) => process.stderr.write(`${line}\n`);
const flags = parseArgs({
  options: {
    events: { type: 'string', default: '2000000' },
    referrals: { type: 'string', default: '20000' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '1,4,16' },
    server: { type: 'string', default: 'cli' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
  },
}).values;
const withDatabase = (name: string) => Object.assign(new URL(flags['pg-url']), { pathname: `/${name}` }).toString();
const benchUrl = withDatabase(DB);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const concurrencies = flags.concurrency.split(',').map(Number);
fs.mkdirSync(resultsDir, { recursive: true });

async function admin(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase('postgres') });
  await client.connect();
  await client.query(sqlText);
  await client.end();
}

type Run = Awaited<ReturnType<typeof closedLoop>>;
async function measure(label: string, call: Call, concurrency: number): Promise<Run[]> {
  const runs: Run[] = [];
  for (let r = 0; r < Number(flags.runs); r++) {
    const figures = await closedLoop({ concurrency, warmupMs: Number(flags.warmup) * 1000, durationMs: Number(flags.duration) * 1000, seed: r + 1, call });
    log(`  ${label} c=${concurrency} run ${r + 1}: ${figures.rps} req/s  p50 ${figures.p50}  p95 ${figures.p95}  p99 ${figures.p99} ms${figures.errors ? `  ${figures.errors} errors: ${figures.firstError}` : ''}`);
    runs.push(figures);
  }
  return runs;
}
const summary = (runs: Run[]) => ({
  rps: round(median(runs.map((r) => r.rps)), 1), p50: round(median(runs.map((r) => r.p50))), p95: round(median(runs.map((r) => r.p95))),
  p99: round(median(runs.map((r) => r.p99))), errors: runs.reduce((s, r) => s + r.errors, 0),
});

/** The patient, their 3 files in the coordinator's structure, 5,000 events; background events and referrals. */
async function seed(pool: pg.Pool): Promise<{ patientId: string; structureId: string }> {
  const me = (await pool.query(`select t.person_id, m.structure_id from api_tokens t join memberships m on m.person_id = t.person_id and m.role = 'coordinator' limit 1`)).rows[0];
  const patientId = (await pool.query('select id from patients order by id limit 1')).rows[0].id as string;
  await pool.query(`
    insert into coordination_files (id, structure_id, patient_id, status, opened_at, closed_at, closure_reason, referent_id, version)
    select gen_random_uuid(), $1, $2, case when i = 3 then 'open' else 'closed' end, now() - (i * interval '400 days'),
           case when i = 3 then null else now() - (i * interval '400 days') + interval '300 days' end, case when i = 3 then null else 'improvement' end, $3, 1
    from generate_series(1, 3) i`, [me.structure_id, patientId, me.person_id]);
  const files = (await pool.query('select id from coordination_files where patient_id = $1 and structure_id = $2', [patientId, me.structure_id])).rows.map((r) => r.id);
  const types = ['journal.entryWritten', 'task.created', 'task.completed', 'document.added', 'careTeam.memberAdded', 'orientation.requested'];
  await pool.query(`
    insert into outbox (id, occurred_at, type, actor_id, patient_id, file_id, payload, published_at)
    select gen_random_uuid(), now() - (i * interval '3 hours'), ($4::text[])[1 + i % 6], $3, $2, ($1::uuid[])[1 + i % 3], jsonb_build_object('title', 'Événement ' || i, 'category', 'note'), now()
    from generate_series(1, 5000) i`, [files, patientId, me.person_id, types]);
  log(`Seeding ${flags.events} background events of other patients`);
  await pool.query(`
    insert into outbox (id, occurred_at, type, actor_id, patient_id, file_id, payload, published_at)
    select gen_random_uuid(), now() - (random() * interval '1000 days'), 'journal.entryWritten', null, md5((i % 200000)::text)::uuid, md5(((i % 200000) + 1)::text)::uuid, '{}'::jsonb, now()
    from generate_series(1, $1::int) i`, [Number(flags.events)]);
  log(`Seeding ${flags.referrals} requests for support over 30 structures`);
  await pool.query(`
    insert into referrals (id, structure_id, status, channel, requester_category, requester_name, patient_given_name, patient_family_name, situation, urgency, consent_to_contact, received_at, version)
    select gen_random_uuid(), case when i % 30 = 0 then $1 else md5((i % 30)::text)::uuid end,
           (array['received','info_requested','accepted','redirected','closed'])[1 + (i / 30) % 5], 'app', 'gp', 'Dr Bench', 'Prénom', 'NOM' || i,
           'Situation de la personne', (array['within_48h','within_week','within_month','not_urgent'])[1 + i % 4], true, now() - (i * interval '7 minutes'), 1
    from generate_series(1, $2::int) i`, [me.structure_id, Number(flags.referrals)]);
  await pool.query('vacuum analyze outbox; ');
  await pool.query('vacuum analyze referrals');
  return { patientId, structureId: me.structure_id };
}

const LIFELINE_SQL = `select * from outbox where patient_id = $1 and (file_id = any($2::uuid[]) or file_id is null)
  order by occurred_at desc, id desc limit 50`;
const QUEUE_SQL = `select * from referrals where structure_id = $1 and status in ('received', 'info_requested')
  order by case urgency when 'within_48h' then 0 when 'within_week' then 1 when 'within_month' then 2 else 3 end, received_at limit 50`;

function rawRequest(server: string, method: string, urlPath: string, token: string, body?: Buffer): Promise<{ status: number; bytes: number }> {
  const url = new URL(server);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
    if (body) Object.assign(headers, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    const req = http.request({ host: url.hostname, port: url.port, method, path: urlPath, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A PDF of about `size` bytes, different per call (so that deduplication does not flatter the upload). */
function pdfOf(size: number, salt: number): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${salt} ${Math.random()}\n`);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]);
}

const started = performance.now();
const git = gitState();
const results: Record<string, unknown>[] = [];
await admin(`drop database if exists ${DB} with (force)`);
await admin(`create database ${DB}`);
const database = await openPostgres(benchUrl, 2);
await database.migrate();
const token = await coordinatorToken(database, log);
await database.close();
const pool = new pg.Pool({ connectionString: benchUrl, max: Math.max(...concurrencies) + 1 });
const { patientId, structureId } = await seed(pool);
const fileIds = (await pool.query('select id from coordination_files where patient_id = $1 and structure_id = $2', [patientId, structureId])).rows.map((r) => r.id);
const deepCursor = (await pool.query(`select occurred_at, id from outbox where patient_id = $1 order by occurred_at desc, id desc offset 4000 limit 1`, [patientId])).rows[0];
const cursor = Buffer.from(`${deepCursor.occurred_at.toISOString()}|${deepCursor.id}`).toString('base64url');

const options = { kind: 'postgres', server: flags.server, profile: false } as BenchOptions;
const paths = { benchUrl, serverLog: path.join(resultsDir, `coordination-${stamp}-server.log`), profileDir: '', pgliteDir: '' } as unknown as BenchPaths;
const server = await startServer(options, paths, log);
try {
  const client = httpClient(server.url, Math.max(...concurrencies));
  const get = (url: string): Call => async () => {
    const res = await client.request('GET', url, token);
    return res.status === 200 ? true : `HTTP ${res.status} ${res.body.slice(0, 200)}`;
  };
  const sqlCall = (text: string, params: unknown[]): Call => async () => ((await pool.query(text, params)).rowCount !== null ? true : 'no rows');
  const endpoints: [string, Call, Call][] = [
    ['lifeline_first_page', get(`/api/patients/${patientId}/lifeline?limit=50`), sqlCall(LIFELINE_SQL, [patientId, fileIds])],
    ['lifeline_journal_only', get(`/api/patients/${patientId}/lifeline?limit=50&kinds=journal`), sqlCall(LIFELINE_SQL.replace('order by', "and type like 'journal.%' order by"), [patientId, fileIds])],
    ['lifeline_deep_page', get(`/api/patients/${patientId}/lifeline?limit=50&before=${cursor}`), sqlCall(LIFELINE_SQL.replace('order by', `and (occurred_at, id) < ('${deepCursor.occurred_at.toISOString()}'::timestamptz, '${deepCursor.id}'::uuid) order by`), [patientId, fileIds])],
    ['triage_queue', get('/api/referrals?scope=queue&status=open&limit=50'), sqlCall(QUEUE_SQL, [structureId])],
  ];
  for (const [name, trameCall, sqlBaseline] of endpoints) {
    log(`${name}`);
    for (const c of concurrencies) {
      const trame = summary(await measure('trame  ', trameCall, c));
      const baseline = summary(await measure('raw SQL', sqlBaseline, c));
      results.push({ bench: name, database: 'postgres', events: Number(flags.events) + 5000, referrals: Number(flags.referrals), concurrency: c, trame, baseline, ratio: { p50: round(trame.p50 / baseline.p50), p95: round(trame.p95 / baseline.p95) } });
    }
  }
  client.close();

  const openFile = fileIds.length ? (await pool.query(`select id from coordination_files where id = any($1::uuid[]) and status = 'open'`, [fileIds])).rows[0].id : null;
  for (const size of [100 * 1024, 1024 * 1024, 10 * 1024 * 1024]) {
    let salt = 0;
    const upload: Call = async () => {
      const res = await rawRequest(server.url, 'POST', `/api/files/${openFile}/documents?title=Bench&typeCode=11488-4&filename=bench.pdf`, token, pdfOf(size, salt++));
      return res.status === 201 ? true : `HTTP ${res.status}`;
    };
    const up = summary(await measure(`upload ${size / 1024} kB`, upload, 1));
    const documentId = (await pool.query(`select id from documents where file_id = $1 and deleted_at is null order by created_at desc limit 1`, [openFile])).rows[0].id;
    const download: Call = async () => {
      const res = await rawRequest(server.url, 'GET', `/api/documents/${documentId}/versions/1/content`, token);
      return res.status === 200 && res.bytes >= size ? true : `HTTP ${res.status}`;
    };
    const down = summary(await measure(`download ${size / 1024} kB`, download, 4));
    const bytes = pdfOf(size, -1);
    const sqlUp = summary(await measure(`raw SQL insert ${size / 1024} kB`, async (loop) => {
      await pool.query(`insert into document_blobs (sha256, size, content, stored_at) values (md5(random()::text || $2::text), $3, $1, now())`, [bytes, loop, size]);
      return true;
    }, 1));
    const sha = (await pool.query('select sha256 from document_versions where document_id = $1', [documentId])).rows[0].sha256;
    const sqlDown = summary(await measure(`raw SQL select ${size / 1024} kB`, async () => ((await pool.query('select content from document_blobs where sha256 = $1', [sha])).rows.length === 1 ? true : 'missing'), 4));
    const mb = size / 2 ** 20;
    results.push({
      bench: 'documents', database: 'postgres', sizeKb: size / 1024,
      upload: { ...up, mbPerS: round(up.rps * mb, 1), concurrency: 1 }, download: { ...down, mbPerS: round(down.rps * mb, 1), concurrency: 4 },
      baseline: { insert: { ...sqlUp, mbPerS: round(sqlUp.rps * mb, 1) }, select: { ...sqlDown, mbPerS: round(sqlDown.rps * mb, 1) } },
    });
    await pool.query('delete from document_blobs where sha256 not in (select sha256 from document_versions)');
  }
} finally {
  await server.stop();
  await pool.end();
}
results.push({ bench: 'coordination_summary', seconds: round((performance.now() - started) / 1000, 1), git });
writeLines(results, path.join(resultsDir, `coordination-${stamp}.jsonl`), log);
await admin(`drop database if exists ${DB} with (force)`);
