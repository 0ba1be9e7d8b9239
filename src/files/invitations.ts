// Care-team invitations: a professional without a Trame account is added to a team and receives a
// secure link by e-mail; the link opens a session limited to their care teams, where they read what
// the team shares and write in the journal, until they set a password and log in like everyone else.
// The mail leaves after the transaction commits (the routes send it): a rolled-back write sends nothing.
import { appendAudit } from '#src/core/audit/audit.ts';
import type { Ctx } from '#src/core/context.ts';
import { BadInput, Conflict, DomainError, NotFound } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import type { Mail, MailOutcome } from '#src/core/mail.ts';
import {
  createInvitedPerson,
  findPasswordStates,
  findPeopleRefs,
  findPersonByRpps,
  findStructureRefs,
  openInvitedSession,
  setFirstPassword,
  type LoginResult,
  type PersonRef,
} from '#src/accounts/service.ts';
import { getProfessional } from '#src/directory/service.ts';
import { findPatientSummaries } from '#src/patients/service.ts';
import * as repo from './repo.ts';
import * as invitationsRepo from './invitations-repo.ts';
import { expiryFrom, hashInvitationToken, initialsOf, invitationLink, invitationState, INVITED_SESSION_HOURS, newInvitationToken, type InvitationState } from './invitation-rules.ts';
import { checkPeriod, isActiveAt, type CareTeamRole } from './rules.ts';
import { addCareTeamMember, addMember, authorizeOnFile, type CareTeamMemberView } from './service.ts';

/** 410: the link existed but can no longer be used (expired, revoked, account already created). */
export class Gone extends DomainError {
  constructor(code: string, message: string) {
    super(410, code, message);
  }
}

export type InvitationInput = {
  /** a professional of the regional directory: name, profession, RPPS and MSSanté mailbox come from there */
  professionalId?: string | undefined;
  givenName?: string | undefined;
  familyName?: string | undefined;
  profession?: string | null | undefined;
  rpps?: string | null | undefined;
  email?: string | undefined;
  role: CareTeamRole;
  periodStart?: Date | undefined;
  periodEnd?: Date | null | undefined;
};

export type InvitationView = {
  id: string;
  fileId: string;
  memberId: string;
  person: PersonRef;
  email: string;
  invitedBy: PersonRef;
  createdAt: Date;
  expiresAt: Date;
  mailStatus: string;
  firstUsedAt: Date | null;
  accountCompletedAt: Date | null;
  revokedAt: Date | null;
  state: InvitationState;
};

/** What a new link needs to leave by mail once the transaction has committed; the clear token lives only here. */
export type PendingMail = { invitationId: string; token: string; link: string; mail: Mail };
export type InviteResult =
  | { outcome: 'added'; member: CareTeamMemberView }
  | { outcome: 'invited'; invitation: InvitationView; pending: PendingMail };

const UNKNOWN: Omit<PersonRef, 'id'> = { givenName: '?', familyName: '?', profession: null };

async function toViews(ctx: Ctx, rows: invitationsRepo.InvitationRow[]): Promise<InvitationView[]> {
  const refs = await findPeopleRefs(ctx, rows.flatMap((r) => [r.personId, r.invitedBy]));
  const ref = (id: string) => refs.get(id) ?? { id, ...UNKNOWN };
  return rows.map((row) => ({
    id: row.id,
    fileId: row.fileId,
    memberId: row.memberId,
    person: ref(row.personId),
    email: row.email,
    invitedBy: ref(row.invitedBy),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    mailStatus: row.mailStatus,
    firstUsedAt: row.firstUsedAt,
    accountCompletedAt: row.accountCompletedAt,
    revokedAt: row.revokedAt,
    state: invitationState(row, ctx.now),
  }));
}

type Invitee = { givenName: string; familyName: string; profession: string | null; rpps: string | null; email: string | undefined };

/** Who is invited: from the directory when a professional is named (their first MSSanté mailbox prefills the address), else as typed. */
async function inviteeOf(ctx: Ctx, input: InvitationInput): Promise<Invitee> {
  if (input.professionalId) {
    const professional = await getProfessional(ctx, input.professionalId);
    return {
      givenName: professional.givenName,
      familyName: professional.familyName,
      profession: professional.professionLabel,
      rpps: professional.rpps,
      email: input.email ?? professional.mssante[0],
    };
  }
  const missing: Record<string, string> = {};
  if (!input.givenName?.trim()) missing.givenName = 'required without a directory professional';
  if (!input.familyName?.trim()) missing.familyName = 'required without a directory professional';
  if (Object.keys(missing).length > 0) throw new BadInput('invitations.name_required', 'Name the professional or pick them in the directory', missing);
  return { givenName: input.givenName!.trim(), familyName: input.familyName!.trim(), profession: input.profession ?? null, rpps: input.rpps ?? null, email: input.email };
}

async function mailFor(ctx: Ctx, file: repo.FileRow, email: string, token: string, publicUrl: string, expiresAt: Date): Promise<PendingMail['mail'] & { link: string }> {
  const [patients, structures] = [await findPatientSummaries(ctx, [file.patientId]), await findStructureRefs(ctx, [file.structureId])];
  const patient = patients.get(file.patientId);
  const initials = patient ? initialsOf(patient.givenName, patient.usedName ?? patient.birthName) : '';
  const structure = structures.get(file.structureId)?.name ?? '';
  const link = invitationLink(publicUrl, token);
  const until = expiresAt.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
  return {
    to: email,
    link,
    subject: `Invitation dans une équipe de soins (${structure})`,
    text: [
      'Bonjour,',
      '',
      `${ctx.actor.displayName} (${structure}) vous invite dans l'équipe de soins d'un patient (${initials}) sur Trame, la plateforme régionale de coordination des parcours.`,
      '',
      'Ce lien personnel vous donne accès au dossier de coordination : vous y lirez ce que l\u2019équipe partage et pourrez écrire dans le cahier de liaison.',
      '',
      link,
      '',
      `Il est valable jusqu'au ${until}. Vous pourrez ensuite créer votre mot de passe pour revenir sans lien.`,
      '',
      'Ne transférez pas ce message : le lien est réservé à votre usage.',
    ].join('\n'),
  };
}

async function createInvitation(ctx: Ctx, file: repo.FileRow, member: { memberId: string; personId: string; email: string }, publicUrl: string): Promise<{ row: invitationsRepo.InvitationRow; pending: PendingMail }> {
  const token = newInvitationToken();
  const row: invitationsRepo.InvitationRow = {
    id: newId(ctx.now.getTime()),
    fileId: file.id,
    memberId: member.memberId,
    personId: member.personId,
    email: member.email,
    tokenHash: hashInvitationToken(token),
    expiresAt: expiryFrom(ctx.now),
    invitedBy: ctx.actor.personId!,
    createdAt: ctx.now,
    // until the mail has been tried, after the commit (recordMailOutcome)
    mailStatus: 'pending',
    firstUsedAt: null,
    accountCompletedAt: null,
    revokedAt: null,
  };
  await invitationsRepo.insertInvitation(ctx.db, row);
  await appendAudit(ctx, { action: 'careTeam.invite', outcome: 'allowed', patientId: file.patientId, fileId: file.id, objectType: 'CareTeamInvitation', objectId: row.id });
  const { link, ...mail } = await mailFor(ctx, file, member.email, token, publicUrl, row.expiresAt);
  return { row, pending: { invitationId: row.id, token, link, mail } };
}

async function openFileFor(ctx: Ctx, fileId: string): Promise<repo.FileRow> {
  const facts = await authorizeOnFile(ctx, fileId, 'file.manage-team');
  if (facts.status !== 'open') throw new Conflict('files.closed', 'The file is not open');
  return (await repo.findFileById(ctx.db, fileId))!;
}

/**
 * Adds a professional to the care team: directly when they have a Trame account (matched on the RPPS
 * of their directory entry), else as an invited person with a link sent by e-mail. Right: file.manage-team.
 */
export async function inviteToCareTeam(ctx: Ctx, fileId: string, input: InvitationInput, publicUrl: string): Promise<InviteResult> {
  const file = await openFileFor(ctx, fileId);
  const invitee = await inviteeOf(ctx, input);
  const period = { start: input.periodStart ?? ctx.now, end: input.periodEnd ?? null };
  checkPeriod(period);
  const existing = invitee.rpps ? await findPersonByRpps(ctx, invitee.rpps) : null;
  if (existing) {
    const member = await addCareTeamMember(ctx, fileId, { personId: existing.id, role: input.role, periodStart: period.start, periodEnd: period.end });
    return { outcome: 'added', member };
  }
  if (!invitee.email) throw new BadInput('invitations.email_required', 'An e-mail address is needed to send the link', { email: 'required' });
  const { id: personId } = await createInvitedPerson(ctx, { ...invitee, email: invitee.email });
  const memberRow = await addMember(ctx, file, { personId, role: input.role, ...period }, { invited: true });
  const { row, pending } = await createInvitation(ctx, file, { memberId: memberRow.id, personId, email: invitee.email.trim().toLowerCase() }, publicUrl);
  const [invitation] = await toViews(ctx, [row]);
  return { outcome: 'invited', invitation: invitation!, pending };
}

/** After the commit, what became of the mail. Any caller of the invitation's write: the route calls it. */
export async function recordMailOutcome(ctx: Ctx, invitationId: string, outcome: MailOutcome): Promise<void> {
  await invitationsRepo.updateInvitation(ctx.db, invitationId, { mailStatus: outcome });
}

async function invitationOfFile(ctx: Ctx, fileId: string, invitationId: string): Promise<invitationsRepo.InvitationRow> {
  const row = await invitationsRepo.findInvitationById(ctx.db, invitationId);
  if (!row || row.fileId !== fileId) throw new NotFound('invitations.not_found');
  return row;
}

/** A new link for the same person (the old one is revoked): lost mail, expired link. Right: file.manage-team. */
export async function resendInvitation(ctx: Ctx, fileId: string, invitationId: string, publicUrl: string): Promise<{ invitation: InvitationView; pending: PendingMail }> {
  const file = await openFileFor(ctx, fileId);
  const old = await invitationOfFile(ctx, fileId, invitationId);
  if (old.revokedAt) throw new Conflict('invitations.revoked', 'This invitation was revoked or replaced');
  if (old.accountCompletedAt) throw new Conflict('invitations.used', 'This person has created their account: they log in');
  const member = (await repo.findTeamsOfFiles(ctx.db, [fileId])).get(fileId)!.find((m) => m.id === old.memberId);
  if (!member || (member.periodEnd && member.periodEnd.getTime() <= ctx.now.getTime())) throw new Conflict('files.member_not_active', 'This membership has ended');
  await invitationsRepo.updateInvitation(ctx.db, old.id, { revokedAt: ctx.now });
  const { row, pending } = await createInvitation(ctx, file, { memberId: old.memberId, personId: old.personId, email: old.email }, publicUrl);
  const [invitation] = await toViews(ctx, [row]);
  return { invitation: invitation!, pending };
}

/** Withdraws a link at once (the membership stays: end it separately). Right: file.manage-team. */
export async function revokeInvitation(ctx: Ctx, fileId: string, invitationId: string): Promise<InvitationView> {
  const file = await openFileFor(ctx, fileId);
  const row = await invitationOfFile(ctx, fileId, invitationId);
  if (row.revokedAt) throw new Conflict('invitations.revoked', 'This invitation was already revoked');
  await invitationsRepo.updateInvitation(ctx.db, row.id, { revokedAt: ctx.now });
  await appendAudit(ctx, { action: 'careTeam.invitation.revoke', outcome: 'allowed', patientId: file.patientId, fileId, objectType: 'CareTeamInvitation', objectId: row.id });
  const [view] = await toViews(ctx, [{ ...row, revokedAt: ctx.now }]);
  return view!;
}

/** A file's invitations, newest first, for the team panel. Right: file.manage-team. */
export async function listFileInvitations(ctx: Ctx, fileId: string): Promise<InvitationView[]> {
  await authorizeOnFile(ctx, fileId, 'file.manage-team');
  return toViews(ctx, await invitationsRepo.findInvitationsOfFile(ctx.db, fileId));
}

async function usableInvitation(ctx: Ctx, token: string): Promise<invitationsRepo.InvitationRow> {
  const row = await invitationsRepo.findInvitationByTokenHash(ctx.db, hashInvitationToken(token));
  if (!row) throw new NotFound('invitations.not_found', 'Unknown invitation link');
  const state = invitationState(row, ctx.now);
  if (state === 'revoked') throw new Gone('invitations.revoked', 'This link was withdrawn or replaced by a newer one');
  if (state === 'used') throw new Gone('invitations.used', 'The account was created: log in with your password');
  if (state === 'expired') throw new Gone('invitations.expired', 'This link has expired: ask the coordinator for a new one');
  // a link outlives nothing: once the membership has ended it opens no session
  const member = (await repo.findTeamsOfFiles(ctx.db, [row.fileId])).get(row.fileId)!.find((m) => m.id === row.memberId);
  if (!member || (member.periodEnd && member.periodEnd.getTime() <= ctx.now.getTime())) throw new Gone('invitations.ended', 'The membership this link was for has ended');
  return row;
}

export type InvitationPreview = {
  invitedBy: PersonRef;
  structureName: string;
  patientInitials: string;
  person: PersonRef;
  role: string;
  expiresAt: Date;
  firstUsedAt: Date | null;
};

/** The public page of a link: who invites, into which structure's team, for which patient (initials only). Anyone holding the link. */
export async function previewInvitation(ctx: Ctx, token: string): Promise<InvitationPreview> {
  const row = await usableInvitation(ctx, token);
  const file = (await repo.findFileById(ctx.db, row.fileId))!;
  const member = (await repo.findTeamsOfFiles(ctx.db, [row.fileId])).get(row.fileId)!.find((m) => m.id === row.memberId);
  const [view] = await toViews(ctx, [row]);
  const patient = (await findPatientSummaries(ctx, [file.patientId])).get(file.patientId);
  return {
    invitedBy: view!.invitedBy,
    structureName: (await findStructureRefs(ctx, [file.structureId])).get(file.structureId)?.name ?? '',
    patientInitials: patient ? initialsOf(patient.givenName, patient.usedName ?? patient.birthName) : '',
    person: view!.person,
    role: member?.role ?? 'other',
    expiresAt: row.expiresAt,
    firstUsedAt: row.firstUsedAt,
  };
}

/** Opening a link: a session for the invited person, limited to their care teams. Anyone holding the link. */
export async function openInvitation(ctx: Ctx, token: string, userAgent: string | null): Promise<{ fileId: string; session: LoginResult }> {
  const row = await usableInvitation(ctx, token);
  const file = (await repo.findFileById(ctx.db, row.fileId))!;
  if (!row.firstUsedAt) await invitationsRepo.updateInvitation(ctx.db, row.id, { firstUsedAt: ctx.now });
  const session = await openInvitedSession(ctx, row.personId, INVITED_SESSION_HOURS, userAgent);
  await appendAudit({ ...ctx, actor: { ...ctx.actor, personId: row.personId } }, {
    action: 'careTeam.invitation.open',
    outcome: 'allowed',
    patientId: file.patientId,
    fileId: file.id,
    objectType: 'CareTeamInvitation',
    objectId: row.id,
  });
  return { fileId: row.fileId, session };
}

/** The invited person sets their password with their link; every invitation of theirs is then complete. Anyone holding the link. */
export async function completeInvitedAccount(ctx: Ctx, token: string, password: string): Promise<{ email: string }> {
  const row = await usableInvitation(ctx, token);
  await setFirstPassword(ctx, row.personId, password);
  await invitationsRepo.markAccountCompleted(ctx.db, row.personId, ctx.now);
  await appendAudit({ ...ctx, actor: { ...ctx.actor, personId: row.personId } }, { action: 'account.complete', outcome: 'allowed', objectType: 'Person', objectId: row.personId });
  return { email: row.email };
}

export type MyTeamFile = { fileId: string; patient: { id: string; givenName: string; familyName: string; birthDate: string }; structureName: string; role: string; since: Date };

/**
 * What a person in care teams sees without a membership (an invited professional): the files whose
 * team they are in now, and whether they still have to choose a password. Any logged-in person, for themselves.
 */
export async function listMyCareTeams(ctx: Ctx): Promise<{ needsPassword: boolean; files: MyTeamFile[] }> {
  const personId = ctx.actor.personId!;
  const states = await findPasswordStates(ctx, [personId]);
  const files = await repo.listVisibleFiles(ctx.db, { personId, structureIds: [], at: ctx.now, status: 'open', limit: 100 });
  const teams = await repo.findTeamsOfFiles(ctx.db, files.map((f) => f.id));
  const [patients, structures] = [await findPatientSummaries(ctx, files.map((f) => f.patientId)), await findStructureRefs(ctx, files.map((f) => f.structureId))];
  const mine = files.flatMap((file) => {
    const member = teams.get(file.id)!.find((m) => m.personId === personId && isActiveAt({ start: m.periodStart, end: m.periodEnd }, ctx.now));
    const patient = patients.get(file.patientId);
    if (!member || !patient) return [];
    return [{
      fileId: file.id,
      patient: { id: patient.id, givenName: patient.givenName, familyName: patient.usedName ?? patient.birthName, birthDate: patient.birthDate },
      structureName: structures.get(file.structureId)?.name ?? '',
      role: member.role,
      since: member.periodStart,
    }];
  });
  await appendAudit(ctx, { action: 'careTeam.mine.list', outcome: 'allowed', details: { results: mine.length } });
  return { needsPassword: states.get(personId)?.hasPassword === false, files: mine };
}
