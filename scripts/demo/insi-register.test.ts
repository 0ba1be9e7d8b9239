import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNir, nirIncoherences } from '#src/patients/nir.ts';
import { createSoapInsiClient } from '#src/insi/soap-client.ts';
import type { InsiCaller } from '#src/insi/types.ts';
import { buildDemoRegion } from './region.ts';
import { startInsiTestPeer } from '#src/insi/test-peer.ts';
import { buildDemoInsiRegister, DEMO_INSI_VARIANTS } from './insi-register.ts';

const NOW = new Date('2025-11-23T16:00:00Z');
const region = buildDemoRegion(NOW);
const register = buildDemoInsiRegister(region);
const patientOf = new Map(region.patients.map((p) => [`${p.birthName}|${p.givenName}|${p.birthDate}|${p.sex}`, p]));

function demoPatient(entry: (typeof register)[number]) {
  const patient = patientOf.get(`${entry.birthName}|${entry.firstGivenName}|${entry.birthDate}|${entry.sex}`);
  assert.ok(patient, `no demo patient for ${entry.birthName} ${entry.firstGivenName}`);
  return patient;
}

test('every NIR of the register is valid and coherent with the traits it carries', () => {
  for (const entry of register) {
    const check = checkNir(entry.matricule);
    assert.ok(check.valid, `${entry.matricule}: ${JSON.stringify(check)}`);
    assert.deepEqual(check.warnings, [], entry.matricule);
    const errors = nirIncoherences(entry.matricule, entry).filter((i) => i.severity === 'error');
    assert.deepEqual(errors, [], entry.matricule);
    assert.deepEqual(nirIncoherences(entry.matricule, entry), [], entry.matricule);
  }
});

test('about 85 % of the demo patients have an INS, the scenario patients always, each once, with the test OID', () => {
  const share = register.length / region.patients.length;
  assert.ok(share >= 0.8 && share <= 0.9, `${register.length} of ${region.patients.length}`);
  assert.equal(new Set(register.map((e) => e.matricule)).size, register.length);
  assert.ok(register.every((e) => e.oid === '1.2.250.1.213.1.4.10'));
  const keys = new Set(register.map((e) => demoPatient(e).key));
  assert.equal(keys.size, register.length);
  for (const key of ['jeanne', 'karim', 'lea']) assert.ok(keys.has(key), key);
});

test('the register carries the demo traits, except a few identities with given names the record lacks', () => {
  const variants = register.filter((entry) => entry.givenNames !== demoPatient(entry).birthGivenNames);
  assert.equal(variants.length, DEMO_INSI_VARIANTS);
  for (const entry of register) {
    const patient = demoPatient(entry);
    assert.equal(entry.birthName, patient.birthName);
    assert.equal(entry.birthplaceInsee, patient.birthplaceInsee);
    assert.equal(entry.givenNames.split(' ')[0], patient.givenName);
  }
  for (const entry of variants) {
    const patient = demoPatient(entry);
    assert.ok(entry.givenNames.startsWith(`${patient.birthGivenNames} `), entry.givenNames);
    assert.ok(entry.givenNames.split(' ').length > patient.birthGivenNames.split(' ').length);
    assert.equal(new Set(entry.givenNames.split(' ')).size, entry.givenNames.split(' ').length, entry.givenNames);
  }
});

test('the register is deterministic', () => {
  assert.deepEqual(buildDemoInsiRegister(buildDemoRegion(NOW)), register);
});

test('through the test peer, a demo record finds its INS, and a variant comes back with its extra given names', async () => {
  const peer = await startInsiTestPeer({ register });
  try {
    const client = createSoapInsiClient({ url: peer.url, timeoutMs: 5000 });
    const caller: InsiCaller = { personId: 'coordination', displayName: 'Claire Morel', rpps: null, structureName: 'DAC Anjou Centre', structureFiness: null };
    const traitsOf = (p: (typeof region.patients)[number]) => ({ birthName: p.birthName, givenNames: p.birthGivenNames, birthDate: p.birthDate, sex: p.sex, birthplaceInsee: p.birthplaceInsee });
    const jeanne = region.patients.find((p) => p.key === 'jeanne')!;
    const found = await client.searchByTraits(traitsOf(jeanne), caller);
    assert.equal(found.outcome, 'found');
    const variant = register.find((entry) => entry.givenNames !== demoPatient(entry).birthGivenNames)!;
    const result = await client.searchByTraits(traitsOf(demoPatient(variant)), caller);
    assert.deepEqual(result, { outcome: 'found', identity: variant });
    const absent = region.patients.find((p) => !register.some((e) => demoPatient(e).key === p.key))!;
    assert.deepEqual(await client.searchByTraits(traitsOf(absent), caller), { outcome: 'not_found' });
  } finally {
    await peer.close();
  }
});
