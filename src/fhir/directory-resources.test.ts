// Directory views → Annuaire Santé / ROR resources: identifiers, references, addresses, telecoms, codes,
// and FHIR's structural rules on every resource built from the fixtures.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DIRECTORY_FHIR,
  healthcareServiceToFhir,
  organizationToFhir,
  practitionerRoleToFhir,
  practitionerToFhir,
  structuralProblems,
  withoutEmpty,
} from './directory-resources.ts';
import { FR_CORE } from './fr-core.ts';
import { adeliNurse, bareOffer, hospital, HOSPITAL_ID, offer, physician, PHYSICIAN_ID, PRIVATE_PRACTICE_ID } from './fixtures/directory-views.ts';

/** Resources read back as plain JSON: the tests walk them freely. */
type Json = Record<string, any>;
const asJson = (value: unknown): Json => JSON.parse(JSON.stringify(value));
const byType = (identifiers: Json[], code: string) => identifiers.find((i) => i.type.coding[0].code === code);
const ext = (element: Json, url: string): Json[] => (element['extension'] ?? []).filter((e: Json) => e['url'] === url);

const everyResource = () => [
  practitionerToFhir(physician),
  practitionerToFhir(adeliNurse),
  ...physician.activities.map((a) => practitionerRoleToFhir(a, physician)),
  practitionerRoleToFhir(adeliNurse.activities[0]!, adeliNurse),
  organizationToFhir(hospital),
  organizationToFhir({ ...hospital, legalFiness: null, longName: hospital.name, siret: ' ', phone: null, mssante: [], address: null, postalCode: null, communeName: null, communeInsee: null, openedOn: null, categoryCode: null }),
  healthcareServiceToFhir(offer),
  healthcareServiceToFhir(bareOffer),
];

describe('Practitioner (as-practitioner)', () => {
  test('idNatPs and RPPS identifiers, with FR Core types and systems', () => {
    const resource = asJson(practitionerToFhir(physician));
    assert.equal(resource['resourceType'], 'Practitioner');
    assert.equal(resource['id'], PHYSICIAN_ID);
    assert.deepEqual(resource['meta'].profile, ['https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-practitioner']);
    assert.deepEqual(byType(resource['identifier'], 'IDNPS'), {
      use: 'official',
      type: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: 'IDNPS' }] },
      system: 'urn:oid:1.2.250.1.71.4.2.1',
      value: '810101234567',
    });
    const rpps = byType(resource['identifier'], 'RPPS')!;
    assert.deepEqual({ system: rpps.system, value: rpps.value }, { system: 'https://rpps.esante.gouv.fr', value: '10101234567' });
    assert.equal(resource['active'], true);
  });

  test('name of practice: the civility of practice is a suffix, a personal civility a prefix, both as codes', () => {
    assert.deepEqual(asJson(practitionerToFhir(physician))['name'], [{ use: 'usual', family: 'MERCIER', given: ['Anne'], suffix: ['DR'] }]);
    assert.deepEqual(asJson(practitionerToFhir(adeliNurse))['name'], [{ use: 'usual', family: 'GIRAUD', prefix: ['MME'] }]);
    const nameWith = (civility: string | null) => asJson(practitionerToFhir({ ...physician, civility }))['name'][0];
    assert.deepEqual(nameWith('PR').suffix, ['PR']);
    assert.deepEqual(nameWith('Professeur').suffix, ['PR']);
    assert.deepEqual(nameWith('M').prefix, ['M']);
    assert.deepEqual(nameWith('Médecin général').suffix, ['Médecin général'], 'an unknown civility is kept as written');
    assert.equal(nameWith(null).suffix, undefined);
  });

  test('profession (TRE_G15) and the ordinal specialties of current practices as qualifications', () => {
    const codes = asJson(practitionerToFhir(physician))['qualification'].map((q: Json) => q['code'].coding[0]);
    assert.deepEqual(codes, [
      { system: DIRECTORY_FHIR.profession, code: '10', display: 'Médecin' },
      { system: DIRECTORY_FHIR.ordinalSpecialty, code: 'SM26', display: 'Qualifié en Médecine Générale' },
    ]);
  });

  test('MSSanté mailboxes are e-mails with the MSSANTE type; an ADELI professional has no RPPS, no telecom, is inactive once gone', () => {
    const telecom = asJson(practitionerToFhir(physician))['telecom'];
    assert.deepEqual(telecom, [
      {
        system: 'email',
        value: 'anne.mercier@chvl.mssante.fr',
        use: 'work',
        extension: [{ url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-contact-point-email-type', valueCoding: { system: DIRECTORY_FHIR.messagingType, code: 'MSSANTE' } }],
      },
    ]);
    const nurse = asJson(practitionerToFhir(adeliNurse));
    assert.deepEqual(nurse['identifier'].map((i: Json) => i['value']), ['0499912345']);
    assert.equal(nurse['telecom'], undefined);
    assert.equal(nurse['qualification'], undefined);
    assert.equal(nurse['active'], false);
  });
});

describe('PractitionerRole (as-practitionerrole)', () => {
  test('at a site the directory knows: references to the practitioner and the organization, mode and specialty', () => {
    const resource = asJson(practitionerRoleToFhir(physician.activities[0]!, physician));
    assert.equal(resource['practitioner'].reference, `Practitioner/${PHYSICIAN_ID}`);
    assert.equal(resource['organization'].reference, `Organization/${HOSPITAL_ID}`);
    assert.deepEqual(resource['code'], [{ coding: [{ system: DIRECTORY_FHIR.exerciseMode, code: 'S', display: 'Salarié' }] }, { text: 'Médecin' }]);
    assert.deepEqual(resource['specialty'], [{ coding: [{ system: DIRECTORY_FHIR.ordinalSpecialty, code: 'SM26', display: 'Qualifié en Médecine Générale' }] }]);
    // the practice address of the professional's own mailbox is MSSanté
    assert.deepEqual(resource['telecom'].map((t: Json) => [t['system'], t['value'], ext(t, DIRECTORY_FHIR.emailTypeExtension).length]), [
      ['phone', '0241000001', 0],
      ['email', 'anne.mercier@chvl.mssante.fr', 1],
    ]);
  });

  test('a private practice without FINESS: no organization, the site as a contained Location with its SIRET and address', () => {
    const resource = asJson(practitionerRoleToFhir(physician.activities[1]!, physician));
    assert.equal(resource['id'], PRIVATE_PRACTICE_ID);
    assert.equal(resource['organization'], undefined);
    assert.deepEqual(resource['location'], [{ reference: '#site', display: 'CABINET MEDICAL DES ARDOISES' }]);
    const [site] = resource['contained'];
    assert.equal(site.resourceType, 'Location');
    assert.deepEqual(site.identifier, [{ type: { coding: [{ system: FR_CORE.identifierType, code: 'SIRET' }] }, system: 'https://sirene.fr', value: '12345678900017' }]);
    assert.deepEqual(site.address, {
      use: 'work',
      line: ['12 B RUE DES ARDOISES'],
      postalCode: '49100',
      city: 'ANGERS',
      extension: [{ url: FR_CORE.addressInseeCode, valueCoding: { system: FR_CORE.commune, code: '49007' } }],
    });
    // a savoir-faire that is not an ordinal specialty (TRE_R38) is left out: FR Core binds specialty to R38
    assert.equal(resource['specialty'], undefined);
    // a blank phone is no phone; another e-mail stays a plain e-mail
    assert.deepEqual(resource['telecom'], [{ system: 'email', value: 'cabinet.ardoises@example.fr', use: 'work' }]);
  });

  test('a gone practice is inactive and, with nothing known of its site, has no Location', () => {
    const resource = asJson(practitionerRoleToFhir(adeliNurse.activities[0]!, adeliNurse));
    assert.equal(resource['active'], false);
    assert.equal(resource['contained'], undefined);
    assert.equal(resource['location'], undefined);
    assert.deepEqual(resource['practitioner'], { reference: `Practitioner/${adeliNurse.id}`, display: 'GIRAUD' });
  });
});

describe('Organization (as-organization)', () => {
  test('idNatSt, FINESS (FINEG) and SIRET identifiers; the legal entity as a logical partOf', () => {
    const resource = asJson(organizationToFhir(hospital));
    assert.deepEqual(
      resource['identifier'].map((i: Json) => [i['type'].coding[0].code, i['system'], i['value'], i['use']]),
      [
        ['IDNST', 'urn:oid:1.2.250.1.71.4.2.2', '1490999991', 'official'],
        ['FINEG', 'https://finess.esante.gouv.fr', '490999991', 'official'],
        ['SIRET', 'https://sirene.fr', '26490999900011', 'official'],
      ],
    );
    assert.equal(resource['partOf'].reference, undefined);
    assert.deepEqual(resource['partOf'].identifier, { use: 'official', type: { coding: [{ system: FR_CORE.identifierType, code: 'FINEJ' }] }, system: 'https://finess.esante.gouv.fr', value: '490999983' });
  });

  test('types: geographical entity (with the Annuaire Santé discriminator) and FINESS category TRE_R66', () => {
    const resource = asJson(organizationToFhir(hospital));
    assert.deepEqual(resource['type'], [
      { extension: [{ url: DIRECTORY_FHIR.organizationTypesExtension, valueCode: 'organizationType' }], coding: [{ system: DIRECTORY_FHIR.organizationTypeSystem, code: 'GEOGRAPHICAL-ENTITY' }] },
      { coding: [{ system: 'https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement', code: '355', display: 'Centre Hospitalier (C.H.)' }] },
    ]);
  });

  test('name, long name as alias, address with INSEE code, phone and MSSanté, opening date', () => {
    const resource = asJson(organizationToFhir(hospital));
    assert.equal(resource['name'], 'CH DU VAL DE LOIRE');
    assert.deepEqual(resource['alias'], ['CENTRE HOSPITALIER DU VAL DE LOIRE']);
    assert.deepEqual(resource['address'], [
      { use: 'work', line: ['1 AV DE LA LOIRE'], postalCode: '49000', city: 'ANGERS', extension: [{ url: FR_CORE.addressInseeCode, valueCoding: { system: FR_CORE.commune, code: '49007' } }] },
    ]);
    assert.deepEqual(resource['telecom'].map((t: Json) => [t['system'], t['value'], ext(t, DIRECTORY_FHIR.emailTypeExtension)[0]?.['valueCoding'].code ?? null]), [
      ['phone', '0241000000', null],
      ['email', 'secretariat.geriatrie@chvl.mssante.fr', 'MSSANTE'],
    ]);
    assert.deepEqual(ext(resource, DIRECTORY_FHIR.organizationPeriodExtension), [{ url: DIRECTORY_FHIR.organizationPeriodExtension, valuePeriod: { start: '1975-01-01' } }]);
    assert.equal(resource['active'], true);
  });

  test('an establishment with little known gives no empty address, alias or telecom', () => {
    const resource = asJson(organizationToFhir({ ...hospital, longName: hospital.name, siret: null, phone: null, mssante: [], address: null, postalCode: null, communeName: null, communeInsee: null, openedOn: 'inconnue', gone: true }));
    for (const element of ['alias', 'address', 'telecom', 'extension']) assert.equal(resource[element], undefined, element);
    assert.equal(resource['identifier'].length, 2);
    assert.equal(resource['active'], false);
  });
});

describe('HealthcareService (ROR where sure, Trame otherwise)', () => {
  test('providedBy the establishment; care kind, specialties and situations in Trame code systems; the ROR mode of care', () => {
    const resource = asJson(healthcareServiceToFhir(offer));
    assert.deepEqual(resource['providedBy'], { reference: `Organization/${HOSPITAL_ID}`, display: 'CH DU VAL DE LOIRE' });
    assert.deepEqual(resource['meta'], { versionId: '3', lastUpdated: '2026-05-04T07:30:00.000Z' });
    assert.deepEqual(resource['category'], [{ coding: [{ system: 'https://trame.example/fhir/CodeSystem/care-kind', code: 'hospitalisation_de_jour' }] }]);
    assert.deepEqual(resource['specialty'].map((s: Json) => s['coding'][0].code), ['geriatrie', 'memoire']);
    assert.deepEqual(resource['characteristic'].map((c: Json) => [c['coding'][0].system, c['coding'][0].code]), [
      [DIRECTORY_FHIR.careMode, '29'],
      [DIRECTORY_FHIR.condition, 'alzheimer'],
      [DIRECTORY_FHIR.condition, 'perte_autonomie'],
    ]);
    assert.equal(resource['name'], 'Hôpital de jour gériatrique');
    assert.equal(resource['active'], true);
  });

  test('age range, served communes, capacity and free places as extensions', () => {
    const resource = asJson(healthcareServiceToFhir(offer));
    const [patientType] = ext(resource, DIRECTORY_FHIR.patientTypeExtension);
    assert.deepEqual(patientType!['extension'], [
      { url: 'ageRange', valueRange: { low: { value: 75, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' }, high: { value: 120, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' } } },
    ]);
    const communes = ext(resource, DIRECTORY_FHIR.territorialDivisionExtension).map((e) => {
      const part = (name: string) => e['extension'].find((p: Json) => p['url'] === name)['valueCodeableConcept'].coding[0];
      return [part('typeTerritorialDivision').code, part('codeTerritorialDivision').system, part('codeTerritorialDivision').code];
    });
    assert.deepEqual(communes, [
      ['3', FR_CORE.commune, '49007'],
      ['3', FR_CORE.commune, '49099'],
    ]);
    const [capacity] = ext(resource, DIRECTORY_FHIR.capacityExtension);
    assert.deepEqual(capacity!['extension'], [
      { url: 'capacity', valueUnsignedInt: 12 },
      { url: 'freePlaces', valueUnsignedInt: 3 },
      { url: 'freePlacesAt', valueDateTime: '2026-05-04T07:30:00.000Z' },
    ]);
  });

  test('opening hours and contacts', () => {
    const resource = asJson(healthcareServiceToFhir(offer));
    assert.deepEqual(resource['availableTime'], [
      { daysOfWeek: ['mon'], availableStartTime: '08:30:00', availableEndTime: '17:00:00' },
      { daysOfWeek: ['fri'], availableStartTime: '08:30:00', availableEndTime: '12:00:00' },
    ]);
    assert.deepEqual(resource['telecom'].map((t: Json) => [t['system'], t['value'], ext(t, DIRECTORY_FHIR.emailTypeExtension).length]), [
      ['phone', '02 41 00 00 02', 0],
      ['email', 'hdj.geriatrie@chvl.mssante.fr', 1],
    ]);
    assert.equal(resource['comment'], 'Bilans gériatriques et évaluation des troubles cognitifs en une journée.');
  });

  test('a thin offer: an open age range in Trame’s extension, no ROR mode for a mobile team, nothing empty, an unknown establishment without display', () => {
    const resource = asJson(healthcareServiceToFhir(bareOffer));
    assert.equal(ext(resource, DIRECTORY_FHIR.patientTypeExtension).length, 0);
    assert.deepEqual(ext(resource, DIRECTORY_FHIR.ageRangeExtension)[0]!['valueRange'], { low: { value: 60, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' } });
    for (const element of ['specialty', 'characteristic', 'telecom', 'availableTime', 'comment']) assert.equal(resource[element], undefined, element);
    assert.deepEqual(resource['providedBy'], { reference: `Organization/${bareOffer.organization.id}` });
    assert.equal(resource['active'], false);
  });
});

describe('structure', () => {
  test('every resource built from the fixtures passes the structural checks and is plain JSON', () => {
    for (const resource of everyResource()) {
      assert.deepEqual(structuralProblems(resource), [], `${resource.resourceType}/${resource.id}`);
      assert.deepEqual(asJson(resource), resource);
    }
  });

  test('the checks find empty values, bad references, bad extensions and codings, unreferenced contained resources', () => {
    const problems = structuralProblems({
      resourceType: 'PractitionerRole',
      id: 'x',
      contained: [{ resourceType: 'Location', id: 'lost' }],
      active: null,
      code: [],
      practitioner: { reference: 'Practitioner/' },
      organization: { reference: '#nowhere' },
      telecom: [{ system: 'phone', value: ' ' }],
      specialty: [{ coding: [{ code: 'SM26' }] }],
      extension: [{ url: 'relative', valueString: 'a', extension: [{ url: 'b', valueString: 'c' }] }],
      meta: {},
    });
    for (const expected of [
      'PractitionerRole.active: null',
      'PractitionerRole.code: empty array',
      'PractitionerRole.practitioner.reference: not Type/id',
      'PractitionerRole.telecom[0].value: empty string',
      'PractitionerRole.specialty[0].coding[0]: coding without system or code',
      'PractitionerRole.extension[0]: relative url',
      'PractitionerRole.extension[0]: an extension has one value or sub-extensions',
      'PractitionerRole.meta: empty object',
      '#nowhere: no contained resource',
      'contained lost: never referenced',
    ]) {
      assert.ok(problems.includes(expected), `${expected} in ${JSON.stringify(problems)}`);
    }
    assert.deepEqual(structuralProblems({ resourceType: 'patient', id: 'a b' }), ['resourceType', 'id']);
  });

  test('withoutEmpty leaves out blank, null and empty values at every depth, and keeps false and 0', () => {
    assert.deepEqual(withoutEmpty({ a: '', b: [null, ' ', { c: [] }], d: { e: undefined }, f: false, g: 0, h: ['x'] }), { f: false, g: 0, h: ['x'] });
  });
});
