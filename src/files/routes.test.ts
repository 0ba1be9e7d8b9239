import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, validPatient, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';

async function region(app: TestApp) {
  const dac = await app.makeStructure({ name: 'DAC Anjou', kind: 'dac' });
  const other = await app.makeStructure({ name: 'DAC Voisin', kind: 'dac' });
  const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
  const nurse = await app.makePerson([{ structureId: other, role: 'professional' }], { givenName: 'Inès', familyName: 'Martin' });
  const outsider = await app.makePerson([{ structureId: other, role: 'professional' }]);
  const patient = (await coordinator.post('/api/patients', validPatient)).json();
  const file = (await coordinator.post('/api/files', { patientId: patient.id })).json();
  return { dac, coordinator, nurse, outsider, patient, file };
}

for (const kind of testDatabaseKinds()) {
  describe(`coordination files on ${kind}`, () => {
    test('a coordinator opens a file, builds the team and writes in the journal', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, nurse, file } = await region(app);
      assert.equal(file.status, 'open');
      assert.equal(file.careTeam.length, 1, 'the referent joins the team');
      assert.equal(file.careTeam[0].role, 'coordinator');

      const added = await coordinator.post(`/api/files/${file.id}/team`, { personId: nurse.personId, role: 'nurse' });
      assert.equal(added.statusCode, 201, added.body);
      const written = await coordinator.post(`/api/files/${file.id}/journal`, { text: 'Appel de la fille : chute hier soir.', category: 'phone_call' });
      assert.equal(written.statusCode, 201, written.body);

      const view = (await nurse.get(`/api/files/${file.id}`)).json();
      assert.equal(view.journal[0].text, 'Appel de la fille : chute hier soir.');
      assert.equal(view.permissions.canWriteJournal, true);
      assert.equal(view.permissions.canManageTeam, false);

      const timeline = (await coordinator.get(`/api/files/${file.id}/timeline`)).json();
      assert.deepEqual(
        timeline.items.map((i: { type: string }) => i.type),
        ['journal.entryWritten', 'careTeam.memberAdded', 'careTeam.memberAdded', 'file.opened'],
      );
      const mine = (await nurse.get('/api/files')).json();
      assert.deepEqual(mine.items.map((f: { id: string }) => f.id), [file.id]);
    });

    test('returns 403 to a professional outside the care team and audits the attempt', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, outsider, file } = await region(app);
      const refused = await outsider.get(`/api/files/${file.id}`);
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'access.file.read');
      const log = (await coordinator.get(`/api/files/${file.id}/access-log`)).json();
      const denied = log.items.find((e: { kind: string }) => e.kind === 'refused');
      assert.ok(denied, 'the refused read is in the access log');
      assert.equal(denied.actor.id, outsider.personId);
      assert.equal((await outsider.get('/api/files')).json().items.length, 0);
    });

    test('a member who left the team loses access from the end of the period', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, nurse, file } = await region(app);
      const member = (await coordinator.post(`/api/files/${file.id}/team`, { personId: nurse.personId, role: 'nurse' })).json();
      assert.equal((await nurse.get(`/api/files/${file.id}`)).statusCode, 200);
      const ended = await coordinator.post(`/api/files/${file.id}/team/${member.id}/end`, { version: member.version });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.equal((await nurse.get(`/api/files/${file.id}`)).statusCode, 403);
    });

    test('refuses a stale version with 409 and changes nothing', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, file } = await region(app);
      const closed = await coordinator.patch(`/api/files/${file.id}`, { version: file.version, status: 'closed', closureReason: 'improvement' });
      assert.equal(closed.statusCode, 200, closed.body);
      const stale = await coordinator.patch(`/api/files/${file.id}`, { version: file.version, status: 'open' });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, 'files.version_stale');
      assert.equal((await coordinator.get(`/api/files/${file.id}`)).json().status, 'closed');
    });

    test('refuses a second open file for the same patient in the same structure', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, patient, file } = await region(app);
      const again = await coordinator.post('/api/files', { patientId: patient.id });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.details.fileId, file.id);
    });

    test('names the bad field and writes nothing on bad input', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, nurse, file } = await region(app);
      const empty = await coordinator.post(`/api/files/${file.id}/journal`, { text: '   ' });
      assert.equal(empty.statusCode, 400);
      assert.ok(empty.json().error.details.fields.text);
      const badRole = await coordinator.post(`/api/files/${file.id}/team`, { personId: nurse.personId, role: 'wizard' });
      assert.equal(badRole.statusCode, 400);
      assert.ok(badRole.json().error.details.fields.role);
      const badPeriod = await coordinator.post(`/api/files/${file.id}/team`, { personId: nurse.personId, role: 'nurse', periodStart: '2026-05-02', periodEnd: '2026-05-01' });
      assert.equal(badPeriod.statusCode, 400);
      const view = (await coordinator.get(`/api/files/${file.id}`)).json();
      assert.equal(view.journal.length, 0);
      assert.equal(view.careTeam.length, 1);
      assert.equal((await coordinator.get('/api/files/not-a-uuid')).statusCode, 400);
      assert.equal((await coordinator.get('/api/files/0190d5e4-0000-7000-8000-000000000000')).statusCode, 404);
    });
  });
}
