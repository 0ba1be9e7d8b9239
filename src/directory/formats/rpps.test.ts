import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readLines } from './line-reader.ts';
import { createRppsParser, RPPS_HEADER } from './rpps.ts';
import type { LineParser, RppsLine } from './types.ts';

const HEADER = `${RPPS_HEADER.join('|')}|`;

async function sample(name: string): Promise<{ header: string; lines: string[] }> {
  const texts: string[] = [];
  for await (const line of readLines(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)))) texts.push(line.text);
  const [header, ...lines] = texts;
  return { header: header!, lines };
}

function parserOf(header: string): LineParser<RppsLine> {
  const built = createRppsParser(header);
  if (!built.ok) assert.fail(built.message);
  return built.value;
}

function parseAll(header: string, lines: string[]): RppsLine[] {
  const parse = parserOf(header);
  return lines.map((line) => {
    const parsed = parse(line);
    if (!parsed.ok) assert.fail(parsed.message);
    return parsed.value;
  });
}

/** a line of the real layout from the values of some columns */
const lineOf = (values: Partial<Record<(typeof RPPS_HEADER)[number], string>>) => `${RPPS_HEADER.map((column) => values[column] ?? '').join('|')}|`;

const GASNIER = {
  "Type d'identifiant PP": '8', 'Identifiant PP': '99710000011', 'Identification nationale PP': '899710000011',
  "Nom d'exercice": 'GASNIER', "Prénom d'exercice": 'Élise', 'Code mode exercice': 'L', 'Identifiant technique de la structure': 'R10049000900001',
} as const;

test('the sample extraction: 22 professionals in 23 practices, and three refused lines with their reason', async () => {
  const { header, lines } = await sample('ps-libreacces-sample.txt');
  const parse = parserOf(header);
  const results = lines.map(parse);
  const accepted = results.flatMap((r) => (r.ok ? [r.value] : []));
  assert.equal(accepted.length, 23);
  assert.equal(new Set(accepted.map((l) => l.professional.idNatPs)).size, 22);
  assert.deepEqual(
    results.flatMap((r) => (r.ok ? [] : [r.message])),
    [
      'RPPS invalide : la clé de contrôle de « 99710000220 » ne correspond pas (Luhn)',
      '56 champs attendus, 54 trouvés',
      'nom d’exercice manquant pour 899710000243',
    ],
  );
});

test('a general practitioner: who they are, and where and how they practise', async () => {
  const { header, lines } = await sample('ps-libreacces-sample.txt');
  const [gasnier] = parseAll(header, lines.slice(0, 1));
  assert.deepEqual(gasnier!.professional, {
    idNatPs: '899710000011', rpps: '99710000011', civility: 'Docteur', familyName: 'GASNIER', givenName: 'Élise',
    professionCode: '10', professionLabel: 'Médecin', categoryCode: 'C',
  });
  assert.deepEqual(gasnier!.activity, {
    activityKey: '899710000011|R10049000900001|L||SM54', idNatPs: '899710000011', modeCode: 'L',
    modeLabel: 'Libéral, indépendant, artisan, commerçant', roleCode: null, roleLabel: null, skillCode: 'SM54',
    skillLabel: 'Médecine Générale', siteSiret: '05900001800123', siteFiness: null, legalFiness: null,
    siteName: 'CABINET MEDICAL BRESSIGNY', address: '12 rue Bressigny', postalCode: '49100', communeInsee: '49007',
    communeName: 'Angers', phone: '0241871204', email: null,
  });
});

test('two practice places, an ADELI professional, a repetition index, a trade name and an establishment', async () => {
  const { header, lines } = await sample('ps-libreacces-sample.txt');
  const all = parseAll(header, lines.slice(0, 23));
  const cesbron = all.filter((l) => l.professional.familyName === 'CESBRON');
  assert.deepEqual(cesbron.map((l) => l.activity.communeName), ['Avrillé', 'Montreuil-Juigné']);
  assert.notEqual(cesbron[0]!.activity.activityKey, cesbron[1]!.activity.activityKey);
  const gohier = all.find((l) => l.professional.familyName === 'GOHIER')!;
  assert.deepEqual([gohier.professional.idNatPs, gohier.professional.rpps, gohier.professional.professionLabel], ['0499100013', null, 'Orthophoniste']);
  const ripoche = all.find((l) => l.professional.familyName === 'RIPOCHE')!;
  assert.deepEqual([ripoche.professional.civility, ripoche.activity.address], [null, '4 B rue de la Loire']);
  const chupin = all.find((l) => l.professional.familyName === 'CHUPIN')!;
  assert.equal(chupin.activity.siteName, 'Pharmacie de la Gare');
  const oger = all.find((l) => l.professional.familyName === 'OGER')!;
  assert.deepEqual([oger.activity.skillCode, oger.activity.modeCode, oger.activity.siteFiness, oger.activity.legalFiness], ['SM18', 'S', '490070034', '490078037']);
});

test('the later re-extraction: two gone, one new, one practice moved, one name changed, the rest as before', async () => {
  const before = await sample('ps-libreacces-sample.txt');
  const after = await sample('ps-libreacces-sample-v2.txt');
  const v1 = parseAll(before.header, before.lines.slice(0, 23));
  const v2 = parseAll(after.header, after.lines);
  const diff = <T>(a: Map<string, T>, b: Map<string, T>) => ({
    added: [...b.keys()].filter((k) => !a.has(k)),
    gone: [...a.keys()].filter((k) => !b.has(k)),
    changed: [...b.keys()].filter((k) => a.has(k) && JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k))),
  });
  const professionals = (lines: RppsLine[]) => new Map(lines.map((l) => [l.professional.idNatPs, l.professional]));
  const activities = (lines: RppsLine[]) => new Map(lines.map((l) => [l.activity.activityKey, l.activity]));
  const names = new Map([...v1, ...v2].map((l) => [l.professional.idNatPs, l.professional.familyName]));
  const people = diff(professionals(v1), professionals(v2));
  assert.deepEqual(
    { added: people.added.map((id) => names.get(id)), gone: people.gone.map((id) => names.get(id)), changed: people.changed.map((id) => names.get(id)) },
    { added: ['RABOUIN'], gone: ['HUMEAU', 'DAVY'], changed: ['LEMESLE-JAMIN'] },
  );
  const moves = diff(activities(v1), activities(v2));
  assert.equal(moves.added.length, 1);
  assert.equal(moves.gone.length, 2);
  assert.deepEqual(moves.changed.map((k) => activities(v2).get(k)!.address), ['26 avenue Pasteur']);
});

test('refuses a line without identifier, a malformed RPPS, an inconsistent national id or a missing given name', () => {
  const parse = parserOf(HEADER);
  const refusal = (values: Partial<Record<(typeof RPPS_HEADER)[number], string>>) => {
    const parsed = parse(lineOf({ ...GASNIER, ...values }));
    return parsed.ok ? null : parsed.message;
  };
  assert.equal(refusal({}), null);
  assert.equal(refusal({ 'Identification nationale PP': '' }), 'identifiant du professionnel vide');
  assert.equal(refusal({ 'Identifiant PP': '9971000001', 'Identification nationale PP': '89971000001' }), 'RPPS invalide : « 9971000001 » n’a pas 11 chiffres');
  assert.equal(refusal({ 'Identification nationale PP': '899710000029' }), 'identification nationale « 899710000029 » incohérente avec le RPPS 99710000011');
  assert.equal(refusal({ "Prénom d'exercice": ' ' }), 'prénom d’exercice manquant pour 899710000011');
  assert.equal(refusal({ "Type d'identifiant PP": '0', 'Identifiant PP': '491234567', 'Identification nationale PP': '0491234567' }), null, 'ADELI numbers have no Luhn key');
});

test('refuses a header that lacks a column it reads, naming it', () => {
  const without = (...labels: string[]) => createRppsParser(RPPS_HEADER.filter((l) => !labels.includes(l)).join('|'));
  assert.deepEqual(without("Nom d'exercice"), { ok: false, message: 'colonne « Nom d\'exercice » absente de l’en-tête' });
  assert.deepEqual(without('Identifiant PP', 'Code profession'), {
    ok: false,
    message: 'colonnes absentes de l’en-tête : « Identifiant PP », « Code profession »',
  });
  assert.equal(createRppsParser('finess;etalab;111;2026-05-12').ok, false);
});

test('finds columns by label: another order, older spellings, savoir-faire published apart', () => {
  const older = RPPS_HEADER.filter((l) => !l.includes('savoir-faire'))
    .map((l) => ({ "Libellé civilité d'exercice": 'Libellé civilité exercice', 'Code rôle': 'Code fonction', 'Libellé rôle': 'Libellé fonction', 'Indice répétition voie (coord. structure)': 'Indice répétition voie (coord. Structure)' })[l as string] ?? l)
    .reverse();
  const values: Record<string, string> = { ...GASNIER, 'Libellé civilité exercice': 'Docteur', 'Code fonction': 'FON-05', 'Indice répétition voie (coord. Structure)': 'T', 'Numéro Voie (coord. structure)': '3' };
  const parsed = parserOf(`${older.join('|')}|`)(`${older.map((l) => values[l] ?? '').join('|')}|`);
  assert.ok(parsed.ok);
  assert.deepEqual([parsed.value.professional.civility, parsed.value.activity.roleCode, parsed.value.activity.skillCode, parsed.value.activity.address], ['Docteur', 'FON-05', null, '3 T']);
  assert.equal(parsed.value.activity.activityKey, '899710000011|R10049000900001|L|FON-05|');
});
