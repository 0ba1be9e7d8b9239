import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, validPatient } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`patients on ${kind}`, () => {
    test('finds a patient by name prefix whatever the accents, case and order', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const created = await coordinator.post('/api/patients', { ...validPatient, birthName: 'Lefèvre', usedName: "N'Diaye", givenName: 'Hélène', birthDate: '1938-07-01' });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().birthName, 'LEFÈVRE');
      assert.equal(created.json().identityStatus, 'PROV');
      await coordinator.post('/api/patients', { ...validPatient, birthName: 'Lefort', givenName: 'Paul', sex: 'M' });
      const ids = async (query: string) => (await coordinator.get(`/api/patients?${query}`)).json().items.map((p: { givenName: string }) => p.givenName).sort();
      assert.deepEqual(await ids('q=lefe'), ['Hélène']);
      assert.deepEqual(await ids('q=LEF'), ['Hélène', 'Paul']);
      assert.deepEqual(await ids('q=n%20dia'), ['Hélène']);
      assert.deepEqual(await ids('q=helene%20lef'), ['Hélène']);
      assert.deepEqual(await ids('q=lef%20pa'), ['Paul']);
      assert.deepEqual(await ids('q=lef&birthDate=1938-07-01'), ['Hélène']);
      assert.deepEqual(await ids('q=%25'), []);
    });

    test('refuses bad input with the field named and creates nothing', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const cases: [Record<string, unknown>, string][] = [
        [{ ...validPatient, birthDate: '1940-02-30' }, 'birthDate'],
        [{ ...validPatient, birthDate: '2099-01-01' }, 'birthDate'],
        [{ ...validPatient, birthDate: 'hier' }, 'birthDate'],
        [{ ...validPatient, sex: 'X' }, 'sex'],
        [{ ...validPatient, birthName: 'L3maire' }, 'birthName'],
        [{ ...validPatient, postalCode: '4900' }, 'postalCode'],
        [{ ...validPatient, givenName: undefined }, 'givenName'],
      ];
      for (const [body, field] of cases) {
        const response = await coordinator.post('/api/patients', body);
        assert.equal(response.statusCode, 400, `${field}: ${response.body}`);
        assert.ok(response.json().error.details.fields[field], `${field} is named in ${response.body}`);
      }
      const malformed = await app.app.inject({ method: 'POST', url: '/api/patients', headers: { authorization: `Bearer ${coordinator.token}`, 'content-type': 'application/json' }, payload: '{"birthName":' });
      assert.equal(malformed.statusCode, 400);
      assert.equal((await coordinator.get('/api/patients?q=lem')).json().items.length, 0);
    });

    test('updates with the version read, and answers 409 to a stale one', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure();
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const patient = (await coordinator.post('/api/patients', validPatient)).json();
      const first = await coordinator.patch(`/api/patients/${patient.id}`, { version: patient.version, phone: '02 41 12 34 56' });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, patient.version + 1);
      const stale = await coordinator.patch(`/api/patients/${patient.id}`, { version: patient.version, phone: '06 00 00 00 00' });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, 'patients.version_stale');
      assert.equal((await coordinator.get(`/api/patients/${patient.id}`)).json().phone, '02 41 12 34 56');
    });
  });
}
