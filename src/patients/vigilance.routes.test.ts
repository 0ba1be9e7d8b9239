// Identity vigilance through the API: duplicate warnings, the referent's queue, merge and un-merge.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, validPatient, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';

async function setUp(app: TestApp) {
  const dac = await app.makeStructure();
  const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
  const referent = await app.makePerson([{ structureId: dac, role: 'coordinator', identityReferent: true }]);
  return { dac, coordinator, referent };
}

for (const kind of testDatabaseKinds()) {
  describe(`identity vigilance on ${kind}`, () => {
    test('finds candidates by used name, phonetics and a transposed birth date, never a stranger', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator } = await setUp(app);
      const existing = (await coordinator.post('/api/patients', { ...validPatient, birthName: 'Lefebvre', usedName: 'Durand', givenName: 'Hélène', birthDate: '1938-07-04' })).json();
      await coordinator.post('/api/patients', { ...validPatient, birthName: 'Martin', usedName: null, givenName: 'Paul', sex: 'M', birthDate: '1938-07-04' });
      const search = async (typed: Record<string, unknown>) => (await coordinator.post('/api/patients/duplicate-candidates', { sex: 'F', ...typed })).json().items;

      const used = await search({ birthName: 'Durand', givenName: 'Helene', birthDate: '1938-07-04' });
      assert.equal(used.length, 1);
      assert.equal(used[0].patient.id, existing.id);
      assert.ok(used[0].reasons.includes('used_name_matches_birth_name'));
      const phonetic = await search({ birthName: 'Lefèvre', givenName: 'Hélène', birthDate: '1938-04-07' });
      assert.equal(phonetic[0]?.patient.id, existing.id);
      assert.ok(phonetic[0].reasons.includes('phonetic_names') && phonetic[0].reasons.includes('transposed_birth_date'), JSON.stringify(phonetic[0]));
      assert.deepEqual(await search({ birthName: 'Bernard', givenName: 'Hélène', birthDate: '1938-07-04' }), []);
      assert.deepEqual(await search({ birthName: 'Lefebvre', givenName: 'Hélène', birthDate: '1961-01-30' }), []);
    });

    test('a save with unreviewed candidates is stopped; once reviewed it is queued for the identity referent', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, referent } = await setUp(app);
      const first = (await coordinator.post('/api/patients', validPatient)).json();
      const again = await coordinator.post('/api/patients', { ...validPatient, birthName: 'Lemaire', givenName: 'Jeanne', birthDate: '1940-12-03' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'patients.possible_duplicates');
      assert.equal(again.json().error.details.candidates[0].patient.id, first.id);
      assert.equal((await coordinator.get('/api/patients?q=lemaire')).json().items.length, 1, 'nothing was created');

      const created = await coordinator.post('/api/patients', { ...validPatient, birthDate: '1940-12-03', reviewedCandidates: [first.id] });
      assert.equal(created.statusCode, 201, created.body);
      assert.ok(created.json().identity.attributes.includes('DPOT'));

      assert.equal((await coordinator.get('/api/identity/suspicions')).statusCode, 403, 'the queue is for identity referents');
      const queue = (await referent.get('/api/identity/suspicions')).json().items;
      assert.equal(queue.length, 1);
      assert.equal(queue[0].kind, 'duplicate');
      assert.deepEqual(queue[0].patients.map((p: { id: string }) => p.id).sort(), [first.id, created.json().id].sort());

      const dismissed = await referent.post(`/api/identity/suspicions/${queue[0].id}/dismiss`, { reason: 'Deux sœurs, vérifié par téléphone' });
      assert.equal(dismissed.statusCode, 200, dismissed.body);
      assert.equal(dismissed.json().status, 'dismissed');
      assert.equal((await coordinator.get(`/api/patients/${first.id}`)).json().identity.attributes.includes('DPOT'), false);
      assert.equal((await referent.get('/api/identity/suspicions')).json().items.length, 0);
    });

    test('a reported collision blocks qualification until dismissed', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, referent } = await setUp(app);
      const patient = (await coordinator.post('/api/patients', validPatient)).json();
      const reported = await coordinator.post('/api/identity/suspicions', { kind: 'collision', patientId: patient.id, note: 'Deux femmes suivies sous ce dossier' });
      assert.equal(reported.statusCode, 201, reported.body);
      const checked = (await coordinator.post(`/api/patients/${patient.id}/document-check`, { version: patient.version, document: 'CNI' })).json();
      assert.equal(checked.identityStatus, 'PROV', 'an open collision: the check proves nothing');
      await referent.post(`/api/identity/suspicions/${reported.json().id}/dismiss`, { reason: 'Erreur de saisie corrigée' });
      assert.equal((await coordinator.get(`/api/patients/${patient.id}`)).json().identityStatus, 'VALI');
      const noOther = await coordinator.post('/api/identity/suspicions', { kind: 'duplicate', patientId: patient.id, note: 'doublon ?' });
      assert.equal(noOther.statusCode, 400);
      assert.ok(noOther.json().error.details.fields.otherPatientId);
    });

    test('a merge moves the files to the survivor, redirects the record, and can be undone', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, referent } = await setUp(app);
      const hospital = await app.makeStructure({ kind: 'hospital' });
      const hospitalCoordinator = await app.makePerson([{ structureId: hospital, role: 'coordinator' }]);
      const survivor = (await coordinator.post('/api/patients', validPatient)).json();
      const duplicate = (await coordinator.post('/api/patients', { ...validPatient, birthName: 'Lemerre', birthDate: '1940-12-03', reviewedCandidates: [survivor.id] })).json();
      const survivorFile = (await coordinator.post('/api/files', { patientId: survivor.id })).json();
      const movedFile = (await hospitalCoordinator.post('/api/files', { patientId: duplicate.id })).json();
      await hospitalCoordinator.post(`/api/files/${movedFile.id}/journal`, { text: 'Sortie prévue lundi' });

      assert.equal((await coordinator.post(`/api/patients/${survivor.id}/merges`, { mergedPatientId: duplicate.id, reason: 'Même personne' })).statusCode, 403);
      const merge = await referent.post(`/api/patients/${survivor.id}/merges`, { mergedPatientId: duplicate.id, reason: 'Même personne, date inversée à la saisie' });
      assert.equal(merge.statusCode, 201, merge.body);
      assert.deepEqual(merge.json().movedFileIds, [movedFile.id]);
      assert.equal(merge.json().canUndo, true);

      const redirected = (await coordinator.get(`/api/patients/${duplicate.id}`)).json();
      assert.equal(redirected.mergedInto, survivor.id);
      assert.deepEqual((await coordinator.get('/api/patients?q=lem')).json().items.map((p: { id: string }) => p.id), [survivor.id]);
      const filesSeenBy = async (caller: typeof coordinator, patientId: string) => (await caller.get(`/api/patients/${patientId}/files`)).json().items.map((f: { id: string }) => f.id);
      assert.deepEqual(await filesSeenBy(coordinator, survivor.id), [survivorFile.id]);
      assert.deepEqual(await filesSeenBy(hospitalCoordinator, survivor.id), [movedFile.id], 'the hospital file followed the person');
      assert.equal((await hospitalCoordinator.get(`/api/files/${movedFile.id}`)).json().journal[0].text, 'Sortie prévue lundi');
      assert.equal((await referent.get('/api/identity/suspicions?status=merged')).json().items.length, 1);
      const editMerged = await coordinator.patch(`/api/patients/${duplicate.id}`, { version: redirected.version, phone: '0600000000' });
      assert.equal(editMerged.statusCode, 409);

      const undo = await referent.post(`/api/patient-merges/${merge.json().id}/undo`, { reason: 'Erreur : deux personnes' });
      assert.equal(undo.statusCode, 200, undo.body);
      assert.equal(undo.json().canUndo, false);
      assert.equal((await coordinator.get(`/api/patients/${duplicate.id}`)).json().mergedInto, null);
      assert.deepEqual(await filesSeenBy(hospitalCoordinator, duplicate.id), [movedFile.id]);
      assert.deepEqual(await filesSeenBy(coordinator, survivor.id), [survivorFile.id]);
      assert.equal((await referent.post(`/api/patient-merges/${merge.json().id}/undo`, { reason: 'encore' })).statusCode, 409);
      const kinds = (await coordinator.get(`/api/patients/${duplicate.id}/identity-history`)).json().items.map((e: { kind: string }) => e.kind);
      assert.deepEqual(kinds.slice(0, 2), ['unmerged', 'merged_into']);
    });

    test('a merge is refused when both have an open file in the same structure', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, referent } = await setUp(app);
      const a = (await coordinator.post('/api/patients', validPatient)).json();
      const b = (await coordinator.post('/api/patients', { ...validPatient, birthDate: '1940-12-03', reviewedCandidates: [a.id] })).json();
      await coordinator.post('/api/files', { patientId: a.id });
      await coordinator.post('/api/files', { patientId: b.id });
      const refused = await referent.post(`/api/patients/${a.id}/merges`, { mergedPatientId: b.id, reason: 'Même personne' });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'patients.merge_open_files_same_structure');
      assert.equal((await coordinator.get(`/api/patients/${b.id}`)).json().mergedInto, null);
    });
  });
}
