// FHIR Patient (FR Core) end to end: round trip, trust of a declared status, OperationOutcome errors.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { buildTestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';

const fixture = JSON.parse(fs.readFileSync(new URL('./fixtures/fr-core-patient-ins.json', import.meta.url), 'utf8'));
const INS_TEST_SYSTEM = 'urn:oid:1.2.250.1.213.1.4.10';
type Identifier = { system: string; value: string; use: string };

/** The fixture as another system sends it: no Trame id, no Trame identifier. */
function received(overrides: Record<string, unknown> = {}) {
  const { id: _id, meta: _meta, ...rest } = structuredClone(fixture);
  return { ...rest, identifier: rest.identifier.filter((i: Identifier) => i.system !== 'urn:trame:patient'), ...overrides };
}

for (const kind of testDatabaseKinds()) {
  describe(`FHIR Patient on ${kind}`, () => {
    test('round-trips an FR Core Patient sent by an identity referent, INS and status included', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const referent = await app.makePerson([{ structureId: dac, role: 'coordinator', identityReferent: true }]);
      const created = await app.app.inject({
        method: 'POST',
        url: '/fhir/R4/Patient',
        headers: { authorization: `Bearer ${referent.token}`, 'content-type': 'application/fhir+json' },
        payload: JSON.stringify(received()),
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.match(created.headers['content-type'] as string, /application\/fhir\+json/);
      const id = created.json().id;
      const read = (await referent.get(`/fhir/R4/Patient/${id}`)).json();
      const ins = read.identifier.find((i: Identifier) => i.system === INS_TEST_SYSTEM);
      assert.deepEqual({ value: ins.value, use: ins.use }, { value: '174124523412389', use: 'official' });
      assert.equal(read.name.find((n: { use: string }) => n.use === 'official').family, 'DURAND');
      assert.equal(read.birthDate, '1974-12-25');
      assert.equal(read.gender, 'male');
      const reliability = read.extension.find((e: { url: string }) => e.url.endsWith('fr-core-identity-reliability'));
      const status = reliability.extension.find((e: { url: string }) => e.url === 'identityStatus');
      assert.equal(status.valueCoding.code, 'QUAL');
      assert.equal((await referent.get(`/api/patients/${id}`)).json().identityStatus, 'QUAL');

      const found = (await referent.get(`/fhir/R4/Patient?identifier=${encodeURIComponent(`${INS_TEST_SYSTEM}|174124523412389`)}`)).json();
      assert.equal(found.resourceType, 'Bundle');
      assert.deepEqual(found.entry.map((e: { resource: { id: string } }) => e.resource.id), [id]);
      assert.equal((await referent.get('/fhir/R4/Patient?family=durand&given=pierre&birthdate=1974-12-25')).json().total, 1);
      assert.equal((await referent.get('/fhir/R4/Patient?family=durand&birthdate=1980-01-01')).json().total, 0);

      const update = structuredClone(read);
      update.telecom = [{ system: 'phone', value: '02 41 00 00 00', use: 'home' }];
      const put = await referent.post(`/fhir/R4/Patient/${id}`, update);
      assert.equal(put.statusCode, 404, 'POST on an id is not an update');
      const updated = await app.app.inject({ method: 'PUT', url: `/fhir/R4/Patient/${id}`, headers: { authorization: `Bearer ${referent.token}` }, payload: update });
      assert.equal(updated.statusCode, 200, updated.body);
      assert.equal(updated.json().meta.versionId, String(Number(read.meta.versionId) + 1));
      const stale = await app.app.inject({ method: 'PUT', url: `/fhir/R4/Patient/${id}`, headers: { authorization: `Bearer ${referent.token}` }, payload: update });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().resourceType, 'OperationOutcome');
    });

    test('from an account without the right, the declared status is not trusted: PROV, INS kept for verification, not exported', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const created = await coordinator.post('/fhir/R4/Patient', received());
      assert.equal(created.statusCode, 201, created.body);
      const resource = created.json();
      assert.equal(resource.identifier.some((i: Identifier) => i.system.startsWith('urn:oid:1.2.250.1.213.1.4.')), false);
      const view = (await coordinator.get(`/api/patients/${resource.id}`)).json();
      assert.equal(view.identityStatus, 'PROV');
      assert.equal(view.identity.receivedInsPending, true);
      assert.equal(view.identity.ins, null);
    });

    test('a bad NIR key answers 400 with an OperationOutcome naming the identifier, and stores nothing', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const badKey = received({ identifier: [{ use: 'official', system: INS_TEST_SYSTEM, value: '174124523412388', type: fixture.identifier[0].type }] });
      const refused = await coordinator.post('/fhir/R4/Patient', badKey);
      assert.equal(refused.statusCode, 400);
      const outcome = refused.json();
      assert.equal(outcome.resourceType, 'OperationOutcome');
      assert.match(JSON.stringify(outcome.issue), /key/i);
      assert.ok(outcome.issue[0].expression[0].startsWith('Patient.identifier'), JSON.stringify(outcome.issue));
      const noBirthDate = await coordinator.post('/fhir/R4/Patient', received({ birthDate: '1974-13-45' }));
      assert.equal(noBirthDate.statusCode, 400);
      assert.equal((await coordinator.get('/api/patients?q=durand')).json().items.length, 0);
      const notJson = await app.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { authorization: `Bearer ${coordinator.token}`, 'content-type': 'application/fhir+json' }, payload: '{"resourceType":' });
      assert.equal(notJson.statusCode, 400);
      assert.equal(notJson.json().resourceType, 'OperationOutcome');
    });

    test('access errors are OperationOutcomes too', async (t) => {
      const app = await buildTestApp(t, kind);
      const practice = await app.makeStructure({ kind: 'practice' });
      const nurse = await app.makePerson([{ structureId: practice, role: 'professional' }]);
      const anonymous = await app.app.inject({ method: 'GET', url: '/fhir/R4/Patient?family=durand' });
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.json().resourceType, 'OperationOutcome');
      const forbidden = await nurse.get('/fhir/R4/Patient?family=durand');
      assert.equal(forbidden.statusCode, 403);
      assert.equal(forbidden.json().resourceType, 'OperationOutcome');
      assert.equal((await nurse.get('/fhir/R4/Patient/not-a-uuid')).statusCode, 404);
    });
  });
}
