// Use cases that move an identity's status: the INSi call, the identity-document check, the doubtful and
// fictitious attributes; and the identity history. domain/rules.md §2.
import { appendAudit } from '#src/core/audit/audit.ts';
import type { Ctx } from '#src/core/context.ts';
import { emitEvent } from '#src/core/events/outbox.ts';
import { BadInput, Conflict, DomainError } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { findPeopleRefs, type PersonRef } from '#src/accounts/service.ts';
import { InsiUnavailable, type InsiCaller, type InsiClient, type InsiSearchResult, type InsiSearchTraits } from '#src/insi/types.ts';
import * as repo from './repo.ts';
import { applyIdentityEvent, checkInsOid, mayCallInsi, statusOf, type IdentityFacts } from './identity-rules.ts';
import { assertEditable, changeAttributes, factColumns, loadPatientFor, recordIdentityEvent, type IdentityEventKind } from './identity-record.ts';
import { findPatientView, nameKeysOf } from './service.ts';
import { openDuplicateSuspicion } from './vigilance-service.ts';
import { factsOf, toSummary, type DocumentKind, type PatientView } from './views.ts';

/** Runs one step of a use case in its own transaction: the INSi call must not hold one open. */
export type UseCaseStep = <T>(work: (ctx: Ctx) => Promise<T>) => Promise<T>;

export type IdentityEventView = {
  id: string;
  at: Date;
  kind: IdentityEventKind;
  by: PersonRef | null;
  statusBefore: string | null;
  statusAfter: string;
  details: Record<string, unknown>;
};

/** High-trust documents check an adult's identity; a birth certificate or family record book only a minor's. */
const ADULT_DOCUMENTS: readonly DocumentKind[] = ['CNI', 'PASSPORT', 'RESIDENCE_PERMIT'];
const MINOR_DOCUMENTS: readonly DocumentKind[] = [...ADULT_DOCUMENTS, 'BIRTH_CERTIFICATE', 'FAMILY_RECORD_BOOK'];

function isMinor(birthDate: string, now: Date): boolean {
  const eighteenth = new Date(`${birthDate}T00:00:00Z`);
  eighteenth.setUTCFullYear(eighteenth.getUTCFullYear() + 18);
  return eighteenth.getTime() > now.getTime();
}

async function viewOf(ctx: Ctx, id: string): Promise<PatientView> {
  return (await findPatientView(ctx, id))!;
}

async function saveFacts(ctx: Ctx, row: repo.PatientRow, facts: IdentityFacts, extra: Partial<repo.PatientInsert>): Promise<void> {
  const saved = await repo.updatePatientIfVersion(ctx.db, row.id, row.version, { ...factColumns(facts), ...extra });
  if (!saved) throw new Conflict('patients.version_stale', 'The patient was changed by someone else', { currentVersion: row.version });
}

function insiTraitsOf(row: repo.PatientRow): InsiSearchTraits {
  if (row.sex === 'U') throw new BadInput('identity.sex_required', 'INSi needs the sex (F or M)', { sex: 'F or M for an INSi call' });
  return { birthName: row.birthName, givenNames: row.birthGivenNames || row.givenName, birthDate: row.birthDate, sex: row.sex as 'F' | 'M', birthplaceInsee: row.birthplaceInsee };
}

function insiCallerOf(ctx: Ctx): InsiCaller {
  const acting = ctx.actor.acting;
  return { personId: ctx.actor.personId ?? 'system', displayName: ctx.actor.displayName, rpps: null, structureName: acting?.structureName ?? 'Trame', structureFiness: null };
}

/**
 * "Récupérer l'INS": calls INSi with the record's traits. When one identity answers, the strict traits
 * take the INSi values (R-INS-4), the INS is stored and the status moves (PROV→RECUP, VALI→QUAL). A
 * document check made on traits INSi then corrected no longer holds. Every call is recorded (R-INS-6).
 * Right: patient.manage-identity.
 */
export async function retrieveIns(
  step: UseCaseStep,
  insi: InsiClient | null,
  request: { patientId: string; version: number; production: boolean },
): Promise<{ outcome: InsiSearchResult['outcome']; correctedTraits: string[]; patient: PatientView }> {
  const { traits, caller, received } = await step(async (ctx) => {
    const row = await loadPatientFor(ctx, request.patientId, 'patient.manage-identity');
    assertEditable(row, request.version);
    if (!mayCallInsi(factsOf(row))) throw new Conflict('identity.insi_forbidden', 'No INSi call for a doubtful or fictitious identity');
    const pending = (await repo.findInsOf(ctx.db, [row.id])).find((r) => r.state === 'received');
    return { traits: { ...insiTraitsOf(row), firstGivenName: row.givenName }, caller: insiCallerOf(ctx), received: pending ? { matricule: pending.matricule, oid: pending.oid } : null };
  });
  if (!insi) throw new DomainError(503, 'identity.insi_unavailable', 'The INSi teleservice is not configured');
  let answer: InsiSearchResult;
  try {
    answer = await askInsi(insi, traits, caller, received);
  } catch (error) {
    if (!(error instanceof InsiUnavailable)) throw error;
    await step((ctx) => recordInsiCall(ctx, request.patientId, { outcome: 'unavailable', channel: insi.channel }));
    throw new DomainError(503, 'identity.insi_unavailable', 'The INSi teleservice did not answer; try again later');
  }
  return step(async (ctx) => {
    if (answer.outcome !== 'found') {
      await recordInsiCall(ctx, request.patientId, { outcome: answer.outcome, channel: insi.channel });
      return { outcome: answer.outcome, correctedTraits: [], patient: await viewOf(ctx, request.patientId) };
    }
    const correctedTraits = await applyInsiIdentity(ctx, request, answer.identity, insi.channel);
    return { outcome: answer.outcome, correctedTraits, patient: await viewOf(ctx, request.patientId) };
  });
}

/**
 * An INS received from another system is first verified with the record's traits (INSi "vérification");
 * when INSi confirms it, the traits stand as they are. Otherwise, or without one, INSi is searched by traits.
 */
async function askInsi(insi: InsiClient, traits: InsiSearchTraits & { firstGivenName: string }, caller: InsiCaller, received: { matricule: string; oid: string } | null): Promise<InsiSearchResult> {
  if (received && (await insi.verifyIns(received, traits, caller)).outcome === 'valid') {
    return {
      outcome: 'found',
      identity: { ...received, birthName: traits.birthName, firstGivenName: traits.firstGivenName, givenNames: traits.givenNames, birthDate: traits.birthDate, sex: traits.sex, birthplaceInsee: traits.birthplaceInsee ?? '' },
    };
  }
  return insi.searchByTraits(traits, caller);
}

async function recordInsiCall(ctx: Ctx, patientId: string, call: { outcome: string; channel: string }): Promise<void> {
  const row = (await repo.findPatientById(ctx.db, patientId))!;
  await repo.setPatientColumns(ctx.db, patientId, { insiCalledAt: ctx.now, insiChannel: call.channel });
  await recordIdentityEvent(ctx, patientId, { kind: 'insi_called', statusBefore: row.identityStatus, statusAfter: row.identityStatus, details: call });
  await appendAudit(ctx, { action: 'identity.insi-call', outcome: 'allowed', patientId, objectType: 'Patient', objectId: patientId, details: call });
}

type InsiIdentity = Extract<InsiSearchResult, { outcome: 'found' }>['identity'];

async function applyInsiIdentity(ctx: Ctx, request: { patientId: string; version: number; production: boolean }, identity: InsiIdentity, channel: string): Promise<string[]> {
  const row = await loadPatientFor(ctx, request.patientId, 'patient.manage-identity');
  assertEditable(row, request.version);
  checkInsOid(identity.oid, request.production);
  const traits = {
    birthName: identity.birthName.toUpperCase(),
    givenName: identity.firstGivenName,
    birthGivenNames: identity.givenNames,
    birthDate: identity.birthDate,
    sex: identity.sex,
    birthplaceInsee: identity.birthplaceInsee || null,
  };
  const corrected = (Object.keys(traits) as (keyof typeof traits)[]).filter((k) => (row[k] ?? null) !== traits[k]);
  const retrieved = applyIdentityEvent(factsOf(row), { type: 'insi_retrieved' });
  const facts = corrected.length > 0 ? { ...retrieved, checked: false } : retrieved;
  await saveFacts(ctx, row, facts, {
    ...traits,
    ...(corrected.includes('birthplaceInsee') ? { birthplaceName: null } : {}),
    ...nameKeysOf({ birthName: traits.birthName, usedName: row.usedName, givenName: traits.givenName }),
    insiCalledAt: ctx.now,
    insiChannel: channel,
    ...(facts.checked ? {} : { validationMode: null, validatedAt: null }),
  });
  await repo.endIns(ctx.db, row.id, ['active', 'received'], ctx.now, 'old');
  await repo.insertIns(ctx.db, { id: newId(ctx.now.getTime()), patientId: row.id, matricule: identity.matricule, oid: identity.oid, state: 'active', source: 'insi', recordedAt: ctx.now, endedAt: null });
  await recordIdentityEvent(ctx, row.id, {
    kind: 'insi_called',
    statusBefore: row.identityStatus,
    statusAfter: statusOf(facts),
    details: { outcome: 'found', channel, correctedTraits: corrected, documentCheckLost: row.documentChecked && !facts.checked },
  });
  await appendAudit(ctx, { action: 'identity.insi-call', outcome: 'allowed', patientId: row.id, objectType: 'Patient', objectId: row.id, details: { outcome: 'found', channel } });
  await emitEvent(ctx, { type: 'patient.identityChanged', patientId: row.id, payload: { status: statusOf(facts) } });
  await queueSameIns(ctx, row.id, identity.matricule);
  return corrected;
}

/** Two live records with one INS are one person twice: queued for the identity referent. */
async function queueSameIns(ctx: Ctx, patientId: string, matricule: string): Promise<void> {
  const others = (await repo.findPatientIdsByIns(ctx.db, matricule)).filter((id) => id !== patientId);
  for (const other of await repo.findPatientsByIds(ctx.db, others)) {
    if (!other.mergedInto) await openDuplicateSuspicion(ctx, patientId, { patient: toSummary(other), score: 100, reasons: ['same_ins'] });
  }
}

/** The traits were checked against an identity document (PROV→VALI, RECUP→QUAL). Right: patient.manage-identity. */
export async function checkIdentityDocument(ctx: Ctx, patientId: string, version: number, document: DocumentKind): Promise<PatientView> {
  const row = await loadPatientFor(ctx, patientId, 'patient.manage-identity');
  assertEditable(row, version);
  const allowed = isMinor(row.birthDate, ctx.now) ? MINOR_DOCUMENTS : ADULT_DOCUMENTS;
  if (!allowed.includes(document)) {
    throw new BadInput('identity.document_not_high_trust', 'This document checks the identity of a minor only', { document: 'not a high-trust document for an adult' });
  }
  const facts = applyIdentityEvent(factsOf(row), { type: 'document_checked', mode: document });
  await saveFacts(ctx, row, facts, { validationMode: document, validatedAt: ctx.now });
  await recordIdentityEvent(ctx, patientId, { kind: 'document_checked', statusBefore: row.identityStatus, statusAfter: statusOf(facts), details: { mode: document } });
  await appendAudit(ctx, { action: 'identity.document-check', outcome: 'allowed', patientId, objectType: 'Patient', objectId: patientId, details: { document } });
  await emitEvent(ctx, { type: 'patient.identityChanged', patientId, payload: { status: statusOf(facts) } });
  return viewOf(ctx, patientId);
}

/** Sets or clears "identité douteuse" (DOUT) or "identité fictive" (FICT), with the reason. Right: patient.manage-identity. */
export async function setIdentityFlag(ctx: Ctx, patientId: string, input: { version: number; attribute: 'DOUT' | 'FICT'; set: boolean; reason: string }): Promise<PatientView> {
  const row = await loadPatientFor(ctx, patientId, 'patient.manage-identity');
  assertEditable(row, input.version);
  const event = input.set ? ({ type: 'attribute_set', attribute: input.attribute } as const) : ({ type: 'attribute_cleared', attribute: input.attribute } as const);
  applyIdentityEvent(factsOf(row), event);
  await changeAttributes(ctx, row, input.set ? { add: [input.attribute] } : { remove: [input.attribute] }, { reason: input.reason });
  await repo.setPatientColumns(ctx.db, patientId, { version: row.version + 1 });
  await appendAudit(ctx, { action: 'identity.flag', outcome: 'allowed', patientId, objectType: 'Patient', objectId: patientId, details: { ...input } });
  await emitEvent(ctx, { type: 'patient.identityChanged', patientId, payload: { attribute: input.attribute, set: input.set } });
  return viewOf(ctx, patientId);
}

/** How and when the identity reached its status, newest first. Right: patient.read. */
export async function identityHistory(ctx: Ctx, patientId: string): Promise<IdentityEventView[]> {
  await loadPatientFor(ctx, patientId, 'patient.read');
  const rows = await repo.findIdentityEvents(ctx.db, patientId);
  const people = await findPeopleRefs(ctx, rows.map((r) => r.actorId).filter((id): id is string => !!id));
  await appendAudit(ctx, { action: 'identity.history-read', outcome: 'allowed', patientId, objectType: 'Patient', objectId: patientId });
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    kind: row.kind as IdentityEventKind,
    by: row.actorId ? (people.get(row.actorId) ?? null) : null,
    statusBefore: row.statusBefore,
    statusAfter: row.statusAfter,
    details: row.details as Record<string, unknown>,
  }));
}
