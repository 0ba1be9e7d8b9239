// The demo extractions: the committed files are what the generator writes, every line reads with the
// importers' parsers, and they hold what the demo promises (its people, its structures, the area).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseFinessLine } from '#src/directory/formats/finess.ts';
import { createMailboxParser } from '#src/directory/formats/mssante.ts';
import { createRppsParser } from '#src/directory/formats/rpps.ts';
import type { GeolocationRecord, LineParser, MailboxRecord, OrganizationRecord, Parsed, RppsLine } from '#src/directory/formats/types.ts';
import { buildDemoExtracts, EXTRACT_FILES, EXTRACTS_DIR } from './directory-extracts.ts';
import { buildPeople } from './people.ts';
import { buildStructures } from './structures.ts';
import { territoryCommuneCodes } from './territory.ts';

const extracts = buildDemoExtracts();
const linesOf = (text: string) => text.trimEnd().split('\n');

function parseAll<T>(lines: string[], parse: LineParser<T>): T[] {
  return lines.map((line, i) => {
    const parsed = parse(line);
    if (!parsed.ok) assert.fail(`line ${i + 2}: ${parsed.message}`);
    return parsed.value;
  });
}

function withHeader<T>(text: string, create: (header: string) => Parsed<LineParser<T>>): T[] {
  const [header, ...lines] = linesOf(text);
  const parser = create(header!);
  if (!parser.ok) assert.fail(parser.message);
  return parseAll(lines, parser.value);
}

const rpps: RppsLine[] = withHeader(extracts.rpps, createRppsParser);
const mailboxes: MailboxRecord[] = withHeader(extracts.mssante, createMailboxParser);
const finess = parseAll(linesOf(extracts.finess), parseFinessLine);
const organizations: OrganizationRecord[] = finess.flatMap((l) => (l.kind === 'organization' ? [l.record] : []));
const geolocations = new Map<string, GeolocationRecord>(finess.flatMap((l) => (l.kind === 'geolocation' ? [[l.record.finess, l.record] as const] : [])));
const professionals = new Map(rpps.map((l) => [l.professional.idNatPs, l.professional]));

test('the committed extracts are what the generator writes (run node scripts/demo/directory-extracts.ts after a change)', () => {
  for (const kind of ['rpps', 'finess', 'mssante'] as const) {
    const committed = fs.readFileSync(path.join(EXTRACTS_DIR, EXTRACT_FILES[kind]), 'utf8');
    assert.ok(committed === extracts[kind], `${EXTRACT_FILES[kind]} differs from what the generator writes`);
  }
  assert.ok(buildDemoExtracts().rpps === extracts.rpps, 'deterministic');
});

test('every health professional of the demo practises where the demo says, with their RPPS', () => {
  const structures = new Map(buildStructures().map((s) => [s.key, s]));
  for (const person of buildPeople().filter((p) => p.rpps)) {
    const lines = rpps.filter((l) => l.professional.rpps === person.rpps);
    const places = person.memberships.map((m) => structures.get(m.structureKey)!).filter((s) => s.kind !== 'cpts');
    assert.equal(lines.length, places.length, person.key);
    assert.equal(lines[0]!.professional.familyName, person.familyName.toUpperCase());
    assert.deepEqual(lines.map((l) => l.activity.communeInsee).sort(), places.map((s) => s.communeInsee).sort(), person.key);
    for (const place of places.filter((p) => p.finess)) assert.ok(lines.some((l) => l.activity.siteFiness === place.finess), `${person.key} at ${place.key}`);
  }
  const mercier = rpps.find((l) => l.professional.familyName === 'MERCIER')!;
  assert.deepEqual([mercier.professional.civility, mercier.activity.skillCode, mercier.activity.communeName], ['Docteur', 'SM54', 'Angers']);
});

test('some 220 more professionals of the area, in a realistic mix, with fake RPPS apart from the demo ones', () => {
  const demo = new Set(buildPeople().flatMap((p) => (p.rpps ? [p.rpps] : [])));
  const others = [...professionals.values()].filter((p) => !demo.has(p.rpps!));
  assert.ok(others.length >= 220, `${others.length}`);
  assert.ok(others.every((p) => p.rpps!.startsWith('9972')));
  const share = (test: (p: (typeof others)[number]) => boolean) => others.filter(test).length / others.length;
  const gps = share((p) => rpps.some((l) => l.professional === p && l.activity.skillCode === 'SM54'));
  assert.ok(gps > 0.28 && gps < 0.42, `GPs ${gps}`);
  const nurses = share((p) => p.professionCode === '60');
  assert.ok(nurses > 0.24 && nurses < 0.36, `nurses ${nurses}`);
  for (const code of ['21', '40', '50', '70']) assert.ok(share((p) => p.professionCode === code) > 0.01, code);
  const practices = new Map<string, number>();
  for (const l of rpps) practices.set(l.professional.idNatPs, (practices.get(l.professional.idNatPs) ?? 0) + 1);
  assert.ok([...practices.values()].filter((n) => n === 2).length >= 5, 'some practise in two places');
  const territory = new Set(territoryCommuneCodes());
  assert.ok(rpps.every((l) => territory.has(l.activity.communeInsee!)), 'all in the arrondissement of Angers');
  assert.equal(new Set(rpps.map((l) => l.activity.activityKey)).size, rpps.length);
});

test('every establishment is located near its commune; the demo structures with a FINESS are there', () => {
  for (const s of buildStructures().filter((st) => st.finess)) {
    const e = organizations.find((o) => o.finess === s.finess);
    assert.ok(e, s.key);
    assert.equal(e!.communeInsee, s.communeInsee);
  }
  assert.ok(organizations.length >= 50);
  const byCommune = new Map<string, GeolocationRecord[]>();
  for (const o of organizations) {
    const point = geolocations.get(o.finess);
    assert.ok(point, `${o.finess} is located`);
    byCommune.set(o.communeInsee!, [...(byCommune.get(o.communeInsee!) ?? []), point!]);
    assert.ok(point!.latitude > 47.3 && point!.latitude < 47.7 && point!.longitude > -0.85 && point!.longitude < -0.2, o.name);
  }
  for (const [commune, points] of byCommune) {
    const spread = Math.max(...points.map((p) => p.latitude)) - Math.min(...points.map((p) => p.latitude));
    assert.ok(spread < 0.03, `${commune} establishments within a few km`);
  }
  // what the demo's offers are written for (offers.ts)
  const categories = new Set(organizations.map((o) => o.categoryCode));
  for (const code of ['101', '355', '109', '127', '292', '500', '354', '209', '460', '603', '124', '620', '214']) assert.ok(categories.has(code), code);
});

test('most professionals and the establishments have an MSSanté mailbox', () => {
  const personal = mailboxes.filter((m) => m.boxType === 'PER');
  assert.ok(personal.length / professionals.size > 0.75 && personal.length / professionals.size < 0.95);
  assert.ok(personal.every((m) => professionals.has(m.idNatPs!) && /^[a-z0-9.-]+@[a-z-]+\.mssante\.fr$/.test(m.address)), 'ASCII, lower case');
  assert.equal(new Set(mailboxes.map((m) => m.address)).size, mailboxes.length);
  const establishments = new Set(organizations.map((o) => o.finess));
  const organisational = mailboxes.filter((m) => m.boxType === 'ORG');
  assert.ok(organisational.filter((m) => m.finess).every((m) => establishments.has(m.finess!)));
  assert.ok(organisational.some((m) => m.address === 'secretariat@ch-anjou-loire.mssante.fr'));
  assert.ok(mailboxes.some((m) => m.address === 'antoine.mercier@medecin.mssante.fr'));
});
