// Documents through the API: uploaded raw, type read from the bytes, stored once, downloaded byte for
// byte with an audit line; visibility, versions, and the size limit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, validPatient, type Caller, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';
import { countBlobs } from './store.ts';
import { useScanner, NO_SCANNER } from './scanner.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function upload(app: TestApp, caller: Caller, fileId: string, query: Record<string, string>, body: Buffer) {
  const params = new URLSearchParams({ title: 'Lettre du médecin', typeCode: '11488-4', filename: 'lettre.pdf', ...query });
  return app.app.inject({ method: 'POST', url: `/api/files/${fileId}/documents?${params}`, headers: { authorization: `Bearer ${caller.token}`, 'content-type': 'application/octet-stream' }, payload: body });
}

async function region(app: TestApp) {
  const dac = await app.makeStructure({ name: 'DAC Anjou', kind: 'dac' });
  const practice = await app.makeStructure({ name: 'Cabinet', kind: 'practice' });
  const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
  const nurse = await app.makePerson([{ structureId: practice, role: 'professional' }]);
  const outsider = await app.makePerson([{ structureId: practice, role: 'professional' }]);
  const patient = (await coordinator.post('/api/patients', validPatient)).json();
  const file = (await coordinator.post('/api/files', { patientId: patient.id })).json();
  await coordinator.post(`/api/files/${file.id}/team`, { personId: nurse.personId, role: 'nurse' });
  return { coordinator, nurse, outsider, file, practice };
}

async function outsiderOf(app: TestApp) {
  const stranger = await app.makePerson([{ structureId: await app.makeStructure({ name: 'Ailleurs', kind: 'practice' }), role: 'professional' }]);
  const patients = (await stranger.get('/fhir/R4/DocumentReference?patient=0190d5e4-0000-7000-8000-000000000000')).json();
  return patients.entry ?? [];
}

for (const kind of testDatabaseKinds()) {
  describe(`documents on ${kind}`, () => {
    test('uploads, lists, downloads byte for byte with an audit line; versions; one copy of identical bytes', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, nurse, file } = await region(app);
      const sent = await upload(app, coordinator, file.id, {}, PDF);
      assert.equal(sent.statusCode, 201, sent.body);
      const document = sent.json();
      assert.equal(document.versions[0].mediaType, 'application/pdf');
      assert.equal(document.versions[0].scanStatus, 'not_scanned');
      assert.equal(document.type.label, 'Compte rendu de consultation');

      const listed = (await nurse.get(`/api/files/${file.id}/documents`)).json();
      assert.deepEqual(listed.items.map((d: { id: string }) => d.id), [document.id]);
      const download = await nurse.get(`/api/documents/${document.id}/versions/1/content`);
      assert.equal(download.statusCode, 200);
      assert.deepEqual(download.rawPayload, PDF);
      assert.equal(download.headers['content-type'], 'application/pdf');
      assert.equal(download.headers['x-content-type-options'], 'nosniff');
      const log = (await coordinator.get(`/api/files/${file.id}/access-log`)).json();
      assert.ok(log.items.some((v: { actor: { id: string }; actions: string[] }) => v.actor.id === nurse.personId && v.actions.includes('document.download')));

      const again = await upload(app, nurse, file.id, { title: 'Même lettre' }, PDF);
      assert.equal(again.statusCode, 201);
      assert.equal(await countBlobs(app.app.database.db), 1, 'identical bytes are stored once');
      const v2 = await app.app.inject({ method: 'POST', url: `/api/documents/${document.id}/versions?version=${document.version}&filename=lettre-v2.pdf`, headers: { authorization: `Bearer ${coordinator.token}`, 'content-type': 'application/octet-stream' }, payload: Buffer.concat([PDF, Buffer.from('% v2\n')]) });
      assert.equal(v2.statusCode, 201, v2.body);
      assert.equal(v2.json().currentVersion, 2);
      assert.equal((await app.app.inject({ method: 'POST', url: `/api/documents/${document.id}/versions?version=${document.version}&filename=x.pdf`, headers: { authorization: `Bearer ${coordinator.token}`, 'content-type': 'application/octet-stream' }, payload: PDF })).statusCode, 409);
      const timeline = (await coordinator.get(`/api/files/${file.id}/timeline`)).json();
      assert.ok(timeline.items.some((i: { type: string }) => i.type === 'document.versionAdded'));

      const bundle = (await nurse.get(`/fhir/R4/DocumentReference?patient=${file.patient.id}&type=11488-4`)).json();
      assert.equal(bundle.total, 2);
      const reference = bundle.entry.find((e: { resource: { id: string } }) => e.resource.id === document.id).resource;
      assert.equal(reference.content[0].attachment.url, `Binary/${document.id}`);
      assert.equal(reference.content[0].attachment.size, PDF.length + 5);
      const binary = await nurse.get(`/fhir/R4/Binary/${document.id}`);
      assert.deepEqual(binary.rawPayload, Buffer.concat([PDF, Buffer.from('% v2\n')]), 'the current version');
      assert.equal((await outsiderOf(app)).length, 0);
    });

    test('refuses what the bytes betray, oversized files, outsiders; hides coordinators-only documents from the team', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, nurse, outsider, file } = await region(app);
      const exe = await upload(app, coordinator, file.id, { filename: 'lettre.pdf' }, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]));
      assert.equal(exe.statusCode, 400);
      assert.equal(exe.json().error.code, 'documents.type_refused');
      assert.ok(exe.json().error.details.fields.file);
      const huge = await upload(app, coordinator, file.id, {}, Buffer.concat([PDF, Buffer.alloc(app.app.config.documentMaxBytes)]));
      assert.equal(huge.statusCode, 413);
      assert.equal((await upload(app, outsider, file.id, {}, PDF)).statusCode, 403);
      assert.equal((await upload(app, coordinator, file.id, { typeCode: '00000-0' }, PDF)).statusCode, 400);

      const secret = (await upload(app, coordinator, file.id, { visibility: 'coordinators', title: 'Note sociale' }, PDF)).json();
      assert.equal((await nurse.get(`/api/files/${file.id}/documents`)).json().items.length, 0);
      assert.equal((await nurse.get(`/api/documents/${secret.id}`)).statusCode, 404);
      assert.equal((await upload(app, nurse, file.id, { visibility: 'coordinators' }, PDF)).statusCode, 400, 'only the coordinators choose that visibility');
      const shared = await coordinator.patch(`/api/documents/${secret.id}`, { version: secret.version, visibility: 'care_team', isEvaluation: true });
      assert.equal(shared.statusCode, 200, shared.body);
      assert.equal((await nurse.get(`/api/documents/${secret.id}`)).json().isEvaluation, true);
      assert.equal((await outsider.get(`/api/documents/${secret.id}/versions/1/content`)).statusCode, 403);
      const deleted = await coordinator.delete(`/api/documents/${secret.id}?version=${shared.json().version}`);
      assert.equal(deleted.statusCode, 204);
      assert.equal((await nurse.get(`/api/documents/${secret.id}`)).statusCode, 404);
    });

    test('a scanner that finds a virus stops the upload before anything is stored', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, file } = await region(app);
      useScanner({ scan: async (bytes) => (Buffer.from(bytes).includes('EICAR') ? 'infected' : 'clean') });
      t.after(() => useScanner(NO_SCANNER));
      const infected = await upload(app, coordinator, file.id, {}, Buffer.concat([PDF, Buffer.from('EICAR')]));
      assert.equal(infected.statusCode, 422);
      assert.equal(infected.json().error.code, 'documents.infected');
      assert.equal(await countBlobs(app.app.database.db), 0);
      assert.equal((await upload(app, coordinator, file.id, {}, PDF)).json().versions[0].scanStatus, 'clean');
    });
  });
}
