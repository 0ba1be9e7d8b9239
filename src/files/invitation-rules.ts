// Pure rules of care-team invitations: how long a link lives, what state it is in, what it shows before use.
import { createHash, randomBytes } from 'node:crypto';

/** A link is valid two weeks: long enough for a busy liberal professional, short enough to expire unused. */
export const INVITATION_DAYS = 14;
/** The session a link opens lasts at most this long: the link, not a password, vouched for it. */
export const INVITED_SESSION_HOURS = 8;

export type InvitationState = 'valid' | 'expired' | 'revoked' | 'used';
export type InvitationFacts = { expiresAt: Date; revokedAt: Date | null; accountCompletedAt: Date | null };

/**
 * A revoked link (re-sent or withdrawn) is dead first; then one whose person finished their account
 * (they log in with their password from then on); then an expired one.
 */
export function invitationState(invitation: InvitationFacts, now: Date): InvitationState {
  if (invitation.revokedAt) return 'revoked';
  if (invitation.accountCompletedAt) return 'used';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

export function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
}

/** 32 random bytes: the secret of the link, given once; only its SHA-256 is stored. */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Before the link is opened, the patient shows as initials only: the page is public. */
export function initialsOf(givenName: string, familyName: string): string {
  const first = (name: string) => name.trim().charAt(0).toLocaleUpperCase('fr-FR');
  return `${first(givenName)}. ${first(familyName)}.`;
}

export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/invitation/${token}`;
}
