// The patient's CareTeam (ANS « Cercle de soins »): the mapping of members, roles and periods, and the
// routes, which show only the files the caller may read.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, validPatient } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';
import type { PatientCareTeam } from '#src/files/patient-care-team.ts';
import { careTeamToFhir, CDS_CARETEAM_PROFILE, TRE_R259, TRE_R260 } from './care-team-resource.ts';

const patient = { id: '0190d5e4-0000-7000-8000-0000000000aa', birthName: 'Lemaire', usedName: 'Durand', givenName: 'Jeanne', birthDate: '1940-03-12', sex: 'F' as const, communeName: 'Angers', identityStatus: 'PROV' as const };
const person = (id: string, rpps: string | null, structure: { id: string; name: string } | null = null) => ({ id, givenName: 'Élise', familyName: 'Gasnier', profession: 'Médecin', rpps, structure });

test('maps members to participants with the guide’s role codes, RPPS, structure and periods', () => {
  const team: PatientCareTeam = {
    patient,
    files: [{ id: 'f1', status: 'open', structure: { id: 's1', name: 'DAC Anjou' } }],
    members: [
      { id: 'm1', fileId: 'f1', person: person('p1', '99710000011', { id: 's2', name: 'Cabinet Bressigny' }), role: 'attending_gp', periodStart: new Date('2026-01-01T00:00:00Z'), periodEnd: null, active: true },
      { id: 'm2', fileId: 'f1', person: person('p2', null), role: 'caregiver', periodStart: new Date('2025-06-01T00:00:00Z'), periodEnd: null, active: true },
      { id: 'm3', fileId: 'f1', person: person('p3', null), role: 'nurse', periodStart: new Date('2025-01-01T00:00:00Z'), periodEnd: new Date('2025-03-01T00:00:00Z'), active: false },
    ],
  };
  const fhir = careTeamToFhir(team) as Record<string, any>;
  assert.equal(fhir.id, patient.id);
  assert.deepEqual(fhir.meta.profile, [CDS_CARETEAM_PROFILE]);
  assert.equal(fhir.status, 'active');
  assert.equal(fhir.name, 'Cercle de soins de Jeanne DURAND');
  assert.deepEqual(fhir.subject, { reference: `Patient/${patient.id}` });
  assert.equal(fhir.period.start, '2025-01-01T00:00:00.000Z', 'the first membership starts the team');
  const [gp, caregiver, nurse] = fhir.participant;
  assert.deepEqual(gp.role[0].coding[0], { system: TRE_R259, code: 'PCP', display: 'Médecin traitant' });
  assert.deepEqual(gp.member, { type: 'Practitioner', identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '899710000011' }, display: 'Élise Gasnier' });
  assert.deepEqual(gp.onBehalfOf, { type: 'Organization', display: 'Cabinet Bressigny' });
  assert.deepEqual(gp.period, { start: '2026-01-01T00:00:00.000Z' });
  assert.equal(caregiver.member.type, 'RelatedPerson');
  assert.equal(caregiver.role[0].coding[0].code, 'CAREGIVER');
  assert.equal(nurse.role[0].coding[0].system, TRE_R260);
  assert.equal(nurse.role[0].coding[0].code, 'PROV');
  assert.equal(nurse.role[0].text, 'Infirmier·ère');
  assert.equal(nurse.period.end, '2025-03-01T00:00:00.000Z');
  assert.equal(nurse.member.identifier, undefined, 'no RPPS known: no identifier');
  const closed = careTeamToFhir({ ...team, files: [{ ...team.files[0]!, status: 'closed' }] }) as Record<string, any>;
  assert.equal(closed.status, 'inactive');
});

for (const kind of testDatabaseKinds()) {
  describe(`FHIR CareTeam on ${kind}`, () => {
    test('one CareTeam per patient over the files the caller may read; others are refused or get an empty Bundle', async (t) => {
      const app = await buildTestApp(t, kind);
      const dac = await app.makeStructure({ name: 'DAC Anjou' });
      const otherDac = await app.makeStructure({ name: 'DAC Voisin' });
      const practice = await app.makeStructure({ name: 'Cabinet', kind: 'practice' });
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const other = await app.makePerson([{ structureId: otherDac, role: 'coordinator' }]);
      const nurse = await app.makePerson([{ structureId: practice, role: 'professional' }], { givenName: 'Inès', familyName: 'Martin' });
      const outsider = await app.makePerson([{ structureId: practice, role: 'professional' }]);
      const p = (await coordinator.post('/api/patients', validPatient)).json();
      const file = (await coordinator.post('/api/files', { patientId: p.id })).json();
      await coordinator.post(`/api/files/${file.id}/team`, { personId: nurse.personId, role: 'nurse', periodStart: '2026-01-01T00:00:00Z' });
      const otherFile = (await other.post('/api/files', { patientId: p.id })).json();
      assert.ok(otherFile.id);

      const read = await nurse.get(`/fhir/R4/CareTeam/${p.id}`);
      assert.equal(read.statusCode, 200, read.body);
      assert.match(read.headers['content-type'] as string, /application\/fhir\+json/);
      const team = read.json();
      assert.equal(team.resourceType, 'CareTeam');
      assert.equal(team.participant.length, 2, 'the referent and the nurse of the file she is in; not the other DAC’s file');
      assert.deepEqual(team.managingOrganization, [{ type: 'Organization', display: 'DAC Anjou' }]);
      const ines = team.participant.find((x: { member: { display: string } }) => x.member.display === 'Inès Martin');
      assert.equal(ines.onBehalfOf.display, 'Cabinet');
      assert.equal(ines.role[0].coding[1].code, 'nurse');

      const search = (await nurse.get(`/fhir/R4/CareTeam?patient=Patient/${p.id}`)).json();
      assert.equal(search.total, 1);
      assert.equal(search.entry[0].resource.id, p.id);
      assert.equal((await nurse.get(`/fhir/R4/CareTeam?subject=${p.id}`)).json().total, 1);
      assert.equal((await nurse.get('/fhir/R4/CareTeam')).json().total, 0, 'no patient: nothing');

      const refused = await outsider.get(`/fhir/R4/CareTeam/${p.id}`);
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().resourceType, 'OperationOutcome');
      assert.equal((await outsider.get(`/fhir/R4/CareTeam?patient=${p.id}`)).json().total, 0);
      assert.equal((await nurse.get('/fhir/R4/CareTeam/not-an-id')).statusCode, 404);
      assert.equal((await coordinator.get('/fhir/R4/CareTeam/0190d5e4-0000-7000-8000-000000000000')).statusCode, 404);
    });
  });
}
