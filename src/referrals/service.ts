// Use cases of requests for support (demandes d'appui): submitted in the app, by phone (entered by the
// DAC) or on the public form; triaged by the receiving structure's staff: assigned, information asked,
// accepted (opens or joins a file), redirected, closed. Every step is timed and told to the requester.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { assertAllowed, canDo } from '#src/core/auth/access.ts';
import type { AccessTarget } from '#src/core/auth/rights.ts';
import { appendAudit } from '#src/core/audit/audit.ts';
import type { Ctx } from '#src/core/context.ts';
import { emitEvent } from '#src/core/events/outbox.ts';
import { BadInput, Conflict, NotFound } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { findPeopleRefs, findStructureRefs, listStructures, personExists, type PersonRef } from '#src/accounts/service.ts';
import { findOrganizationRefs } from '#src/directory/service.ts';
import { findOpenFileId, openFile } from '#src/files/service.ts';
import type { DacMission, SupportLevel } from '#src/files/rules.ts';
import { findPatientSummaries } from '#src/patients/service.ts';
import * as repo from './repo.ts';
import {
  formTimingProblem,
  isDecision,
  isResponse,
  minutesBetween,
  nextStatus,
  OPEN_STATUSES,
  type Channel,
  type ReferralClosureReason,
  type ReferralStatus,
  type RequesterCategory,
  type StepKind,
  type Urgency,
} from './rules.ts';

const COORDINATING_KINDS = new Set(['dac', 'cpts']);

export type ReferralSummary = {
  id: string;
  status: string;
  channel: string;
  structure: { id: string; name: string };
  requesterCategory: string;
  requesterName: string;
  person: { givenName: string; familyName: string; birthDate: string | null };
  urgency: string;
  criteria: string[];
  receivedAt: Date;
  /** minutes since it came in, while nobody has answered */
  waitingMinutes: number | null;
  firstResponseMinutes: number | null;
  assignee: PersonRef | null;
  fileId: string | null;
  version: number;
};
export type ReferralStepView = { kind: string; at: Date; actor: PersonRef | null; message: string | null };
export type ReferralView = ReferralSummary & {
  requesterPhone: string | null;
  requesterEmail: string | null;
  personCommuneInsee: string | null;
  personPhone: string | null;
  patientId: string | null;
  situation: string;
  consentToContact: boolean;
  mission: string | null;
  redirectedToName: string | null;
  closureReason: string | null;
  outcomeMessage: string | null;
  decidedAt: Date | null;
  steps: ReferralStepView[];
  permissions: { canTriage: boolean };
};

function targetOf(ctx: Ctx, row: repo.ReferralRow): AccessTarget {
  return { structureIds: [row.structureId], own: ctx.actor.personId !== null && row.requesterPersonId === ctx.actor.personId };
}

async function summaries(ctx: Ctx, rows: repo.ReferralRow[]): Promise<ReferralSummary[]> {
  const people = await findPeopleRefs(ctx, rows.flatMap((r) => (r.assignedTo ? [r.assignedTo] : [])));
  const structures = await findStructureRefs(ctx, [...new Set(rows.map((r) => r.structureId))]);
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    channel: row.channel,
    structure: { id: row.structureId, name: structures.get(row.structureId)?.name ?? '?' },
    requesterCategory: row.requesterCategory,
    requesterName: row.requesterName,
    person: { givenName: row.patientGivenName, familyName: row.patientFamilyName, birthDate: row.patientBirthDate },
    urgency: row.urgency,
    criteria: row.criteria,
    receivedAt: row.receivedAt,
    waitingMinutes: row.firstResponseAt ? null : minutesBetween(row.receivedAt, ctx.now),
    firstResponseMinutes: row.firstResponseAt ? minutesBetween(row.receivedAt, row.firstResponseAt) : null,
    assignee: row.assignedTo ? (people.get(row.assignedTo) ?? null) : null,
    fileId: row.fileId,
    version: row.version,
  }));
}

async function fullView(ctx: Ctx, row: repo.ReferralRow): Promise<ReferralView> {
  const [summary] = await summaries(ctx, [row]);
  const steps = await repo.findSteps(ctx.db, row.id);
  const actors = await findPeopleRefs(ctx, steps.flatMap((s) => (s.actorId ? [s.actorId] : [])));
  return {
    ...summary!,
    requesterPhone: row.requesterPhone,
    requesterEmail: row.requesterEmail,
    personCommuneInsee: row.patientCommuneInsee,
    personPhone: row.patientPhone,
    patientId: row.patientId,
    situation: row.situation,
    consentToContact: row.consentToContact,
    mission: row.mission,
    redirectedToName: row.redirectedToName,
    closureReason: row.closureReason,
    outcomeMessage: row.outcomeMessage,
    decidedAt: row.decidedAt,
    steps: steps.map((s) => ({ kind: s.kind, at: s.at, actor: s.actorId ? (actors.get(s.actorId) ?? null) : null, message: s.message })),
    permissions: { canTriage: canDo(ctx, 'referral.triage', targetOf(ctx, row)) },
  };
}

/** What the person concerned and the situation look like, whoever submits. */
export type ReferralContent = {
  structureId: string;
  person: { givenName: string; familyName: string; birthDate?: string | null | undefined; communeInsee?: string | null | undefined; phone?: string | null | undefined };
  situation: string;
  criteria: readonly string[];
  urgency: Urgency;
  consentToContact: boolean;
};
type Requester = { category: RequesterCategory; personId: string | null; name: string; phone: string | null; email: string | null };

async function checkTargetStructure(ctx: Ctx, structureId: string): Promise<string> {
  const structure = (await findStructureRefs(ctx, [structureId])).get(structureId);
  if (!structure || !COORDINATING_KINDS.has(structure.kind)) {
    throw new BadInput('referrals.structure_not_coordinating', 'Requests for support go to a DAC or a CPTS', { structureId: 'not a DAC or CPTS' });
  }
  return structure.name;
}

async function insertReferral(ctx: Ctx, content: ReferralContent, requester: Requester, channel: Channel, trackingCodeHash: string | null): Promise<repo.ReferralRow> {
  const structureName = await checkTargetStructure(ctx, content.structureId);
  const row: repo.ReferralRow = {
    id: newId(ctx.now.getTime()),
    structureId: content.structureId,
    status: 'received',
    channel,
    requesterCategory: requester.category,
    requesterPersonId: requester.personId,
    requesterName: requester.name,
    requesterPhone: requester.phone,
    requesterEmail: requester.email,
    patientId: null,
    patientGivenName: content.person.givenName,
    patientFamilyName: content.person.familyName,
    patientBirthDate: content.person.birthDate ?? null,
    patientCommuneInsee: content.person.communeInsee ?? null,
    patientPhone: content.person.phone ?? null,
    situation: content.situation,
    criteria: [...new Set(content.criteria)],
    urgency: content.urgency,
    consentToContact: content.consentToContact,
    mission: null,
    assignedTo: null,
    fileId: null,
    redirectedToOrganizationId: null,
    redirectedToName: null,
    closureReason: null,
    outcomeMessage: null,
    trackingCodeHash,
    receivedAt: ctx.now,
    firstResponseAt: null,
    decidedAt: null,
    version: 1,
  };
  await repo.insertReferral(ctx.db, row);
  await repo.insertStep(ctx.db, { id: newId(ctx.now.getTime()), referralId: row.id, at: ctx.now, actorId: ctx.actor.personId, kind: 'submitted', message: null });
  await appendAudit(ctx, { action: 'referral.submit', outcome: 'allowed', objectType: 'Referral', objectId: row.id, details: { channel } });
  await emitEvent(ctx, { type: 'referral.submitted', payload: { referralId: row.id, structureId: row.structureId, structureName, channel, urgency: row.urgency } });
  return row;
}

export type AppRequester = { category?: RequesterCategory | undefined; name?: string | undefined; phone?: string | null | undefined; email?: string | null | undefined };

/**
 * A professional sends a request from the app (channel `app`, the requester is the caller), or the
 * receiving structure's staff enter one taken by phone (channel `phone`, the requester as typed). Right: referral.submit.
 */
export async function submitReferral(ctx: Ctx, content: ReferralContent, channel: 'app' | 'phone', requester: AppRequester): Promise<ReferralView> {
  assertAllowed(ctx, 'referral.submit');
  if (channel === 'phone') {
    assertAllowed(ctx, 'referral.triage', { structureIds: [content.structureId] });
    if (!requester.name || !requester.category) {
      throw new BadInput('referrals.requester_required', 'Say who called', { [requester.name ? 'requesterCategory' : 'requesterName']: 'required for a phone call' });
    }
    const row = await insertReferral(ctx, content, { category: requester.category, personId: null, name: requester.name, phone: requester.phone ?? null, email: requester.email ?? null }, 'phone', null);
    return fullView(ctx, row);
  }
  const me = (await findPeopleRefs(ctx, [ctx.actor.personId!])).get(ctx.actor.personId!);
  const row = await insertReferral(
    ctx,
    content,
    { category: requester.category ?? 'other_health_professional', personId: ctx.actor.personId, name: me ? `${me.givenName} ${me.familyName}` : ctx.actor.displayName, phone: requester.phone ?? null, email: requester.email ?? null },
    'app',
    null,
  );
  return fullView(ctx, row);
}

// ---- the public form ------------------------------------------------------------------------------

function sign(secret: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`referral-form:${issuedAt}`).digest('base64url');
}

/** A token the public form sends back: when it was issued, signed, so that a bot cannot forge the wait. */
export function issueFormToken(secret: string, now: Date): string {
  const issuedAt = now.getTime();
  return `${issuedAt}.${sign(secret, issuedAt)}`;
}

function checkFormToken(secret: string, token: string, now: Date): void {
  const [issued, signature = ''] = token.split('.');
  const issuedAt = Number(issued);
  const expected = Number.isFinite(issuedAt) ? sign(secret, issuedAt) : '';
  const valid = expected.length === signature.length && expected.length > 0 && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  if (!valid) throw new BadInput('referrals.form_token_invalid', 'Reload the form and try again', { formToken: 'invalid' });
  const problem = formTimingProblem(issuedAt, now.getTime());
  if (problem === 'too_fast') throw new BadInput('referrals.form_too_fast', 'The form was sent too fast', { formToken: 'sent too fast' });
  if (problem === 'expired') throw new BadInput('referrals.form_expired', 'The form was open too long: reload it', { formToken: 'expired' });
}

const hashCode = (code: string) => createHash('sha256').update(code.trim().toUpperCase()).digest('hex');

/** A short code a person can copy: 12 characters without look-alikes, in groups of 4. */
function newTrackingCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const chars = [...randomBytes(12)].map((byte) => alphabet[byte % alphabet.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

export type PublicSubmission = ReferralContent & {
  requesterCategory: 'patient' | 'relative' | 'other';
  requesterName: string;
  requesterPhone?: string | null | undefined;
  requesterEmail?: string | null | undefined;
  formToken: string;
  /** the honeypot: a field people never see, which bots fill */
  website?: string | undefined;
};

/**
 * A patient or a relative asks for support without an account. Anti-abuse: the route's rate limit, a
 * honeypot, a signed form token refused when sent within 3 s or after 2 h, and consent to be contacted.
 * Answers a tracking code, shown once (only its SHA-256 is kept).
 */
export async function submitPublicReferral(ctx: Ctx, secret: string, input: PublicSubmission): Promise<{ trackingCode: string; structureName: string }> {
  if (input.website) throw new BadInput('referrals.rejected', 'The form could not be sent', { website: 'must stay empty' });
  checkFormToken(secret, input.formToken, ctx.now);
  if (!input.consentToContact) {
    throw new BadInput('referrals.consent_required', 'The DAC needs your agreement to contact you', { consentToContact: 'required' });
  }
  if (!input.requesterPhone && !input.requesterEmail) {
    throw new BadInput('referrals.contact_required', 'Give a phone number or an e-mail address', { requesterPhone: 'a phone or an e-mail' });
  }
  const trackingCode = newTrackingCode();
  const requester = { category: input.requesterCategory, personId: null, name: input.requesterName, phone: input.requesterPhone ?? null, email: input.requesterEmail ?? null };
  await insertReferral(ctx, input, requester, 'public_form', hashCode(trackingCode));
  const structureName = (await findStructureRefs(ctx, [input.structureId])).get(input.structureId)?.name ?? '';
  return { trackingCode, structureName };
}

/** What a public requester may know with their code: the state and the message, nothing personal. */
export async function publicReferralStatus(ctx: Ctx, code: string) {
  const row = await repo.findByTrackingHash(ctx.db, hashCode(code));
  if (!row) throw new NotFound('referrals.tracking_code_unknown');
  const structure = (await findStructureRefs(ctx, [row.structureId])).get(row.structureId);
  return { status: row.status, structureName: structure?.name ?? '', receivedAt: row.receivedAt, decidedAt: row.decidedAt, outcomeMessage: row.outcomeMessage };
}

/** The structures a public requester may address: DACs (and CPTS) of the platform. */
export async function listReferralTargets(ctx: Ctx) {
  return (await listStructures(ctx)).filter((s) => s.kind === 'dac').map((s) => ({ id: s.id, name: s.name, communeName: s.communeName }));
}

// ---- triage -------------------------------------------------------------------------------------

export type QueueFilter = { status: 'open' | ReferralStatus; mine: boolean; limit: number };

/** The acting structure's queue. Right: referral.triage (the structure's coordination staff). */
export async function listTriageQueue(ctx: Ctx, filter: QueueFilter): Promise<ReferralSummary[]> {
  const structureId = ctx.actor.acting?.structureId ?? '';
  assertAllowed(ctx, 'referral.triage', { structureIds: [structureId] });
  const statuses = filter.status === 'open' ? OPEN_STATUSES : [filter.status];
  const rows = await repo.listQueue(ctx.db, { structureId, statuses, assignedTo: filter.mine ? ctx.actor.personId! : undefined, limit: filter.limit });
  await appendAudit(ctx, { action: 'referral.list', outcome: 'allowed', details: { status: filter.status, results: rows.length } });
  return summaries(ctx, rows);
}

/** "Mes demandes": what I sent, newest first, with its outcome. Right: referral.list-mine. */
export async function listMyReferrals(ctx: Ctx, limit: number): Promise<ReferralSummary[]> {
  assertAllowed(ctx, 'referral.list-mine');
  return summaries(ctx, await repo.listByRequester(ctx.db, ctx.actor.personId!, { limit }));
}

async function loadFor(ctx: Ctx, id: string, action: 'referral.read' | 'referral.triage'): Promise<repo.ReferralRow> {
  const row = await repo.findReferral(ctx.db, id);
  if (!row) throw new NotFound('referrals.not_found');
  // someone who may not read it may not know it exists either
  if (!canDo(ctx, 'referral.read', targetOf(ctx, row))) throw new NotFound('referrals.not_found');
  assertAllowed(ctx, action, targetOf(ctx, row), { patientId: row.patientId ?? undefined, objectType: 'Referral', objectId: id });
  return row;
}

export async function getReferral(ctx: Ctx, id: string): Promise<ReferralView> {
  const row = await loadFor(ctx, id, 'referral.read');
  await appendAudit(ctx, { action: 'referral.read', outcome: 'allowed', patientId: row.patientId ?? undefined, objectType: 'Referral', objectId: id });
  return fullView(ctx, row);
}

const EVENT_OF: Record<Exclude<StepKind, 'submitted'>, string> = {
  assigned: 'referral.assigned',
  info_requested: 'referral.infoRequested',
  info_added: 'referral.infoAdded',
  accepted: 'referral.accepted',
  redirected: 'referral.redirected',
  closed: 'referral.closed',
};

/** Moves a referral one step: state, first response and decision times, the step itself, audit and event. */
async function takeStep(ctx: Ctx, row: repo.ReferralRow, version: number, step: Exclude<StepKind, 'submitted'>, message: string | null, changes: Partial<repo.ReferralRow> = {}): Promise<ReferralView> {
  const status = nextStatus(row.status as ReferralStatus, step);
  const timing: Partial<repo.ReferralRow> = {
    ...(isResponse(step) && !row.firstResponseAt ? { firstResponseAt: ctx.now } : {}),
    ...(isDecision(step) ? { decidedAt: ctx.now, outcomeMessage: message } : step === 'info_requested' ? { outcomeMessage: message } : {}),
  };
  const all = { ...changes, ...timing, status };
  if (!(await repo.updateIfVersion(ctx.db, row.id, version, all))) {
    throw new Conflict('referrals.version_stale', 'The request was changed by someone else', { currentVersion: row.version });
  }
  await repo.insertStep(ctx.db, { id: newId(ctx.now.getTime()), referralId: row.id, at: ctx.now, actorId: ctx.actor.personId, kind: step, message });
  const updated = { ...row, ...all, version: version + 1 };
  await appendAudit(ctx, { action: `referral.${step}`, outcome: 'allowed', patientId: updated.patientId ?? undefined, fileId: updated.fileId ?? undefined, objectType: 'Referral', objectId: row.id });
  await emitEvent(ctx, {
    type: EVENT_OF[step],
    patientId: updated.patientId,
    fileId: updated.fileId,
    payload: { referralId: row.id, status, requesterName: row.requesterName, message, ...(updated.redirectedToName ? { redirectedToName: updated.redirectedToName } : {}) },
  });
  return fullView(ctx, updated);
}

export async function assignReferral(ctx: Ctx, id: string, input: { version: number; assigneeId: string }): Promise<ReferralView> {
  const row = await loadFor(ctx, id, 'referral.triage');
  if (!(await personExists(ctx, input.assigneeId))) throw new BadInput('referrals.assignee_unknown', 'Unknown person', { assigneeId: 'unknown person' });
  return takeStep(ctx, row, input.version, 'assigned', null, { assignedTo: input.assigneeId });
}

export async function requestInformation(ctx: Ctx, id: string, input: { version: number; message: string }): Promise<ReferralView> {
  const row = await loadFor(ctx, id, 'referral.triage');
  return takeStep(ctx, row, input.version, 'info_requested', input.message);
}

/** The requester answers the DAC's question; the request goes back to the queue. Right: referral.read as its requester. */
export async function addInformation(ctx: Ctx, id: string, input: { version: number; message: string }): Promise<ReferralView> {
  const row = await loadFor(ctx, id, 'referral.read');
  if (row.requesterPersonId !== ctx.actor.personId) throw new NotFound('referrals.not_found');
  return takeStep(ctx, row, input.version, 'info_added', input.message);
}

export type Acceptance = { version: number; patientId: string; referentId?: string | undefined; mission: DacMission; supportLevel?: SupportLevel | undefined; message?: string | undefined };

/**
 * Accepts: the person is now a patient of the region (found or created through the patients
 * capability, with its identity checks), followed in a file of the structure — a new one, or the
 * open file that already follows them. Right: referral.triage, and file.open for a new file.
 */
export async function acceptReferral(ctx: Ctx, id: string, input: Acceptance): Promise<ReferralView> {
  const row = await loadFor(ctx, id, 'referral.triage');
  if (!(await findPatientSummaries(ctx, [input.patientId])).has(input.patientId)) {
    throw new BadInput('referrals.patient_unknown', 'Unknown patient', { patientId: 'unknown patient' });
  }
  if (row.structureId !== ctx.actor.acting?.structureId) throw new Conflict('referrals.other_structure', 'Act as a member of the receiving structure');
  const existing = await findOpenFileId(ctx, input.patientId, row.structureId);
  const fileId = existing ?? (await openFile(ctx, { patientId: input.patientId, referentId: input.referentId, referralId: row.id, mission: input.mission, supportLevel: input.supportLevel })).id;
  const message = input.message ?? null;
  return takeStep(ctx, row, input.version, 'accepted', message, { patientId: input.patientId, fileId, mission: input.mission });
}

export async function redirectReferral(ctx: Ctx, id: string, input: { version: number; organizationId?: string | undefined; name?: string | undefined; message: string }): Promise<ReferralView> {
  const row = await loadFor(ctx, id, 'referral.triage');
  const organization = input.organizationId ? (await findOrganizationRefs(ctx, [input.organizationId])).get(input.organizationId) : undefined;
  if (input.organizationId && !organization) throw new BadInput('referrals.organization_unknown', 'Unknown establishment', { organizationId: 'unknown establishment' });
  const name = organization?.name ?? input.name;
  if (!name) throw new BadInput('referrals.redirect_target_required', 'Say where the request is redirected', { organizationId: 'an establishment or a name' });
  return takeStep(ctx, row, input.version, 'redirected', input.message, { redirectedToOrganizationId: input.organizationId ?? null, redirectedToName: name });
}

export async function closeReferral(ctx: Ctx, id: string, input: { version: number; reason: ReferralClosureReason; message: string }): Promise<ReferralView> {
  const row = await loadFor(ctx, id, 'referral.triage');
  return takeStep(ctx, row, input.version, 'closed', input.message, { closureReason: input.reason });
}
