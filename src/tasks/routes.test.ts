// Tasks through the API: the coordinator gives the pharmacist a task, the pharmacist comments and
// closes it from « Mes tâches »; outsiders, stale versions and closed files are refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, validPatient, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';

async function region(app: TestApp) {
  const dac = await app.makeStructure({ name: 'DAC Anjou', kind: 'dac' });
  const pharmacy = await app.makeStructure({ name: 'Pharmacie du Centre', kind: 'practice' });
  const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
  const pharmacist = await app.makePerson([{ structureId: pharmacy, role: 'professional' }], { givenName: 'Olivier', familyName: 'Chevalier' });
  const outsider = await app.makePerson([{ structureId: pharmacy, role: 'professional' }]);
  const patient = (await coordinator.post('/api/patients', validPatient)).json();
  const file = (await coordinator.post('/api/files', { patientId: patient.id })).json();
  await coordinator.post(`/api/files/${file.id}/team`, { personId: pharmacist.personId, role: 'pharmacist' });
  return { dac, pharmacy, coordinator, pharmacist, outsider, file };
}

const soon = () => new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

for (const kind of testDatabaseKinds()) {
  describe(`tasks on ${kind}`, () => {
    test('a task for a team member, commented and done from « Mes tâches », in the file timeline', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, pharmacist, file } = await region(app);
      const created = await coordinator.post(`/api/files/${file.id}/tasks`, { title: 'Préparer le pilulier de la semaine', assigneePersonId: pharmacist.personId, dueOn: soon(), priority: 'high' });
      assert.equal(created.statusCode, 201, created.body);
      const task = created.json();
      assert.equal(task.assignee.name, 'Olivier Chevalier');
      assert.equal(task.status, 'todo');

      const mine = (await pharmacist.get('/api/tasks')).json();
      assert.deepEqual(mine.items.map((i: { id: string }) => i.id), [task.id]);
      assert.match(mine.items[0].patient.name, /^DURAND Jeanne$/);
      assert.equal(mine.counts.open, 1);

      const commented = await pharmacist.post(`/api/tasks/${task.id}/comments`, { text: 'Pilulier prêt, livré jeudi.' });
      assert.equal(commented.statusCode, 201, commented.body);
      const done = await pharmacist.patch(`/api/tasks/${task.id}`, { version: task.version, status: 'done' });
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().status, 'done');
      assert.ok(done.json().completedAt);
      assert.equal(done.json().comments[0].text, 'Pilulier prêt, livré jeudi.');
      assert.equal((await pharmacist.patch(`/api/tasks/${task.id}`, { version: task.version, status: 'todo' })).statusCode, 409, 'stale version');

      const listed = (await coordinator.get(`/api/files/${file.id}/tasks`)).json();
      assert.equal(listed.items[0].status, 'done');
      const timeline = (await coordinator.get(`/api/files/${file.id}/timeline`)).json();
      const types = timeline.items.map((i: { type: string }) => i.type);
      assert.ok(types.includes('task.created') && types.includes('task.completed') && types.includes('task.commented'));

      const bundle = (await pharmacist.get(`/fhir/R4/Task?patient=Patient/${file.patient.id}`)).json();
      assert.equal(bundle.total, 1);
      const resource = bundle.entry[0].resource;
      assert.equal(resource.status, 'completed');
      assert.equal(resource.priority, 'urgent');
      assert.equal(resource.owner.reference, `Practitioner/${pharmacist.personId}`);
      assert.equal(resource.note[0].text, 'Pilulier prêt, livré jeudi.');
      assert.equal((await pharmacist.get(`/fhir/R4/Task/${task.id}`)).json().for.reference, `Patient/${file.patient.id}`);
    });

    test('refuses outsiders, assignees outside the team, bad input, and closed files', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, outsider, file, pharmacy } = await region(app);
      assert.equal((await outsider.get(`/api/files/${file.id}/tasks`)).statusCode, 403);
      assert.equal((await outsider.get(`/fhir/R4/Task?patient=${file.patient.id}`)).json().total, 0);
      assert.equal((await outsider.post(`/api/files/${file.id}/tasks`, { title: 'x' })).statusCode, 403);
      const notInTeam = await coordinator.post(`/api/files/${file.id}/tasks`, { title: 'Appeler', assigneePersonId: outsider.personId });
      assert.equal(notInTeam.statusCode, 400);
      assert.ok(notInTeam.json().error.details.fields.assigneePersonId);
      const both = await coordinator.post(`/api/files/${file.id}/tasks`, { title: 'Appeler', assigneePersonId: coordinator.personId, assigneeStructureId: pharmacy });
      assert.equal(both.statusCode, 400);
      assert.equal((await coordinator.post(`/api/files/${file.id}/tasks`, { title: '' })).statusCode, 400);
      assert.equal((await coordinator.post(`/api/files/${file.id}/tasks`, { title: 'Hier', dueOn: '2020-01-01' })).json().error.details.fields.dueOn !== undefined, true);
      const forStructure = await coordinator.post(`/api/files/${file.id}/tasks`, { title: 'Livrer les médicaments', assigneeStructureId: pharmacy });
      assert.equal(forStructure.statusCode, 201, forStructure.body);
      assert.equal((await outsider.get(`/api/tasks/${forStructure.json().id}`)).statusCode, 403, 'a structure assignment is not a key to the file');
      const closed = await coordinator.patch(`/api/files/${file.id}`, { version: file.version, status: 'closed', closureReason: 'improvement' });
      assert.equal(closed.json().status, 'closed', closed.body);
      assert.equal((await coordinator.post(`/api/files/${file.id}/tasks`, { title: 'Après clôture' })).statusCode, 409);
    });
  });
}
