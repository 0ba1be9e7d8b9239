// The breakdown observatory through the API: recorded from a file and on its own, listed by period,
// kind and territory, exported as CSV without the patient's identity; other structures see none.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, validPatient, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';

async function region(app: TestApp) {
  const dac = await app.makeStructure({ name: 'DAC Anjou', kind: 'dac' });
  const otherDac = await app.makeStructure({ name: 'DAC Voisin', kind: 'dac' });
  const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
  const director = await app.makePerson([{ structureId: dac, role: 'structure_admin' }]);
  const otherCoordinator = await app.makePerson([{ structureId: otherDac, role: 'coordinator' }]);
  const professional = await app.makePerson([{ structureId: dac, role: 'professional' }]);
  const patient = (await coordinator.post('/api/patients', validPatient)).json();
  const file = (await coordinator.post('/api/files', { patientId: patient.id })).json();
  return { coordinator, director, otherCoordinator, professional, file };
}

const friday = { occurredOn: '2026-11-13', kind: 'hospital_discharge_unprepared', cause: 'lack_of_information_sharing', consequence: 'care_delayed', structuresInvolved: ['CHU d’Angers; gériatrie'], description: 'Sortie le vendredi soir, infirmière "pas prévenue".' };

for (const kind of testDatabaseKinds()) {
  describe(`breakdowns on ${kind}`, () => {
    test('records from a file and on its own, lists by period, kind and territory, exports CSV', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, director, otherCoordinator, professional, file } = await region(app);
      const fromFile = await coordinator.post(`/api/files/${file.id}/breakdowns`, friday);
      assert.equal(fromFile.statusCode, 201, fromFile.body);
      assert.equal(fromFile.json().commune.insee, '49007', 'the patient’s commune by default');
      const alone = await coordinator.post('/api/breakdowns', { occurredOn: '2026-10-02', kind: 'no_gp', cause: 'professional_shortage', consequence: 'care_delayed', communeInsee: '49099' });
      assert.equal(alone.statusCode, 201, alone.body);
      const timeline = (await coordinator.get(`/api/files/${file.id}/timeline`)).json();
      assert.ok(timeline.items.some((i: { type: string }) => i.type === 'breakdown.recorded'));

      const all = (await director.get('/api/breakdowns')).json();
      assert.equal(all.items.length, 2);
      assert.deepEqual(all.byKind.map((k: { key: string }) => k.key).sort(), ['hospital_discharge_unprepared', 'no_gp']);
      assert.equal((await coordinator.get('/api/breakdowns?from=2026-11-01&to=2026-11-30')).json().items.length, 1);
      assert.equal((await coordinator.get('/api/breakdowns?kind=no_gp')).json().items[0].commune.insee, '49099');
      const territory = (await app.makePerson([{ structureId: (await app.makeStructure({ name: 'Plateforme' })), role: 'platform_admin' }]))
        .post('/api/territories', { name: 'Angers seule', kind: 'other', structureId: null, communes: ['49007'] });
      const territoryId = (await territory).json().id;
      assert.equal((await coordinator.get(`/api/breakdowns?territoryId=${territoryId}`)).json().items.length, 1);

      const csv = await coordinator.get('/api/breakdowns/export.csv');
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines[0], 'Date;Type de rupture;Cause;Conséquence;Structures concernées;Commune;Code INSEE;Description;Dossier');
      assert.equal(lines[1], `2026-11-13;Sortie d’hospitalisation non préparée;Défaut de partage d’information;Soins retardés;"CHU d’Angers; gériatrie";Angers;49007;"Sortie le vendredi soir, infirmière ""pas prévenue"".";${file.id}`);
      assert.ok(!csv.body.includes('Lemaire') && !csv.body.includes('Jeanne'), 'no patient identity in the export');

      assert.equal((await otherCoordinator.get('/api/breakdowns')).json().items.length, 0, 'another DAC sees none of ours');
      assert.equal((await professional.get('/api/breakdowns')).statusCode, 403);
      assert.equal((await professional.post('/api/breakdowns', friday)).statusCode, 403);
    });

    test('corrects with a version; refuses bad input naming the field', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, otherCoordinator } = await region(app);
      const recorded = (await coordinator.post('/api/breakdowns', friday)).json();
      const corrected = await coordinator.patch(`/api/breakdowns/${recorded.id}`, { version: recorded.version, consequence: 'emergency_visit' });
      assert.equal(corrected.statusCode, 200, corrected.body);
      assert.equal(corrected.json().consequence, 'emergency_visit');
      assert.deepEqual(corrected.json().structuresInvolved, ['CHU d’Angers; gériatrie'], 'a partial change keeps the rest');
      assert.equal((await coordinator.patch(`/api/breakdowns/${recorded.id}`, { version: recorded.version, consequence: 'none_known' })).statusCode, 409);
      assert.equal((await otherCoordinator.patch(`/api/breakdowns/${recorded.id}`, { version: 2, consequence: 'none_known' })).statusCode, 404);
      const future = await coordinator.post('/api/breakdowns', { ...friday, occurredOn: '2099-01-01' });
      assert.equal(future.statusCode, 400);
      assert.ok(future.json().error.details.fields.occurredOn);
      const commune = await coordinator.post('/api/breakdowns', { ...friday, communeInsee: '99999' });
      assert.equal(commune.statusCode, 400);
      assert.ok(commune.json().error.details.fields.communeInsee);
      assert.equal((await coordinator.post('/api/breakdowns', { ...friday, kind: 'meteor' })).statusCode, 400);
    });
  });
}
