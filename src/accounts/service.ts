// Use cases of accounts: log in and out, resolve who calls, tokens, second factor, the people directory.
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import * as OTPAuth from 'otpauth';
import type { Actor, Membership } from '#src/core/auth/actor.ts';
import { assertAllowed } from '#src/core/auth/access.ts';
import type { Ctx } from '#src/core/context.ts';
import type { Db } from '#src/core/db/connect.ts';
import { BadInput, Conflict, NotFound, TooManyRequests, Unauthorized } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { likePrefix, normaliseForSearch } from '#src/core/search-text.ts';
import type { Role } from '#src/core/auth/rights.ts';
import { CallerCache } from './caller-cache.ts';
import * as repo from './repo.ts';
import { afterFailedLogin, hashSecret, isLocked, newApiToken, newSecret, PASSWORD_MIN_LENGTH, requiresSecondFactor } from './rules.ts';

export type PersonRef = { id: string; givenName: string; familyName: string; profession: string | null };
export type MeView = {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  sector: string;
  profession: string | null;
  totpEnabled: boolean;
  totpSetupRequired: boolean;
  acting: Membership | null;
  memberships: Membership[];
};

// Verifying against a fixed hash when the e-mail is unknown keeps the answer time the same.
const UNKNOWN_USER_HASH = await argonHash('no such user, constant-time answer');
const IDLE_SESSION_MINUTES = 120;
const TOUCH_EVERY_MS = 60_000;

export function hashPassword(password: string): Promise<string> {
  return argonHash(password);
}

function toPersonRef(row: repo.PersonRow): PersonRef {
  return { id: row.id, givenName: row.givenName, familyName: row.familyName, profession: row.profession };
}

function pickActing(memberships: Membership[], membershipId: string | null): Membership | null {
  return memberships.find((m) => m.id === membershipId) ?? memberships[0] ?? null;
}

function toMe(person: repo.PersonRow, memberships: Membership[], acting: Membership | null, complete = true): MeView {
  return {
    id: person.id,
    email: person.email,
    givenName: person.givenName,
    familyName: person.familyName,
    sector: person.sector,
    profession: person.profession,
    totpEnabled: person.totpEnabled,
    totpSetupRequired: !complete,
    acting,
    memberships,
  };
}

function personActor(person: repo.PersonRow, memberships: Membership[], acting: Membership | null): Actor {
  return { kind: 'person', personId: person.id, displayName: `${person.givenName} ${person.familyName}`, acting, memberships };
}

function stripPersonId(rows: (Membership & { personId: string })[]): Membership[] {
  return rows.map(({ personId: _personId, ...membership }) => membership);
}

export type LoginInput = { email: string; password: string; totpCode?: string | undefined };
export type LoginResult = { sessionId: string; csrfToken: string; me: MeView; expiresAt: Date };

function verifyTotp(secret: string, code: string): boolean {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  return totp.validate({ token: code.replace(/\s/g, ''), window: 1 }) !== null;
}

/**
 * Logs a person in. Failed attempts are counted and lock the account; the caller commits the
 * transaction and only then throws the returned error, so a failure is remembered.
 */
export async function login(
  ctx: Ctx,
  input: LoginInput,
  sessionHours: number,
  userAgent: string | null,
): Promise<LoginResult | { refusal: Error }> {
  const person = await repo.findPersonByEmail(ctx.db, input.email.trim().toLowerCase());
  if (!person || !person.active || !person.passwordHash) {
    await argonVerify(UNKNOWN_USER_HASH, input.password);
    return { refusal: new Unauthorized('auth.invalid_credentials', 'Invalid e-mail or password') };
  }
  if (isLocked(person, ctx.now)) {
    const retryAfterSeconds = Math.ceil((person.lockedUntil!.getTime() - ctx.now.getTime()) / 1000);
    return { refusal: new TooManyRequests('auth.locked', 'Account temporarily locked', { retryAfterSeconds }) };
  }
  const refuse = async (error: Error) => {
    await repo.updatePerson(ctx.db, person.id, afterFailedLogin(person, ctx.now));
    return { refusal: error };
  };
  if (!(await argonVerify(person.passwordHash, input.password))) {
    return refuse(new Unauthorized('auth.invalid_credentials', 'Invalid e-mail or password'));
  }
  if (person.totpEnabled && person.totpSecret) {
    if (!input.totpCode) return { refusal: new Unauthorized('auth.totp_required', 'A one-time code is required') };
    if (!verifyTotp(person.totpSecret, input.totpCode)) return refuse(new Unauthorized('auth.totp_invalid', 'Invalid one-time code'));
  }
  const memberships = stripPersonId(await repo.findMembershipsOf(ctx.db, [person.id]));
  const complete = person.totpEnabled || !requiresSecondFactor(memberships.map((m) => m.role));
  const acting = pickActing(memberships, null);
  const sessionId = newSecret();
  const csrfToken = newSecret(24);
  const expiresAt = new Date(ctx.now.getTime() + sessionHours * 3_600_000);
  await repo.updatePerson(ctx.db, person.id, { failedLogins: 0, lockedUntil: null });
  await repo.insertSession(ctx.db, {
    idHash: hashSecret(sessionId),
    personId: person.id,
    membershipId: acting?.id ?? null,
    csrfToken,
    complete,
    createdAt: ctx.now,
    lastSeenAt: ctx.now,
    expiresAt,
    clientIp: ctx.clientIp,
    userAgent,
  });
  return { sessionId, csrfToken, expiresAt, me: toMe(person, memberships, acting, complete) };
}

export async function logout(db: Db, sessionId: string): Promise<void> {
  const idHash = hashSecret(sessionId);
  callers.forget((key) => key === `session:${idHash}`);
  await repo.deleteSession(db, idHash);
}

export type Caller = { actor: Actor; me: MeView; csrfToken: string | null; sessionIdHash: string | null; complete: boolean };

// Keyed by the hash of the session id or token; see caller-cache.ts for how long an entry lives.
const callers = new CallerCache<Caller>();

function forgetCallersOf(personId: string): void {
  callers.forget((_key, caller) => caller.actor.personId === personId);
}

async function callerFor(db: Db, personId: string, membershipId: string | null): Promise<Omit<Caller, 'csrfToken' | 'sessionIdHash' | 'complete'> | null> {
  const person = await repo.findPersonById(db, personId);
  if (!person || !person.active) return null;
  const memberships = stripPersonId(await repo.findMembershipsOf(db, [person.id]));
  const acting = pickActing(memberships, membershipId);
  return { actor: personActor(person, memberships, acting), me: toMe(person, memberships, acting) };
}

/** Who calls with this session cookie, or null when it is unknown, expired or idle for too long. */
export async function resolveSession(db: Db, sessionId: string, now: Date): Promise<Caller | null> {
  const idHash = hashSecret(sessionId);
  const cached = callers.get(`session:${idHash}`, now.getTime());
  if (cached) return cached;
  const session = await repo.findSession(db, idHash);
  if (!session) return null;
  const idleLimit = session.lastSeenAt.getTime() + IDLE_SESSION_MINUTES * 60_000;
  if (session.expiresAt.getTime() <= now.getTime() || idleLimit <= now.getTime()) {
    await repo.deleteSession(db, idHash);
    return null;
  }
  const caller = await callerFor(db, session.personId, session.membershipId);
  if (!caller) return null;
  // Touch at most once a minute: a write on every request would cost more than the request.
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.updateSession(db, idHash, { lastSeenAt: now });
  caller.me.totpSetupRequired = !session.complete;
  const resolved = { ...caller, csrfToken: session.csrfToken, sessionIdHash: idHash, complete: session.complete };
  callers.set(`session:${idHash}`, resolved, now.getTime());
  return resolved;
}

/** Who calls with this bearer token, or null when it is unknown or revoked. */
export async function resolveApiToken(db: Db, token: string, now: Date): Promise<Caller | null> {
  const tokenHash = hashSecret(token);
  const cached = callers.get(`token:${tokenHash}`, now.getTime());
  if (cached) return cached;
  const row = await repo.findTokenByHash(db, tokenHash);
  if (!row || row.revokedAt) return null;
  const caller = await callerFor(db, row.personId, row.membershipId);
  if (!caller) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) await repo.updateToken(db, row.id, { lastUsedAt: now });
  const resolved = { ...caller, csrfToken: null, sessionIdHash: null, complete: true };
  callers.set(`token:${tokenHash}`, resolved, now.getTime());
  return resolved;
}

/** Changes the membership a person acts through (role and structure); any authenticated person, for themselves. */
export async function switchActingMembership(ctx: Ctx, sessionIdHash: string, membershipId: string): Promise<MeView> {
  const membership = ctx.actor.memberships.find((m) => m.id === membershipId);
  if (!membership) throw new BadInput('auth.membership_unknown', 'Not one of your memberships', { membershipId: 'not one of your memberships' });
  await repo.updateSession(ctx.db, sessionIdHash, { membershipId });
  forgetCallersOf(ctx.actor.personId!);
  const person = await repo.findPersonById(ctx.db, ctx.actor.personId!);
  return toMe(person!, ctx.actor.memberships, membership);
}

/** Starts second-factor enrolment: a new secret, not active until a code proves the app has it. */
export async function startTotpSetup(ctx: Ctx): Promise<{ secret: string; uri: string }> {
  const person = await repo.findPersonById(ctx.db, ctx.actor.personId!);
  if (!person) throw new NotFound('accounts.person_not_found');
  if (person.totpEnabled) throw new Conflict('auth.totp_already_enabled', 'Second factor already enabled');
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await repo.updatePerson(ctx.db, person.id, { totpSecret: secret });
  const totp = new OTPAuth.TOTP({ issuer: 'Trame', label: person.email, secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  return { secret, uri: totp.toString() };
}

export async function enableTotp(ctx: Ctx, code: string, sessionIdHash: string | null): Promise<void> {
  const person = await repo.findPersonById(ctx.db, ctx.actor.personId!);
  if (!person?.totpSecret) throw new Conflict('auth.totp_not_started', 'Start the set-up first');
  if (!verifyTotp(person.totpSecret, code)) throw new BadInput('auth.totp_invalid', 'Invalid one-time code', { code: 'invalid one-time code' });
  await repo.updatePerson(ctx.db, person.id, { totpEnabled: true, version: person.version + 1 });
  if (sessionIdHash) await repo.updateSession(ctx.db, sessionIdHash, { complete: true });
  forgetCallersOf(person.id);
}

export type TokenView = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

function toTokenView(row: repo.TokenRow): TokenView {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt };
}

/** Creates an API token bound to the caller's acting membership; the clear token is returned once. */
export async function createApiToken(ctx: Ctx, name: string): Promise<{ token: string; item: TokenView }> {
  const token = newApiToken();
  const row = {
    id: newId(),
    personId: ctx.actor.personId!,
    membershipId: ctx.actor.acting?.id ?? null,
    name,
    tokenHash: hashSecret(token),
    prefix: token.slice(0, 10),
    createdAt: ctx.now,
    lastUsedAt: null,
    revokedAt: null,
  };
  await repo.insertToken(ctx.db, row);
  return { token, item: toTokenView(row) };
}

export async function listApiTokens(ctx: Ctx): Promise<TokenView[]> {
  return (await repo.listTokensOf(ctx.db, ctx.actor.personId!)).map(toTokenView);
}

/** Revokes one of the caller's own tokens; another person's token is "not found". */
export async function revokeApiToken(ctx: Ctx, tokenId: string): Promise<void> {
  const tokens = await repo.listTokensOf(ctx.db, ctx.actor.personId!);
  const token = tokens.find((t) => t.id === tokenId);
  if (!token) throw new NotFound('tokens.not_found');
  if (!token.revokedAt) await repo.updateToken(ctx.db, token.id, { revokedAt: ctx.now });
  callers.forget((key) => key === `token:${token.tokenHash}`);
}

/** For the command line: a token for a person named by e-mail, acting through their first membership. */
export async function createApiTokenFor(ctx: Ctx, email: string, name: string): Promise<string> {
  const caller = await repo.findPersonByEmail(ctx.db, email.trim().toLowerCase());
  if (!caller) throw new NotFound('accounts.person_not_found', `No person with e-mail ${email}`);
  const memberships = stripPersonId(await repo.findMembershipsOf(ctx.db, [caller.id]));
  const personCtx = { ...ctx, actor: personActor(caller, memberships, pickActing(memberships, null)) };
  return (await createApiToken(personCtx, name)).token;
}

export async function findPeopleRefs(ctx: Ctx, ids: readonly string[]): Promise<Map<string, PersonRef>> {
  const rows = await repo.findPeopleByIds(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, toPersonRef(row)]));
}

export type DirectoryPerson = PersonRef & { sector: string; rpps: string | null; structures: string[] };

/** Searches people by name prefix, to add them to a care team. Right: directory.search. */
export async function searchPeople(ctx: Ctx, query: string, limit: number): Promise<DirectoryPerson[]> {
  assertAllowed(ctx, 'directory.search');
  const normalised = normaliseForSearch(query);
  if (normalised.length < 2) return [];
  const rows = await repo.searchPeopleByName(ctx.db, likePrefix(normalised), limit);
  const memberships = await repo.findMembershipsOf(ctx.db, rows.map((r) => r.id));
  return rows.map((row) => ({
    ...toPersonRef(row),
    sector: row.sector,
    rpps: row.rpps,
    structures: memberships.filter((m) => m.personId === row.id).map((m) => m.structureName),
  }));
}

/** People who coordinate a structure now: they may write in its files' journals. */
export async function findCoordinatorIds(ctx: Ctx, structureId: string): Promise<Set<string>> {
  const rows = await repo.findCoordinatorsOf(ctx.db, structureId);
  return new Set(rows);
}

export async function personExists(ctx: Ctx, personId: string): Promise<boolean> {
  return (await repo.findPersonById(ctx.db, personId))?.active === true;
}

export type StructureView = { id: string; name: string; kind: string; communeName: string | null; finess: string | null };

export async function listStructures(ctx: Ctx): Promise<StructureView[]> {
  return (await repo.listStructures(ctx.db)).map((s) => ({ id: s.id, name: s.name, kind: s.kind, communeName: s.communeName, finess: s.finess }));
}

export async function findStructureRefs(ctx: Ctx, ids: readonly string[]): Promise<Map<string, StructureView>> {
  const rows = await repo.findStructuresByIds(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((s) => [s.id, { id: s.id, name: s.name, kind: s.kind, communeName: s.communeName, finess: s.finess }]));
}

export type NewPersonInput = {
  email: string;
  givenName: string;
  familyName: string;
  sector: string;
  profession?: string | null | undefined;
  rpps?: string | null | undefined;
  adeli?: string | null | undefined;
  phone?: string | null | undefined;
  password?: string | undefined;
  passwordHash?: string | undefined;
  // Only for provisioning (the demo region): a second factor already set up.
  totpSecret?: string | undefined;
  memberships: { structureId: string; role: Role; identityReferent?: boolean | undefined }[];
};

/** Creates a person with their memberships. Right: account.manage (the system actor loads the demo). */
export async function createPerson(ctx: Ctx, input: NewPersonInput): Promise<{ id: string }> {
  assertAllowed(ctx, 'account.manage');
  const email = input.email.trim().toLowerCase();
  if (input.password !== undefined && input.password.length < PASSWORD_MIN_LENGTH) {
    throw new BadInput('accounts.password_too_short', 'Password too short', { password: `at least ${PASSWORD_MIN_LENGTH} characters` });
  }
  if (await repo.findPersonByEmail(ctx.db, email)) throw new Conflict('accounts.email_taken', 'E-mail already used', { fields: { email: 'already used' } });
  const structures = await repo.findStructuresByIds(ctx.db, input.memberships.map((m) => m.structureId));
  const missing = input.memberships.find((m) => !structures.some((s) => s.id === m.structureId));
  if (missing) throw new BadInput('accounts.structure_unknown', 'Unknown structure', { 'memberships.structureId': 'unknown structure' });
  const id = newId(ctx.now.getTime());
  const passwordHash = input.passwordHash ?? (input.password ? await hashPassword(input.password) : null);
  await repo.insertPerson(ctx.db, {
    id,
    email,
    passwordHash,
    givenName: input.givenName,
    familyName: input.familyName,
    sector: input.sector,
    profession: input.profession ?? null,
    rpps: input.rpps ?? null,
    adeli: input.adeli ?? null,
    phone: input.phone ?? null,
    searchName: normaliseForSearch(`${input.familyName} ${input.givenName}`),
    totpSecret: input.totpSecret ?? null,
    totpEnabled: input.totpSecret !== undefined,
    createdAt: ctx.now,
  });
  for (const membership of input.memberships) {
    await repo.insertMembership(ctx.db, { id: newId(), personId: id, structureId: membership.structureId, role: membership.role, identityReferent: membership.identityReferent ?? false, createdAt: ctx.now });
  }
  return { id };
}

export type NewStructureInput = {
  name: string;
  kind: string;
  finess?: string | null | undefined;
  siret?: string | null | undefined;
  address?: string | null | undefined;
  communeInsee?: string | null | undefined;
  communeName?: string | null | undefined;
  phone?: string | null | undefined;
};

/** Creates a structure. Right: account.manage. */
export async function createStructure(ctx: Ctx, input: NewStructureInput): Promise<StructureView> {
  assertAllowed(ctx, 'account.manage');
  const id = newId(ctx.now.getTime());
  await repo.insertStructure(ctx.db, {
    id,
    name: input.name,
    kind: input.kind,
    finess: input.finess ?? null,
    siret: input.siret ?? null,
    address: input.address ?? null,
    communeInsee: input.communeInsee ?? null,
    communeName: input.communeName ?? null,
    phone: input.phone ?? null,
    createdAt: ctx.now,
  });
  return { id, name: input.name, kind: input.kind, communeName: input.communeName ?? null, finess: input.finess ?? null };
}

/** Lists people for the administration page. Right: account.manage. */
export async function listPeopleForAdmin(ctx: Ctx, query: string): Promise<(DirectoryPerson & { email: string })[]> {
  assertAllowed(ctx, 'account.manage');
  const rows = await repo.searchPeopleByName(ctx.db, likePrefix(normaliseForSearch(query)), 200);
  const memberships = await repo.findMembershipsOf(ctx.db, rows.map((r) => r.id));
  return rows.map((row) => ({
    ...toPersonRef(row),
    email: row.email,
    sector: row.sector,
    rpps: row.rpps,
    structures: memberships.filter((m) => m.personId === row.id).map((m) => `${m.structureName} (${m.role})`),
  }));
}

export async function hasAnyPerson(db: Db): Promise<boolean> {
  return (await repo.countPeople(db)) > 0;
}

/** The Trame person with this RPPS number, if they have an account: a directory professional is added to a team directly. */
export async function findPersonByRpps(ctx: Ctx, rpps: string): Promise<PersonRef | null> {
  const row = await repo.findPersonByRpps(ctx.db, rpps);
  return row ? toPersonRef(row) : null;
}

export type InvitedPersonInput = { email: string; givenName: string; familyName: string; profession: string | null; rpps: string | null };

/**
 * Creates the person behind a care-team invitation: no password and no membership, so they can do
 * nothing until an invitation link opens a session, and then only what their care teams give them.
 * The caller (files/invitations.ts) has checked file.manage-team on the file they are invited to.
 */
export async function createInvitedPerson(ctx: Ctx, input: InvitedPersonInput): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  if (await repo.findPersonByEmail(ctx.db, email)) throw new Conflict('accounts.email_taken', 'E-mail already used', { fields: { email: 'already used' } });
  const id = newId(ctx.now.getTime());
  await repo.insertPerson(ctx.db, {
    id,
    email,
    passwordHash: null,
    givenName: input.givenName,
    familyName: input.familyName,
    sector: 'health',
    profession: input.profession,
    rpps: input.rpps,
    searchName: normaliseForSearch(`${input.familyName} ${input.givenName}`),
    createdAt: ctx.now,
  });
  return { id };
}

/** Whether each person has set a password (an invited professional who has not finished their account has none). */
export async function findPasswordStates(ctx: Ctx, ids: readonly string[]): Promise<Map<string, { email: string; hasPassword: boolean }>> {
  const rows = await repo.findPeopleByIds(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { email: row.email, hasPassword: row.passwordHash !== null }]));
}

/**
 * Opens a session for an invited person from their invitation link. The link is the factor: it was
 * sent to their professional mailbox, it is single-purpose and short-lived, and it leads to nothing
 * but their care teams (no membership: the rights table grants them only the care-team relations).
 * So the session is complete, but it lasts at most `maxHours`.
 */
export async function openInvitedSession(ctx: Ctx, personId: string, maxHours: number, userAgent: string | null): Promise<LoginResult> {
  const person = await repo.findPersonById(ctx.db, personId);
  if (!person || !person.active) throw new NotFound('invitations.not_found');
  const memberships = stripPersonId(await repo.findMembershipsOf(ctx.db, [person.id]));
  const acting = pickActing(memberships, null);
  const sessionId = newSecret();
  const csrfToken = newSecret(24);
  const expiresAt = new Date(ctx.now.getTime() + maxHours * 3_600_000);
  await repo.insertSession(ctx.db, {
    idHash: hashSecret(sessionId),
    personId: person.id,
    membershipId: acting?.id ?? null,
    csrfToken,
    complete: true,
    createdAt: ctx.now,
    lastSeenAt: ctx.now,
    expiresAt,
    clientIp: ctx.clientIp,
    userAgent,
  });
  return { sessionId, csrfToken, expiresAt, me: toMe(person, memberships, acting) };
}

/** An invited person chooses their password, once: then they log in like everyone else. */
export async function setFirstPassword(ctx: Ctx, personId: string, password: string): Promise<void> {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new BadInput('accounts.password_too_short', 'Password too short', { password: `at least ${PASSWORD_MIN_LENGTH} characters` });
  }
  const person = await repo.findPersonById(ctx.db, personId);
  if (!person || !person.active) throw new NotFound('invitations.not_found');
  if (person.passwordHash) throw new Conflict('accounts.password_already_set', 'This account already has a password');
  await repo.updatePerson(ctx.db, person.id, { passwordHash: await hashPassword(password), version: person.version + 1 });
  forgetCallersOf(person.id);
}

export type CareTeamPersonRef = PersonRef & { rpps: string | null; structure: { id: string; name: string } | null };

/** People as a care team shows them to other systems (FHIR CareTeam): their RPPS and the structure they work for, when they have one. */
export async function findCareTeamPeople(ctx: Ctx, ids: readonly string[]): Promise<Map<string, CareTeamPersonRef>> {
  const unique = [...new Set(ids)];
  const rows = await repo.findPeopleByIds(ctx.db, unique);
  const memberships = await repo.findMembershipsOf(ctx.db, unique);
  return new Map(rows.map((row) => {
    const first = memberships.find((m) => m.personId === row.id);
    return [row.id, { ...toPersonRef(row), rpps: row.rpps, structure: first ? { id: first.structureId, name: first.structureName } : null }];
  }));
}
