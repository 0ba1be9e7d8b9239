// Pure rules of authentication: lock-out after repeated failures, who must use a second factor, secrets.
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '#src/core/auth/rights.ts';

export const LOCKOUT = { maxFailures: 5, lockMinutes: 15 } as const;
export const PASSWORD_MIN_LENGTH = 12;

export type LoginState = { failedLogins: number; lockedUntil: Date | null };

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** After a failed attempt: count it, and lock the account for a while at the limit. */
export function afterFailedLogin(state: LoginState, now: Date): LoginState {
  const failedLogins = state.failedLogins + 1;
  if (failedLogins < LOCKOUT.maxFailures) return { failedLogins, lockedUntil: null };
  return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT.lockMinutes * 60_000) };
}

/** Platform administrators hold every account's keys: a password alone is not enough for them. */
export function requiresSecondFactor(roles: readonly Role[]): boolean {
  return roles.includes('platform_admin');
}

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Session ids and API tokens are stored hashed: a copy of the database opens no account. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export const API_TOKEN_PREFIX = 'trm_';

export function newApiToken(): string {
  return API_TOKEN_PREFIX + newSecret(32);
}
