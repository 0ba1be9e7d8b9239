// Pins every API route with its declared access: changing who may call a route shows up in review.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '#src/core/testing/app.ts';

const EXPECTED = `
DELETE /api/documents/:id document.manage
DELETE /api/tokens/:id person
GET /api/admin/people account.manage
GET /api/auth/me second-factor-setup
GET /api/breakdowns breakdown.list
GET /api/breakdowns/export.csv breakdown.list
GET /api/care-teams/mine person
GET /api/communes directory.read
GET /api/communes/groups directory.read
GET /api/communes/groups/:kind/:code directory.read
GET /api/directory/imports directory.import
GET /api/directory/imports/:id directory.import
GET /api/directory/organizations directory.read
GET /api/directory/organizations/:id directory.read
GET /api/directory/organizations/:id/professionals directory.read
GET /api/directory/professionals directory.read
GET /api/directory/professionals/:id directory.read
GET /api/directory/status directory.read
GET /api/documents/:id document.read
GET /api/documents/:id/versions/:number/content document.read
GET /api/files file.list-mine
GET /api/files/:id file.read
GET /api/files/:id/access-log file.read-access-log
GET /api/files/:id/consents consent.read
GET /api/files/:id/documents document.read
GET /api/files/:id/invitations file.manage-team
GET /api/files/:id/journal file.read
GET /api/files/:id/live file.read
GET /api/files/:id/orientation-requests orientation.read
GET /api/files/:id/tasks task.read
GET /api/files/:id/timeline file.read
GET /api/health public
GET /api/identity/suspicions identity.review
GET /api/invitations/:token public
GET /api/openapi.json public
GET /api/orientation/completeness directory.read
GET /api/orientation/offers directory.read
GET /api/orientation/offers/:id directory.read
GET /api/orientation/requests/incoming orientation.list-incoming
GET /api/orientation/search orientation.search
GET /api/patients patient.search
GET /api/patients/:id patient.read
GET /api/patients/:id/files person
GET /api/patients/:id/identity-history patient.read
GET /api/patients/:id/lifeline patient.lifeline
GET /api/patients/:id/merges patient.read
GET /api/people directory.search
GET /api/public/referral-form public
GET /api/public/referrals/status public
GET /api/referrals referral.list-mine
GET /api/referrals/:id person
GET /api/structures person
GET /api/tasks task.list-mine
GET /api/tasks/:id person
GET /api/territories directory.read
GET /api/territories/:id directory.read
GET /api/tokens person
GET /fhir/R4/Binary/:id document.read
GET /fhir/R4/CareTeam file.read
GET /fhir/R4/CareTeam/:id file.read
GET /fhir/R4/Consent consent.read
GET /fhir/R4/Consent/:id consent.read
GET /fhir/R4/DocumentReference document.read
GET /fhir/R4/DocumentReference/:id document.read
GET /fhir/R4/HealthcareService directory.read
GET /fhir/R4/HealthcareService/:id directory.read
GET /fhir/R4/Organization directory.read
GET /fhir/R4/Organization/:id directory.read
GET /fhir/R4/Patient patient.search
GET /fhir/R4/Patient/:id patient.read
GET /fhir/R4/Practitioner directory.read
GET /fhir/R4/Practitioner/:id directory.read
GET /fhir/R4/PractitionerRole directory.read
GET /fhir/R4/PractitionerRole/:id directory.read
GET /fhir/R4/Task task.read
GET /fhir/R4/Task/:id task.read
PATCH /api/breakdowns/:id breakdown.record
PATCH /api/directory/organizations/:id directory.link-structure
PATCH /api/documents/:id document.manage
PATCH /api/files/:id file.update
PATCH /api/orientation/offers/:id offer.manage
PATCH /api/patients/:id patient.update
PATCH /api/tasks/:id person
PATCH /api/territories/:id territory.manage
POST /api/admin/people account.manage
POST /api/admin/structures account.manage
POST /api/auth/acting person
POST /api/auth/login public
POST /api/auth/logout second-factor-setup
POST /api/auth/totp/enable second-factor-setup
POST /api/auth/totp/setup second-factor-setup
POST /api/breakdowns breakdown.record
POST /api/consents/:id/withdraw consent.record
POST /api/directory/imports directory.import
POST /api/documents/:id/versions document.manage
POST /api/files file.open
POST /api/files/:id/breakdowns breakdown.record
POST /api/files/:id/consents consent.record
POST /api/files/:id/documents document.upload
POST /api/files/:id/invitations file.manage-team
POST /api/files/:id/invitations/:invitationId/resend file.manage-team
POST /api/files/:id/invitations/:invitationId/revoke file.manage-team
POST /api/files/:id/journal journal.write
POST /api/files/:id/orientation-requests orientation.request
POST /api/files/:id/tasks task.create
POST /api/files/:id/team file.manage-team
POST /api/files/:id/team/:memberId/end file.manage-team
POST /api/identity/suspicions patient.manage-identity
POST /api/identity/suspicions/:id/dismiss identity.review
POST /api/invitations/:token/account public
POST /api/invitations/:token/open public
POST /api/orientation/offers offer.manage
POST /api/orientation/requests/:id/answer person
POST /api/orientation/requests/:id/cancel orientation.request
POST /api/patient-merges/:id/undo identity.review
POST /api/patients patient.create
POST /api/patients/:id/attributes patient.manage-identity
POST /api/patients/:id/document-check patient.manage-identity
POST /api/patients/:id/insi-retrieval patient.manage-identity
POST /api/patients/:id/merges identity.review
POST /api/patients/duplicate-candidates patient.create
POST /api/public/referrals public
POST /api/referrals referral.submit
POST /api/referrals/:id/accept referral.triage
POST /api/referrals/:id/add-info person
POST /api/referrals/:id/assign referral.triage
POST /api/referrals/:id/close referral.triage
POST /api/referrals/:id/redirect referral.triage
POST /api/referrals/:id/request-info referral.triage
POST /api/tasks/:id/comments person
POST /api/territories territory.manage
POST /api/tokens person
POST /fhir/R4/Patient patient.create
PUT /fhir/R4/Patient/:id patient.update
`.trim();

test('every API route declares the access pinned here', async (t) => {
  const app = await buildTestApp(t, 'pglite');
  const actual = app.app.routeAccessTable
    .map((r) => `${r.method} ${r.url} ${r.access}`)
    .sort()
    .join('\n');
  assert.equal(actual, EXPECTED);
});
