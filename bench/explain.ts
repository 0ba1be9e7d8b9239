// EXPLAIN (ANALYZE, BUFFERS) of the statements the server runs for the benchmarked requests, on the
// bench database: where the database time of a request goes. Writes are explained in a rolled-back
// transaction. The SQL is what Drizzle sends (column lists shortened to *), with literal values; the
// patient searches and the duplicate-candidate query are the statements captured from the application's
// query builder, run with their parameters.
import { hashSecret } from '#src/accounts/rules.ts';
import type { SqlRunner } from './baseline.ts';
import type { LoadFixture } from './load-fixture.ts';
import { captureCandidateSql, captureSearchSql, candidateQueryOf, type IdentityRequest } from './identity-requests.ts';

type Plan = { title: string; sql: string; params: unknown[]; ms: number; plan: string; note: string | null };

/** Which indexes a plan reads, and whether it scans a whole table. */
function accessPaths(plan: string): string {
  const indexes = [...new Set([...plan.matchAll(/(?:Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map((m) => m[1]!))];
  const seqScans = [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!))];
  return `${seqScans.length > 0 ? `SEQUENTIAL SCAN of ${seqScans.join(', ')}; ` : ''}indexes: ${indexes.join(', ') || 'none'}`;
}

const q = (value: string) => `'${value.replaceAll("'", "''")}'`;

export async function explainServerQueries(runner: SqlRunner, fixture: LoadFixture): Promise<{ text: string; summary: { title: string; ms: number; note: string | null }[] }> {
  const coordinator = fixture.callers.find((c) => c.kind === 'coordinator')!;
  const [heaviest] = await runner.query('select file_id, count(*)::int as n from journal_entries group by file_id order by n desc limit 1');
  const [typical] = await runner.query(`select f.id as file_id, (select count(*)::int from journal_entries j where j.file_id = f.id) as n
    from coordination_files f where f.id = $1`, [coordinator.fileIds[0]]);
  const files = [
    { label: `typical file (${typical!.n} entries)`, id: typical!.file_id as string },
    { label: `largest file (${heaviest!.n} entries)`, id: heaviest!.file_id as string },
  ];
  const prefixCounts = await runner.query(`select p, (select count(*)::int from patients where search_birth_name like p || '%' or search_used_name like p || '%') as n
    from unnest($1::text[]) as p`, [`{${[...new Set(fixture.prefixes)].slice(0, 60).join(',')}}`]);
  prefixCounts.sort((a, b) => (b.n as number) - (a.n as number));
  const prefixes = [prefixCounts[0]!, prefixCounts[Math.floor(prefixCounts.length / 2)]!, prefixCounts.at(-1)!];

  const plans: Plan[] = [];
  const explain = async (title: string, text: string, write = false, params: unknown[] = [], withPaths = false) => {
    const run = async (query: (t: string, p: unknown[]) => Promise<Record<string, unknown>[]>) => {
      const rows = await query(`explain (analyze, buffers) ${text}`, params);
      return rows.map((r) => String(Object.values(r)[0])).join('\n');
    };
    const plan = write ? await runner.transaction((query) => run((t, p) => query(t, p)), { rollback: true }) : await run((t, p) => runner.query(t, p));
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    plans.push({ title, sql: text, params, ms, plan, note: withPaths ? accessPaths(plan) : null });
  };

  // authentication of a bearer token (every request)
  await explain('auth: token by hash', `select * from api_tokens where token_hash = ${q(hashSecret(coordinator.token))} limit 1`);
  await explain('auth: person by id', `select * from people where id = ${q(coordinator.personId)} limit 1`);
  await explain('auth: memberships of the person', `select m.id, m.person_id, m.structure_id, s.name, m.role from memberships m join structures s on s.id = m.structure_id
    where m.person_id in (${q(coordinator.personId)}) and m.ended_at is null order by m.created_at asc, m.id asc`);
  // GET /api/files/:id
  for (const file of files) {
    await explain(`file_open ${file.label}: file`, `select * from coordination_files where id = ${q(file.id)} limit 1`);
    await explain(`file_open ${file.label}: team`, `select * from care_team_members where file_id = ${q(file.id)} order by period_start, id`);
    await explain(`file_open ${file.label}: last 50 entries`, `select * from journal_entries where file_id = ${q(file.id)} order by written_at desc, id desc limit 50`);
  }
  const [file] = await runner.query('select * from coordination_files where id = $1', [files[0]!.id]);
  const people = await runner.query(`select distinct person_id from care_team_members where file_id = $1
    union select distinct author_id from (select author_id from journal_entries where file_id = $1 order by written_at desc limit 50) a`, [files[0]!.id]);
  await explain('file_open: people named', `select * from people where id in (${people.map((p) => q(String(p.person_id))).join(', ')})`);
  await explain('file_open: structure', `select * from structures where id in (${q(String(file!.structure_id))})`);
  await explain('file_open: patient', `select * from patients where id = ${q(String(file!.patient_id))} limit 1`);
  await explain('file_open / journal_append: audit row', `insert into audit_log (at, actor_id, actor_role, actor_structure_id, patient_id, file_id, action, object_type, object_id, outcome, client_ip, request_id, details)
    values (now(), ${q(coordinator.personId)}, 'coordinator', ${q(coordinator.structureId)}, ${q(String(file!.patient_id))}, ${q(files[0]!.id)}, 'file.read', 'CoordinationFile', ${q(files[0]!.id)}, 'allowed', '127.0.0.1', 'req-1', null)`, true);
  // POST /api/files/:id/journal
  await explain('journal_append: entry', `insert into journal_entries (id, file_id, author_id, written_at, category, text)
    values (gen_random_uuid(), ${q(files[0]!.id)}, ${q(coordinator.personId)}, now(), 'note', 'Bench')`, true);
  await explain('journal_append: outbox event', `insert into outbox (id, occurred_at, type, actor_id, patient_id, file_id, payload)
    values (gen_random_uuid(), now(), 'journal.entryWritten', ${q(coordinator.personId)}, ${q(String(file!.patient_id))}, ${q(files[0]!.id)}, '{}'::jsonb)`, true);
  // GET /api/patients?q= (and &birthDate=)
  for (const p of prefixes) {
    const { text, params } = await captureSearchSql(String(p.p));
    await explain(`patient_search "${p.p}" (${p.n} matching patients)`, text, false, params, true);
  }
  for (const { q: prefix, birthDate } of fixture.identity.prefixDates.slice(0, 3)) {
    const { text, params } = await captureSearchSql(prefix, birthDate);
    await explain(`patient_search_birthdate "${prefix}" ${birthDate}`, text, false, params, true);
  }
  // POST /api/patients/duplicate-candidates: one typed identity of each kind, the most common family name, and one with an INS
  await explainCandidates(runner, fixture, explain);
  // the audit sealer, every second in the server
  await explain('sealer: last sealed row', 'select * from audit_log where seal_seq is not null order by seal_seq desc limit 1');
  await explain('sealer: unsealed rows', 'select * from audit_log where seal_seq is null order by id asc limit 5000');

  const text = plans.map((p) => `=== ${p.title}: ${p.ms} ms${p.note ? ` (${p.note})` : ''}\n${p.sql.replace(/\s+/g, ' ')}\n`
    + `${p.params.length > 0 ? `parameters: ${JSON.stringify(p.params)}\n` : ''}\n${p.plan}\n`).join('\n');
  return { text, summary: plans.map((p) => ({ title: p.title, ms: p.ms, note: p.note })) };
}

type Explain = (title: string, text: string, write: boolean, params: unknown[], withPaths: boolean) => Promise<void>;

async function explainCandidates(runner: SqlRunner, fixture: LoadFixture, explain: Explain): Promise<void> {
  const { statements, requests } = fixture.identity;
  const describe = (r: IdentityRequest) => `${r.body.birthName}${r.body.usedName ? ` (${r.body.usedName})` : ''} ${r.body.givenName} ${r.body.birthDate}`
    + (r.variant ? ` [${r.variant.rule} of ${r.variant.from}]` : '');
  const chosen: { label: string; request: IdentityRequest }[] = [];
  for (const kind of ['exact', 'transposed_date', 'used_name_as_birth_name', 'phonetic_variant', 'new_person'] as const) {
    const request = requests.find((r) => r.kind === kind);
    if (request) chosen.push({ label: kind, request });
  }
  // the most common family name among the typed identities: the largest (names, given name) arm
  const exact = requests.filter((r) => r.kind === 'exact');
  if (exact.length > 0) {
    const names = [...new Set(exact.map((r) => candidateQueryOf(r.body).names[0]!))];
    const counts = await runner.query(`select n, (select count(*)::int from patients where search_birth_name = n or search_used_name = n) as c
      from unnest($1::text[]) as n`, [`{${names.map((n) => `"${n}"`).join(',')}}`]);
    counts.sort((a, b) => (b.c as number) - (a.c as number));
    const common = exact.find((r) => candidateQueryOf(r.body).names[0] === counts[0]?.n);
    if (common) chosen.push({ label: `exact, most common name (${counts[0]!.c} patients named ${counts[0]!.n})`, request: common });
  }
  for (const { label, request } of chosen) {
    await explain(`duplicate_candidates ${label}: ${describe(request)}`, statements[request.statement]!, false, request.params, true);
  }
  // createPatient with a received INS adds the INS arm (patient_ins.matricule)
  const [ins] = await runner.query(`select matricule from patient_ins order by md5(id::text) limit 1`);
  const stranger = requests.find((r) => r.kind === 'new_person');
  if (ins && stranger) {
    const { text, params } = await captureCandidateSql(candidateQueryOf(stranger.body, [String(ins.matricule)]));
    await explain(`duplicate_candidates with an INS (createPatient from FHIR): ${describe(stranger)} INS ${String(ins.matricule)}`, text, false, params, true);
  }
}
