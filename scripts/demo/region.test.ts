// Checks the demo region against the rules the platform enforces and the promises the demo
// makes to testers (named accounts, counts, scenario patients). The invariants run on the
// default build and again on other dates (leap day, DST changes, New Year) and seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import communes from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { buildDemoRegion, type DemoFile, type DemoRegion } from './region.ts';

const NOW = new Date('2025-11-23T16:00:00Z');
const region = buildDemoRegion(NOW);
const currentCommunes = new Map(communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));

// Written here rather than imported, so a bug in the generator's Luhn cannot hide itself.
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function coordinatorsOf(r: DemoRegion, structureKey: string): Set<string> {
  return new Set(
    r.people.filter((p) => p.memberships.some((m) => m.structureKey === structureKey && m.role === 'coordinator')).map((p) => p.key),
  );
}

function ageAt(birthDate: string, now: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = now.getUTCMonth() + 1 > m || (now.getUTCMonth() + 1 === m && now.getUTCDate() >= d);
  return now.getUTCFullYear() - y - (hadBirthday ? 0 : 1);
}

function filesWith(r: DemoRegion, personKey: string): DemoFile[] {
  return r.files.filter((f) => f.careTeam.some((m) => m.personKey === personKey));
}

function checkCounts(r: DemoRegion): void {
  assert.equal(r.structures.filter((s) => s.kind === 'dac').length, 1);
  assert.equal(r.structures.filter((s) => s.kind === 'cpts').length, 1);
  for (const kind of ['hospital', 'esms', 'social_service', 'practice'] as const) {
    assert.ok(r.structures.some((s) => s.kind === kind), kind);
  }
  assert.ok(r.people.length >= 38 && r.people.length <= 46, `${r.people.length} people`);
  assert.ok(r.patients.length >= 280 && r.patients.length <= 320, `${r.patients.length} patients`);
  const dacFiles = r.files.filter((f) => f.structureKey === 'dac');
  assert.ok(dacFiles.length >= 280 && dacFiles.length <= 300, `${dacFiles.length} DAC files`);
  assert.ok(r.files.some((f) => f.structureKey === 'cpts'));
  const entries = r.files.reduce((n, f) => n + f.journal.length, 0);
  assert.ok(entries >= 4000 && entries <= 6000, `${entries} journal entries`);
}

function checkTeamsAndReferents(r: DemoRegion): void {
  const patientKeys = new Set(r.patients.map((p) => p.key));
  const personKeys = new Set(r.people.map((p) => p.key));
  assert.equal(new Set(r.files.map((f) => f.key)).size, r.files.length);
  for (const file of r.files) {
    assert.ok(patientKeys.has(file.patientKey), file.key);
    assert.ok(coordinatorsOf(r, file.structureKey).has(file.referentKey), `${file.key} referent ${file.referentKey}`);
    assert.ok(file.careTeam.some((m) => m.personKey === file.referentKey && m.role === 'coordinator'), file.key);
    assert.ok(file.careTeam.length >= 2 && file.careTeam.length <= 6, `${file.key} team of ${file.careTeam.length}`);
    assert.equal(new Set(file.careTeam.map((m) => m.personKey)).size, file.careTeam.length, `${file.key} has a person twice`);
    for (const m of file.careTeam) assert.ok(personKeys.has(m.personKey), m.personKey);
    assert.ok(!file.careTeam.some((m) => m.role === 'caregiver'), 'caregivers have no account in the demo');
  }
}

function checkDemoAccountsInTeams(r: DemoRegion): void {
  assert.equal(filesWith(r, 'horsequipe').length, 0);
  const medecin = filesWith(r, 'medecin').length;
  const infirmiere = filesWith(r, 'infirmiere');
  assert.ok(medecin >= 35 && medecin <= 45, `medecin in ${medecin} teams`);
  assert.ok(infirmiere.length >= 25 && infirmiere.length <= 35, `infirmiere in ${infirmiere.length} teams`);
  assert.ok(infirmiere.some((f) => f.patientKey === 'jeanne'));
}

function checkJournalAuthors(r: DemoRegion): void {
  for (const file of r.files) {
    const coordinators = coordinatorsOf(r, file.structureKey);
    for (const e of file.journal) {
      const active = file.careTeam.some(
        (m) => m.personKey === e.authorKey && m.periodStart <= e.writtenAt && (m.periodEnd === null || e.writtenAt < m.periodEnd),
      );
      assert.ok(active || coordinators.has(e.authorKey), `${file.key}: ${e.authorKey} at ${e.writtenAt.toISOString()}`);
    }
    assert.ok(file.journal.length >= 3 && file.journal.length <= 40, `${file.key}: ${file.journal.length} entries`);
    assert.ok(file.journal.every((e) => !/[{}]/.test(e.text)), `${file.key}: unfilled slot`);
  }
}

function checkDates(r: DemoRegion, now: Date): void {
  for (const file of r.files) {
    const end = file.closedAt ?? now;
    assert.ok(file.openedAt < now, file.key);
    if (file.closedAt) {
      assert.ok(file.openedAt < file.closedAt && file.closedAt < now, file.key);
      assert.ok(file.closureReason, file.key);
    } else assert.equal(file.closureReason, null);
    for (const m of file.careTeam) {
      assert.ok(m.periodStart >= file.openedAt && m.periodStart < end, `${file.key} ${m.personKey} start`);
      if (m.periodEnd) assert.ok(m.periodStart < m.periodEnd && m.periodEnd <= end, `${file.key} ${m.personKey} end`);
    }
    for (const e of file.journal) assert.ok(e.writtenAt >= file.openedAt && e.writtenAt <= end, `${file.key} entry ${e.writtenAt.toISOString()}`);
  }
  for (const p of r.patients) assert.ok(new Date(`${p.birthDate}T00:00:00Z`) < now, p.key);
  const ages = r.files.map((f) => (now.getTime() - f.openedAt.getTime()) / 86_400_000);
  assert.ok(ages.every((d) => d <= 550));
  assert.ok(ages.filter((d) => d <= 365).length / ages.length >= 0.75);
  const closed = r.files.filter((f) => f.closedAt).length / r.files.length;
  assert.ok(closed >= 0.1 && closed <= 0.2, `${closed} closed`);
}

function checkCommunes(r: DemoRegion): void {
  for (const p of r.patients) {
    const commune = currentCommunes.get(p.communeInsee);
    assert.ok(commune, `${p.key} lives in ${p.communeInsee}`);
    assert.equal(commune.departement, '49');
    assert.equal(commune.nom, p.communeName);
    assert.ok(commune.codesPostaux?.includes(p.postalCode), `${p.key} ${p.postalCode}`);
    if (!p.birthplaceInsee.startsWith('99')) assert.equal(currentCommunes.get(p.birthplaceInsee)?.nom, p.birthplaceName, p.key);
  }
  for (const s of r.structures) assert.equal(currentCommunes.get(s.communeInsee)?.nom, s.communeName, s.key);
}

function checkPatients(r: DemoRegion, now: Date): void {
  const ages = r.patients.map((p) => ageAt(p.birthDate, now));
  const over75 = ages.filter((a) => a >= 75).length / ages.length;
  assert.ok(over75 >= 0.55 && over75 <= 0.65, `${over75} over 75`);
  assert.ok(ages.every((a) => a >= 18 && a <= 105));
  const byKey = new Map(r.patients.map((p) => [p.key, p]));
  assert.equal(ageAt(byKey.get('jeanne')?.birthDate ?? '', now), 86);
  assert.equal(ageAt(byKey.get('karim')?.birthDate ?? '', now), 54);
  assert.equal(ageAt(byKey.get('lea')?.birthDate ?? '', now), 19);
  for (const p of r.patients) {
    assert.equal(p.birthGivenNames.split(' ')[0], p.givenName, p.key);
    assert.ok(p.birthGivenNames.split(' ').length <= 3, p.key);
    assert.notEqual(p.usedName, p.birthName, p.key);
  }
}

test('gives the same region for the same now and seed, another for another seed', () => {
  assert.deepEqual(buildDemoRegion(new Date(NOW)), region);
  assert.notDeepEqual(buildDemoRegion(NOW, 7).patients, region.patients);
});

test('has one DAC, one CPTS, about 40 people, about 300 patients and 4 000-6 000 journal entries', () => {
  checkCounts(region);
});

test('has the demo accounts with their roles', () => {
  const personByKey = new Map(region.people.map((p) => [p.key, p]));
  const expected: [string, string, string, string][] = [
    ['admin', 'admin@demo.trame.fr', 'dac', 'platform_admin'],
    ['coordination', 'coordination@demo.trame.fr', 'dac', 'coordinator'],
    ['medecin', 'medecin@demo.trame.fr', 'msp-justices', 'professional'],
    ['infirmiere', 'infirmiere@demo.trame.fr', 'cabinet-infirmier', 'professional'],
    ['pharmacien', 'pharmacien@demo.trame.fr', 'pharmacie', 'professional'],
    ['ars', 'ars@demo.trame.fr', 'dac', 'regional_viewer'],
    ['horsequipe', 'horsequipe@demo.trame.fr', 'cabinet-kine', 'professional'],
  ];
  for (const [key, email, structureKey, role] of expected) {
    const person = personByKey.get(key);
    assert.ok(person, key);
    assert.equal(person.email, email);
    assert.ok(person.memberships.some((m) => m.structureKey === structureKey && m.role === role), `${key} is ${role} of ${structureKey}`);
  }
  assert.equal(personByKey.get('admin')?.sector, 'none');
  assert.equal(personByKey.get('medecin')?.profession, 'Médecin généraliste');
  assert.ok(coordinatorsOf(region, 'dac').size >= 3, 'several DAC coordinators');
  assert.ok(region.people.some((p) => p.memberships.some((m) => m.structureKey === 'cpts' && m.role === 'structure_admin')));
});

test('gives every person a unique address and memberships of known structures', () => {
  const structureKeys = new Set(region.structures.map((s) => s.key));
  assert.equal(new Set(region.people.map((p) => p.email)).size, region.people.length);
  for (const person of region.people) {
    assert.match(person.email, /^[a-z0-9.-]+@demo\.trame\.fr$/);
    assert.ok(person.memberships.length > 0, person.key);
    for (const m of person.memberships) assert.ok(structureKeys.has(m.structureKey), `${person.key} → ${m.structureKey}`);
  }
});

test('gives health professionals a unique Luhn-valid RPPS and the others none', () => {
  const rppsList = region.people.flatMap((p) => (p.rpps ? [p.rpps] : []));
  for (const person of region.people) {
    if (person.sector !== 'health') assert.equal(person.rpps, null, person.key);
    else assert.ok(person.rpps && /^\d{11}$/.test(person.rpps) && luhn(person.rpps), `${person.key} ${person.rpps}`);
  }
  assert.equal(new Set(rppsList).size, rppsList.length);
  for (const s of region.structures) {
    if (s.finess) assert.ok(/^49\d{7}$/.test(s.finess) && luhn(s.finess), s.finess);
    if (s.siret) assert.ok(/^\d{14}$/.test(s.siret) && luhn(s.siret), s.siret);
  }
});

test('keeps horsequipe out of every care team; medecin and infirmiere in many', () => {
  checkDemoAccountsInTeams(region);
});

test('has referents who coordinate the file’s structure and teams of 2 to 6', () => {
  checkTeamsAndReferents(region);
});

test('has every journal author in the team at writtenAt or coordinating the structure', () => {
  checkJournalAuthors(region);
});

test('puts every date in the past and in order, openings over 18 months, ~15 % closed', () => {
  checkDates(region, NOW);
});

test('places everyone in real communes with matching postal codes', () => {
  checkCommunes(region);
  assert.ok(region.patients.some((p) => p.birthplaceInsee.startsWith('99')), 'some are born abroad');
});

test('has mostly very old patients and the three scenario patients with their stories', () => {
  checkPatients(region, NOW);
  const karim = region.files.find((f) => f.patientKey === 'karim');
  assert.ok(karim?.journal.some((e) => /Rupture de parcours/.test(e.text)));
  const jeanne = region.files.find((f) => f.patientKey === 'jeanne');
  assert.ok(jeanne?.journal.some((e) => e.category === 'alert' && /fracture du col/.test(e.text)));
  const lea = region.files.find((f) => f.patientKey === 'lea');
  assert.ok(lea?.journal.some((e) => /mère de Léa/.test(e.text)));
});

test('holds the same invariants on other dates and seeds', () => {
  const cases: [string, number][] = [
    ['2024-02-29T08:00:00Z', 1],
    ['2026-03-29T01:30:00Z', 5],
    ['2027-01-01T00:00:00Z', 123456],
  ];
  for (const [iso, seed] of cases) {
    const now = new Date(iso);
    const other = buildDemoRegion(now, seed);
    checkCounts(other);
    checkTeamsAndReferents(other);
    checkDemoAccountsInTeams(other);
    checkJournalAuthors(other);
    checkDates(other, now);
    checkCommunes(other);
    checkPatients(other, now);
  }
});
