import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expiryFrom, hashInvitationToken, initialsOf, invitationLink, invitationState, newInvitationToken } from './invitation-rules.ts';

const now = new Date('2026-11-23T10:00:00Z');
const valid = { expiresAt: expiryFrom(now), revokedAt: null, accountCompletedAt: null };

test('a link is valid 14 days, then expired; revoked and used links are dead whatever the date', () => {
  assert.equal(valid.expiresAt.toISOString(), '2026-12-07T10:00:00.000Z');
  assert.equal(invitationState(valid, now), 'valid');
  assert.equal(invitationState(valid, new Date('2026-12-07T09:59:59Z')), 'valid');
  assert.equal(invitationState(valid, new Date('2026-12-07T10:00:00Z')), 'expired', 'the end is excluded');
  assert.equal(invitationState({ ...valid, revokedAt: now }, now), 'revoked');
  assert.equal(invitationState({ ...valid, accountCompletedAt: now }, now), 'used');
  assert.equal(invitationState({ ...valid, revokedAt: now, accountCompletedAt: now }, new Date('2027-01-01')), 'revoked', 'revocation wins');
});

test('a token is 32 random bytes in base64url; its hash is the SHA-256 in hex', () => {
  const a = newInvitationToken();
  assert.match(a, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, newInvitationToken());
  assert.equal(hashInvitationToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('shows the patient as initials, and builds the link on the public address', () => {
  assert.equal(initialsOf('jeanne', 'Lemaire'), 'J. L.');
  assert.equal(initialsOf('Élise', 'ørsted'), 'É. Ø.');
  assert.equal(invitationLink('https://trame.example.fr', 'tok'), 'https://trame.example.fr/invitation/tok');
});
