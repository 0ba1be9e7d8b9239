// Care-team invitations end to end over HTTP: the mail reaches a real SMTP server (the SMTP test peer),
// the link opens a session limited to the care team, then the invited professional sets a password.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test, type TestContext } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { systemActor } from '#src/core/auth/actor.ts';
import { buildTestApp, TEST_PASSWORD, validPatient, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';
import { startSmtpTestPeer, type SmtpTestPeer } from '#src/core/testing/smtp-test-peer.ts';
import { createApiTokenFor, createPerson } from '#src/accounts/service.ts';
import { importExtraction } from '#src/directory/service.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../directory/fixtures/${name}`, import.meta.url));
const LINK = /http:\/\/trame\.test\/invitation\/([A-Za-z0-9_-]{43})/;

async function loadDirectory(app: TestApp) {
  const base = { actor: systemActor('test'), now: new Date(), requestId: 'test', clientIp: null };
  await importExtraction(app.database, base, { kind: 'rpps', path: fixture('ps-libreacces-sample.txt'), fileName: 'ps.txt', partial: true });
  await importExtraction(app.database, base, { kind: 'mssante', path: fixture('mssante-sample.txt'), fileName: 'bal.txt', partial: true });
}

async function setUp(t: TestContext, kind: Parameters<typeof buildTestApp>[1], smtp: SmtpTestPeer | null) {
  const app = await buildTestApp(t, kind, { config: { publicUrl: 'http://trame.test', smtpUrl: smtp?.url } });
  await loadDirectory(app);
  const dac = await app.makeStructure({ name: 'DAC Anjou', kind: 'dac' });
  const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }], { givenName: 'Claire', familyName: 'Morel' });
  const patient = (await coordinator.post('/api/patients', validPatient)).json();
  const file = (await coordinator.post('/api/files', { patientId: patient.id })).json();
  const otherPatient = (await coordinator.post('/api/patients', { ...validPatient, givenName: 'Marcel', birthDate: '1938-01-02', sex: 'M' })).json();
  const otherFile = (await coordinator.post('/api/files', { patientId: otherPatient.id })).json();
  const professional = async (rpps: string) => (await coordinator.get(`/api/directory/professionals?q=${rpps}`)).json().items[0];
  return { app, dac, coordinator, patient, file, otherFile, professional };
}

/** A browser holding the session cookie the link set: cookie plus CSRF header, as the web app sends them. */
function browser(app: TestApp, opened: LightMyRequestResponse) {
  const cookie = opened.cookies.find((c) => c.name === 'trame_session')!;
  const csrf = opened.json().csrfToken as string;
  const headers = { cookie: `trame_session=${cookie.value}`, 'x-csrf-token': csrf };
  return {
    cookie,
    get: (url: string) => app.app.inject({ method: 'GET', url, headers }),
    post: (url: string, payload: object = {}) => app.app.inject({ method: 'POST', url, headers, payload }),
  };
}

const publicPost = (app: TestApp, url: string, payload: object = {}) => app.app.inject({ method: 'POST', url, payload });

for (const kind of testDatabaseKinds()) {
  describe(`care-team invitations on ${kind}`, () => {
    test('invites a directory professional without account: mail with the link, a session limited to the team, then a password', async (t) => {
      const smtp = await startSmtpTestPeer();
      t.after(() => smtp.close());
      const { app, coordinator, file, otherFile, professional } = await setUp(t, kind, smtp);
      const gasnier = await professional('99710000011');
      assert.deepEqual(gasnier.mssante, ['elise.gasnier@medecin.mssante.fr']);

      const invited = await coordinator.post(`/api/files/${file.id}/invitations`, { professionalId: gasnier.id, role: 'attending_gp' });
      assert.equal(invited.statusCode, 201, invited.body);
      const answer = invited.json();
      assert.equal(answer.outcome, 'invited');
      assert.equal(answer.invitation.email, 'elise.gasnier@medecin.mssante.fr', 'prefilled with the MSSanté mailbox');
      assert.equal(answer.invitation.mailStatus, 'sent');
      assert.equal(answer.link, null, 'a sent link is not shown');

      const mail = await smtp.next();
      assert.deepEqual(mail.to, ['elise.gasnier@medecin.mssante.fr']);
      assert.match(mail.text, /Claire Morel \(DAC Anjou\) vous invite dans l'équipe de soins d'un patient \(J\. D\.\)/);
      const token = LINK.exec(mail.text)![1]!;

      const view = (await coordinator.get(`/api/files/${file.id}`)).json();
      const member = view.careTeam.find((m: { person: { familyName: string } }) => m.person.familyName === 'GASNIER');
      assert.equal(member.role, 'attending_gp');
      const timeline = (await coordinator.get(`/api/files/${file.id}/timeline`)).json();
      assert.equal(timeline.items[0].type, 'careTeam.memberAdded');
      assert.equal(timeline.items[0].payload.invited, true);

      const preview = await app.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
      assert.equal(preview.statusCode, 200, preview.body);
      assert.equal(preview.json().patientInitials, 'J. D.');
      assert.equal(preview.json().invitedBy.familyName, 'Morel');
      assert.equal(preview.json().structureName, 'DAC Anjou');
      assert.doesNotMatch(preview.body, /Durand|Lemaire/, 'no patient name before the link is opened');

      const opened = await publicPost(app, `/api/invitations/${token}/open`);
      assert.equal(opened.statusCode, 200, opened.body);
      assert.equal(opened.json().fileId, file.id);
      const gp = browser(app, opened);
      assert.ok(gp.cookie.httpOnly);
      const lifetime = new Date(gp.cookie.expires!).getTime() - Date.now();
      assert.ok(lifetime <= 8 * 3_600_000 && lifetime > 7 * 3_600_000, 'the session a link opens lasts 8 hours');

      assert.equal((await gp.get(`/api/files/${file.id}`)).statusCode, 200, 'reads the file');
      const wrote = await gp.post(`/api/files/${file.id}/journal`, { text: 'Vue ce jour, TA stable.', category: 'visit' });
      assert.equal(wrote.statusCode, 201, wrote.body);
      assert.equal((await gp.get(`/api/files/${otherFile.id}`)).statusCode, 403, 'another file');
      assert.equal((await gp.get('/api/patients?q=dur')).statusCode, 403, 'patient search');
      assert.equal((await gp.get('/api/directory/imports')).statusCode, 403, 'directory imports');
      assert.equal((await gp.post(`/api/files/${file.id}/team`, { personId: coordinator.personId, role: 'nurse' })).statusCode, 403, 'managing the team');
      const mine = (await gp.get('/api/care-teams/mine')).json();
      assert.equal(mine.needsPassword, true);
      assert.deepEqual(mine.files.map((f: { fileId: string }) => f.fileId), [file.id]);

      const invitations = (await coordinator.get(`/api/files/${file.id}/invitations`)).json().items;
      assert.ok(invitations[0].firstUsedAt, 'first use recorded');

      const short = await publicPost(app, `/api/invitations/${token}/account`, { password: 'court' });
      assert.equal(short.statusCode, 400);
      assert.ok(short.json().error.details.fields.password);
      const account = await publicPost(app, `/api/invitations/${token}/account`, { password: TEST_PASSWORD });
      assert.equal(account.statusCode, 200, account.body);
      assert.equal((await publicPost(app, `/api/invitations/${token}/open`)).json().error.code, 'invitations.used', 'the link has done its job');

      const login = await publicPost(app, '/api/auth/login', { email: 'elise.gasnier@medecin.mssante.fr', password: TEST_PASSWORD });
      assert.equal(login.statusCode, 200, login.body);
      assert.equal(login.json().me.acting, null, 'no membership: acting through her care teams only');
      const again = browser(app, login);
      assert.equal((await again.get(`/api/files/${file.id}`)).statusCode, 200);
      assert.equal((await again.get('/api/care-teams/mine')).json().needsPassword, false);
      assert.deepEqual((await again.get('/api/care-teams/mine')).json().files.map((f: { fileId: string }) => f.fileId), [file.id]);
    });

    test('re-sending revokes the old link; a revoked or expired link answers 410, an unknown one 404', async (t) => {
      const smtp = await startSmtpTestPeer();
      t.after(() => smtp.close());
      const { app, coordinator, file } = await setUp(t, kind, smtp);
      const first = (await coordinator.post(`/api/files/${file.id}/invitations`, { givenName: 'Hugo', familyName: 'Bellanger', profession: 'Masseur-kinésithérapeute', email: 'hugo.bellanger@example.fr', role: 'physiotherapist' })).json();
      const oldToken = LINK.exec((await smtp.next()).text)![1]!;
      const resent = await coordinator.post(`/api/files/${file.id}/invitations/${first.invitation.id}/resend`);
      assert.equal(resent.statusCode, 200, resent.body);
      const newToken = LINK.exec((await smtp.next()).text)![1]!;
      assert.notEqual(newToken, oldToken);
      const gone = await publicPost(app, `/api/invitations/${oldToken}/open`);
      assert.equal(gone.statusCode, 410);
      assert.equal(gone.json().error.code, 'invitations.revoked');
      assert.equal((await publicPost(app, `/api/invitations/${newToken}/open`)).statusCode, 200);

      // a link whose membership has ended opens nothing
      const member = (await coordinator.get(`/api/files/${file.id}`)).json().careTeam.find((m: { person: { familyName: string } }) => m.person.familyName === 'Bellanger');
      assert.equal((await coordinator.post(`/api/files/${file.id}/team/${member.id}/end`, { version: member.version })).statusCode, 200);
      const ended = await publicPost(app, `/api/invitations/${newToken}/open`);
      assert.equal(ended.statusCode, 410);
      assert.equal(ended.json().error.code, 'invitations.ended');

      const revoked = await coordinator.post(`/api/files/${file.id}/invitations/${resent.json().invitation.id}/revoke`);
      assert.equal(revoked.statusCode, 200, revoked.body);
      assert.equal(revoked.json().state, 'revoked');
      assert.equal((await app.app.inject({ method: 'GET', url: `/api/invitations/${newToken}` })).statusCode, 410);
      assert.equal((await app.app.inject({ method: 'GET', url: `/api/invitations/${'A'.repeat(43)}` })).statusCode, 404);
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/invitations/short' })).statusCode, 400);

      // an expired link: move its expiry into the past, as 14 days would
      const third = (await coordinator.post(`/api/files/${file.id}/invitations`, { givenName: 'Anne', familyName: 'Roux', email: 'anne.roux@example.fr', role: 'nurse' })).json();
      const thirdToken = LINK.exec((await smtp.next()).text)![1]!;
      await app.database.db.execute(`update care_team_invitations set expires_at = now() - interval '1 minute' where id = '${third.invitation.id}'`);
      const expired = await publicPost(app, `/api/invitations/${thirdToken}/open`);
      assert.equal(expired.statusCode, 410);
      assert.equal(expired.json().error.code, 'invitations.expired');
    });

    test('without mail configured the coordinator gets the link once; refused invitations leave nobody in the team', async (t) => {
      const { coordinator, file } = await setUp(t, kind, null);
      const invited = (await coordinator.post(`/api/files/${file.id}/invitations`, { givenName: 'Hugo', familyName: 'Bellanger', email: 'hugo@example.fr', role: 'physiotherapist' })).json();
      assert.equal(invited.invitation.mailStatus, 'not_configured');
      assert.match(invited.link, LINK);
      const listed = (await coordinator.get(`/api/files/${file.id}/invitations`)).json().items;
      assert.equal(listed[0].mailStatus, 'not_configured');
      assert.equal(JSON.stringify(listed).includes(LINK.exec(invited.link)![1]!), false, 'the link is never shown again');

      const taken = await coordinator.post(`/api/files/${file.id}/invitations`, { givenName: 'Autre', familyName: 'Hugo', email: 'hugo@example.fr', role: 'nurse' });
      assert.equal(taken.statusCode, 409, 'e-mail of an existing person');
      const noMail = await coordinator.post(`/api/files/${file.id}/invitations`, { givenName: 'Sans', familyName: 'Adresse', role: 'nurse' });
      assert.equal(noMail.statusCode, 400);
      assert.ok(noMail.json().error.details.fields.email);
      const noName = await coordinator.post(`/api/files/${file.id}/invitations`, { email: 'x@example.fr', role: 'nurse' });
      assert.equal(noName.statusCode, 400);
      assert.ok(noName.json().error.details.fields.familyName);
      const team = (await coordinator.get(`/api/files/${file.id}`)).json().careTeam;
      assert.equal(team.length, 2, 'the referent and Hugo, nobody from the refused attempts');
    });

    test('a directory professional with a Trame account is added directly, with a period; history is kept; an outsider is refused', async (t) => {
      const smtp = await startSmtpTestPeer();
      t.after(() => smtp.close());
      const { app, dac, coordinator, file, professional } = await setUp(t, kind, smtp);
      await app.asSystem((ctx) => createPerson(ctx, { email: 'paul.cesbron@test.fr', givenName: 'Paul', familyName: 'Cesbron', sector: 'health', rpps: '99710000029', password: TEST_PASSWORD, memberships: [] }));
      const cesbron = await professional('99710000029');
      const added = await coordinator.post(`/api/files/${file.id}/invitations`, { professionalId: cesbron.id, role: 'attending_gp', periodStart: '2026-01-01T00:00:00Z', periodEnd: '2026-03-01T00:00:00Z' });
      assert.equal(added.statusCode, 201, added.body);
      assert.equal(added.json().outcome, 'added');
      assert.equal(added.json().member.active, false, 'a past period: history');
      assert.equal(added.json().member.periodEnd, '2026-03-01T00:00:00.000Z');
      assert.equal(smtp.received.length, 0, 'no mail for a person with an account');
      const again = await coordinator.post(`/api/files/${file.id}/invitations`, { professionalId: cesbron.id, role: 'attending_gp' });
      assert.equal(again.json().member.active, true, 'a new period after the ended one');
      assert.equal((await coordinator.get(`/api/files/${file.id}`)).json().careTeam.filter((m: { person: { familyName: string } }) => m.person.familyName === 'Cesbron').length, 2);
      const overlap = await coordinator.post(`/api/files/${file.id}/invitations`, { professionalId: cesbron.id, role: 'attending_gp' });
      assert.equal(overlap.statusCode, 409);
      const bad = await coordinator.post(`/api/files/${file.id}/invitations`, { givenName: 'A', familyName: 'B', email: 'ab@example.fr', role: 'nurse', periodStart: '2026-05-02', periodEnd: '2026-05-01' });
      assert.equal(bad.statusCode, 400);
      // the person is created, then the e-mail clashes: the whole write rolls back, no mail leaves
      const clash = await coordinator.post(`/api/files/${file.id}/invitations`, { givenName: 'Paul', familyName: 'Bis', email: 'paul.cesbron@test.fr', role: 'nurse' });
      assert.equal(clash.statusCode, 409);

      const outsiderDac = await app.makeStructure({ name: 'Autre DAC' });
      const outsider = await app.makePerson([{ structureId: outsiderDac, role: 'coordinator' }]);
      assert.equal((await outsider.post(`/api/files/${file.id}/invitations`, { givenName: 'X', familyName: 'Y', email: 'xy@example.fr', role: 'nurse' })).statusCode, 403);
      assert.equal((await outsider.get(`/api/files/${file.id}/invitations`)).statusCode, 403);
      const token = await app.asSystem((ctx) => createApiTokenFor(ctx, 'paul.cesbron@test.fr', 'test'));
      const asCesbron = await app.app.inject({ method: 'GET', url: `/api/files/${file.id}/invitations`, headers: { authorization: `Bearer ${token}` } });
      assert.equal(asCesbron.statusCode, 403, 'a member does not manage invitations');
      assert.ok(dac);
      assert.equal(smtp.received.length, 0, 'refused or rolled-back invitations send nothing');
    });
  });
}
