// Runs one import of a national extraction: streams the file line by line (constant memory), upserts
// in batches of BATCH_LINES (one transaction each, progress saved with it; a commit per 5,000 lines
// rather than 1,000 doubled the throughput on PostgreSQL, bench/README.md), keeps the first bad lines
// with their number and goes on, then marks gone what a full extraction no longer holds.
//
// The run row in directory_imports is the job: its status and counters are what the admin page polls.
// A run runs in the process that started it (CLI or server); a process that dies leaves it
// "running", and the next start marks it interrupted (decision 0007).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Database, Db } from '#src/core/db/connect.ts';
import { newId } from '#src/core/ids.ts';
import { normaliseForSearch } from '#src/core/search-text.ts';
import type { directoryImportChanges, ImportCounts, RecordCounts } from '#src/db/schema/directory.ts';
import { parseFinessLine } from './formats/finess.ts';
import { readLines } from './formats/line-reader.ts';
import { createMailboxParser } from './formats/mssante.ts';
import { createRppsParser } from './formats/rpps.ts';
import type { FinessLine, GeolocationRecord, LineParser, MailboxRecord, OrganizationRecord, Parsed, RppsLine } from './formats/types.ts';
import * as repo from './import-repo.ts';
import type { ImportKind, ImportRow, RecordKind, UpsertOutcome } from './import-repo.ts';

export const BATCH_LINES = 5000;
/** bad lines and itemised changes kept per run; the counters hold the full numbers */
export const MAX_PROBLEMS = 1000;
export const MAX_CHANGES_PER_KIND = 200;

export type ImportRequest = {
  kind: ImportKind;
  path: string;
  fileName: string;
  startedBy: string | null;
  /** a partial extraction marks nothing gone */
  partial: boolean;
};

type Problem = { lineNo: number; message: string };

/** What a run accumulates between two flushes. */
type Batch = {
  rpps: RppsLine[];
  organizations: OrganizationRecord[];
  geolocations: GeolocationRecord[];
  mailboxes: MailboxRecord[];
  problems: Problem[];
};

type RunState = {
  id: string;
  request: ImportRequest;
  linesRead: number;
  bytesRead: number;
  badLines: number;
  problemsKept: number;
  counts: ImportCounts;
  changesKept: Map<string, number>;
};

const emptyBatch = (): Batch => ({ rpps: [], organizations: [], geolocations: [], mailboxes: [], problems: [] });

/** Creates the run row, in the caller's transaction; `runImport` then runs it once that is committed. */
export async function createImportRun(db: Db, request: ImportRequest, now: Date): Promise<ImportRow> {
  const id = newId();
  const bytesTotal = fs.statSync(request.path).size;
  await repo.insertImport(db, {
    id,
    kind: request.kind,
    fileName: request.fileName,
    status: 'running',
    startedAt: now,
    startedBy: request.startedBy,
    bytesTotal,
    partial: request.partial,
  });
  return (await repo.findImport(db, id))!;
}

/** Reads the whole file; never throws: a failure ends the run as "failed" with its reason. */
export async function runImport(database: Database, run: ImportRow, request: ImportRequest): Promise<ImportRow> {
  const state: RunState = { id: run.id, request, linesRead: 0, bytesRead: 0, badLines: 0, problemsKept: 0, counts: {}, changesKept: new Map() };
  try {
    await readAll(database, state);
    if (!request.partial) await database.db.transaction((tx) => markAllGone(tx as unknown as Db, state));
    await repo.updateImport(database.db, run.id, { ...progressOf(state), status: 'done', finishedAt: new Date() });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await repo.updateImport(database.db, run.id, { ...progressOf(state), status: 'failed', finishedAt: new Date(), error: message });
  }
  return (await repo.findImport(database.db, run.id))!;
}

async function readAll(database: Database, state: RunState): Promise<void> {
  let parse: ((line: string) => Parsed<unknown>) | null = state.request.kind === 'finess' ? parseFinessLine : null;
  let batch = emptyBatch();
  let linesInBatch = 0;
  let lastGroup: string | null = null;
  const lines = readLines(state.request.path, { onBytes: (bytes: number) => (state.bytesRead = bytes) });
  for await (const { lineNo, text } of lines) {
    state.linesRead = lineNo;
    if (parse === null) {
      parse = headerParser(state.request.kind, text);
      continue;
    }
    if (text.trim() === '') continue;
    const parsed = parse(text);
    const group = parsed.ok ? groupOf(state.request.kind, parsed.value) : null;
    // a full batch is flushed between two professionals, so each is upserted and counted once
    if (linesInBatch >= BATCH_LINES && (group === null || group !== lastGroup)) {
      await flush(database, state, batch);
      batch = emptyBatch();
      linesInBatch = 0;
    }
    if (parsed.ok) addToBatch(batch, state.request.kind, parsed.value);
    else batch.problems.push({ lineNo, message: parsed.message });
    lastGroup = group;
    linesInBatch += 1;
  }
  if (parse === null) throw new Error('le fichier est vide');
  await flush(database, state, batch);
}

/** The pipe-separated extractions start with a header that says where each column is. */
function headerParser(kind: ImportKind, header: string): (line: string) => Parsed<unknown> {
  const built: Parsed<LineParser<unknown>> = kind === 'rpps' ? createRppsParser(header) : createMailboxParser(header);
  if (!built.ok) throw new Error(`ligne 1 (en-tête) : ${built.message}`);
  return built.value;
}

/** The lines that must stay in one batch: a professional's practices (the extraction lists them together). */
function groupOf(kind: ImportKind, value: unknown): string | null {
  return kind === 'rpps' ? (value as RppsLine).professional.idNatPs : null;
}

function addToBatch(batch: Batch, kind: ImportKind, value: unknown): void {
  if (kind === 'rpps') batch.rpps.push(value as RppsLine);
  else if (kind === 'mssante') batch.mailboxes.push(value as MailboxRecord);
  else {
    const line = value as FinessLine;
    if (line.kind === 'organization') batch.organizations.push(line.record);
    else if (line.kind === 'geolocation') batch.geolocations.push(line.record);
  }
}

async function flush(database: Database, state: RunState, batch: Batch): Promise<void> {
  await database.db.transaction(async (txHandle) => {
    const tx = txHandle as unknown as Db;
    const now = new Date();
    await upsertRpps(tx, state, batch.rpps, now);
    await record(tx, state, 'organization', await repo.upsertBatch(tx, repo.ORGANIZATION_SHAPE, state.id, distinctBy(batch.organizations, (o) => o.finess).map((o) => organizationRow(o, state.id, now))));
    await record(tx, state, 'organization', await repo.updateCoordinates(tx, state.id, now, distinctBy(batch.geolocations, (g) => g.finess)), false);
    await record(tx, state, 'mailbox', await repo.upsertBatch(tx, repo.MAILBOX_SHAPE, state.id, distinctBy(batch.mailboxes, (m) => m.address).map((m) => mailboxRow(m, state.id, now))));
    await keepProblems(tx, state, batch.problems);
    await repo.updateImport(tx, state.id, progressOf(state));
  });
}

async function upsertRpps(tx: Db, state: RunState, lines: RppsLine[], now: Date): Promise<void> {
  if (lines.length === 0) return;
  const professionals = distinctBy(lines.map((l) => l.professional), (p) => p.idNatPs);
  const outcomes = await repo.upsertBatch(tx, repo.PROFESSIONAL_SHAPE, state.id, professionals.map((p) => professionalRow(p, state.id, now)));
  await record(tx, state, 'professional', outcomes);
  const ids = new Map(outcomes.map((o) => [o.identifier, o.id]));
  const activities = distinctBy(lines.map((l) => l.activity), (a) => a.activityKey);
  await record(tx, state, 'activity', await repo.upsertBatch(tx, repo.ACTIVITY_SHAPE, state.id, activities.map((a) => activityRow(a, ids.get(a.idNatPs)!, state.id, now))));
}

/** Adds a batch's outcomes to the counters and keeps the first itemised changes. */
async function record(tx: Db, state: RunState, kind: RecordKind, outcomes: UpsertOutcome[], countUnchanged = true): Promise<void> {
  const counts = countsOf(state, kind);
  const changes: (typeof directoryImportChanges.$inferInsert)[] = [];
  for (const outcome of outcomes) {
    if (outcome.again) continue;
    const change = outcome.inserted ? 'added' : outcome.changed ? 'changed' : null;
    if (change === null) {
      if (countUnchanged) counts.unchanged += 1;
      continue;
    }
    counts[change] += 1;
    if (keepChange(state, change, kind)) changes.push({ importId: state.id, change, recordKind: kind, identifier: outcome.identifier, label: outcome.label });
  }
  await repo.insertChanges(tx, changes);
}

async function markAllGone(tx: Db, state: RunState): Promise<void> {
  for (const [kind, shape] of SHAPES_OF[state.request.kind]) {
    const gone = await repo.markGone(tx, shape, state.id, MAX_CHANGES_PER_KIND);
    countsOf(state, kind).gone += gone.count;
    await repo.insertChanges(tx, gone.sample.map((g) => ({ importId: state.id, change: 'gone', recordKind: kind, ...g })));
  }
}

const SHAPES_OF: Record<ImportKind, [RecordKind, typeof repo.PROFESSIONAL_SHAPE][]> = {
  rpps: [['activity', repo.ACTIVITY_SHAPE], ['professional', repo.PROFESSIONAL_SHAPE]],
  finess: [['organization', repo.ORGANIZATION_SHAPE]],
  mssante: [['mailbox', repo.MAILBOX_SHAPE]],
};

async function keepProblems(tx: Db, state: RunState, problems: Problem[]): Promise<void> {
  state.badLines += problems.length;
  const room = Math.max(0, MAX_PROBLEMS - state.problemsKept);
  const kept = problems.slice(0, room);
  state.problemsKept += kept.length;
  await repo.insertProblems(tx, kept.map((p) => ({ importId: state.id, lineNo: p.lineNo, message: p.message.slice(0, 500) })));
}

function keepChange(state: RunState, change: string, kind: RecordKind): boolean {
  const key = `${change}:${kind}`;
  const kept = state.changesKept.get(key) ?? 0;
  if (kept >= MAX_CHANGES_PER_KIND) return false;
  state.changesKept.set(key, kept + 1);
  return true;
}

function countsOf(state: RunState, kind: RecordKind): RecordCounts {
  const counts = (state.counts[kind] ??= { added: 0, changed: 0, unchanged: 0, gone: 0 });
  return counts;
}

function progressOf(state: RunState) {
  return { linesRead: state.linesRead, bytesRead: state.bytesRead, badLines: state.badLines, counts: state.counts };
}

/** Keeps the last record of each key: one upsert statement may not touch a row twice. */
function distinctBy<T>(items: T[], keyOf: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [keyOf(item), item])).values()];
}

// ---- rows ---------------------------------------------------------------------------------------

function hashOf(record: object): string {
  return createHash('sha1').update(JSON.stringify(record)).digest('base64url');
}

function marks(record: object, importId: string, now: Date) {
  return { id: newId(), content_hash: hashOf(record), first_import_id: importId, seen_import_id: importId, updated_at: now.toISOString() };
}

function professionalRow(p: RppsLine['professional'], importId: string, now: Date) {
  return {
    ...marks(p, importId, now),
    id_nat_ps: p.idNatPs,
    rpps: p.rpps,
    civility: p.civility,
    family_name: p.familyName,
    given_name: p.givenName,
    profession_code: p.professionCode,
    profession_label: p.professionLabel,
    category_code: p.categoryCode,
    search_name: normaliseForSearch(`${p.familyName} ${p.givenName}`),
  };
}

function activityRow(a: RppsLine['activity'], professionalId: string, importId: string, now: Date) {
  return {
    ...marks(a, importId, now),
    professional_id: professionalId,
    activity_key: a.activityKey,
    mode_code: a.modeCode,
    mode_label: a.modeLabel,
    role_code: a.roleCode,
    role_label: a.roleLabel,
    skill_code: a.skillCode,
    skill_label: a.skillLabel,
    site_siret: a.siteSiret,
    site_finess: a.siteFiness,
    legal_finess: a.legalFiness,
    site_name: a.siteName,
    address: a.address,
    postal_code: a.postalCode,
    commune_insee: a.communeInsee,
    commune_name: a.communeName,
    phone: a.phone,
    email: a.email,
  };
}

function organizationRow(o: OrganizationRecord, importId: string, now: Date) {
  return {
    ...marks(o, importId, now),
    finess: o.finess,
    legal_finess: o.legalFiness,
    name: o.name,
    long_name: o.longName,
    category_code: o.categoryCode,
    category_label: o.categoryLabel,
    aggregate_code: o.aggregateCode,
    aggregate_label: o.aggregateLabel,
    siret: o.siret,
    address: o.address,
    postal_code: o.postalCode,
    commune_insee: o.communeInsee,
    commune_name: o.communeName,
    phone: o.phone,
    opened_on: o.openedOn,
    search_name: normaliseForSearch(`${o.name} ${o.longName ?? ''}`),
  };
}

function mailboxRow(m: MailboxRecord, importId: string, now: Date) {
  return {
    ...marks(m, importId, now),
    address: m.address,
    box_type: m.boxType,
    id_nat_ps: m.idNatPs,
    structure_id_kind: m.structureIdKind,
    structure_identifier: m.structureIdentifier,
    finess: m.finess,
    service: m.service,
    label: m.label,
  };
}
