import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAllowed, mayEverDo } from './rights.ts';

const dac = 'dac-1';
const coordinator = { role: 'coordinator' as const, structureId: dac };

test('lets a coordinator read the files her structure holds, and no other', () => {
  assert.equal(isAllowed(coordinator, 'file.read', { structureIds: [dac] }), true);
  assert.equal(isAllowed(coordinator, 'file.read', { structureIds: ['other'] }), false);
});

test('lets any care-team member read and write, whatever their role', () => {
  const nurse = { role: 'professional' as const, structureId: 'practice' };
  assert.equal(isAllowed(nurse, 'file.read', { structureIds: [dac], inCareTeam: true }), true);
  assert.equal(isAllowed(nurse, 'journal.write', { structureIds: [dac], inCareTeam: true }), true);
  assert.equal(isAllowed(nurse, 'file.manage-team', { structureIds: [dac], inCareTeam: true }), false);
  assert.equal(isAllowed(nurse, 'file.read', { structureIds: [dac], inCareTeam: false }), false);
});

test('gives a regional viewer and an administrator no access to patient data', () => {
  for (const role of ['regional_viewer', 'platform_admin'] as const) {
    const subject = { role, structureId: dac };
    assert.equal(isAllowed(subject, 'file.read', { structureIds: [dac] }), false);
    assert.equal(isAllowed(subject, 'patient.search'), false);
  }
  assert.equal(mayEverDo('regional_viewer', 'file.read'), false);
  assert.equal(mayEverDo('professional', 'file.read'), true);
  // A person with no membership (an invited professional) can still be in a care team.
  assert.equal(mayEverDo(null, 'file.read'), true);
  assert.equal(mayEverDo(null, 'patient.search'), false);
});
