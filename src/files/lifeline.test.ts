// The life line through the API: a patient followed in two structures; each reader sees the events of
// the files they may read, filtered by kind and author, paged by a cursor stable on equal instants.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, validPatient } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`life line on ${kind}`, () => {
    test('shows each reader the events of the files they may read, by kind and author, page after page', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure({ name: 'DAC Anjou', kind: 'dac' });
      const cpts = await app.makeStructure({ name: 'CPTS Loire', kind: 'cpts' });
      const practice = await app.makeStructure({ name: 'Cabinet', kind: 'practice' });
      const dacCoordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const cptsCoordinator = await app.makePerson([{ structureId: cpts, role: 'coordinator' }]);
      const nurse = await app.makePerson([{ structureId: practice, role: 'professional' }]);
      const outsider = await app.makePerson([{ structureId: practice, role: 'professional' }]);
      const patient = (await dacCoordinator.post('/api/patients', validPatient)).json();
      const dacFile = (await dacCoordinator.post('/api/files', { patientId: patient.id })).json();
      const cptsFile = (await cptsCoordinator.post('/api/files', { patientId: patient.id })).json();
      await dacCoordinator.post(`/api/files/${dacFile.id}/team`, { personId: nurse.personId, role: 'nurse' });
      for (let i = 0; i < 5; i++) await nurse.post(`/api/files/${dacFile.id}/journal`, { text: `Passage ${i}` });
      await cptsCoordinator.post(`/api/files/${cptsFile.id}/journal`, { text: 'Réunion CPTS' });

      const nurseView = (await nurse.get(`/api/patients/${patient.id}/lifeline`)).json();
      assert.ok(nurseView.items.every((i: { file: { id: string } | null }) => i.file?.id === dacFile.id), 'the nurse sees the DAC file only');
      const cptsView = (await cptsCoordinator.get(`/api/patients/${patient.id}/lifeline?kinds=journal`)).json();
      assert.deepEqual(cptsView.items.map((i: { payload: { entryId: string }; file: { structureName: string } }) => i.file.structureName), ['CPTS Loire']);

      const journalOnly = (await dacCoordinator.get(`/api/patients/${patient.id}/lifeline?kinds=journal&author=${nurse.personId}`)).json();
      assert.equal(journalOnly.items.length, 5);
      assert.ok(journalOnly.items.every((i: { type: string; actor: { id: string } }) => i.type === 'journal.entryWritten' && i.actor.id === nurse.personId));

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextBefore: string | null } = (await dacCoordinator.get(`/api/patients/${patient.id}/lifeline?limit=2${cursor ? `&before=${cursor}` : ''}`)).json();
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextBefore;
      } while (cursor);
      const all = (await dacCoordinator.get(`/api/patients/${patient.id}/lifeline?limit=200`)).json();
      assert.deepEqual(seen, all.items.map((i: { id: string }) => i.id), 'pages follow one another without gap or repeat');
      assert.ok(!all.items.some((i: { file: { id: string } | null }) => i.file?.id === cptsFile.id), 'the DAC does not see the CPTS file');

      assert.equal((await outsider.get(`/api/patients/${patient.id}/lifeline`)).statusCode, 404);
      assert.equal((await dacCoordinator.get(`/api/patients/${patient.id}/lifeline?kinds=weather`)).statusCode, 400);
      assert.equal((await dacCoordinator.get(`/api/patients/${patient.id}/lifeline?before=garbage`)).statusCode, 400);
    });
  });
}
