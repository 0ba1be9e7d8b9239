// One care team per patient (the ANS « Cercle de soins »): the members of every file of the patient
// that the caller may read, with their role and period, history included.
import { appendAudit } from '#src/core/audit/audit.ts';
import { AuditedRefusal, type Ctx } from '#src/core/context.ts';
import { NotFound } from '#src/core/http/errors.ts';
import { findCareTeamPeople, findStructureRefs, type CareTeamPersonRef } from '#src/accounts/service.ts';
import { findPatientSummaries, type PatientSummary } from '#src/patients/service.ts';
import * as repo from './repo.ts';
import { isActiveAt } from './rules.ts';
import { listPatientFiles } from './service.ts';

export type PatientCareTeamMember = {
  id: string;
  fileId: string;
  person: CareTeamPersonRef;
  role: string;
  periodStart: Date;
  periodEnd: Date | null;
  active: boolean;
};

export type PatientCareTeam = {
  patient: PatientSummary;
  files: { id: string; status: string; structure: { id: string; name: string } }[];
  members: PatientCareTeamMember[];
};

/**
 * The patient's care team as the caller may see it: files the caller may not read are left out (as
 * in listPatientFiles); with none left, the read is refused. Right: file.read, file by file.
 */
export async function getPatientCareTeam(ctx: Ctx, patientId: string): Promise<PatientCareTeam> {
  const patient = (await findPatientSummaries(ctx, [patientId])).get(patientId);
  if (!patient) throw new NotFound('careteam.not_found', 'No such patient');
  const files = await listPatientFiles(ctx, patientId);
  // a patient whose files are all out of the caller's reach: refused and audited, as a file read is
  if (files.length === 0) throw new AuditedRefusal('access.file.read', 'Not allowed: file.read', { action: 'careteam.read', outcome: 'denied', patientId, objectType: 'CareTeam', objectId: patientId });
  const teams = await repo.findTeamsOfFiles(ctx.db, files.map((f) => f.id));
  const rows = files.flatMap((f) => teams.get(f.id) ?? []);
  const people = await findCareTeamPeople(ctx, rows.map((r) => r.personId));
  const structures = await findStructureRefs(ctx, files.map((f) => f.structure.id));
  await appendAudit(ctx, { action: 'careteam.read', outcome: 'allowed', patientId, details: { files: files.length } });
  return {
    patient,
    files: files.map((f) => ({ id: f.id, status: f.status, structure: { id: f.structure.id, name: structures.get(f.structure.id)?.name ?? f.structure.name } })),
    members: rows
      .map((row) => ({
        id: row.id,
        fileId: row.fileId,
        person: people.get(row.personId) ?? { id: row.personId, givenName: '?', familyName: '?', profession: null, rpps: null, structure: null },
        role: row.role,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        active: isActiveAt({ start: row.periodStart, end: row.periodEnd }, ctx.now),
      }))
      .sort((a, b) => Number(b.active) - Number(a.active) || a.periodStart.getTime() - b.periodStart.getTime()),
  };
}
