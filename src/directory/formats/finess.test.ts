import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { wgs84ToLambert93 } from './lambert93.ts';
import { detectEncoding, readLines } from './line-reader.ts';
import { communeInseeOf, parseFinessLine, splitSemicolons } from './finess.ts';
import type { FinessLine, GeolocationRecord, OrganizationRecord, Parsed } from './types.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function parseSample(name: string): Promise<Parsed<FinessLine>[]> {
  const results: Parsed<FinessLine>[] = [];
  for await (const line of readLines(fixture(name))) results.push(parseFinessLine(line.text));
  return results;
}

const organizationsOf = (results: Parsed<FinessLine>[]): OrganizationRecord[] =>
  results.flatMap((r) => (r.ok && r.value.kind === 'organization' ? [r.value.record] : []));
const geolocationsOf = (results: Parsed<FinessLine>[]): GeolocationRecord[] =>
  results.flatMap((r) => (r.ok && r.value.kind === 'geolocation' ? [r.value.record] : []));
const refusal = (line: string) => {
  const parsed = parseFinessLine(line);
  return parsed.ok ? null : parsed.message;
};

/** a "structureet" line from a few of its 32 fields, by position */
const structureLine = (fields: Record<number, string>) =>
  Array.from({ length: 32 }, (_, i) => fields[i] ?? '').map((value, i) => (i === 0 ? 'structureet' : value)).join(';');
const LAMBERT_93 = '1,ATLASANTE,96,BAN,EPSG:2154 RGF93 / Lambert-93 (Métropole)';

test('the Latin-1 sample: 15 establishments with their positions, the first line skipped, two lines refused', async () => {
  assert.equal(detectEncoding(fixture('finess-sample.csv')), 'windows-1252');
  const results = await parseSample('finess-sample.csv');
  assert.deepEqual(results[0], { ok: true, value: { kind: 'skip' } });
  assert.equal(organizationsOf(results).length, 15);
  assert.equal(geolocationsOf(results).length, 15);
  assert.deepEqual(results.flatMap((r) => (r.ok ? [] : [r.message])), [
    'ligne structureet : 32 champs attendus, 30 trouvés',
    'coordonnées non numériques pour 490070711 : x « NC », y « NC »',
  ]);
});

test('an establishment as the directory keeps it', async () => {
  const [hospital] = organizationsOf(await parseSample('finess-sample.csv'));
  assert.deepEqual(hospital, {
    finess: '490070034', legalFiness: '490078037', name: 'CH DU VAL DE MAINE', longName: 'CENTRE HOSPITALIER DU VAL DE MAINE',
    categoryCode: '355', categoryLabel: 'Centre Hospitalier (C.H.)', aggregateCode: '1102', aggregateLabel: 'Centres Hospitaliers',
    siret: '02649005200151', address: '1 BOULEVARD DAVIERS', postalCode: '49100', communeInsee: '49007', communeName: 'ANGERS',
    phone: '0241353535', openedOn: '1972-03-01',
  });
});

test('accents, quoted names, CEDEX routing, a box, a repetition index and an old date format', async () => {
  const byFiness = new Map(organizationsOf(await parseSample('finess-sample.csv')).map((o) => [o.finess, o]));
  const ehpad = byFiness.get('490070299')!;
  assert.deepEqual(
    [ehpad.name, ehpad.longName, ehpad.categoryLabel],
    ['EHPAD LES TILLEULS', 'RESIDENCE "LES TILLEULS" ; EHPAD D\'AVRILLE', "Etablissement d'hébergement pour personnes âgées dépendantes"],
  );
  const psychiatry = byFiness.get('490070059')!;
  assert.deepEqual(
    [psychiatry.longName, psychiatry.address, psychiatry.postalCode, psychiatry.communeName, psychiatry.communeInsee],
    ['CENTRE HOSPITALIER SPÉCIALISÉ LOIRE MAINE', '27 ROUTE DE BOUCHEMAINE, BP 50089', '49137', 'LES PONTS DE CE', '49278'],
  );
  assert.equal(byFiness.get('490070539')!.address, '12 B RUE DES CAPUCINS');
  assert.equal(byFiness.get('490070612')!.openedOn, '1987-09-01');
});

test('positions in Lambert 93 become WGS 84, whichever way the source names the projection', async () => {
  const points = new Map(geolocationsOf(await parseSample('finess-sample.csv')).map((g) => [g.finess, g]));
  const hospital = points.get('490070034')!;
  assert.ok(Math.abs(hospital.latitude - 47.4802) < 1e-6 && Math.abs(hospital.longitude + 0.5535) < 1e-6, `${hospital.latitude} ${hospital.longitude}`);
  const ssiad = points.get('490070372')!; // "…,LAMBERT_93", the older wording
  assert.ok(Math.abs(ssiad.latitude - 47.4258) < 1e-6 && Math.abs(ssiad.longitude + 0.5237) < 1e-6);
  const { x, y } = wgs84ToLambert93(47.47, -0.55);
  const older = parseFinessLine(`geolocalisation;490070034;${x};${y};1;ATLASANTE;100;IGN;BD_ADRESSE;V2.1;LAMBERT_93;2016-02-29`);
  assert.ok(older.ok && older.value.kind === 'geolocation' && Math.abs(older.value.record.latitude - 47.47) < 1e-9, 'source split on ";" (2016 extractions)');
});

test('the later extraction: one establishment closed, one opened, a phone and a position changed', async () => {
  const before = await parseSample('finess-sample.csv');
  const after = await parseSample('finess-sample-v2.csv');
  assert.ok(after.every((r) => r.ok));
  const index = <T extends { finess: string }>(records: T[]) => new Map(records.map((r) => [r.finess, JSON.stringify(r)]));
  const compare = (a: Map<string, string>, b: Map<string, string>) => ({
    added: [...b.keys()].filter((k) => !a.has(k)),
    gone: [...a.keys()].filter((k) => !b.has(k)),
    changed: [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)),
  });
  assert.deepEqual(compare(index(organizationsOf(before)), index(organizationsOf(after))), { added: ['490070737'], gone: ['490070232'], changed: ['490070414'] });
  const moved = compare(index(geolocationsOf(before)), index(geolocationsOf(after)));
  assert.deepEqual(moved.changed, ['490070315']);
});

test('refuses a malformed FINESS number, another projection, an unknown line and a position outside France', () => {
  assert.equal(refusal(structureLine({ 1: '4900A0034', 3: 'CH' })), 'numéro FINESS « 4900A0034 » invalide : 9 caractères attendus (chiffres, ou 2A/2B pour la Corse)');
  assert.match(refusal(structureLine({ 1: '49007003', 3: 'CH' }))!, /numéro FINESS « 49007003 » invalide/);
  assert.equal(refusal(structureLine({ 1: '2A0000019', 3: 'CH DE CORTE' })), null, 'Corsica');
  assert.equal(refusal(structureLine({ 1: '490070034' })), 'raison sociale manquante pour 490070034');
  assert.equal(
    refusal('geolocalisation;970400024;338601.5;7689046.2;2,ATLASANTE,96,BAN,EPSG:2975 RGR92/UTM zone 40S (Réunion);2026-05-04'),
    'coordonnées de 970400024 dans une projection non prise en charge (« 2,ATLASANTE,96,BAN,EPSG:2975 RGR92/UTM zone 40S (Réunion) ») : seul le Lambert 93 de la métropole est converti',
  );
  assert.equal(refusal(`geolocalisation;490070034;0;0;${LAMBERT_93};2026-05-04`), 'coordonnées de 490070034 hors de la France métropolitaine : x 0, y 0');
  assert.equal(refusal('geolocalisation;490070034;432000'), 'ligne geolocalisation : 6 champs attendus, 3 trouvés');
  assert.equal(refusal('equipmateriellourd;490078037;CH'), 'ligne de type « equipmateriellourd » inconnue (attendu : structureet ou geolocalisation)');
  assert.deepEqual(parseFinessLine('  '), { ok: true, value: { kind: 'skip' } });
});

test('commune codes: département + commune, Corsica, and overseas départements written 9A…9F', () => {
  assert.equal(communeInseeOf('49', '007'), '49007');
  assert.equal(communeInseeOf('01', '45'), '01045');
  assert.equal(communeInseeOf('2A', '004'), '2A004');
  assert.equal(communeInseeOf('9A', '101'), '97101'); // Les Abymes
  assert.equal(communeInseeOf('9B', '209'), '97209'); // Fort-de-France
  assert.equal(communeInseeOf('9C', '302'), '97302'); // Cayenne
  assert.equal(communeInseeOf('9D', '411'), '97411'); // Saint-Denis
  assert.equal(communeInseeOf('9E', '502'), '97502'); // Saint-Pierre
  assert.equal(communeInseeOf('9F', '611'), '97611'); // Mamoudzou
  assert.equal(communeInseeOf('9J', '613'), '98613'); // Wallis-et-Futuna
  assert.equal(communeInseeOf('9Z', '101'), null);
  assert.equal(communeInseeOf('49', ''), null);
  assert.equal(communeInseeOf(null, '007'), null);
});

test('an overseas establishment is read, its commune coded as INSEE does', () => {
  const line = structureLine({ 1: '970499990', 2: '970499982', 3: 'EHPAD LES FILAOS', 7: '4', 8: 'R', 9: 'DES BADAMIERS', 12: '411', 13: '9D', 14: 'LA REUNION', 15: '97400 ST DENIS', 18: '500' });
  const parsed = parseFinessLine(line);
  assert.ok(parsed.ok && parsed.value.kind === 'organization');
  assert.deepEqual([parsed.value.record.communeInsee, parsed.value.record.postalCode, parsed.value.record.address], ['97411', '97400', '4 RUE DES BADAMIERS']);
});

test('splits on semicolons, honouring quotes', () => {
  assert.deepEqual(splitSemicolons('a;b;;c;'), ['a', 'b', '', 'c', '']);
  assert.deepEqual(splitSemicolons('a;"b;c";"d ""e""";f'), ['a', 'b;c', 'd "e"', 'f']);
  assert.deepEqual(splitSemicolons('"x";'), ['x', '']);
  assert.deepEqual(splitSemicolons('LIEU DE VIE "LE MAS";2'), ['LIEU DE VIE "LE MAS"', '2'], 'a quote inside an unquoted field is text');
});
