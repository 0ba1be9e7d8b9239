// EXPLAIN (ANALYZE, BUFFERS) of the statements the server runs for the benchmarked requests, on the
// bench database: where the database time of a request goes. Writes are explained in a rolled-back
// transaction. The SQL is what Drizzle sends (column lists shortened to *), with literal values.
import { hashSecret } from '#src/accounts/rules.ts';
import type { SqlRunner } from './baseline.ts';
import type { LoadFixture } from './load-fixture.ts';

type Plan = { title: string; sql: string; ms: number; plan: string };

const q = (value: string) => `'${value.replaceAll("'", "''")}'`;

export async function explainServerQueries(runner: SqlRunner, fixture: LoadFixture): Promise<{ text: string; summary: { title: string; ms: number }[] }> {
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
  const explain = async (title: string, text: string, write = false) => {
    const run = async (query: (t: string) => Promise<Record<string, unknown>[]>) => {
      const rows = await query(`explain (analyze, buffers) ${text}`);
      return rows.map((r) => String(Object.values(r)[0])).join('\n');
    };
    const plan = write ? await runner.transaction((query) => run((t) => query(t)), { rollback: true }) : await run((t) => runner.query(t));
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    plans.push({ title, sql: text, ms, plan });
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
  // GET /api/patients?q=
  for (const p of prefixes) {
    await explain(`patient_search "${p.p}" (${p.n} matching patients)`, `select * from patients where (search_birth_name like ${q(`${p.p}%`)} or search_used_name like ${q(`${p.p}%`)})
      order by search_birth_name asc, search_given_name asc, birth_date asc limit 20`);
  }
  // the audit sealer, every second in the server
  await explain('sealer: last sealed row', 'select * from audit_log where seal_seq is not null order by seal_seq desc limit 1');
  await explain('sealer: unsealed rows', 'select * from audit_log where seal_seq is null order by id asc limit 5000');

  const text = plans.map((p) => `=== ${p.title}: ${p.ms} ms\n${p.sql.replace(/\s+/g, ' ')}\n\n${p.plan}\n`).join('\n');
  return { text, summary: plans.map((p) => ({ title: p.title, ms: p.ms })) };
}
