import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  comparableName,
  fromInsiIndividual,
  givenNameList,
  InsiAnswerInvalid,
  joinMatricule,
  searchAttempts,
  splitMatricule,
  toInsiIndividual,
  toInsiName,
  toInsiTraits,
  type InsiAnswerIndividual,
} from './messages.ts';
import type { InsiSearchTraits } from './types.ts';

const JEANNE: InsiSearchTraits = { birthName: 'Lemaire', givenNames: 'Jeanne Marie Thérèse', birthDate: '1939-07-15', sex: 'F', birthplaceInsee: '49063' };

test('names go to INSi in upper case, without diacritics, ligatures spelled out', () => {
  const cases: [string, string][] = [
    ['Hélène', 'HELENE'],
    ['  Gaëlle   Anaïs ', 'GAELLE ANAIS'],
    ['Jean-François', 'JEAN-FRANCOIS'],
    ['d’Artagnan', "D'ARTAGNAN"],
    ['Cœur', 'COEUR'],
    ['Lætitia', 'LAETITIA'],
    ['Çağlar', 'CAGLAR'],
    ['DE--LA  FONTAINE', 'DE--LA FONTAINE'],
  ];
  for (const [input, expected] of cases) assert.equal(toInsiName(input), expected, input);
});

test('other characters are kept for the XML layer to escape, not silently dropped', () => {
  assert.equal(toInsiName(`o'brien <&> "x"`), `O'BRIEN <&> "X"`);
});

test('comparable names ignore accents, case and hyphens', () => {
  assert.equal(comparableName('Marie-Thérèse'), comparableName('MARIE THERESE'));
  assert.equal(comparableName('DE--LA FONTAINE'), comparableName('de la Fontaine'));
  assert.notEqual(comparableName('MARTIN'), comparableName('MARTINE'));
});

test('traits become a RECSANSVITALE request: date and sex as they are, birthplace upper case or absent', () => {
  assert.deepEqual(toInsiTraits({ ...JEANNE, birthplaceInsee: '2a004' }, 'Jeanne'), {
    NomNaissance: 'LEMAIRE',
    Prenom: 'JEANNE',
    Sexe: 'F',
    DateNaissance: '1939-07-15',
    LieuNaissance: '2A004',
  });
  assert.equal(toInsiTraits({ ...JEANNE, birthplaceInsee: null }, 'Jeanne').LieuNaissance, null);
});

test('a search tries the first given name, then the whole list', () => {
  assert.deepEqual(
    searchAttempts(JEANNE).map((a) => a.Prenom),
    ['JEANNE', 'JEANNE MARIE THERESE'],
  );
  assert.deepEqual(
    searchAttempts({ ...JEANNE, givenNames: 'Jeanne' }).map((a) => a.Prenom),
    ['JEANNE'],
  );
  assert.deepEqual(givenNameList(' Jean-Pierre  Marc '), ['JEAN-PIERRE', 'MARC']);
  for (const place of ['2A004', '2b033', '99352', '97105', '49007']) {
    assert.equal(searchAttempts({ ...JEANNE, birthplaceInsee: place })[0]!.LieuNaissance, place.toUpperCase());
  }
});

test('traits INSi cannot be asked about are refused before any call (400 naming the fields)', () => {
  const bad: [Partial<InsiSearchTraits>, string][] = [
    [{ birthName: '  ' }, 'birthName'],
    [{ givenNames: '' }, 'givenNames'],
    [{ birthDate: '15/07/1939' }, 'birthDate'],
    [{ birthDate: '1939-02-30' }, 'birthDate'],
    [{ sex: 'U' as 'F' }, 'sex'],
    [{ birthplaceInsee: 'Angers' }, 'birthplaceInsee'],
    [{ birthplaceInsee: '2C004' }, 'birthplaceInsee'],
  ];
  for (const [change, field] of bad) {
    assert.throws(
      () => searchAttempts({ ...JEANNE, ...change }),
      (err: { status?: number; details?: { fields?: Record<string, string> } }) => err.status === 400 && Boolean(err.details?.fields?.[field]),
      field,
    );
  }
});

test('a matricule splits into NumIdentifiant and Cle, and joins back; the key is computed when INSi omits it', () => {
  assert.deepEqual(splitMatricule('185077505612323'), { NumIdentifiant: '1850775056123', Cle: '23' });
  assert.deepEqual(splitMatricule('2 53 07 2A 073 004 43'), { NumIdentifiant: '253072A073004', Cle: '43' });
  assert.equal(joinMatricule('1850775056123', '23'), '185077505612323');
  assert.equal(joinMatricule('253072b073004', null), '253072B07300470');
  assert.equal(joinMatricule('1850775056146', null), '185077505614697');
  assert.throws(() => splitMatricule('185077505612324'), { status: 400 });
});

const ANSWER: InsiAnswerIndividual = {
  NumIdentifiant: '1090763220888',
  Cle: '35',
  OID: '1.2.250.1.213.1.4.9',
  NomNaissance: 'PROVISOIRE',
  Prenom: null,
  ListePrenom: 'MATRICULE  JEAN-PAUL',
  Sexe: 'M',
  DateNaissance: '2009-07-01',
  LieuNaissance: '63220',
};

test("INSi's INDIVIDU becomes Trame's identity; the first given name comes from the list when Prenom is absent", () => {
  assert.deepEqual(fromInsiIndividual(ANSWER), {
    matricule: '109076322088835',
    oid: '1.2.250.1.213.1.4.9',
    birthName: 'PROVISOIRE',
    firstGivenName: 'MATRICULE',
    givenNames: 'MATRICULE JEAN-PAUL',
    birthDate: '2009-07-01',
    sex: 'M',
    birthplaceInsee: '63220',
  });
  assert.equal(fromInsiIndividual({ ...ANSWER, Prenom: 'MATRICULE' }).firstGivenName, 'MATRICULE');
});

test('an INDIVIDU that breaks the schema is refused', () => {
  const broken: Partial<InsiAnswerIndividual>[] = [
    { NumIdentifiant: '12345' },
    { Cle: '3' },
    { OID: 'INS-NIR' },
    { Sexe: 'I' },
    { DateNaissance: '01/07/2009' },
    { NomNaissance: ' ' },
    { ListePrenom: '', Prenom: null },
  ];
  for (const change of broken) assert.throws(() => fromInsiIndividual({ ...ANSWER, ...change }), InsiAnswerInvalid, JSON.stringify(change));
});

test('an identity survives the trip to INDIVIDU and back', () => {
  const identity = fromInsiIndividual({ ...ANSWER, Prenom: 'MATRICULE' });
  assert.deepEqual(fromInsiIndividual(toInsiIndividual(identity)), identity);
});
