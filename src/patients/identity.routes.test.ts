// The identity through the API: INSi (against the local INSi test peer), document check, attributes, history.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, validPatient } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';
import { INS_OIDS } from './identity-rules.ts';
import { nirKey } from './nir.ts';

function nirOf(body: string): string {
  return body + String(nirKey(body)).padStart(2, '0');
}

// Jeanne Lemaire as the national register knows her: a third given name the local record lacks.
const JEANNE_NIR = nirOf('2400349007123');
const jeanneInInsi = {
  matricule: JEANNE_NIR,
  oid: INS_OIDS.nirTest,
  birthName: 'LEMAIRE',
  firstGivenName: 'Jeanne',
  givenNames: 'Jeanne Marie Louise',
  birthDate: '1940-03-12',
  sex: 'F' as const,
  birthplaceInsee: '49007',
};

for (const kind of testDatabaseKinds()) {
  describe(`patient identity on ${kind}`, () => {
    test('INSi then a CNI check qualify the identity; the INS is shown only once qualified', async (t) => {
      const app = await buildTestApp(t, kind, { insiRegister: [jeanneInInsi] });
      const dac = await app.makeStructure();
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const created = (await coordinator.post('/api/patients', { ...validPatient, birthplaceInsee: '49007' })).json();
      assert.equal(created.identity.status, 'PROV');

      const retrieved = await coordinator.post(`/api/patients/${created.id}/insi-retrieval`, { version: created.version });
      assert.equal(retrieved.statusCode, 200, retrieved.body);
      const afterInsi = retrieved.json();
      assert.equal(afterInsi.outcome, 'found');
      assert.deepEqual(afterInsi.correctedTraits, ['birthGivenNames']);
      assert.equal(afterInsi.patient.identityStatus, 'RECUP');
      assert.equal(afterInsi.patient.birthGivenNames, 'Jeanne Marie Louise', 'the strict traits take the INSi values');
      assert.equal(afterInsi.patient.identity.ins, null, 'R-INS-1: not shown before QUAL');
      assert.equal(afterInsi.patient.identity.insOnRecord, true);
      assert.equal(afterInsi.patient.identity.strictTraitsLocked, true);

      const locked = await coordinator.patch(`/api/patients/${created.id}`, { version: afterInsi.patient.version, birthName: 'Lemaître' });
      assert.equal(locked.statusCode, 409);
      assert.equal(locked.json().error.code, 'identity.strict_traits_read_only');
      const phone = await coordinator.patch(`/api/patients/${created.id}`, { version: afterInsi.patient.version, phone: '02 41 00 00 00' });
      assert.equal(phone.statusCode, 200, 'complementary traits stay editable');

      const checked = await coordinator.post(`/api/patients/${created.id}/document-check`, { version: phone.json().version, document: 'CNI' });
      assert.equal(checked.statusCode, 200, checked.body);
      assert.equal(checked.json().identityStatus, 'QUAL');
      assert.deepEqual(checked.json().identity.ins, { matricule: JEANNE_NIR, oid: INS_OIDS.nirTest, kind: 'NIR-TEST' });
      assert.equal((await coordinator.get(`/api/patients?ins=${JEANNE_NIR}`)).json().items[0].id, created.id);

      const history = (await coordinator.get(`/api/patients/${created.id}/identity-history`)).json().items;
      assert.deepEqual(
        history.map((e: { kind: string; statusAfter: string }) => `${e.kind}:${e.statusAfter}`),
        ['document_checked:QUAL', 'insi_called:RECUP', 'created:PROV'],
      );
      assert.deepEqual(history[1].details.correctedTraits, ['birthGivenNames']);
    });

    test('an INS received from another system is verified with INSi before it counts', async (t) => {
      const app = await buildTestApp(t, kind, { insiRegister: [jeanneInInsi] });
      const dac = await app.makeStructure();
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const resource = {
        resourceType: 'Patient',
        identifier: [{ use: 'official', system: `urn:oid:${INS_OIDS.nirTest}`, value: JEANNE_NIR }],
        name: [{ use: 'official', family: 'LEMAIRE', given: ['Jeanne'], extension: [{ url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-birth-list-given-name', valueString: 'Jeanne Marie Louise' }] }],
        gender: 'female',
        birthDate: '1940-03-12',
      };
      const created = (await coordinator.post('/fhir/R4/Patient', resource)).json();
      const before = (await coordinator.get(`/api/patients/${created.id}`)).json();
      assert.equal(before.identityStatus, 'PROV');
      assert.equal(before.identity.receivedInsPending, true);
      const verified = (await coordinator.post(`/api/patients/${created.id}/insi-retrieval`, { version: before.version })).json();
      assert.equal(verified.outcome, 'found');
      assert.equal(verified.patient.identityStatus, 'RECUP');
      assert.equal(verified.patient.identity.receivedInsPending, false);
      assert.equal(verified.patient.identity.insOnRecord, true);
    });

    test('a doubtful identity cannot call INSi and falls back to PROV', async (t) => {
      const app = await buildTestApp(t, kind, { insiRegister: [jeanneInInsi] });
      const dac = await app.makeStructure();
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const created = (await coordinator.post('/api/patients', validPatient)).json();
      const checked = (await coordinator.post(`/api/patients/${created.id}/document-check`, { version: created.version, document: 'PASSPORT' })).json();
      assert.equal(checked.identityStatus, 'VALI');
      const doubtful = await coordinator.post(`/api/patients/${created.id}/attributes`, { version: checked.version, attribute: 'DOUT', set: true, reason: 'Papiers présentés douteux' });
      assert.equal(doubtful.statusCode, 200, doubtful.body);
      assert.equal(doubtful.json().identityStatus, 'PROV');
      const refused = await coordinator.post(`/api/patients/${created.id}/insi-retrieval`, { version: doubtful.json().version });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'identity.insi_forbidden');
      const both = await coordinator.post(`/api/patients/${created.id}/attributes`, { version: doubtful.json().version, attribute: 'FICT', set: true, reason: 'essai' });
      assert.equal(both.statusCode, 400);
      assert.equal(both.json().error.code, 'identity.doubtful_and_fictitious');
      const cleared = await coordinator.post(`/api/patients/${created.id}/attributes`, { version: doubtful.json().version, attribute: 'DOUT', set: false, reason: 'Vérifié en mairie' });
      assert.equal(cleared.json().identityStatus, 'VALI');
    });

    test('INSi not found, several, and unavailable are recorded; the status does not move', async (t) => {
      const twin = { ...jeanneInInsi, matricule: nirOf('2400349007124') };
      const app = await buildTestApp(t, kind, { insiRegister: [jeanneInInsi, twin] });
      const dac = await app.makeStructure();
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const several = (await coordinator.post('/api/patients', validPatient)).json();
      const answer = await coordinator.post(`/api/patients/${several.id}/insi-retrieval`, { version: several.version });
      assert.equal(answer.json().outcome, 'several');
      assert.equal(answer.json().patient.identityStatus, 'PROV');
      const unknown = (await coordinator.post('/api/patients', { ...validPatient, birthName: 'Inconnue', givenName: 'Zoé', birthDate: '1951-05-05' })).json();
      assert.equal((await coordinator.post(`/api/patients/${unknown.id}/insi-retrieval`, { version: unknown.version })).json().outcome, 'not_found');
      const history = (await coordinator.get(`/api/patients/${unknown.id}/identity-history`)).json().items;
      assert.deepEqual(history[0].details, { outcome: 'not_found', channel: history[0].details.channel });
      assert.ok(history[0].details.channel);
    });

    test('without an INSi client the call answers 503, and an adult identity is not checked on a birth certificate', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const created = (await coordinator.post('/api/patients', validPatient)).json();
      const unavailable = await coordinator.post(`/api/patients/${created.id}/insi-retrieval`, { version: created.version });
      assert.equal(unavailable.statusCode, 503);
      assert.equal(unavailable.json().error.code, 'identity.insi_unavailable');
      const birthCertificate = await coordinator.post(`/api/patients/${created.id}/document-check`, { version: created.version, document: 'BIRTH_CERTIFICATE' });
      assert.equal(birthCertificate.statusCode, 400);
      assert.ok(birthCertificate.json().error.details.fields.document);
      assert.equal((await coordinator.get(`/api/patients/${created.id}`)).json().identityStatus, 'PROV');
    });

    test('a professional outside the care team may not read nor change the identity', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const practice = await app.makeStructure({ kind: 'practice' });
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const nurse = await app.makePerson([{ structureId: practice, role: 'professional' }]);
      const created = (await coordinator.post('/api/patients', validPatient)).json();
      assert.equal((await nurse.post(`/api/patients/${created.id}/document-check`, { version: created.version, document: 'CNI' })).statusCode, 403);
      assert.equal((await nurse.get(`/api/patients/${created.id}/identity-history`)).statusCode, 403);
      assert.equal((await coordinator.get(`/api/patients/${created.id}`)).json().identityStatus, 'PROV');
    });
  });
}
