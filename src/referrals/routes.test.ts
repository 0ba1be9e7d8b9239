// Requests for support through the API: a GP sends one, the DAC triages it (assigns, asks, accepts
// into a new file or the patient's open one, redirects, closes), the public form with its guards.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, validPatient, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';
import { issueFormToken } from './service.ts';

async function region(app: TestApp) {
  const dac = await app.makeStructure({ name: 'DAC Anjou', kind: 'dac' });
  const otherDac = await app.makeStructure({ name: 'DAC Voisin', kind: 'dac' });
  const practice = await app.makeStructure({ name: 'MSP des Justices', kind: 'practice' });
  const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }], { givenName: 'Claire', familyName: 'Morel' });
  const otherCoordinator = await app.makePerson([{ structureId: otherDac, role: 'coordinator' }]);
  const gp = await app.makePerson([{ structureId: practice, role: 'professional' }], { givenName: 'Antoine', familyName: 'Mercier' });
  return { dac, practice, coordinator, otherCoordinator, gp };
}

const jeanne = {
  person: { givenName: 'Jeanne', familyName: 'Lemaire', birthDate: '1940-03-12', communeInsee: '49007' },
  situation: 'Deuxième chute en un mois, vit seule, plaintes mnésiques, fille à 300 km.',
  criteria: ['isolation', 'falls', 'memory_complaints', 'caregiver_exhausted_or_far'],
  urgency: 'within_week',
  consentToContact: true,
};

for (const kind of testDatabaseKinds()) {
  describe(`referrals on ${kind}`, () => {
    test('a GP sends a request; the DAC assigns it, asks, hears back, accepts it into a new file; the GP sees the outcome', async (t) => {
      const app = await buildTestApp(t, kind);
      const { dac, coordinator, gp } = await region(app);
      const sent = await gp.post('/api/referrals', { ...jeanne, structureId: dac, requesterCategory: 'gp' });
      assert.equal(sent.statusCode, 201, sent.body);
      let referral = sent.json();
      assert.equal(referral.status, 'received');
      assert.equal(referral.requesterName, 'Antoine Mercier');
      assert.equal(referral.channel, 'app');

      const queue = (await coordinator.get('/api/referrals?scope=queue')).json();
      assert.deepEqual(queue.items.map((r: { id: string }) => r.id), [referral.id]);
      assert.equal(typeof queue.items[0].waitingMinutes, 'number');

      referral = (await coordinator.post(`/api/referrals/${referral.id}/assign`, { version: referral.version, assigneeId: coordinator.personId })).json();
      assert.equal(referral.assignee.id, coordinator.personId);
      assert.equal(referral.firstResponseMinutes, null, 'assigning is not answering');
      referral = (await coordinator.post(`/api/referrals/${referral.id}/request-info`, { version: referral.version, message: 'Qui est son infirmière ?' })).json();
      assert.equal(referral.status, 'info_requested');
      assert.equal(referral.firstResponseMinutes, 0);
      referral = (await gp.post(`/api/referrals/${referral.id}/add-info`, { version: referral.version, message: 'Mme Pereira, cabinet infirmier.' })).json();
      assert.equal(referral.status, 'received');

      const patient = (await coordinator.post('/api/patients', validPatient)).json();
      const accepted = await coordinator.post(`/api/referrals/${referral.id}/accept`, { version: referral.version, patientId: patient.id, mission: 'complex_path', supportLevel: 'soutenu', message: 'Nous prenons contact avec Mme Lemaire cette semaine.' });
      assert.equal(accepted.statusCode, 200, accepted.body);
      referral = accepted.json();
      assert.equal(referral.status, 'accepted');
      assert.ok(referral.fileId);
      assert.deepEqual(referral.steps.map((s: { kind: string }) => s.kind), ['submitted', 'assigned', 'info_requested', 'info_added', 'accepted']);

      const file = (await coordinator.get(`/api/files/${referral.fileId}`)).json();
      assert.equal(file.referralId, referral.id);
      assert.equal(file.mission, 'complex_path');
      assert.equal(file.supportLevel, 'soutenu');
      const timeline = (await coordinator.get(`/api/files/${referral.fileId}/timeline`)).json();
      assert.ok(timeline.items.some((i: { type: string }) => i.type === 'referral.accepted'));

      const mine = (await gp.get('/api/referrals?scope=mine')).json();
      assert.equal(mine.items[0].status, 'accepted');
      const seen = (await gp.get(`/api/referrals/${referral.id}`)).json();
      assert.equal(seen.outcomeMessage, 'Nous prenons contact avec Mme Lemaire cette semaine.');
      assert.equal(seen.permissions.canTriage, false);

      assert.equal((await coordinator.post(`/api/referrals/${referral.id}/close`, { version: referral.version, reason: 'other', message: 'x' })).statusCode, 409, 'decided: no more moves');
    });

    test('a request for a patient already followed joins the open file', async (t) => {
      const app = await buildTestApp(t, kind);
      const { dac, coordinator, gp } = await region(app);
      const patient = (await coordinator.post('/api/patients', validPatient)).json();
      const file = (await coordinator.post('/api/files', { patientId: patient.id })).json();
      const referral = (await gp.post('/api/referrals', { ...jeanne, structureId: dac })).json();
      const accepted = (await coordinator.post(`/api/referrals/${referral.id}/accept`, { version: referral.version, patientId: patient.id, mission: 'complex_path' })).json();
      assert.equal(accepted.fileId, file.id);
    });

    test('redirects and closes with what the requester is told; refuses stale versions and strangers', async (t) => {
      const app = await buildTestApp(t, kind);
      const { dac, coordinator, otherCoordinator, gp } = await region(app);
      const one = (await gp.post('/api/referrals', { ...jeanne, structureId: dac })).json();
      const redirected = await coordinator.post(`/api/referrals/${one.id}/redirect`, { version: one.version, name: 'CCAS d’Angers', message: 'Le CCAS vous rappellera.' });
      assert.equal(redirected.statusCode, 200, redirected.body);
      assert.equal(redirected.json().redirectedToName, 'CCAS d’Angers');
      const two = (await gp.post('/api/referrals', { ...jeanne, structureId: dac })).json();
      assert.equal((await coordinator.post(`/api/referrals/${two.id}/close`, { version: two.version + 1, reason: 'not_complex', message: 'x' })).statusCode, 409);
      const closed = (await coordinator.post(`/api/referrals/${two.id}/close`, { version: two.version, reason: 'not_complex', message: 'Situation simple : le médecin traitant suffit.' })).json();
      assert.equal(closed.status, 'closed');
      assert.equal(closed.closureReason, 'not_complex');
      assert.equal((await otherCoordinator.get(`/api/referrals/${two.id}`)).statusCode, 404, 'another DAC does not know it exists');
      assert.equal((await otherCoordinator.post(`/api/referrals/${two.id}/assign`, { version: 1, assigneeId: otherCoordinator.personId })).statusCode, 404);
      assert.equal((await gp.post(`/api/referrals/${two.id}/assign`, { version: 3, assigneeId: gp.personId })).statusCode, 403);
      assert.equal((await otherCoordinator.get('/api/referrals?scope=queue&status=closed')).json().items.length, 0);
      const bad = await gp.post('/api/referrals', { ...jeanne, structureId: dac, urgency: 'yesterday' });
      assert.equal(bad.statusCode, 400);
      const notDac = await gp.post('/api/referrals', { ...jeanne, structureId: (await app.makeStructure({ name: 'Cabinet', kind: 'practice' })) });
      assert.equal(notDac.statusCode, 400);
      assert.ok(notDac.json().error.details.fields.structureId);
    });

    test('the DAC enters a request taken by phone, naming the caller', async (t) => {
      const app = await buildTestApp(t, kind);
      const { dac, coordinator, gp } = await region(app);
      const noCaller = await coordinator.post('/api/referrals', { ...jeanne, structureId: dac, channel: 'phone' });
      assert.equal(noCaller.statusCode, 400);
      const taken = await coordinator.post('/api/referrals', { ...jeanne, structureId: dac, channel: 'phone', requesterCategory: 'relative', requesterName: 'Sophie Lemaire', requesterPhone: '06 12 34 56 78' });
      assert.equal(taken.statusCode, 201, taken.body);
      assert.equal(taken.json().channel, 'phone');
      assert.equal(taken.json().requesterCategory, 'relative');
      assert.equal((await gp.post('/api/referrals', { ...jeanne, structureId: dac, channel: 'phone', requesterCategory: 'relative', requesterName: 'X' })).statusCode, 403, 'only the receiving structure enters calls');
    });

    test('the public form: guards, a tracking code that tells the outcome, a rate limit', async (t) => {
      const app = await buildTestApp(t, kind);
      const { dac, coordinator } = await region(app);
      const form = (await app.app.inject({ method: 'GET', url: '/api/public/referral-form' })).json();
      assert.ok(form.structures.some((s: { id: string }) => s.id === dac));
      const secret = app.app.config.formSecret;
      const aged = issueFormToken(secret, new Date(Date.now() - 60_000));
      const body = { ...jeanne, structureId: dac, requesterCategory: 'relative', requesterName: 'Sophie Lemaire', requesterPhone: '06 12 34 56 78', formToken: aged };
      const post = (payload: object) => app.app.inject({ method: 'POST', url: '/api/public/referrals', payload });

      assert.equal((await post({ ...body, formToken: form.formToken })).json().error.code, 'referrals.form_too_fast');
      assert.equal((await post({ ...body, formToken: `${Date.now() - 60_000}.forged` })).json().error.code, 'referrals.form_token_invalid');
      assert.equal((await post({ ...body, website: 'http://spam.example' })).statusCode, 400, 'the honeypot');
      const noConsent = await post({ ...body, consentToContact: false });
      assert.equal(noConsent.statusCode, 400);
      assert.ok(noConsent.json().error.details.fields.consentToContact);

      const sent = await post(body);
      assert.equal(sent.statusCode, 201, sent.body);
      const { trackingCode } = sent.json();
      assert.match(trackingCode, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const status = (await app.app.inject({ method: 'GET', url: `/api/public/referrals/status?code=${trackingCode}` })).json();
      assert.equal(status.status, 'received');
      assert.equal(status.outcomeMessage, null);
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/public/referrals/status?code=AAAA-BBBB-CCCC' })).statusCode, 404);

      const queued = (await coordinator.get('/api/referrals?scope=queue')).json().items[0];
      assert.equal(queued.channel, 'public_form');
      await coordinator.post(`/api/referrals/${queued.id}/close`, { version: queued.version, reason: 'handled_by_phone', message: 'Nous vous avons rappelée le jour même.' });
      const after = (await app.app.inject({ method: 'GET', url: `/api/public/referrals/status?code=${trackingCode.toLowerCase()}` })).json();
      assert.equal(after.status, 'closed');
      assert.equal(after.outcomeMessage, 'Nous vous avons rappelée le jour même.');

      // 5 an hour per address: the 4 refused above count, so the next is the 6th
      const limited = await post(body);
      assert.equal(limited.statusCode, 429);
    });
  });
}
