// Use cases of the patient's identity record: search, duplicate candidates, create, read, update.
// Every read and write is audited; identity changes also land in the identity history.
import { assertAllowed, canDo } from '#src/core/auth/access.ts';
import { appendAudit } from '#src/core/audit/audit.ts';
import type { Ctx } from '#src/core/context.ts';
import { emitEvent } from '#src/core/events/outbox.ts';
import { BadInput, Conflict } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { normaliseForSearch } from '#src/core/search-text.ts';
import * as repo from './repo.ts';
import { checkBirthDate, nameSplitsOf, searchNamesOf } from './rules.ts';
import { applyIdentityEvent, checkInsOid, statusOf, type IdentityFacts, type IdentityStatus } from './identity-rules.ts';
import { checkNir, nirIncoherences } from './nir.ts';
import { frenchPhoneticKey } from './phonetic.ts';
import { rankCandidates, transposedDate, type CandidateReason, type TypedIdentity } from './vigilance-rules.ts';
import { assertEditable, factColumns, loadPatientFor, recordIdentityEvent } from './identity-record.ts';
import { openDuplicateSuspicion } from './vigilance-service.ts';
import { factsOf, toSummary, toView, type DocumentKind, type PatientSummary, type PatientView, type Sex } from './views.ts';

export type { PatientSummary, PatientView, Sex, IdentityStatus };

export type PatientInput = {
  birthName: string;
  usedName?: string | null | undefined;
  givenName: string;
  birthGivenNames?: string | null | undefined;
  usedGivenName?: string | null | undefined;
  birthDate: string;
  sex: Sex;
  birthplaceInsee?: string | null | undefined;
  birthplaceName?: string | null | undefined;
  addressLine?: string | null | undefined;
  postalCode?: string | null | undefined;
  communeInsee?: string | null | undefined;
  communeName?: string | null | undefined;
  phone?: string | null | undefined;
};

/** An identity received from another system (FHIR): an INS and the status its sender declares. */
export type ReceivedIdentity = {
  ins: { matricule: string; oid: string } | null;
  declared: { status: IdentityStatus; methodCollection: string | null; validationMode: DocumentKind | null; insiCalledAt: string | null; validatedAt: string | null } | null;
};

export type SaveOptions = {
  /** Candidates the user saw and judged to be other people; any other candidate stops the save (409). */
  reviewedCandidates?: readonly string[] | undefined;
  /** Systems cannot review: their candidates are queued for the identity referent instead. */
  onCandidates?: 'refuse' | 'queue';
  received?: ReceivedIdentity | undefined;
  production?: boolean;
};

export type DuplicateCandidate = { patient: PatientSummary; score: number; reasons: CandidateReason[] };

const STRICT_TRAITS = ['birthName', 'givenName', 'birthGivenNames', 'birthDate', 'sex', 'birthplaceInsee'] as const;

function identityColumns(input: PatientInput) {
  return {
    birthName: input.birthName.toUpperCase(),
    usedName: input.usedName ? input.usedName.toUpperCase() : null,
    givenName: input.givenName,
    birthGivenNames: input.birthGivenNames || input.givenName,
    usedGivenName: input.usedGivenName || null,
    birthDate: input.birthDate,
    sex: input.sex,
    birthplaceInsee: input.birthplaceInsee ? input.birthplaceInsee.toUpperCase() : null,
    birthplaceName: input.birthplaceName ?? null,
    addressLine: input.addressLine ?? null,
    postalCode: input.postalCode ?? null,
    communeInsee: input.communeInsee ?? null,
    communeName: input.communeName ?? null,
    phone: input.phone ?? null,
  };
}

/** The stored search and phonetic keys of a set of names. */
export function nameKeysOf(columns: { birthName: string; usedName: string | null; givenName: string }) {
  return {
    ...searchNamesOf(columns),
    phoneticBirthName: frenchPhoneticKey(columns.birthName),
    phoneticUsedName: columns.usedName ? frenchPhoneticKey(columns.usedName) : null,
  };
}

async function viewOf(ctx: Ctx, row: repo.PatientRow): Promise<PatientView> {
  return toView(row, await repo.findInsOf(ctx.db, [row.id]));
}

/** Searches the region's live records by name prefix, birth date, INS and commune. Right: patient.search. */
export async function searchPatients(
  ctx: Ctx,
  query: { q: string; birthDate?: string | undefined; ins?: string | undefined; communeInsee?: string | undefined; limit: number },
): Promise<PatientSummary[]> {
  assertAllowed(ctx, 'patient.search');
  const rows = await repo.searchPatients(ctx.db, { ...query, splits: nameSplitsOf(query.q) });
  await appendAudit(ctx, {
    action: 'patient.search',
    outcome: 'allowed',
    details: { q: query.q, birthDate: query.birthDate ?? null, ins: query.ins ? 'given' : null, communeInsee: query.communeInsee ?? null, results: rows.length },
  });
  return rows.map(toSummary);
}

/** The candidate search for a typed identity: its birth date and transposition, names, keys (also used by bench/). */
export function candidateQueryOf(typed: TypedIdentity, options: { insMatricules?: string[]; excludeIds?: string[] } = {}): repo.CandidateQuery {
  const typedNames = [typed.birthName, typed.usedName].filter((n): n is string => !!n);
  return {
    birthDates: [typed.birthDate, transposedDate(typed.birthDate)].filter((d): d is string => d !== null),
    names: typedNames.map(normaliseForSearch),
    givenName: normaliseForSearch(typed.givenName),
    phoneticKeys: typedNames.map(frenchPhoneticKey).filter(Boolean),
    birthYear: typed.birthDate.slice(0, 4),
    monthDay: typed.birthDate.slice(5),
    insMatricules: options.insMatricules ?? [],
    excludeIds: options.excludeIds ?? [],
  };
}

async function candidatesFor(ctx: Ctx, typed: TypedIdentity, options: { insMatricules?: string[]; excludeIds?: string[] }): Promise<DuplicateCandidate[]> {
  const rows = await repo.findCandidateRows(ctx.db, candidateQueryOf(typed, options));
  return rankCandidates(typed, rows).map(({ row, score, reasons }) => ({ patient: toSummary(row), score, reasons }));
}

/** Records that may be the person being typed, best first. Right: patient.create (or update when editing one). */
export async function findDuplicateCandidates(ctx: Ctx, typed: TypedIdentity & { excludePatientId?: string | undefined }): Promise<DuplicateCandidate[]> {
  assertAllowed(ctx, typed.excludePatientId ? 'patient.update' : 'patient.create');
  checkBirthDate(typed.birthDate, ctx.now);
  const candidates = await candidatesFor(ctx, typed, { excludeIds: typed.excludePatientId ? [typed.excludePatientId] : [] });
  await appendAudit(ctx, { action: 'patient.duplicate-search', outcome: 'allowed', details: { results: candidates.length } });
  return candidates;
}

/** Stops the save when candidates were not reviewed; returns those to queue for the identity referent. */
function unreviewedCandidates(candidates: DuplicateCandidate[], options: SaveOptions): DuplicateCandidate[] {
  const reviewed = new Set(options.reviewedCandidates ?? []);
  const unreviewed = candidates.filter((c) => !reviewed.has(c.patient.id));
  if (unreviewed.length > 0 && (options.onCandidates ?? 'refuse') === 'refuse') {
    throw new Conflict('patients.possible_duplicates', 'Possible duplicates: review them, then save again', { candidates: unreviewed });
  }
  return candidates;
}

/** Checks a received INS (key, OID, coherence with the traits): the sender's error is a 400 on `ins`. */
function checkReceivedIns(ins: { matricule: string; oid: string }, columns: ReturnType<typeof identityColumns>, production: boolean): string {
  const check = checkNir(ins.matricule);
  if (!check.valid) throw new BadInput('identity.nir_invalid', `Not a valid INS matricule (${check.reason})`, { ins: `bad NIR ${check.reason}` });
  checkInsOid(ins.oid, production);
  const errors = nirIncoherences(check.nir, columns).filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new BadInput('identity.nir_incoherent', 'The INS does not match the traits', { ins: errors.map((e) => e.message).join('; ') });
  return check.nir;
}

/**
 * The facts a received identity may set. The declared status is trusted only from accounts holding
 * patient.declare-identity-status; otherwise, or without a declaration, the record starts PROV and the
 * INS waits ("received") for an INSi verification.
 */
function receivedFacts(ctx: Ctx, received: ReceivedIdentity | undefined): { facts: IdentityFacts; trusted: boolean } {
  const declared = received?.declared;
  const trusted = !!declared && !!received?.ins && canDo(ctx, 'patient.declare-identity-status');
  if (!trusted) return { facts: { retrieved: false, checked: false, attributes: [] }, trusted: false };
  const status = declared.status;
  return { facts: { retrieved: status === 'RECUP' || status === 'QUAL', checked: status === 'VALI' || status === 'QUAL', attributes: [] }, trusted: true };
}

/** Creates a patient; the identity is provisional unless a trusted sender declares more. Right: patient.create. */
export async function createPatient(ctx: Ctx, input: PatientInput, options: SaveOptions = {}): Promise<PatientView> {
  assertAllowed(ctx, 'patient.create');
  checkBirthDate(input.birthDate, ctx.now);
  const columns = identityColumns(input);
  const received = options.received;
  const nir = received?.ins ? checkReceivedIns(received.ins, columns, options.production ?? false) : null;
  const candidates = unreviewedCandidates(await candidatesFor(ctx, columns, { insMatricules: nir ? [nir] : [] }), options);
  const { facts, trusted } = receivedFacts(ctx, received);
  const declared = trusted ? received!.declared! : null;
  const id = newId(ctx.now.getTime());
  await repo.insertPatient(ctx.db, {
    id,
    ...columns,
    ...nameKeysOf(columns),
    ...factColumns(facts),
    insiCalledAt: facts.retrieved ? (declared?.insiCalledAt ? new Date(declared.insiCalledAt) : ctx.now) : null,
    insiChannel: facts.retrieved ? (declared?.methodCollection ?? 'received') : null,
    validationMode: facts.checked ? declared?.validationMode ?? null : null,
    validatedAt: facts.checked ? (declared?.validatedAt ? new Date(declared.validatedAt) : ctx.now) : null,
    createdAt: ctx.now,
    createdBy: ctx.actor.personId,
    version: 1,
  });
  await recordIdentityEvent(ctx, id, { kind: 'created', statusBefore: null, statusAfter: statusOf(facts) });
  if (received?.ins && nir) {
    const state = facts.retrieved ? 'active' : 'received';
    await repo.insertIns(ctx.db, { id: newId(ctx.now.getTime()), patientId: id, matricule: nir, oid: received.ins.oid, state, source: 'fhir', recordedAt: ctx.now, endedAt: null });
    await recordIdentityEvent(ctx, id, { kind: 'ins_received', statusBefore: statusOf(facts), statusAfter: statusOf(facts), details: { trusted, declaredStatus: received.declared?.status ?? null } });
  }
  await appendAudit(ctx, { action: 'patient.create', outcome: 'allowed', patientId: id, objectType: 'Patient', objectId: id });
  await emitEvent(ctx, { type: 'patient.created', patientId: id, payload: {} });
  for (const candidate of candidates) await openDuplicateSuspicion(ctx, id, candidate);
  return viewOf(ctx, (await repo.findPatientById(ctx.db, id))!);
}

/** Reads a patient's identity (a merged record too, with its redirect). Right: patient.read. */
export async function getPatient(ctx: Ctx, patientId: string): Promise<PatientView> {
  const row = await loadPatientFor(ctx, patientId, 'patient.read');
  await appendAudit(ctx, { action: 'patient.read', outcome: 'allowed', patientId, objectType: 'Patient', objectId: patientId });
  return viewOf(ctx, row);
}

function changedStrictTraits(current: repo.PatientRow, next: ReturnType<typeof identityColumns>): string[] {
  return STRICT_TRAITS.filter((trait) => (current[trait] ?? null) !== (next[trait] ?? null));
}

/**
 * Changes identity fields; the caller sends the version it read. R-INS-4: strict traits of a RECUP or
 * QUAL identity are read-only (409); editing one of a VALI identity sends it back to PROV.
 * Right: patient.update.
 */
export async function updatePatient(ctx: Ctx, patientId: string, version: number, changes: Partial<PatientInput>, options: SaveOptions = {}): Promise<PatientView> {
  const current = await loadPatientFor(ctx, patientId, 'patient.update');
  assertEditable(current, version);
  const merged: PatientInput = { ...toView(current, []), ...changes };
  checkBirthDate(merged.birthDate, ctx.now);
  const columns = identityColumns(merged);
  const edited = changedStrictTraits(current, columns);
  const facts = edited.length > 0 ? applyIdentityEvent(factsOf(current), { type: 'strict_trait_edited' }) : factsOf(current);
  const namesChanged = edited.some((t) => t === 'birthName' || t === 'givenName' || t === 'birthDate') || (current.usedName ?? null) !== columns.usedName;
  const candidates = namesChanged ? unreviewedCandidates(await candidatesFor(ctx, columns, { excludeIds: [patientId] }), options) : [];
  const checkLost = current.documentChecked && !facts.checked;
  const updated = await repo.updatePatientIfVersion(ctx.db, patientId, version, {
    ...columns,
    ...nameKeysOf(columns),
    ...factColumns(facts),
    ...(checkLost ? { validationMode: null, validatedAt: null } : {}),
  });
  if (!updated) throw new Conflict('patients.version_stale', 'The patient was changed by someone else', { currentVersion: current.version });
  if (edited.length > 0) {
    await recordIdentityEvent(ctx, patientId, { kind: 'traits_edited', statusBefore: current.identityStatus, statusAfter: statusOf(facts), details: { traits: edited } });
  }
  await appendAudit(ctx, { action: 'patient.update', outcome: 'allowed', patientId, objectType: 'Patient', objectId: patientId, details: { fields: Object.keys(changes) } });
  await emitEvent(ctx, { type: 'patient.updated', patientId, payload: { fields: Object.keys(changes) } });
  for (const candidate of candidates) await openDuplicateSuspicion(ctx, patientId, candidate);
  return viewOf(ctx, (await repo.findPatientById(ctx.db, patientId))!);
}

/** For other capabilities that already decided access (the files list): summaries by id, not audited here. */
export async function findPatientSummaries(ctx: Ctx, ids: readonly string[]): Promise<Map<string, PatientSummary>> {
  const rows = await repo.findPatientsByIds(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, toSummary(row)]));
}

/** For the file page, whose own read is audited: the full identity. */
export async function findPatientView(ctx: Ctx, id: string): Promise<PatientView | null> {
  const row = await repo.findPatientById(ctx.db, id);
  return row ? viewOf(ctx, row) : null;
}

/** Ids of patients whose names match, to filter lists held by other capabilities. */
export async function findPatientIdsByName(ctx: Ctx, q: string, limit = 500): Promise<string[]> {
  const rows = await repo.searchPatients(ctx.db, { splits: nameSplitsOf(q), limit });
  return rows.map((row) => row.id);
}

/** The search of FHIR clients, who get whole resources: the same criteria and audit as searchPatients. Right: patient.search. */
export async function findPatientViewsForSearch(
  ctx: Ctx,
  query: { byId: string } | { q: string; birthDate?: string | undefined; ins?: string | undefined; limit: number },
): Promise<PatientView[]> {
  assertAllowed(ctx, 'patient.search');
  const rows = 'byId' in query
    ? [await repo.findPatientById(ctx.db, query.byId)].filter((r): r is repo.PatientRow => r !== undefined)
    : await repo.searchPatients(ctx.db, { ...query, splits: nameSplitsOf(query.q) });
  await appendAudit(ctx, { action: 'patient.search', outcome: 'allowed', details: { via: 'fhir', results: rows.length } });
  const ins = await repo.findInsOf(ctx.db, rows.map((r) => r.id));
  return rows.map((row) => toView(row, ins.filter((i) => i.patientId === row.id)));
}

/**
 * An INS sent by another system for a known record: kept "received" until INSi confirms it, never
 * trusted as is (R-INS-5: the INS comes from INSi). Nothing changes when the record already holds it.
 * Right: patient.update.
 */
export async function receiveIns(ctx: Ctx, patientId: string, ins: { matricule: string; oid: string }, production: boolean): Promise<PatientView> {
  const row = await loadPatientFor(ctx, patientId, 'patient.update');
  const nir = checkReceivedIns(ins, identityColumns(toView(row, [])), production);
  const known = await repo.findInsOf(ctx.db, [patientId]);
  if (!known.some((k) => k.matricule === nir && k.state !== 'old')) {
    await repo.endIns(ctx.db, patientId, ['received'], ctx.now, 'old');
    await repo.insertIns(ctx.db, { id: newId(ctx.now.getTime()), patientId, matricule: nir, oid: ins.oid, state: 'received', source: 'fhir', recordedAt: ctx.now, endedAt: null });
    await recordIdentityEvent(ctx, patientId, { kind: 'ins_received', statusBefore: row.identityStatus, statusAfter: row.identityStatus, details: { trusted: false } });
    await appendAudit(ctx, { action: 'identity.ins-received', outcome: 'allowed', patientId, objectType: 'Patient', objectId: patientId });
  }
  return viewOf(ctx, (await repo.findPatientById(ctx.db, patientId))!);
}
