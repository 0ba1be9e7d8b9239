import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, validPatient } from '#src/core/testing/app.ts';
import { inTransaction } from '#src/core/context.ts';
import { importFileHistory, type FileHistory } from './import-history.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 9));

test('imports a file history that reads like a real one: team, journal, timeline', async (t) => {
  const app = await buildTestApp(t, 'pglite');
  const dac = await app.makeStructure();
  const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
  const nurse = await app.makePerson([{ structureId: dac, role: 'professional' }]);
  const patient = (await coordinator.post('/api/patients', validPatient)).json();
  const history: FileHistory = {
    structureId: dac,
    patientId: patient.id,
    referentId: coordinator.personId,
    openedAt: day(1),
    closedAt: null,
    closureReason: null,
    careTeam: [
      { personId: coordinator.personId, personName: 'Claire Morel', role: 'coordinator', periodStart: day(1), periodEnd: null },
      { personId: nurse.personId, personName: 'Inès Martin', role: 'nurse', periodStart: day(2), periodEnd: day(20) },
    ],
    journal: [
      { authorId: nurse.personId, authorName: 'Inès Martin', writtenAt: day(5), category: 'visit', text: 'Pansement refait.' },
      { authorId: coordinator.personId, authorName: 'Claire Morel', writtenAt: day(25), category: null, text: 'Point avec la famille.' },
    ],
  };
  const fileId = await app.asSystem((ctx) => importFileHistory(ctx, history));
  const view = (await coordinator.get(`/api/files/${fileId}`)).json();
  assert.deepEqual(view.journal.map((e: { text: string }) => e.text), ['Point avec la famille.', 'Pansement refait.']);
  assert.equal(view.careTeam.find((m: { role: string }) => m.role === 'nurse').active, false);
  const timeline = (await coordinator.get(`/api/files/${fileId}/timeline`)).json();
  assert.deepEqual(timeline.items.map((i: { type: string }) => i.type), [
    'journal.entryWritten', 'careTeam.memberEnded', 'journal.entryWritten', 'careTeam.memberAdded', 'careTeam.memberAdded', 'file.opened',
  ]);
  assert.equal((await nurse.get(`/api/files/${fileId}`)).statusCode, 403, 'the nurse left the team on day 20');

  const outsider = { ...history, journal: [{ ...history.journal[0]!, writtenAt: day(22) }] };
  await assert.rejects(app.asSystem((ctx) => importFileHistory(ctx, outsider)), { code: 'files.import_author_outside_team' });
  const asPerson = { actor: { kind: 'person' as const, personId: coordinator.personId, displayName: 'x', acting: null, memberships: [] }, now: new Date(), requestId: 't', clientIp: null };
  await assert.rejects(inTransaction(app.database, asPerson, (ctx) => importFileHistory(ctx, history)), { status: 403 });
});
