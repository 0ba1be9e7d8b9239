// Tries every role on every API endpoint. A new endpoint without a row here fails the coverage test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, validPatient, type Caller, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';

// `referent`: a coordinator of the same DAC who is also its identity referent; allowed wherever `coordinator` is, plus identity review.
type Who = 'coordinator' | 'referent' | 'teamMember' | 'outsider' | 'otherCoordinator' | 'structureAdmin' | 'regionalViewer' | 'platformAdmin' | 'anonymous';
const EVERYONE: Who[] = ['coordinator', 'referent', 'teamMember', 'outsider', 'otherCoordinator', 'structureAdmin', 'regionalViewer', 'platformAdmin', 'anonymous'];
const NO_ID = '0190d5e4-0000-7000-8000-000000000000';
type Ids = { patientId: string; fileId: string; memberId: string; memberVersion: number; tokenIds: Map<Who, string>; territoryId: string };
type Row = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; path: (ids: Ids, who: Who) => string; body?: (ids: Ids) => unknown; allowed: Who[] };

const ALL_PEOPLE = EVERYONE.filter((w) => w !== 'anonymous');
const FIELD: Who[] = ['coordinator', 'teamMember', 'outsider', 'otherCoordinator', 'structureAdmin'];
const READERS: Who[] = ['coordinator', 'teamMember', 'structureAdmin'];

let n = 0;
const freshPatient = () => ({ ...validPatient, givenName: `Matrice${String.fromCharCode(97 + (n++ % 26))}` });

function fhirPatient(version: number) {
  return { resourceType: 'Patient', meta: { versionId: String(version) }, name: [{ use: 'official', family: 'MATRICE', given: [`Fhir${String.fromCharCode(97 + (n++ % 26))}`] }], gender: 'female', birthDate: '1950-05-05' };
}

const MATRIX: Row[] = [
  { method: 'GET', url: '/api/health', path: () => '/api/health', allowed: EVERYONE },
  { method: 'GET', url: '/api/auth/me', path: () => '/api/auth/me', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/structures', path: () => '/api/structures', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/tokens', path: () => '/api/tokens', allowed: ALL_PEOPLE },
  { method: 'POST', url: '/api/tokens', path: () => '/api/tokens', body: () => ({ name: 'matrix' }), allowed: ALL_PEOPLE },
  { method: 'DELETE', url: '/api/tokens/:id', path: (ids, who) => `/api/tokens/${ids.tokenIds.get(who) ?? '0190d5e4-0000-7000-8000-000000000000'}`, allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/people', path: () => '/api/people?q=no', allowed: FIELD },
  { method: 'GET', url: '/api/patients', path: () => '/api/patients?q=lem', allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'POST', url: '/api/patients', path: () => '/api/patients', body: freshPatient, allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'GET', url: '/api/patients/:id', path: (ids) => `/api/patients/${ids.patientId}`, allowed: ['coordinator', 'teamMember', 'otherCoordinator', 'structureAdmin'] },
  { method: 'PATCH', url: '/api/patients/:id', path: (ids) => `/api/patients/${ids.patientId}`, body: () => ({ version: 1, phone: '02 41 00 00 00' }), allowed: ['coordinator', 'otherCoordinator'] },
  { method: 'POST', url: '/api/patients/duplicate-candidates', path: () => '/api/patients/duplicate-candidates', body: () => ({ birthName: 'Lemaire', givenName: 'Jeanne', birthDate: '1940-03-12', sex: 'F' }), allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'GET', url: '/api/patients/:id/identity-history', path: (ids) => `/api/patients/${ids.patientId}/identity-history`, allowed: ['coordinator', 'teamMember', 'otherCoordinator', 'structureAdmin'] },
  { method: 'POST', url: '/api/patients/:id/insi-retrieval', path: (ids) => `/api/patients/${ids.patientId}/insi-retrieval`, body: () => ({ version: 999 }), allowed: ['coordinator', 'otherCoordinator'] },
  { method: 'POST', url: '/api/patients/:id/document-check', path: (ids) => `/api/patients/${ids.patientId}/document-check`, body: () => ({ version: 999, document: 'CNI' }), allowed: ['coordinator', 'otherCoordinator'] },
  { method: 'POST', url: '/api/patients/:id/attributes', path: (ids) => `/api/patients/${ids.patientId}/attributes`, body: () => ({ version: 999, attribute: 'DOUT', set: true, reason: 'matrice' }), allowed: ['coordinator', 'otherCoordinator'] },
  { method: 'GET', url: '/api/patients/:id/merges', path: (ids) => `/api/patients/${ids.patientId}/merges`, allowed: ['coordinator', 'teamMember', 'otherCoordinator', 'structureAdmin'] },
  { method: 'POST', url: '/api/patients/:id/merges', path: (ids) => `/api/patients/${ids.patientId}/merges`, body: () => ({ mergedPatientId: NO_ID, reason: 'matrice' }), allowed: ['referent'] },
  { method: 'POST', url: '/api/patient-merges/:id/undo', path: () => `/api/patient-merges/${NO_ID}/undo`, body: () => ({ reason: 'matrice' }), allowed: ['referent'] },
  { method: 'GET', url: '/api/identity/suspicions', path: () => '/api/identity/suspicions', allowed: ['referent'] },
  { method: 'POST', url: '/api/identity/suspicions', path: () => '/api/identity/suspicions', body: (ids) => ({ kind: 'collision', patientId: ids.patientId, note: 'matrice' }), allowed: ['coordinator', 'otherCoordinator'] },
  { method: 'POST', url: '/api/identity/suspicions/:id/dismiss', path: () => `/api/identity/suspicions/${NO_ID}/dismiss`, body: () => ({ reason: 'matrice' }), allowed: ['referent'] },
  { method: 'GET', url: '/api/patients/:id/files', path: (ids) => `/api/patients/${ids.patientId}/files`, allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/files', path: () => '/api/files', allowed: FIELD },
  { method: 'GET', url: '/api/files', path: () => '/api/files?scope=structure', allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'POST', url: '/api/files', path: () => '/api/files', body: (ids) => ({ patientId: ids.patientId }), allowed: ['coordinator', 'otherCoordinator'] },
  { method: 'GET', url: '/api/files/:id', path: (ids) => `/api/files/${ids.fileId}`, allowed: READERS },
  { method: 'PATCH', url: '/api/files/:id', path: (ids) => `/api/files/${ids.fileId}`, body: () => ({ version: 999 }), allowed: ['coordinator'] },
  { method: 'POST', url: '/api/files/:id/team', path: (ids) => `/api/files/${ids.fileId}/team`, body: () => ({ personId: '0190d5e4-0000-7000-8000-000000000000', role: 'nurse' }), allowed: ['coordinator'] },
  { method: 'POST', url: '/api/files/:id/team/:memberId/end', path: (ids) => `/api/files/${ids.fileId}/team/${ids.memberId}/end`, body: () => ({ version: 999 }), allowed: ['coordinator'] },
  { method: 'GET', url: '/api/files/:id/journal', path: (ids) => `/api/files/${ids.fileId}/journal`, allowed: READERS },
  { method: 'POST', url: '/api/files/:id/journal', path: (ids) => `/api/files/${ids.fileId}/journal`, body: () => ({ text: 'Note de la matrice des droits' }), allowed: ['coordinator', 'teamMember'] },
  { method: 'GET', url: '/api/files/:id/timeline', path: (ids) => `/api/files/${ids.fileId}/timeline`, allowed: READERS },
  { method: 'GET', url: '/api/files/:id/access-log', path: (ids) => `/api/files/${ids.fileId}/access-log`, allowed: ['coordinator', 'structureAdmin'] },
  // care-team invitations (files/invitations.test.ts walks a link end to end); an unknown link is 404 to anyone
  { method: 'POST', url: '/api/files/:id/invitations', path: (ids) => `/api/files/${ids.fileId}/invitations`, body: () => ({ givenName: 'Invitée', familyName: `Matrice${n++}`, email: `invitee${n++}@test.trame.fr`, role: 'nurse' }), allowed: ['coordinator'] },
  { method: 'GET', url: '/api/files/:id/invitations', path: (ids) => `/api/files/${ids.fileId}/invitations`, allowed: ['coordinator'] },
  { method: 'POST', url: '/api/files/:id/invitations/:invitationId/resend', path: (ids) => `/api/files/${ids.fileId}/invitations/${NO_ID}/resend`, allowed: ['coordinator'] },
  { method: 'POST', url: '/api/files/:id/invitations/:invitationId/revoke', path: (ids) => `/api/files/${ids.fileId}/invitations/${NO_ID}/revoke`, allowed: ['coordinator'] },
  { method: 'GET', url: '/api/care-teams/mine', path: () => '/api/care-teams/mine', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/invitations/:token', path: () => `/api/invitations/${'A'.repeat(43)}`, allowed: EVERYONE },
  { method: 'POST', url: '/api/invitations/:token/open', path: () => `/api/invitations/${'A'.repeat(43)}/open`, allowed: EVERYONE },
  { method: 'POST', url: '/api/invitations/:token/account', path: () => `/api/invitations/${'A'.repeat(43)}/account`, body: () => ({ password: 'a-long-password-1' }), allowed: EVERYONE },
  // the other DAC opened its own file for this patient (POST /api/files above): it reads the team of that file
  { method: 'GET', url: '/fhir/R4/CareTeam/:id', path: (ids) => `/fhir/R4/CareTeam/${ids.patientId}`, allowed: [...READERS, 'otherCoordinator'] },
  // the search is filtered file by file: everyone who could be in a team may ask
  { method: 'GET', url: '/fhir/R4/CareTeam', path: (ids) => `/fhir/R4/CareTeam?patient=${ids.patientId}`, allowed: ALL_PEOPLE.filter((w) => w !== 'regionalViewer') },
  { method: 'GET', url: '/fhir/R4/Patient/:id', path: (ids) => `/fhir/R4/Patient/${ids.patientId}`, allowed: ['coordinator', 'teamMember', 'otherCoordinator', 'structureAdmin'] },
  { method: 'GET', url: '/fhir/R4/Patient', path: () => '/fhir/R4/Patient?family=lem', allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'POST', url: '/fhir/R4/Patient', path: () => '/fhir/R4/Patient', body: () => fhirPatient(1), allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'PUT', url: '/fhir/R4/Patient/:id', path: (ids) => `/fhir/R4/Patient/${ids.patientId}`, body: (ids) => ({ ...fhirPatient(999), id: ids.patientId }), allowed: ['coordinator', 'otherCoordinator'] },
  { method: 'GET', url: '/fhir/R4/Practitioner/:id', path: () => `/fhir/R4/Practitioner/${NO_ID}`, allowed: ALL_PEOPLE },
  { method: 'GET', url: '/fhir/R4/Practitioner', path: () => '/fhir/R4/Practitioner?family=mer', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/fhir/R4/PractitionerRole/:id', path: () => `/fhir/R4/PractitionerRole/${NO_ID}`, allowed: ALL_PEOPLE },
  { method: 'GET', url: '/fhir/R4/PractitionerRole', path: () => `/fhir/R4/PractitionerRole?practitioner=Practitioner/${NO_ID}`, allowed: ALL_PEOPLE },
  { method: 'GET', url: '/fhir/R4/Organization/:id', path: () => `/fhir/R4/Organization/${NO_ID}`, allowed: ALL_PEOPLE },
  { method: 'GET', url: '/fhir/R4/Organization', path: () => '/fhir/R4/Organization?name=ehpad', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/fhir/R4/HealthcareService/:id', path: () => `/fhir/R4/HealthcareService/${NO_ID}`, allowed: ALL_PEOPLE },
  { method: 'GET', url: '/fhir/R4/HealthcareService', path: () => '/fhir/R4/HealthcareService?service-category=smr', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/communes', path: () => '/api/communes?q=angers', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/communes/groups', path: () => '/api/communes/groups', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/communes/groups/:kind/:code', path: () => '/api/communes/groups/arrondissement/491', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/territories', path: () => '/api/territories', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/territories/:id', path: (ids) => `/api/territories/${ids.territoryId}`, allowed: ALL_PEOPLE },
  // A territory of no structure: only a platform admin manages it (a structure admin's own: territories/routes.test.ts).
  { method: 'POST', url: '/api/territories', path: () => '/api/territories', body: () => ({ name: `Territoire ${n++}`, kind: 'other', structureId: null, communes: ['49007'] }), allowed: ['platformAdmin'] },
  { method: 'PATCH', url: '/api/territories/:id', path: (ids) => `/api/territories/${ids.territoryId}`, body: () => ({ version: 999 }), allowed: ['platformAdmin'] },
  { method: 'GET', url: '/api/directory/professionals', path: () => '/api/directory/professionals?q=mer', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/directory/professionals/:id', path: () => `/api/directory/professionals/${NO_ID}`, allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/directory/organizations', path: () => '/api/directory/organizations?q=ehpad', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/directory/organizations/:id', path: () => `/api/directory/organizations/${NO_ID}`, allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/directory/organizations/:id/professionals', path: () => `/api/directory/organizations/${NO_ID}/professionals`, allowed: ALL_PEOPLE },
  { method: 'PATCH', url: '/api/directory/organizations/:id', path: () => `/api/directory/organizations/${NO_ID}`, body: () => ({ structureId: null }), allowed: ['platformAdmin'] },
  { method: 'GET', url: '/api/directory/status', path: () => '/api/directory/status', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/directory/imports', path: () => '/api/directory/imports', allowed: ['platformAdmin'] },
  { method: 'GET', url: '/api/directory/imports/:id', path: () => `/api/directory/imports/${NO_ID}`, allowed: ['platformAdmin'] },
  // JSON instead of the raw file: refused with 400 once past the gate, so no run starts here
  { method: 'POST', url: '/api/directory/imports', path: () => '/api/directory/imports?kind=rpps&fileName=matrice.txt', allowed: ['platformAdmin'] },
  { method: 'GET', url: '/api/orientation/offers', path: () => '/api/orientation/offers', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/orientation/offers/:id', path: () => `/api/orientation/offers/${NO_ID}`, allowed: ALL_PEOPLE },
  // an unknown establishment: 400 once past the gate (its own staff: orientation/routes.test.ts)
  { method: 'POST', url: '/api/orientation/offers', path: () => '/api/orientation/offers', body: () => ({ organizationId: NO_ID, name: 'Matrice', careKind: 'smr', specialties: [], ageMin: null, ageMax: null, conditions: [], capacity: null, freePlaces: null, servedCommunes: [], contactPhone: null, contactEmail: null, contactMssante: null, openingHours: [], description: null, active: true }), allowed: ['coordinator', 'otherCoordinator', 'structureAdmin', 'platformAdmin'] },
  { method: 'PATCH', url: '/api/orientation/offers/:id', path: () => `/api/orientation/offers/${NO_ID}`, body: () => ({ version: 1, freePlaces: 1 }), allowed: ['coordinator', 'otherCoordinator', 'structureAdmin', 'platformAdmin'] },
  { method: 'GET', url: '/api/orientation/search', path: () => '/api/orientation/search?careKind=smr&commune=49007', allowed: FIELD },
  { method: 'GET', url: '/api/orientation/completeness', path: () => '/api/orientation/completeness', allowed: ALL_PEOPLE },
  { method: 'GET', url: '/api/files/:id/orientation-requests', path: (ids) => `/api/files/${ids.fileId}/orientation-requests`, allowed: READERS },
  { method: 'POST', url: '/api/files/:id/orientation-requests', path: (ids) => `/api/files/${ids.fileId}/orientation-requests`, body: () => ({ offerId: NO_ID, message: 'Matrice' }), allowed: ['coordinator', 'teamMember'] },
  { method: 'GET', url: '/api/orientation/requests/incoming', path: () => '/api/orientation/requests/incoming', allowed: FIELD },
  // the service decides between the target's staff and the requester (orientation/routes.test.ts)
  { method: 'POST', url: '/api/orientation/requests/:id/answer', path: () => `/api/orientation/requests/${NO_ID}/answer`, body: () => ({ version: 1, status: 'accepted' }), allowed: ALL_PEOPLE },
  { method: 'POST', url: '/api/orientation/requests/:id/cancel', path: () => `/api/orientation/requests/${NO_ID}/cancel`, body: () => ({ version: 1 }), allowed: [...FIELD, 'platformAdmin'] },
  { method: 'GET', url: '/api/files/:id/consents', path: (ids) => `/api/files/${ids.fileId}/consents`, allowed: READERS },
  { method: 'POST', url: '/api/files/:id/consents', path: (ids) => `/api/files/${ids.fileId}/consents`, body: () => ({ kind: 'information', collectedAt: '2026-01-01T00:00:00Z', channel: 'oral' }), allowed: ['coordinator'] },
  // an unknown consent is a 404 to every coordinator; the holding structure's check is in consents/routes.test.ts
  { method: 'POST', url: '/api/consents/:id/withdraw', path: () => `/api/consents/${NO_ID}/withdraw`, body: () => ({ version: 1 }), allowed: ['coordinator', 'otherCoordinator'] },
  // the search is filtered file by file (consents/routes.test.ts): everyone who could be in a team may ask
  { method: 'GET', url: '/fhir/R4/Consent', path: (ids) => `/fhir/R4/Consent?patient=${ids.patientId}`, allowed: ALL_PEOPLE.filter((w) => w !== 'regionalViewer') },
  { method: 'GET', url: '/fhir/R4/Consent/:id', path: () => `/fhir/R4/Consent/${NO_ID}`, allowed: ALL_PEOPLE.filter((w) => w !== 'regionalViewer') },
  { method: 'POST', url: '/api/referrals', path: () => '/api/referrals', body: () => ({ structureId: NO_ID, person: { givenName: 'Jeanne', familyName: 'Matrice' }, situation: 'Matrice', criteria: [], urgency: 'not_urgent', consentToContact: true }), allowed: FIELD },
  { method: 'GET', url: '/api/referrals', path: () => '/api/referrals?scope=queue', allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'GET', url: '/api/referrals', path: () => '/api/referrals?scope=mine', allowed: FIELD },
  // an unknown request is a 404 to everyone; who may read one is in referrals/routes.test.ts
  { method: 'GET', url: '/api/referrals/:id', path: () => `/api/referrals/${NO_ID}`, allowed: ALL_PEOPLE },
  { method: 'POST', url: '/api/referrals/:id/add-info', path: () => `/api/referrals/${NO_ID}/add-info`, body: () => ({ version: 1, message: 'matrice' }), allowed: ALL_PEOPLE },
  { method: 'POST', url: '/api/referrals/:id/assign', path: () => `/api/referrals/${NO_ID}/assign`, body: () => ({ version: 1, assigneeId: NO_ID }), allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'POST', url: '/api/referrals/:id/request-info', path: () => `/api/referrals/${NO_ID}/request-info`, body: () => ({ version: 1, message: 'matrice' }), allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'POST', url: '/api/referrals/:id/accept', path: () => `/api/referrals/${NO_ID}/accept`, body: () => ({ version: 1, patientId: NO_ID, mission: 'complex_path' }), allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'POST', url: '/api/referrals/:id/redirect', path: () => `/api/referrals/${NO_ID}/redirect`, body: () => ({ version: 1, name: 'CCAS', message: 'matrice' }), allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'POST', url: '/api/referrals/:id/close', path: () => `/api/referrals/${NO_ID}/close`, body: () => ({ version: 1, reason: 'other', message: 'matrice' }), allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'GET', url: '/api/public/referral-form', path: () => '/api/public/referral-form', allowed: EVERYONE },
  // a forged form token: 400 (then 429 past the rate limit) to anyone, never 401/403
  { method: 'POST', url: '/api/public/referrals', path: () => '/api/public/referrals', body: () => ({ structureId: NO_ID, person: { givenName: 'Jeanne', familyName: 'Matrice' }, situation: 'Matrice', criteria: [], urgency: 'not_urgent', consentToContact: true, requesterCategory: 'relative', requesterName: 'Matrice', requesterPhone: '0600000000', formToken: '1.forged' }), allowed: EVERYONE },
  { method: 'GET', url: '/api/public/referrals/status', path: () => '/api/public/referrals/status?code=AAAA-BBBB-CCCC', allowed: EVERYONE },
  { method: 'GET', url: '/api/files/:id/tasks', path: (ids) => `/api/files/${ids.fileId}/tasks`, allowed: READERS },
  { method: 'POST', url: '/api/files/:id/tasks', path: (ids) => `/api/files/${ids.fileId}/tasks`, body: () => ({ title: 'Tâche de la matrice' }), allowed: ['coordinator', 'teamMember'] },
  { method: 'GET', url: '/api/tasks', path: () => '/api/tasks', allowed: FIELD },
  // an unknown task is a 404 to everyone; who may change one is in tasks/routes.test.ts
  { method: 'GET', url: '/api/tasks/:id', path: () => `/api/tasks/${NO_ID}`, allowed: ALL_PEOPLE },
  { method: 'PATCH', url: '/api/tasks/:id', path: () => `/api/tasks/${NO_ID}`, body: () => ({ version: 1, status: 'done' }), allowed: ALL_PEOPLE },
  { method: 'POST', url: '/api/tasks/:id/comments', path: () => `/api/tasks/${NO_ID}/comments`, body: () => ({ text: 'matrice' }), allowed: ALL_PEOPLE },
  { method: 'GET', url: '/fhir/R4/Task', path: (ids) => `/fhir/R4/Task?patient=${ids.patientId}`, allowed: ALL_PEOPLE.filter((w) => w !== 'regionalViewer') },
  { method: 'GET', url: '/fhir/R4/Task/:id', path: () => `/fhir/R4/Task/${NO_ID}`, allowed: ALL_PEOPLE.filter((w) => w !== 'regionalViewer') },
  { method: 'GET', url: '/api/breakdowns', path: () => '/api/breakdowns', allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'GET', url: '/api/breakdowns/export.csv', path: () => '/api/breakdowns/export.csv', allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'POST', url: '/api/breakdowns', path: () => '/api/breakdowns', body: () => ({ occurredOn: '2026-01-05', kind: 'no_gp', cause: 'other', consequence: 'none_known' }), allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'POST', url: '/api/files/:id/breakdowns', path: (ids) => `/api/files/${ids.fileId}/breakdowns`, body: () => ({ occurredOn: '2026-01-05', kind: 'no_gp', cause: 'other', consequence: 'none_known' }), allowed: ['coordinator', 'structureAdmin'] },
  { method: 'PATCH', url: '/api/breakdowns/:id', path: () => `/api/breakdowns/${NO_ID}`, body: () => ({ version: 1 }), allowed: ['coordinator', 'otherCoordinator', 'structureAdmin'] },
  { method: 'GET', url: '/api/files/:id/documents', path: (ids) => `/api/files/${ids.fileId}/documents`, allowed: READERS },
  // no body: 400 to those who may upload, 403 to the others
  { method: 'POST', url: '/api/files/:id/documents', path: (ids) => `/api/files/${ids.fileId}/documents?title=Matrice&typeCode=11488-4&filename=m.pdf`, allowed: ['coordinator', 'teamMember'] },
  // an unknown document is a 404 to all who could ever read one
  { method: 'GET', url: '/api/documents/:id', path: () => `/api/documents/${NO_ID}`, allowed: ALL_PEOPLE.filter((w) => w !== 'regionalViewer') },
  { method: 'PATCH', url: '/api/documents/:id', path: () => `/api/documents/${NO_ID}`, body: () => ({ version: 1, title: 'x' }), allowed: ALL_PEOPLE.filter((w) => w !== 'regionalViewer') },
  { method: 'DELETE', url: '/api/documents/:id', path: () => `/api/documents/${NO_ID}?version=1`, allowed: ALL_PEOPLE.filter((w) => w !== 'regionalViewer') },
  { method: 'POST', url: '/api/documents/:id/versions', path: () => `/api/documents/${NO_ID}/versions?version=1&filename=m.pdf`, allowed: ALL_PEOPLE.filter((w) => w !== 'regionalViewer') },
  { method: 'GET', url: '/api/documents/:id/versions/:number/content', path: () => `/api/documents/${NO_ID}/versions/1/content`, allowed: ALL_PEOPLE.filter((w) => w !== 'regionalViewer') },
  { method: 'GET', url: '/fhir/R4/DocumentReference', path: (ids) => `/fhir/R4/DocumentReference?patient=${ids.patientId}`, allowed: ALL_PEOPLE.filter((w) => w !== 'regionalViewer') },
  { method: 'GET', url: '/fhir/R4/DocumentReference/:id', path: () => `/fhir/R4/DocumentReference/${NO_ID}`, allowed: ALL_PEOPLE.filter((w) => w !== 'regionalViewer') },
  { method: 'GET', url: '/fhir/R4/Binary/:id', path: () => `/fhir/R4/Binary/${NO_ID}`, allowed: ALL_PEOPLE.filter((w) => w !== 'regionalViewer') },
  // a reader of none of the patient's files gets 404 (files/lifeline.test.ts), never the patient's existence
  { method: 'GET', url: '/api/patients/:id/lifeline', path: (ids) => `/api/patients/${ids.patientId}/lifeline`, allowed: ALL_PEOPLE.filter((w) => w !== 'regionalViewer') },
  { method: 'GET', url: '/api/admin/people', path: () => '/api/admin/people', allowed: ['platformAdmin'] },
  { method: 'POST', url: '/api/admin/people', path: () => '/api/admin/people', body: () => ({ email: `new${n++}@test.trame.fr`, givenName: 'Léo', familyName: 'Neuf', sector: 'health', password: 'a-long-password-1', memberships: [] }), allowed: ['platformAdmin'] },
  { method: 'POST', url: '/api/admin/structures', path: () => '/api/admin/structures', body: () => ({ name: `Structure ${n++}`, kind: 'practice' }), allowed: ['platformAdmin'] },
];

function allowedOf(row: Row): Who[] {
  return row.allowed.includes('coordinator') ? [...row.allowed, 'referent'] : row.allowed;
}

/** Routes whose access is tested elsewhere, with where. */
const TESTED_ELSEWHERE = new Map([
  ['POST /api/auth/login', 'accounts/routes.test.ts'],
  ['POST /api/auth/logout', 'accounts/routes.test.ts'],
  ['POST /api/auth/acting', 'accounts/routes.test.ts'],
  ['POST /api/auth/totp/setup', 'accounts/routes.test.ts'],
  ['POST /api/auth/totp/enable', 'accounts/routes.test.ts'],
  ['GET /api/files/:id/live', 'files/live.test.ts'],
  ['GET /api/openapi.json', 'public documentation'],
]);

for (const kind of testDatabaseKinds()) {
  describe(`rights matrix on ${kind}`, () => {
    let app: TestApp;
    const callers = new Map<Who, Caller>();
    let ids: Ids;
    const cleanups: (() => Promise<void>)[] = [];
    after(async () => {
      for (const cleanup of cleanups) await cleanup();
    });

    before(async () => {
      app = await buildTestApp({ after: (fn: () => Promise<void>) => cleanups.push(fn) } as never, kind);
      const dac = await app.makeStructure({ name: 'DAC' });
      const otherDac = await app.makeStructure({ name: 'Autre DAC' });
      const practice = await app.makeStructure({ name: 'Cabinet', kind: 'practice' });
      callers.set('coordinator', await app.makePerson([{ structureId: dac, role: 'coordinator' }]));
      callers.set('referent', await app.makePerson([{ structureId: dac, role: 'coordinator', identityReferent: true }]));
      callers.set('teamMember', await app.makePerson([{ structureId: practice, role: 'professional' }]));
      callers.set('outsider', await app.makePerson([{ structureId: practice, role: 'professional' }]));
      callers.set('otherCoordinator', await app.makePerson([{ structureId: otherDac, role: 'coordinator' }]));
      callers.set('structureAdmin', await app.makePerson([{ structureId: dac, role: 'structure_admin' }]));
      callers.set('regionalViewer', await app.makePerson([{ structureId: dac, role: 'regional_viewer' }]));
      callers.set('platformAdmin', await app.makePerson([{ structureId: dac, role: 'platform_admin' }]));
      const coordinator = callers.get('coordinator')!;
      const patient = (await coordinator.post('/api/patients', validPatient)).json();
      const file = (await coordinator.post('/api/files', { patientId: patient.id })).json();
      const member = (await coordinator.post(`/api/files/${file.id}/team`, { personId: callers.get('teamMember')!.personId, role: 'nurse' })).json();
      const tokenIds = new Map<Who, string>();
      for (const [who, caller] of callers) tokenIds.set(who, (await caller.post('/api/tokens', { name: 'to revoke' })).json().item.id);
      const territory = (await callers.get('platformAdmin')!.post('/api/territories', { name: 'Territoire de la matrice', kind: 'other', structureId: null, communes: ['49007'] })).json();
      ids = { patientId: patient.id, fileId: file.id, memberId: member.id, memberVersion: member.version, tokenIds, territoryId: territory.id };
    });

    test('covers every API route', () => {
      const covered = new Set(MATRIX.map((row) => `${row.method} ${row.url}`));
      const missing = app.app.routeAccessTable
        .map((r) => `${r.method} ${r.url}`)
        .filter((route) => !covered.has(route) && !TESTED_ELSEWHERE.has(route));
      assert.deepEqual(missing, []);
    });

    for (const row of MATRIX) {
      test(`${row.method} ${row.url}`, async () => {
        for (const who of EVERYONE) {
          const caller = callers.get(who);
          const url = row.path(ids, who);
          const body = row.body?.(ids);
          const response = caller && row.method === 'PUT'
            ? await app.app.inject({ method: 'PUT', url, headers: { authorization: `Bearer ${caller.token}` }, payload: body as object })
            : caller
            ? await (row.method === 'GET' ? caller.get(url) : row.method === 'DELETE' ? caller.delete(url) : row.method === 'PATCH' ? caller.patch(url, body) : caller.post(url, body))
            : await app.app.inject({ method: row.method, url, ...(body ? { payload: body as object } : {}) });
          const refusedStatus = who === 'anonymous' ? 401 : 403;
          if (allowedOf(row).includes(who)) {
            assert.ok(![401, 403].includes(response.statusCode), `${who} should pass ${row.method} ${url}, got ${response.statusCode} ${response.body}`);
            assert.ok(response.statusCode < 500, `${who} got ${response.statusCode} on ${row.method} ${url}`);
          } else {
            assert.equal(response.statusCode, refusedStatus, `${who} should be refused on ${row.method} ${url}, got ${response.statusCode}`);
          }
        }
      });
    }
  });
}
