import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { INS_OIDS } from '#src/patients/identity-rules.ts';
import { nirKey } from '#src/patients/nir.ts';
import { INS_KINDS } from './fr-core.ts';
import { FhirInvalid } from './operation-outcome.ts';
import { fhirToPatientInput, patientToFhir } from './patient-resource.ts';
import type { Extension, FhirPatient, IdentityView, PatientView } from './patient-resource.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const TEST = { production: false, now: NOW };
const PROD = { production: true, now: NOW };
const RELIABILITY = 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability';
const BIRTH_PLACE = 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace';
const STATUS_SYSTEM = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status';

/** Jeanne L., born in Angers; her NIR body 2 40 02 49 007 056 gets its key from nirKey. */
const JEANNE_NIR = `2400249007056${String(nirKey('2400249007056')).padStart(2, '0')}`;

function identity(overrides: Partial<IdentityView> = {}): IdentityView {
  return {
    status: 'PROV',
    retrieved: false,
    checked: false,
    validationMode: null,
    validatedAt: null,
    insiCalledAt: null,
    insiChannel: null,
    attributes: [],
    strictTraitsLocked: false,
    ins: null,
    insOnRecord: false,
    receivedInsPending: false,
    ...overrides,
  };
}

function view(overrides: Partial<PatientView> = {}): PatientView {
  const base: PatientView = {
    id: '6b0f6a7e-3c1d-4f7e-9b1a-2c3d4e5f6a7b',
    birthName: 'LEROY',
    usedName: 'MARTIN',
    givenName: 'Jeanne',
    birthGivenNames: 'Jeanne Marie Louise',
    usedGivenName: 'Jeannette',
    birthDate: '1940-02-03',
    sex: 'F',
    birthplaceInsee: '49007',
    birthplaceName: 'Angers',
    addressLine: '3 rue Lenepveu',
    postalCode: '49100',
    communeInsee: '49007',
    communeName: 'Angers',
    phone: '02 41 00 00 00',
    identityStatus: 'PROV',
    identity: identity(),
    mergedInto: null,
    version: 4,
    createdAt: new Date('2026-01-05T09:00:00.000Z'),
  };
  const merged = { ...base, ...overrides };
  merged.identityStatus = merged.identity.status;
  return merged;
}

const QUAL = identity({
  status: 'QUAL',
  retrieved: true,
  checked: true,
  validationMode: 'CNI',
  validatedAt: new Date('2026-03-02T08:15:00.000Z'),
  insiCalledAt: new Date('2026-03-02T08:10:00.000Z'),
  strictTraitsLocked: true,
  ins: { matricule: JEANNE_NIR, oid: INS_OIDS.nir, kind: 'NIR' },
  insOnRecord: true,
});

/** A JSON round trip, as the resource travels. */
function wire(patient: FhirPatient): Record<string, unknown> {
  return JSON.parse(JSON.stringify(patient)) as Record<string, unknown>;
}

function reliabilityOf(patient: FhirPatient): Extension[] {
  return patient.extension.find((extension) => extension.url === RELIABILITY)?.extension ?? [];
}

function invalid(resource: unknown, options = TEST): FhirInvalid {
  try {
    fhirToPatientInput(resource, options);
  } catch (error) {
    if (error instanceof FhirInvalid) return error;
    throw error;
  }
  assert.fail('expected FhirInvalid');
}

function expressions(error: FhirInvalid): string[] {
  return error.issues.flatMap((issue) => issue.expression ?? []);
}

function minimal(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    name: [{ use: 'official', family: 'LEROY', given: ['Jeanne'] }],
    gender: 'female',
    birthDate: '1940-02-03',
    ...extra,
  };
}

function insIdentifier(value: string, oid: string = INS_OIDS.nir, typeCode = 'INS-NIR', use = 'official') {
  return {
    use,
    type: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: typeCode }] },
    system: `urn:oid:${oid}`,
    value,
  };
}

function reliability(...sub: Record<string, unknown>[]) {
  return { url: RELIABILITY, extension: sub };
}

function status(code: string, system = STATUS_SYSTEM) {
  return { url: 'identityStatus', valueCoding: { system, code } };
}

test('round trip: a qualified view → FHIR → input keeps every trait, the INS and the declared identity', () => {
  const patient = view({ identity: QUAL });
  const received = fhirToPatientInput(wire(patientToFhir(patient)), TEST);
  assert.deepEqual(received.input, {
    birthName: 'LEROY',
    givenName: 'Jeanne',
    birthGivenNames: 'Jeanne Marie Louise',
    usedName: 'MARTIN',
    usedGivenName: 'Jeannette',
    birthDate: '1940-02-03',
    sex: 'F',
    birthplaceInsee: '49007',
    birthplaceName: 'Angers',
    addressLine: '3 rue Lenepveu',
    postalCode: '49100',
    communeInsee: '49007',
    communeName: 'Angers',
    phone: '02 41 00 00 00',
  });
  assert.deepEqual(received.ins, { matricule: JEANNE_NIR, oid: '1.2.250.1.213.1.4.8' });
  assert.deepEqual(received.declared, {
    status: 'QUAL',
    methodCollection: 'INSI',
    validationMode: 'CNI',
    insiCalledAt: '2026-03-02',
    validatedAt: '2026-03-02',
    attributes: [],
  });
  assert.equal(received.versionId, 4);
});

test('round trip of a provisional identity without optional traits gives nulls', () => {
  const bare = view({
    usedName: null, usedGivenName: null, birthGivenNames: null, birthplaceInsee: null, birthplaceName: null,
    addressLine: null, postalCode: null, communeInsee: null, communeName: null, phone: null,
  });
  const fhir = patientToFhir(bare);
  assert.equal(fhir.address, undefined);
  assert.equal(fhir.telecom, undefined);
  assert.equal(fhir.name.length, 1);
  assert.equal(fhir.extension.some((extension) => extension.url === BIRTH_PLACE), false);
  const received = fhirToPatientInput(wire(fhir), TEST);
  assert.deepEqual(received.input, {
    birthName: 'LEROY', givenName: 'Jeanne', birthGivenNames: null, usedName: null, usedGivenName: null,
    birthDate: '1940-02-03', sex: 'F', birthplaceInsee: null, birthplaceName: null, addressLine: null,
    postalCode: null, communeInsee: null, communeName: null, phone: null,
  });
  assert.equal(received.ins, null);
  assert.equal(received.declared?.status, 'PROV');
});

test('(a) a PROV export has no INS identifier, only Trame\'s local identifier', () => {
  const fhir = patientToFhir(view());
  assert.deepEqual(fhir.identifier, [{ use: 'usual', system: 'urn:trame:patient', value: '6b0f6a7e-3c1d-4f7e-9b1a-2c3d4e5f6a7b' }]);
  assert.deepEqual(fhir.meta, { versionId: '4', profile: ['https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient'] });
  assert.deepEqual(reliabilityOf(fhir), [
    { url: 'identityStatus', valueCoding: { system: STATUS_SYSTEM, code: 'PROV', display: 'Identité provisoire' } },
  ]);
  assert.equal(fhir.active, true);
});

test('(b) a QUAL export carries urn:oid:1.2.250.1.213.1.4.8 with use official and the INS profile', () => {
  const fhir = patientToFhir(view({ identity: QUAL }));
  assert.deepEqual(fhir.identifier[0], {
    use: 'official',
    type: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: 'INS-NIR', display: 'NIR définitif' }] },
    system: 'urn:oid:1.2.250.1.213.1.4.8',
    value: JEANNE_NIR,
  });
  assert.deepEqual(fhir.identifier[1], { use: 'usual', system: 'urn:trame:patient', value: '6b0f6a7e-3c1d-4f7e-9b1a-2c3d4e5f6a7b' });
  assert.deepEqual(fhir.meta.profile, [
    'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient',
    'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-ins',
  ]);
  assert.deepEqual(reliabilityOf(fhir), [
    { url: 'methodCollection', valueCoding: { system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-method-collection', code: 'INSI', display: 'Téléservice INSi' } },
    { url: 'dateInterrogationINSi', valueDate: '2026-03-02' },
    { url: 'identityStatus', valueCoding: { system: STATUS_SYSTEM, code: 'QUAL', display: 'Identité qualifiée' } },
    { url: 'validationDate', valueDate: '2026-03-02' },
    { url: 'validationMode', valueCoding: { system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-mode-validation-identity', code: 'CN', display: "Carte nationale d'identité" } },
  ]);
});

test('the whole FR Core shape of a QUAL export: names, birth place, address, phone, gender', () => {
  const fhir = patientToFhir(view({ identity: QUAL }));
  assert.deepEqual(fhir.name, [
    {
      extension: [{ url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-birth-list-given-name', valueString: 'Jeanne Marie Louise' }],
      use: 'official',
      family: 'LEROY',
      given: ['Jeanne'],
    },
    { use: 'usual', family: 'MARTIN', given: ['Jeannette'] },
  ]);
  assert.deepEqual(fhir.extension.find((extension) => extension.url === BIRTH_PLACE), {
    url: BIRTH_PLACE,
    valueAddress: {
      extension: [{
        url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code',
        valueCoding: { system: 'https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM', code: '49007' },
      }],
      city: 'Angers',
    },
  });
  assert.deepEqual(fhir.address, [{
    extension: [{
      url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code',
      valueCoding: { system: 'https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM', code: '49007' },
    }],
    use: 'home',
    line: ['3 rue Lenepveu'],
    city: 'Angers',
    postalCode: '49100',
  }]);
  assert.deepEqual(fhir.telecom, [{ system: 'phone', value: '02 41 00 00 00' }]);
  assert.equal(fhir.gender, 'female');
  assert.equal(fhir.birthDate, '1940-02-03');
  assert.equal(fhir.link, undefined);
});

test('R-INS-1: an INS in a non-qualified view is never written', () => {
  for (const status of ['PROV', 'RECUP', 'VALI'] as const) {
    const fhir = patientToFhir(view({ identity: { ...QUAL, status } }));
    assert.deepEqual(fhir.identifier.map((identifier) => identifier.system), ['urn:trame:patient'], status);
    assert.equal(fhir.meta.profile.length, 1, status);
  }
});

test('an INS-NIA is written with use temp and its type; test and demo NIR with theirs', () => {
  const nia = patientToFhir(view({ identity: { ...QUAL, ins: { matricule: JEANNE_NIR, oid: INS_OIDS.nia, kind: 'NIA' } } }));
  assert.equal(nia.identifier[0]?.use, 'temp');
  assert.equal(nia.identifier[0]?.system, 'urn:oid:1.2.250.1.213.1.4.9');
  assert.equal(nia.identifier[0]?.type?.coding[0]?.code, 'INS-NIA');
  const demo = patientToFhir(view({ identity: { ...QUAL, ins: { matricule: JEANNE_NIR, oid: INS_OIDS.nirDemo, kind: 'NIR-DEMO' } } }));
  assert.deepEqual([demo.identifier[0]?.use, demo.identifier[0]?.system, demo.identifier[0]?.type?.coding[0]?.code], ['official', 'urn:oid:1.2.250.1.213.1.4.11', 'INS-NIR-DEMO']);
});

test('the INS kinds of FR Core use the OIDs of identity-rules.ts', () => {
  assert.deepEqual(Object.values(INS_KINDS).map((kind) => kind.oid), Object.values(INS_OIDS));
});

test('a merged record is inactive, replaced by its survivor, its identifiers old (R-INS-7)', () => {
  const fhir = patientToFhir(view({ identity: QUAL, mergedInto: '11111111-2222-4333-8444-555555555555' }));
  assert.equal(fhir.active, false);
  assert.deepEqual(fhir.link, [{ other: { reference: 'Patient/11111111-2222-4333-8444-555555555555' }, type: 'replaced-by' }]);
  assert.deepEqual(fhir.identifier.map((identifier) => identifier.use), ['old', 'old']);
  assert.deepEqual(fhir.meta.profile, ['https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient']);
});

test('attributes go to FR Core comment and come back', () => {
  const fhir = patientToFhir(view({ identity: identity({ attributes: ['DOUT', 'HOMD'] }) }));
  assert.deepEqual(reliabilityOf(fhir).filter((extension) => extension.url === 'comment'), [
    { url: 'comment', valueCodeableConcept: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status-comment', code: 'DOUT', display: "Identité douteuse (attribut d'identité douteuse)" }] } },
    { url: 'comment', valueCodeableConcept: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status-comment', code: 'HOMD', display: 'Homonyme détecté' }] } },
  ]);
  assert.deepEqual(fhirToPatientInput(wire(fhir), TEST).declared?.attributes, ['DOUT', 'HOMD']);
});

test('every DocumentKind maps to an FR Core validation mode and back', () => {
  const codes = { CNI: 'CN', PASSPORT: 'PA', RESIDENCE_PERMIT: 'CS', BIRTH_CERTIFICATE: 'AN', FAMILY_RECORD_BOOK: 'LE' } as const;
  for (const [kind, code] of Object.entries(codes) as [keyof typeof codes, string][]) {
    const fhir = patientToFhir(view({ identity: identity({ status: 'VALI', checked: true, validationMode: kind, validatedAt: new Date('2026-02-01T10:00:00Z') }) }));
    assert.equal(reliabilityOf(fhir).find((extension) => extension.url === 'validationMode')?.valueCoding?.code, code);
    assert.equal(fhirToPatientInput(wire(fhir), TEST).declared?.validationMode, kind);
  }
});

test('a validation mode FR Core knows but Trame does not (driving licence) reads as null; an unknown one is refused', () => {
  const mode = (code: string) => minimal({
    extension: [reliability(status('VALI'), { url: 'validationMode', valueCoding: { system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-mode-validation-identity', code } })],
  });
  assert.equal(fhirToPatientInput(mode('PC'), TEST).declared?.validationMode, null);
  assert.deepEqual(expressions(invalid(mode('XX'))), ['Patient.extension[0].extension[1].valueCoding']);
});

test('the dates of INSi and of the check are the calendar day in France', () => {
  const fhir = patientToFhir(view({ identity: { ...QUAL, insiCalledAt: new Date('2026-03-01T23:30:00.000Z'), validatedAt: new Date('2026-07-14T22:30:00Z') } }));
  const sub = reliabilityOf(fhir);
  assert.equal(sub.find((extension) => extension.url === 'dateInterrogationINSi')?.valueDate, '2026-03-02');
  assert.equal(sub.find((extension) => extension.url === 'validationDate')?.valueDate, '2026-07-15');
});

test('a birth place abroad (99xxx) uses the country system and the country name', () => {
  const fhir = patientToFhir(view({ birthplaceInsee: '99352', birthplaceName: 'Algérie' }));
  assert.deepEqual(fhir.extension.find((extension) => extension.url === BIRTH_PLACE)?.valueAddress, {
    extension: [{
      url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code',
      valueCoding: { system: 'https://mos.esante.gouv.fr/NOS/TRE_R20-Pays/FHIR/TRE-R20-Pays', code: '99352' },
    }],
    country: 'Algérie',
  });
  const input = fhirToPatientInput(wire(fhir), TEST).input;
  assert.deepEqual([input.birthplaceInsee, input.birthplaceName], ['99352', 'Algérie']);
});

test('U exports as unknown and comes back as U, with no sex incoherence against the NIR', () => {
  const fhir = patientToFhir(view({ sex: 'U', identity: QUAL }));
  assert.equal(fhir.gender, 'unknown');
  assert.equal(fhirToPatientInput(wire(fhir), TEST).input.sex, 'U');
});

test('a bad NIR key is refused, naming the identifier value', () => {
  const badKey = `${JEANNE_NIR.slice(0, 13)}${String((Number(JEANNE_NIR.slice(13)) % 97) + 1).padStart(2, '0')}`;
  const error = invalid(minimal({ identifier: [insIdentifier(badKey)] }));
  assert.equal(error.status, 400);
  assert.deepEqual(error.issues, [
    { severity: 'error', code: 'value', diagnostics: 'Not a valid matricule INS: bad NIR key', expression: ['Patient.identifier[0].value'] },
  ]);
  assert.match(invalid(minimal({ identifier: [insIdentifier('24002490070')] })).issues[0]!.diagnostics, /15 characters/);
  assert.match(invalid(minimal({ identifier: [insIdentifier('2400249007C5612')] })).issues[0]!.diagnostics, /bad NIR characters/);
});

test('(e) a test INS is refused in production and accepted in a test environment', () => {
  const resource = minimal({ identifier: [insIdentifier(JEANNE_NIR, INS_OIDS.nirTest, 'INS-NIR-TEST')] });
  const error = invalid(resource, PROD);
  assert.deepEqual(expressions(error), ['Patient.identifier[0].system']);
  assert.match(error.issues[0]!.diagnostics, /refused in production/);
  assert.deepEqual(fhirToPatientInput(resource, TEST).ins, { matricule: JEANNE_NIR, oid: INS_OIDS.nirTest });
  assert.deepEqual(expressions(invalid(minimal({ identifier: [insIdentifier(JEANNE_NIR, INS_OIDS.nirDemo, 'INS-NIR-DEMO')] }), PROD)), ['Patient.identifier[0].system']);
});

test('an INS system that is not one of the four INS OIDs is refused', () => {
  const untyped = { use: 'official', system: 'urn:oid:1.2.250.1.213.1.4.5', value: JEANNE_NIR };
  const error = invalid(minimal({ identifier: [untyped] }));
  assert.deepEqual(expressions(error), ['Patient.identifier[0].system']);
  assert.match(error.issues[0]!.diagnostics, /Not an INS OID: 1\.2\.250\.1\.213\.1\.4\.5/);
  assert.deepEqual(expressions(invalid(minimal({ identifier: [{ ...insIdentifier(JEANNE_NIR), system: 'http://example.org/ins' }] }))), ['Patient.identifier[0].system']);
  assert.deepEqual(expressions(invalid(minimal({ identifier: [insIdentifier(JEANNE_NIR, INS_OIDS.nia, 'INS-NIR')] }))), ['Patient.identifier[0].type']);
});

test('the NSS slice (type NH: a billing NIR, maybe a parent\'s), INS-C and local identifiers are not taken for an INS', () => {
  const nss = { use: 'official', type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'NH' }] }, system: 'urn:oid:1.2.250.1.213.1.4.8', value: '185077505612323' };
  const insC = { use: 'secondary', system: 'urn:oid:1.2.250.1.213.1.4.2', value: '0123456789012345678901' };
  const ipp = { use: 'usual', system: 'http://hopital.example/ipp', value: 'IPP-12' };
  assert.equal(fhirToPatientInput(minimal({ identifier: [nss, insC, ipp] }), TEST).ins, null);
});

test('two INS identifiers are refused; a deactivated one (use old) is left aside', () => {
  const other = `1850775056123${String(nirKey('1850775056123')).padStart(2, '0')}`;
  const error = invalid(minimal({ identifier: [insIdentifier(JEANNE_NIR), insIdentifier(other)] }));
  assert.deepEqual(expressions(error), ['Patient.identifier[1]']);
  const withOld = fhirToPatientInput(minimal({ identifier: [insIdentifier(other, INS_OIDS.nir, 'INS-NIR', 'old'), insIdentifier(JEANNE_NIR)] }), TEST);
  assert.deepEqual(withOld.ins, { matricule: JEANNE_NIR, oid: INS_OIDS.nir });
});

test('a received INS without identity-reliability extension gives declared null and keeps the INS', () => {
  const received = fhirToPatientInput(minimal({ identifier: [insIdentifier(JEANNE_NIR.replace(/(.{5})/g, '$1 ').trim())] }), TEST);
  assert.equal(received.declared, null);
  assert.deepEqual(received.ins, { matricule: JEANNE_NIR, oid: INS_OIDS.nir });
});

test('a Corsican NIR (2A) is accepted with its birth place', () => {
  const resource = minimal({
    name: [{ use: 'official', family: 'CASANOVA', given: ['Marie-Ange'] }],
    birthDate: '1953-07-14',
    identifier: [insIdentifier('253072A07300443')],
    extension: [{ url: BIRTH_PLACE, valueAddress: { extension: [{ url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code', valueCoding: { code: '2a073' } }], city: 'Ajaccio' } }],
  });
  const received = fhirToPatientInput(resource, TEST);
  assert.deepEqual(received.ins, { matricule: '253072A07300443', oid: INS_OIDS.nir });
  assert.equal(received.input.birthplaceInsee, '2A073');
});

test('an NIR incoherent with the sex or the birth date is refused, naming both elements', () => {
  const wrongSex = invalid(minimal({ gender: 'male', identifier: [insIdentifier(JEANNE_NIR)] }));
  assert.deepEqual(wrongSex.issues, [{
    severity: 'error', code: 'business-rule', diagnostics: 'The matricule INS does not match the traits: the NIR says F',
    expression: ['Patient.identifier[0].value', 'Patient.gender'],
  }]);
  const wrongYear = invalid(minimal({ birthDate: '1941-02-03', identifier: [insIdentifier(JEANNE_NIR)] }));
  assert.deepEqual(expressions(wrongYear), ['Patient.identifier[0].value', 'Patient.birthDate']);
  // A birth place other than the NIR's is only a warning (commune mergers): accepted.
  const moved = minimal({ identifier: [insIdentifier(JEANNE_NIR)], extension: [{ url: BIRTH_PLACE, valueAddress: { extension: [{ url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code', valueCoding: { code: '49099' } }] } }] });
  assert.equal(fhirToPatientInput(moved, TEST).input.birthplaceInsee, '49099');
});

test('an identity status outside FR Core\'s value set is refused', () => {
  assert.deepEqual(invalid(minimal({ extension: [reliability(status('QUALIFIED'))] })).issues, [{
    severity: 'error',
    code: 'code-invalid',
    diagnostics: "The identity status is not in FR Core's value set: PROV, RECUP, VALI or QUAL of https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status (or a code of https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445)",
    expression: ['Patient.extension[0].extension[0].valueCoding'],
  }]);
  assert.deepEqual(expressions(invalid(minimal({ extension: [reliability(status('QUAL', 'http://example.org/status'))] }))), ['Patient.extension[0].extension[0].valueCoding']);
  assert.deepEqual(expressions(invalid(minimal({ extension: [reliability(status('PROV'), status('VALI'))] }))), ['Patient.extension[0].extension[1].valueCoding']);
});

test('the FR Core ≤ 2.2.0 form is read: dateCollection, table 0445 codes, attributes as repeated extensions', () => {
  const v0445 = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445';
  const old = fhirToPatientInput(minimal({
    extension: [
      reliability(status('PROV', v0445), { url: 'dateCollection', valueDate: '2025-11-02' }, { url: 'methodCollection', valueCoding: { system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-method-collection', code: 'CV' } }),
      reliability(status('DOUT', v0445)),
      reliability(status('RECD', v0445)),
    ],
  }), TEST);
  assert.deepEqual(old.declared, { status: 'PROV', methodCollection: 'CV', validationMode: null, insiCalledAt: '2025-11-02', validatedAt: null, attributes: ['DOUT'] });
  // FR Core ≤ 2.2.0 said VALI for an identity with INS; read as VALI (never upgraded to QUAL here).
  const vali = fhirToPatientInput(minimal({ identifier: [insIdentifier(JEANNE_NIR)], extension: [reliability(status('VALI', v0445))] }), TEST);
  assert.equal(vali.declared?.status, 'VALI');
});

test('R-INS-2: DOUT or FICT with a status other than PROV, or DOUT and FICT together, are refused', () => {
  const comment = (code: string) => ({ url: 'comment', valueCodeableConcept: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status-comment', code }] } });
  const doubtfulQual = invalid(minimal({ identifier: [insIdentifier(JEANNE_NIR)], extension: [reliability(status('QUAL'), comment('DOUT'))] }));
  assert.deepEqual(doubtfulQual.issues.map((issue) => [issue.code, issue.expression]), [['invariant', ['Patient.extension[0].extension[0].valueCoding']]]);
  const both = invalid(minimal({ extension: [reliability(status('PROV'), comment('DOUT'), comment('FICT'))] }));
  assert.deepEqual(both.issues.map((issue) => [issue.code, issue.expression]), [['invariant', ['Patient.extension[0]']]]);
  assert.deepEqual(expressions(invalid(minimal({ extension: [reliability(status('PROV'), comment('NOPE'))] }))), ['Patient.extension[0].extension[1].valueCodeableConcept']);
});

test('a qualified identity without its INS is refused', () => {
  assert.deepEqual(expressions(invalid(minimal({ extension: [reliability(status('QUAL'))] }))), ['Patient.identifier']);
});

test('not a Patient, or not JSON object: refused', () => {
  assert.deepEqual(invalid({ resourceType: 'Practitioner' }).issues, [
    { severity: 'error', code: 'invalid', diagnostics: 'Expected a Patient, got "Practitioner"', expression: ['resourceType'] },
  ]);
  assert.equal(invalid('Patient').issues[0]?.code, 'structure');
  assert.equal(invalid(null).issues[0]?.code, 'structure');
});

test('missing traits are all named at once', () => {
  const error = invalid({ resourceType: 'Patient', name: [{ use: 'usual', family: 'MARTIN' }] });
  assert.deepEqual(error.issues.map((issue) => [issue.code, issue.expression]), [
    ['required', ["Patient.name.where(use='official')"]],
    ['required', ['Patient.gender']],
    ['required', ['Patient.birthDate']],
  ]);
  const noFamily = invalid(minimal({ name: [{ use: 'official', given: [] }] }));
  assert.deepEqual(expressions(noFamily), ['Patient.name[0].family', 'Patient.name[0].given']);
});

test('names follow the civil-status characters; a bad one names its element', () => {
  const error = invalid(minimal({ name: [{ use: 'official', family: 'LEROY2', given: ['Jeanne'] }, { use: 'usual', family: 'Martin', given: ['J@nnette'] }] }));
  assert.deepEqual(error.issues.map((issue) => [issue.diagnostics, issue.expression]), [
    ['The birth name (official family): letters, spaces, hyphens and apostrophes only', ['Patient.name[0].family']],
    ['The used given name (usual given): letters, spaces, hyphens and apostrophes only', ['Patient.name[1].given[0]']],
  ]);
  const accepted = fhirToPatientInput(minimal({ name: [{ use: 'official', family: " D'Arc-Lefèvre ", given: ['Anne Sophie'] }] }), TEST);
  assert.deepEqual([accepted.input.birthName, accepted.input.givenName], ["D'Arc-Lefèvre", 'Anne Sophie']);
  assert.deepEqual(expressions(invalid(minimal({ name: [{ use: 'official', family: 'LEROY', given: ['Jeanne'] }, { use: 'official', family: 'LEROI', given: ['Jeanne'] }] }))), ['Patient.name[1]']);
});

test('several official given names without the FR Core list make the list', () => {
  const input = fhirToPatientInput(minimal({ name: [{ use: 'official', family: 'LEROY', given: ['Jeanne', 'Marie'] }] }), TEST).input;
  assert.deepEqual([input.givenName, input.birthGivenNames], ['Jeanne', 'Jeanne Marie']);
});

test('gender and birth date: unknown or partial values are refused', () => {
  assert.deepEqual(invalid(minimal({ gender: 'other' })).issues.map((issue) => [issue.diagnostics, issue.expression]), [
    ['Unknown gender "other": male, female or unknown', ['Patient.gender']],
  ]);
  assert.deepEqual(expressions(invalid(minimal({ birthDate: '1940-02' }))), ['Patient.birthDate']);
  assert.deepEqual(expressions(invalid(minimal({ birthDate: '1940-02-30' }))), ['Patient.birthDate']);
  assert.deepEqual(expressions(invalid(minimal({ birthDate: '2027-01-01' }))), ['Patient.birthDate']);
});

test('address, postal code, INSEE codes and phone are checked where they are', () => {
  const error = invalid(minimal({
    address: [{ use: 'home', line: ['1 rue X'], postalCode: '4910', city: 'Angers', extension: [{ url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code', valueCoding: { code: '4900' } }] }],
    telecom: [{ system: 'email', value: 'a@b.fr' }, { system: 'phone', value: 'call me' }],
  }));
  assert.deepEqual(expressions(error), ['Patient.address[0].postalCode', 'Patient.address[0].extension[0].valueCoding.code', 'Patient.telecom[1].value']);
});

test('meta.versionId becomes the version; a bad one is refused', () => {
  assert.equal(fhirToPatientInput(minimal({ meta: { versionId: '12' } }), TEST).versionId, 12);
  assert.equal(fhirToPatientInput(minimal(), TEST).versionId, null);
  assert.deepEqual(expressions(invalid(minimal({ meta: { versionId: 'W/"3"' } }))), ['Patient.meta.versionId']);
});

test('the FR Core example fixture parses (test INS), and is refused in production', () => {
  const fixture: unknown = JSON.parse(readFileSync(new URL('./fixtures/fr-core-patient-ins.json', import.meta.url), 'utf8'));
  const received = fhirToPatientInput(fixture, TEST);
  assert.deepEqual(received, {
    input: {
      birthName: 'DURAND',
      givenName: 'Pierre',
      birthGivenNames: 'Pierre Yves',
      usedName: null,
      usedGivenName: 'Yves',
      birthDate: '1974-12-25',
      sex: 'M',
      birthplaceInsee: '45234',
      birthplaceName: 'Orléans',
      addressLine: '12 rue Saint-Aubin',
      postalCode: '49000',
      communeInsee: '49007',
      communeName: 'Angers',
      phone: '06 80 55 34 33',
    },
    ins: { matricule: '174124523412389', oid: INS_OIDS.nirTest },
    declared: { status: 'QUAL', methodCollection: 'INSI', validationMode: 'CNI', insiCalledAt: '2026-03-02', validatedAt: '2026-03-02', attributes: [] },
    versionId: 3,
  });
  assert.equal(nirKey('1741245234123'), 89, 'the fixture NIR key');
  assert.deepEqual(expressions(invalid(fixture, PROD)), ['Patient.identifier[0].system']);
});
