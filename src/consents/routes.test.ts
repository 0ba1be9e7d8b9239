// The legal test cases of /shared/domain/rules.md §5, through the API: care team reads, an outsider
// is refused, a consent opens what it covers and nothing more, a withdrawal closes it at once, an
// objection refuses the team too while the holding structure keeps the file.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, validPatient, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';

async function region(app: TestApp) {
  const dac = await app.makeStructure({ name: 'DAC Anjou', kind: 'dac' });
  const housing = await app.makeStructure({ name: 'Service logement', kind: 'social_service' });
  const other = await app.makeStructure({ name: 'Cabinet', kind: 'practice' });
  const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
  const nurse = await app.makePerson([{ structureId: other, role: 'professional' }], { givenName: 'Inès', familyName: 'Martin' });
  const socialWorker = await app.makePerson([{ structureId: housing, role: 'professional' }], { givenName: 'Lise', familyName: 'Robin' });
  const patient = (await coordinator.post('/api/patients', validPatient)).json();
  const file = (await coordinator.post('/api/files', { patientId: patient.id })).json();
  await coordinator.post(`/api/files/${file.id}/team`, { personId: nurse.personId, role: 'nurse' });
  await coordinator.post(`/api/files/${file.id}/journal`, { text: 'Visite à domicile : chute sans gravité.', category: 'visit' });
  return { dac, housing, coordinator, nurse, socialWorker, file };
}

const past = () => new Date(Date.now() - 60_000).toISOString();

for (const kind of testDatabaseKinds()) {
  describe(`consents on ${kind}`, () => {
    test('a consent opens the file to a structure outside the team, for what it covers, until withdrawn', async (t) => {
      const app = await buildTestApp(t, kind);
      const { housing, coordinator, nurse, socialWorker, file } = await region(app);
      assert.equal((await nurse.get(`/api/files/${file.id}`)).statusCode, 200, 'the care team reads without consent');
      assert.equal((await socialWorker.get(`/api/files/${file.id}`)).statusCode, 403, 'outside the team, no consent: refused');

      const recorded = await coordinator.post(`/api/files/${file.id}/consents`, {
        kind: 'sharing', recipientStructureId: housing, categories: ['tasks'], collectedAt: past(), channel: 'oral', comment: 'Accord pour le logement, pas les antécédents psychiatriques',
      });
      assert.equal(recorded.statusCode, 201, recorded.body);
      assert.deepEqual(recorded.json().categories.sort(), ['file', 'tasks']);

      const shared = await socialWorker.get(`/api/files/${file.id}`);
      assert.equal(shared.statusCode, 200, shared.body);
      assert.equal(shared.json().access.via, 'consent');
      assert.deepEqual(shared.json().journal, [], 'the journal is not covered: not shown');
      assert.equal((await socialWorker.get(`/api/files/${file.id}/journal`)).statusCode, 403, 'nor readable on its own');
      assert.equal((await socialWorker.post(`/api/files/${file.id}/journal`, { text: 'Essai' })).statusCode, 403, 'a consent never lets one write');
      const timeline = (await socialWorker.get(`/api/files/${file.id}/timeline`)).json();
      assert.ok(timeline.items.length > 0 && !timeline.items.some((i: { type: string }) => i.type.startsWith('journal.')), 'no journal event through a consent without the journal');
      const lifeline = (await socialWorker.get(`/api/patients/${shared.json().patient.id}/lifeline`)).json();
      assert.ok(lifeline.items.length > 0 && !lifeline.items.some((i: { type: string }) => i.type.startsWith('journal.')));

      const consent = recorded.json();
      const withdrawn = await coordinator.post(`/api/consents/${consent.id}/withdraw`, { version: consent.version });
      assert.equal(withdrawn.statusCode, 200, withdrawn.body);
      assert.equal(withdrawn.json().active, false);
      assert.equal((await socialWorker.get(`/api/files/${file.id}`)).statusCode, 403, 'the withdrawal takes effect at once');
      assert.equal((await coordinator.post(`/api/consents/${consent.id}/withdraw`, { version: consent.version })).statusCode, 409);
    });

    test('a consent covering the journal shows it; one to a person covers that person only', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, socialWorker, file } = await region(app);
      const colleague = await app.makePerson([{ structureId: (await app.makeStructure({ name: 'Autre', kind: 'social_service' })), role: 'professional' }]);
      await coordinator.post(`/api/files/${file.id}/consents`, { kind: 'sharing', recipientPersonId: socialWorker.personId, categories: ['journal'], collectedAt: past(), channel: 'electronic' });
      const view = (await socialWorker.get(`/api/files/${file.id}`)).json();
      assert.equal(view.journal[0].text, 'Visite à domicile : chute sans gravité.');
      assert.equal((await colleague.get(`/api/files/${file.id}`)).statusCode, 403);
    });

    test('an objection refuses the care team and the consented, while the holding structure keeps the file', async (t) => {
      const app = await buildTestApp(t, kind);
      const { housing, coordinator, nurse, socialWorker, file } = await region(app);
      await coordinator.post(`/api/files/${file.id}/consents`, { kind: 'sharing', recipientStructureId: housing, categories: ['tasks'], collectedAt: past(), channel: 'oral' });
      const objection = (await coordinator.post(`/api/files/${file.id}/consents`, { kind: 'opposition', collectedAt: past(), channel: 'oral' })).json();
      assert.equal((await nurse.get(`/api/files/${file.id}`)).statusCode, 403);
      assert.equal((await socialWorker.get(`/api/files/${file.id}`)).statusCode, 403);
      const own = await coordinator.get(`/api/files/${file.id}`);
      assert.equal(own.statusCode, 200);
      assert.equal(own.json().access.opposed, true);
      const summary = (await coordinator.get(`/api/files/${file.id}/consents`)).json();
      assert.equal(summary.opposed, true);
      await coordinator.post(`/api/consents/${objection.id}/withdraw`, { version: objection.version });
      assert.equal((await nurse.get(`/api/files/${file.id}`)).statusCode, 200, 'lifted, the team reads again');
    });

    test('records information, refuses bad input with the field named, and only the holding coordinators record', async (t) => {
      const app = await buildTestApp(t, kind);
      const { coordinator, nurse, file } = await region(app);
      const informed = await coordinator.post(`/api/files/${file.id}/consents`, { kind: 'information', collectedAt: past(), channel: 'oral', comment: 'Notice remise, contact du DPO donné' });
      assert.equal(informed.statusCode, 201, informed.body);
      assert.ok((await coordinator.get(`/api/files/${file.id}/consents`)).json().informedAt);
      const noRecipient = await coordinator.post(`/api/files/${file.id}/consents`, { kind: 'sharing', categories: ['tasks'], collectedAt: past(), channel: 'oral' });
      assert.equal(noRecipient.statusCode, 400);
      assert.ok(noRecipient.json().error.details.fields.recipient);
      const unknown = await coordinator.post(`/api/files/${file.id}/consents`, { kind: 'sharing', recipientPersonId: '0190d5e4-0000-7000-8000-000000000000', categories: ['tasks'], collectedAt: past(), channel: 'oral' });
      assert.equal(unknown.statusCode, 400);
      assert.ok(unknown.json().error.details.fields.recipientPersonId);
      assert.equal((await nurse.post(`/api/files/${file.id}/consents`, { kind: 'information', collectedAt: past(), channel: 'oral' })).statusCode, 403);
      assert.equal((await nurse.get(`/api/files/${file.id}/consents`)).statusCode, 200, 'the team reads what it may share');
    });

    test('serves the consents as FHIR Consent, to those who may read the file only', async (t) => {
      const app = await buildTestApp(t, kind);
      const { housing, coordinator, socialWorker, file, nurse } = await region(app);
      const sharing = (await coordinator.post(`/api/files/${file.id}/consents`, { kind: 'sharing', recipientStructureId: housing, categories: ['tasks'], collectedAt: past(), channel: 'oral' })).json();
      await coordinator.post(`/api/files/${file.id}/consents`, { kind: 'information', collectedAt: past(), channel: 'oral' });
      const bundle = (await nurse.get(`/fhir/R4/Consent?patient=Patient/${sharing.patientId}`)).json();
      assert.equal(bundle.resourceType, 'Bundle');
      assert.equal(bundle.total, 2);
      const resource = bundle.entry.map((e: { resource: Record<string, any> }) => e.resource).find((r: Record<string, any>) => r.id === sharing.id);
      assert.equal(resource.status, 'active');
      assert.equal(resource.provision.type, 'permit');
      assert.equal(resource.provision.actor[0].reference.reference, `Organization/${housing}`);
      assert.deepEqual(resource.provision.class.map((c: { code: string }) => c.code).sort(), ['file', 'tasks']);
      const outsider = await app.makePerson([{ structureId: await app.makeStructure({ name: 'Loin', kind: 'practice' }), role: 'professional' }]);
      assert.equal((await outsider.get(`/fhir/R4/Consent?patient=${sharing.patientId}`)).json().total, 0);
      const hidden = await outsider.get(`/fhir/R4/Consent/${sharing.id}`);
      assert.equal(hidden.statusCode, 404);
      assert.equal(hidden.json().resourceType, 'OperationOutcome');
      assert.equal((await socialWorker.get(`/fhir/R4/Consent/${sharing.id}`)).statusCode, 404, 'a consent covers the file, not the consents register');
    });
  });
}
