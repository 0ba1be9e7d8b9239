// The patient's care team as a FHIR R4 CareTeam of the ANS « Cercle de soins » guide (CDS 2.0.x,
// profile cds-ihe-careteam): one CareTeam per patient, id = the patient's id, gathering the members of
// every file the caller may read. Participant roles come from the guide's value set careteam-roles-vs:
// TRE_R259-HL7ParticipationFunction « PCP » (médecin traitant) and TRE_R260-HL7RoleClass (PROV, AGNT,
// CAREGIVER…); Trame's own, finer role follows as a second coding and as text.
import type { PatientCareTeam, PatientCareTeamMember } from '#src/files/patient-care-team.ts';
import { withoutEmpty, type FhirResource } from './directory-resources.ts';

export const CDS_CARETEAM_PROFILE = 'https://interop.esante.gouv.fr/ig/fhir/cds/StructureDefinition/cds-ihe-careteam';
export const TRE_R259 = 'https://mos.esante.gouv.fr/NOS/TRE_R259-HL7ParticipationFunction/FHIR/TRE-R259-HL7ParticipationFunction';
export const TRE_R260 = 'https://mos.esante.gouv.fr/NOS/TRE_R260-HL7RoleClass/FHIR/TRE-R260-HL7RoleClass';
export const TRAME_ROLE_SYSTEM = 'urn:trame:care-team-role';
export const TRAME_CARETEAM_SYSTEM = 'urn:trame:careteam';
const RPPS_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.1';

const PCP = { system: TRE_R259, code: 'PCP', display: 'Médecin traitant' };
const PROV = { system: TRE_R260, code: 'PROV', display: 'Professionnel de santé' };
const AGNT = { system: TRE_R260, code: 'AGNT', display: 'Professionnel caractérisé par son rôle' };
const CAREGIVER = { system: TRE_R260, code: 'CAREGIVER', display: 'Aidant' };

/** Trame's care-team role, in French, and its code in the guide's value set. */
export const ROLE_CODES: Record<string, { label: string; coding: { system: string; code: string; display: string } }> = {
  attending_gp: { label: 'Médecin traitant', coding: PCP },
  nurse: { label: 'Infirmier·ère', coding: PROV },
  pharmacist: { label: 'Pharmacien·ne', coding: PROV },
  physiotherapist: { label: 'Masseur-kinésithérapeute', coding: PROV },
  specialist: { label: 'Médecin spécialiste', coding: PROV },
  hospital: { label: 'Service hospitalier', coding: PROV },
  home_care: { label: 'Aide et soins à domicile', coding: PROV },
  social_worker: { label: 'Travailleur·se social·e', coding: AGNT },
  coordinator: { label: 'Coordination', coding: AGNT },
  caregiver: { label: 'Aidant', coding: CAREGIVER },
  other: { label: 'Autre intervenant', coding: AGNT },
};

function memberOf(member: PatientCareTeamMember) {
  const { person } = member;
  const display = `${person.givenName} ${person.familyName}`;
  // a caregiver is a relative, not a professional: no RPPS, a RelatedPerson of the guide
  if (member.role === 'caregiver') return { type: 'RelatedPerson', display };
  return {
    type: 'Practitioner',
    identifier: person.rpps ? { system: RPPS_SYSTEM, value: `8${person.rpps}` } : undefined,
    display,
  };
}

function participantOf(member: PatientCareTeamMember) {
  const role = ROLE_CODES[member.role] ?? ROLE_CODES.other!;
  return {
    id: member.id,
    role: [{ coding: [role.coding, { system: TRAME_ROLE_SYSTEM, code: member.role, display: role.label }], text: role.label }],
    member: memberOf(member),
    onBehalfOf: member.person.structure ? { type: 'Organization', display: member.person.structure.name } : undefined,
    period: { start: member.periodStart.toISOString(), end: member.periodEnd?.toISOString() },
  };
}

export function careTeamToFhir(team: PatientCareTeam): FhirResource {
  const { patient } = team;
  const starts = team.members.map((m) => m.periodStart.getTime());
  const active = team.members.some((m) => m.active) && team.files.some((f) => f.status !== 'closed');
  return withoutEmpty({
    resourceType: 'CareTeam',
    id: patient.id,
    meta: { profile: [CDS_CARETEAM_PROFILE] },
    identifier: [{ system: TRAME_CARETEAM_SYSTEM, value: patient.id }],
    status: active ? 'active' : 'inactive',
    name: `Cercle de soins de ${patient.givenName} ${(patient.usedName ?? patient.birthName).toUpperCase()}`,
    subject: { reference: `Patient/${patient.id}` },
    period: starts.length > 0 ? { start: new Date(Math.min(...starts)).toISOString() } : undefined,
    participant: team.members.map(participantOf),
    managingOrganization: team.files.map((f) => ({ type: 'Organization', display: f.structure.name })),
  }) as FhirResource;
}
