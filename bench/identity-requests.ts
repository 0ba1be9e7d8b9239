// The typed identities of the duplicate_candidates figure: drawn from the region's patients and
// perturbed the way duplicates arise at a front desk (exact copy, day and month swapped, the used name
// typed as the birth name, a spelling variant of the family name), plus new people who have no record
// (about half the requests). Each request carries the exact statement findCandidateRows sends for it
// (captured from the application's own query builder), which the raw-SQL baseline and --explain run.
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '#src/db/schema/index.ts';
import type { Db } from '#src/core/db/connect.ts';
import { normaliseForSearch } from '#src/core/search-text.ts';
import { findCandidateRows, searchPatients, type CandidateQuery } from '#src/patients/repo.ts';
import { nameSplitsOf } from '#src/patients/rules.ts';
import { frenchPhoneticKey } from '#src/patients/phonetic.ts';
import { candidateQueryOf as candidateQueryOfService } from '#src/patients/service.ts';
import { transposedDate } from '#src/patients/vigilance-rules.ts';
import { Rng } from './load.ts';
import type { Exec } from './synthetic-region.ts';

export const PERTURBATIONS = ['exact', 'transposed_date', 'used_name_as_birth_name', 'phonetic_variant', 'new_person'] as const;
export type Perturbation = (typeof PERTURBATIONS)[number];

/** The body of POST /api/patients/duplicate-candidates. */
export type TypedIdentityBody = { birthName: string; usedName: string | null; givenName: string; birthDate: string; sex: 'F' | 'M' };

export type IdentityRequest = {
  kind: Perturbation;
  body: TypedIdentityBody;
  /** The patient the typed identity was made from (null for a new person): the search should find it. */
  originalId: string | null;
  /** phonetic_variant: which spelling change, and whether the phonetic key stayed the same. */
  variant?: { rule: string; from: string; keyKept: boolean };
  /** Index into IdentityFixture.statements, and the parameters of that statement. */
  statement: number;
  params: unknown[];
};

export type IdentityFixture = {
  /** The SQL texts of findCandidateRows (one, unless the query builder varies it with the input). */
  statements: string[];
  requests: IdentityRequest[];
  /** GET /api/patients?q=<prefix>&birthDate=<date>: a name prefix and the birth date of the same patient. */
  prefixDates: { q: string; birthDate: string }[];
};

export type CapturedSql = { text: string; params: unknown[] };

/**
 * The statement a repository function sends, with its parameters, without a database: a Drizzle mock
 * whose logger records the query (the mock has no client, so the call then fails, and is meant to).
 */
export async function captureSql(run: (db: Db) => Promise<unknown>): Promise<CapturedSql> {
  let captured: CapturedSql | null = null;
  const db = drizzle.mock({ schema, logger: { logQuery: (text: string, params: unknown[]) => void (captured ??= { text, params }) } }) as unknown as Db;
  try {
    await run(db);
  } catch {
    // expected: no client behind the mock
  }
  if (!captured) throw new Error('captureSql: the function sent no statement');
  return captured;
}

/** The query candidatesFor (src/patients/service.ts) builds for a typed identity, with no INS and nothing excluded. */
export function candidateQueryOf(typed: TypedIdentityBody, insMatricules: string[] = []): CandidateQuery {
  return candidateQueryOfService(typed, { insMatricules });
}

export const captureCandidateSql = (query: CandidateQuery) => captureSql((db) => findCandidateRows(db, query));

/** The statement of GET /api/patients?q=…[&birthDate=…] (searchPatients in src/patients/repo.ts), limit 20. */
export const captureSearchSql = (q: string, birthDate?: string) => captureSql((db) => searchPatients(db, { splits: nameSplitsOf(q), birthDate, limit: 20 }));

// ----------------------------------------------------------------------------------------------
// Spelling variants of a family name, as they are typed (upper case, as stored).

const VOWELS = new Set(['A', 'E', 'I', 'O', 'U', 'Y']);
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);
const isLetter = (c: string | undefined) => c !== undefined && c >= 'A' && c <= 'Z';

type Rule = { name: string; apply(name: string): string | null };

const RULES: Rule[] = [
  // DUPONT / DUPOND, RENAUD / RENAUT
  { name: 'final_d_t', apply: (n) => (/[DT]$/.test(n) ? n.slice(0, -1) + (n.endsWith('D') ? 'T' : 'D') : null) },
  // THOMAS / TOMAS, MATHIEU / MATIEU, HUBERT / UBERT (not the H of CH, PH, SH, which is a sound)
  {
    name: 'drop_h',
    apply: (n) => {
      for (let i = 0; i < n.length; i++) {
        if (n[i] === 'H' && !['C', 'P', 'S', 'G'].includes(n[i - 1] ?? '') && (i > 0 || isLetter(n[1]))) return n.slice(0, i) + n.slice(i + 1);
      }
      return null;
    },
  },
  // ROBIN / ROBBIN, BONET / BONNET: a single consonant between two vowels written twice
  {
    name: 'double_consonant',
    apply: (n) => {
      for (let i = 1; i < n.length - 1; i++) {
        const c = n[i]!;
        if (isLetter(c) && !isVowel(c) && !'SCGHXLQWJ'.includes(c) && isVowel(n[i - 1]) && isVowel(n[i + 1])) return n.slice(0, i + 1) + n.slice(i);
      }
      return null;
    },
  },
  // PERRIN / PERIN, ROUSSEAU / ROUSEAU, GUILLOT / GUILOT: a doubled consonant written once
  {
    name: 'single_consonant',
    apply: (n) => {
      for (let i = 1; i < n.length; i++) if (n[i] === n[i - 1] && isLetter(n[i]) && !isVowel(n[i])) return n.slice(0, i) + n.slice(i + 1);
      return null;
    },
  },
  // GUYOT / GUIOT, HENRY / HENRI
  {
    name: 'y_i',
    apply: (n) => {
      const i = n.search(/[YI]/);
      return i > 0 ? n.slice(0, i) + (n[i] === 'Y' ? 'I' : 'Y') + n.slice(i + 1) : null;
    },
  },
];

/** A spelling variant of `name` by one of the rules that apply (chosen at random), or null when none does. */
export function spellingVariant(name: string, rng: Rng): { name: string; rule: string } | null {
  const options = RULES.map((r) => ({ rule: r.name, name: r.apply(name) }))
    .filter((o): o is { rule: string; name: string } => o.name !== null && normaliseForSearch(o.name) !== normaliseForSearch(name) && /^[A-Z]/.test(o.name));
  return options.length === 0 ? null : rng.pick(options);
}

// ----------------------------------------------------------------------------------------------
// Requests drawn from the region.

type PatientSample = { id: string; birth_name: string; used_name: string | null; given_name: string; birth_date: string; sex: 'F' | 'M' };

const DAY_MS = 86_400_000;

function sample(exec: Exec, seed: number, tag: string, where: string, limit: number): Promise<PatientSample[]> {
  return exec<PatientSample>(`select id, birth_name, used_name, given_name, to_char(birth_date, 'YYYY-MM-DD') as birth_date, sex from patients
    where merged_into is null and ${where} order by md5(id::text || '${tag}:${seed}') limit ${Math.max(1, Math.trunc(limit))}`);
}

function bodyOf(p: PatientSample): TypedIdentityBody {
  return { birthName: p.birth_name, usedName: p.used_name, givenName: p.given_name, birthDate: p.birth_date, sex: p.sex };
}

/** A date `days` away from `date`, kept between 1890 and yesterday. */
function shiftDate(date: string, days: number, today: Date): string {
  const t = Math.min(today.getTime() - DAY_MS, Math.max(Date.UTC(1890, 0, 1), Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * `count` typed identities: half are new people (a family name, a given name and sex, and a birth date
 * taken from three different patients, the date moved by up to a year), the other half split evenly
 * between the four kinds of duplicate. Each carries the statement the server will run for it.
 */
export async function prepareIdentityRequests(exec: Exec, options: { seed: number; count?: number; now?: Date }): Promise<IdentityFixture> {
  const count = options.count ?? 4000;
  const seed = options.seed;
  const rng = new Rng(seed * 7 + 3);
  const perKind = Math.ceil(count / 8);
  const exact = await sample(exec, seed, 'exact', 'true', perKind);
  // a transposition is another real date only when the day is 12 or less and differs from the month
  const transposable = await sample(exec, seed, 'transposed', `extract(day from birth_date) <= 12 and extract(day from birth_date) <> extract(month from birth_date)`, perKind);
  const married = await sample(exec, seed, 'used', 'used_name is not null', perKind);
  const variants = await sample(exec, seed, 'phonetic', 'true', perKind * 2);
  const strangers = await sample(exec, seed, 'new', 'true', (count - 4 * perKind) * 3);

  const drafts: Omit<IdentityRequest, 'statement' | 'params'>[] = [];
  for (const p of exact) drafts.push({ kind: 'exact', body: bodyOf(p), originalId: p.id });
  for (const p of transposable) drafts.push({ kind: 'transposed_date', body: { ...bodyOf(p), birthDate: transposedDate(p.birth_date)! }, originalId: p.id });
  for (const p of married) drafts.push({ kind: 'used_name_as_birth_name', body: { ...bodyOf(p), birthName: p.used_name!, usedName: null }, originalId: p.id });
  let phonetic = 0;
  for (const p of variants) {
    if (phonetic >= perKind) break;
    const variant = spellingVariant(p.birth_name, rng);
    if (!variant) continue;
    phonetic++;
    const keyKept = frenchPhoneticKey(variant.name) === frenchPhoneticKey(p.birth_name);
    drafts.push({ kind: 'phonetic_variant', body: { ...bodyOf(p), birthName: variant.name }, originalId: p.id, variant: { rule: variant.rule, from: p.birth_name, keyKept } });
  }
  const today = options.now ?? new Date();
  for (let i = 0; i + 2 < strangers.length && drafts.length < count; i += 3) {
    const [family, given, born] = [strangers[i]!, strangers[i + 1]!, strangers[i + 2]!];
    const days = (rng.next() < 0.5 ? -1 : 1) * (1 + Math.floor(rng.next() * 365));
    drafts.push({
      kind: 'new_person',
      body: { birthName: family.birth_name, usedName: null, givenName: given.given_name, birthDate: shiftDate(born.birth_date, days, today), sex: given.sex },
      originalId: null,
    });
  }

  const prefixDates = await prefixesWithBirthDates(exec, seed, 300);
  return { ...(await withStatements(drafts)), prefixDates };
}

/** The statement findCandidateRows sends for each typed identity, as the code under test builds it now. */
async function withStatements(drafts: Omit<IdentityRequest, 'statement' | 'params'>[]): Promise<{ statements: string[]; requests: IdentityRequest[] }> {
  const statements: string[] = [];
  const requests: IdentityRequest[] = [];
  for (const { statement: _s, params: _p, ...draft } of drafts as IdentityRequest[]) {
    const { text, params } = await captureCandidateSql(candidateQueryOf(draft.body));
    let statement = statements.indexOf(text);
    if (statement < 0) statement = statements.push(text) - 1;
    requests.push({ ...draft, statement, params });
  }
  return { statements, requests };
}

/** A fixture file may predate a change of findCandidateRows: the same typed identities with the current statements. */
export async function recaptureStatements(identity: IdentityFixture): Promise<IdentityFixture> {
  return { ...identity, ...(await withStatements(identity.requests)) };
}

/** A name prefix (3 to 5 letters, as namePrefixes draws them) with the birth date of the same patient. */
async function prefixesWithBirthDates(exec: Exec, seed: number, wanted: number): Promise<{ q: string; birthDate: string }[]> {
  const rows = await exec<{ birth: string; used: string | null; birth_date: string; h: number }>(`
    select search_birth_name as birth, search_used_name as used, to_char(birth_date, 'YYYY-MM-DD') as birth_date, abs(hashtext(id::text || 'bd:${seed}')) as h
    from patients order by md5(id::text || 'bd:${seed}') limit ${wanted * 2}`);
  const out: { q: string; birthDate: string }[] = [];
  for (const r of rows) {
    const word = ((r.used && r.h % 5 === 0 ? r.used : r.birth).split(' ')[0]) ?? '';
    if (word.length < 3) continue;
    out.push({ q: word.slice(0, 3 + (r.h % 3)), birthDate: r.birth_date });
    if (out.length >= wanted) break;
  }
  return out;
}

// ----------------------------------------------------------------------------------------------
// What the searches found, per kind of request.

export type KindTally = { requests: number; found: number; candidates: number; nonEmpty: number };
export type RecallTally = Map<string, KindTally>;

/** Counts one answer: how many candidates, and whether the original record was among them. */
export function tally(into: RecallTally, request: IdentityRequest, candidateIds: readonly string[]): void {
  const keys = [request.kind, ...(request.variant ? [`${request.kind}/${request.variant.keyKept ? 'same_key' : 'other_key'}`] : [])];
  for (const key of keys) {
    const t = into.get(key) ?? { requests: 0, found: 0, candidates: 0, nonEmpty: 0 };
    t.requests++;
    t.candidates += candidateIds.length;
    if (candidateIds.length > 0) t.nonEmpty++;
    if (request.originalId && candidateIds.includes(request.originalId)) t.found++;
    into.set(key, t);
  }
}

/** Per kind: requests, mean candidates, recall of the original (kinds made from a patient), share with any candidate. */
export function recallSummary(tallies: RecallTally): Record<string, { requests: number; avgCandidates: number; recall: number | null; withCandidates: number }> {
  const round = (v: number) => Math.round(v * 10000) / 10000;
  const order = (k: string) => PERTURBATIONS.findIndex((p) => k.startsWith(p)) * 10 + (k.includes('/') ? 1 : 0);
  return Object.fromEntries([...tallies.entries()].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b)).map(([kind, t]) => [kind, {
    requests: t.requests,
    avgCandidates: round(t.candidates / t.requests),
    recall: kind.startsWith('new_person') ? null : round(t.found / t.requests),
    withCandidates: round(t.nonEmpty / t.requests),
  }]));
}
