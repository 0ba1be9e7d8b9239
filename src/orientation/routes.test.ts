import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, validPatient, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';
import { newId } from '#src/core/ids.ts';
import { directoryOrganizations } from '#src/db/schema/index.ts';

const ANGERS = '49007';
const TRELAZE = '49353';
const AVRILLE = '49015';

/** Establishments as the FINESS import leaves them (the importer has its own tests). */
async function establishment(app: TestApp, spec: { name: string; communeInsee: string; latitude: number; longitude: number; structureId?: string; category?: string }) {
  const id = newId();
  const importId = newId();
  await app.asSystem((ctx) =>
    ctx.db.insert(directoryOrganizations).values({
      id,
      finess: `49${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      name: spec.name,
      categoryCode: spec.category ?? '109',
      communeInsee: spec.communeInsee,
      communeName: spec.communeInsee,
      latitude: spec.latitude,
      longitude: spec.longitude,
      searchName: spec.name.toLowerCase(),
      structureId: spec.structureId ?? null,
      contentHash: 'x',
      firstImportId: importId,
      seenImportId: importId,
      updatedAt: new Date(),
    }),
  );
  return id;
}

const offer = (organizationId: string, overrides: Record<string, unknown> = {}) => ({
  organizationId,
  name: 'SMR gériatrique',
  careKind: 'smr',
  specialties: ['geriatrie'],
  ageMin: 70,
  ageMax: null,
  conditions: ['perte_autonomie'],
  capacity: 40,
  freePlaces: 2,
  servedCommunes: [ANGERS],
  contactPhone: '02 41 00 00 00',
  contactEmail: null,
  contactMssante: null,
  openingHours: [{ day: 1, opens: '09:00', closes: '17:00' }],
  description: null,
  active: true,
  ...overrides,
});

async function region(app: TestApp) {
  const dac = await app.makeStructure({ name: 'DAC Anjou', kind: 'dac' });
  const smrStructure = await app.makeStructure({ name: 'SMR Les Capucins', kind: 'hospital' });
  const admin = await app.makePerson([{ structureId: dac, role: 'platform_admin' }]);
  const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
  const smrStaff = await app.makePerson([{ structureId: smrStructure, role: 'coordinator' }]);
  const outsider = await app.makePerson([{ structureId: await app.makeStructure(), role: 'professional' }]);
  const near = await establishment(app, { name: 'SMR Les Capucins', communeInsee: ANGERS, latitude: 47.48, longitude: -0.55, structureId: smrStructure });
  const far = await establishment(app, { name: 'SMR du Layon', communeInsee: '49149', latitude: 47.2, longitude: -0.6 });
  const other = await establishment(app, { name: 'Clinique de Trélazé', communeInsee: TRELAZE, latitude: 47.4456, longitude: -0.4658 });
  // a commune with an establishment is located: Avrillé, 4 km north of Angers
  await establishment(app, { name: 'Pharmacie d’Avrillé', communeInsee: AVRILLE, latitude: 47.5069, longitude: -0.5886, category: '620' });
  const patient = (await coordinator.post('/api/patients', { ...validPatient, communeInsee: AVRILLE })).json();
  const file = (await coordinator.post('/api/files', { patientId: patient.id })).json();
  return { admin, coordinator, smrStaff, outsider, near, far, other, file };
}

for (const kind of testDatabaseKinds()) {
  describe(`orientation on ${kind}`, () => {
    test('an establishment’s staff or an administrator describes its offers; completeness is computed', async (t) => {
      const app = await buildTestApp(t, kind);
      const { admin, smrStaff, outsider, near, other } = await region(app);
      const created = await smrStaff.post('/api/orientation/offers', offer(near));
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().complete, true);
      assert.deepEqual(created.json().missing, []);
      assert.equal(created.json().organization.name, 'SMR Les Capucins');

      assert.equal((await smrStaff.post('/api/orientation/offers', offer(other))).statusCode, 403, 'not his establishment');
      assert.equal((await outsider.post('/api/orientation/offers', offer(near))).statusCode, 403);
      const byAdmin = await admin.post('/api/orientation/offers', offer(other, { name: 'Consultation', careKind: 'consultation', specialties: [], openingHours: [] }));
      assert.equal(byAdmin.statusCode, 201, byAdmin.body);
      assert.deepEqual(byAdmin.json().missing, ['specialties', 'openingHours']);
      assert.equal(byAdmin.json().complete, false);

      const list = (await smrStaff.get(`/api/orientation/offers?organizationId=${near}`)).json();
      assert.equal(list.structureComplete, true);
      assert.equal(list.canManage, true);
      assert.equal((await outsider.get(`/api/orientation/offers?organizationId=${near}`)).json().canManage, false);

      const id = created.json().id;
      const stale = await smrStaff.patch(`/api/orientation/offers/${id}`, { version: 7, freePlaces: 0 });
      assert.equal(stale.statusCode, 409);
      const updated = await smrStaff.patch(`/api/orientation/offers/${id}`, { version: 1, freePlaces: 0, openingHours: [] });
      assert.equal(updated.statusCode, 200, updated.body);
      assert.equal(updated.json().freePlaces, 0);
      assert.equal(updated.json().complete, false);
      assert.equal(updated.json().version, 2);

      const summary = (await outsider.get('/api/orientation/completeness')).json().items;
      const smr = summary.find((c: { category: string }) => c.category === 'smr');
      assert.deepEqual({ ...smr, share: undefined }, { category: 'smr', establishments: 3, described: 2, complete: 0, share: undefined });
    });

    test('bad offers are refused with the field named and change nothing', async (t) => {
      const app = await buildTestApp(t, kind);
      const { admin, near } = await region(app);
      const cases: [Record<string, unknown>, string][] = [
        [{ ageMin: 80, ageMax: 60 }, 'ageMax'],
        [{ capacity: 2, freePlaces: 5 }, 'freePlaces'],
        [{ openingHours: [{ day: 1, opens: '17:00', closes: '09:00' }] }, 'openingHours[0].closes'],
        [{ careKind: 'massage' }, 'careKind'],
        [{ servedCommunes: ['4900'] }, 'servedCommunes'],
      ];
      for (const [overrides, field] of cases) {
        const refused = await admin.post('/api/orientation/offers', offer(near, overrides));
        assert.equal(refused.statusCode, 400, `${JSON.stringify(overrides)}: ${refused.body}`);
        assert.ok(JSON.stringify(refused.json().error.details).includes(field.split('[')[0]!), `${field} named: ${refused.body}`);
      }
      const unknown = await admin.post('/api/orientation/offers', offer(newId()));
      assert.equal(unknown.statusCode, 400);
      assert.equal((await admin.get(`/api/orientation/offers?organizationId=${near}`)).json().items.length, 0);
    });

    test('the search ranks by served area, free places, distance, and explains each result', async (t) => {
      const app = await buildTestApp(t, kind);
      const { admin, coordinator, near, far, other } = await region(app);
      await admin.post('/api/orientation/offers', offer(near, { freePlaces: 0 }));
      await admin.post('/api/orientation/offers', offer(far, { servedCommunes: ['49149'] }));
      await admin.post('/api/orientation/offers', offer(other, { servedCommunes: [TRELAZE, AVRILLE] }));
      await admin.post('/api/orientation/offers', offer(other, { name: 'SMR pédiatrique', ageMin: 0, ageMax: 17, servedCommunes: [AVRILLE] }));

      const found = (await coordinator.get(`/api/orientation/search?careKind=smr&commune=${AVRILLE}&age=86&radiusKm=10`)).json();
      assert.equal(found.located, true);
      const names = found.items.map((i: { offer: { organization: { name: string } } }) => i.offer.organization.name);
      assert.deepEqual(names, ['Clinique de Trélazé', 'SMR Les Capucins'], 'serving Avrillé first; the Layon is 30 km away; the children’s unit is for under-18s');
      const [first, second] = found.items;
      assert.equal(first.serves, true);
      assert.deepEqual(first.reasons.map((r: { code: string }) => r.code), ['serves_commune', 'distance', 'free_places', 'age']);
      assert.equal(second.serves, false);
      assert.ok(second.km > 2 && second.km < 6, `${second.km}`);
      assert.equal(second.reasons.find((r: { code: string }) => r.code === 'full').code, 'full');

      const free = (await coordinator.get(`/api/orientation/search?careKind=smr&commune=${AVRILLE}&age=86&freeOnly=true&radiusKm=50`)).json();
      assert.deepEqual(free.items.map((i: { offer: { organization: { name: string } } }) => i.offer.organization.name), ['Clinique de Trélazé', 'SMR du Layon']);

      const nowhere = (await coordinator.get('/api/orientation/search?careKind=smr&commune=75056')).json();
      assert.equal(nowhere.located, false);
      assert.equal(nowhere.items.length, 0);
      assert.equal((await coordinator.get('/api/orientation/search?age=200')).statusCode, 400);
    });

    test('a file sends an orientation request; the establishment answers; the file sees the answer', async (t) => {
      const app = await buildTestApp(t, kind);
      const { admin, coordinator, smrStaff, outsider, near, file } = await region(app);
      const smrOffer = (await admin.post('/api/orientation/offers', offer(near))).json();

      assert.equal((await outsider.post(`/api/files/${file.id}/orientation-requests`, { offerId: smrOffer.id, message: 'x' })).statusCode, 403);
      const sent = await coordinator.post(`/api/files/${file.id}/orientation-requests`, { offerId: smrOffer.id, message: 'Sortie de court séjour après fracture du col, retour à domicile visé.' });
      assert.equal(sent.statusCode, 201, sent.body);
      assert.equal(sent.json().status, 'sent');

      const incoming = (await smrStaff.get('/api/orientation/requests/incoming')).json().items;
      assert.equal(incoming.length, 1);
      assert.equal(incoming[0].patient.birthName, validPatient.birthName.toUpperCase());
      assert.equal((await outsider.get('/api/orientation/requests/incoming')).json().items.length, 0);

      const noReason = await smrStaff.post(`/api/orientation/requests/${incoming[0].id}/answer`, { version: 1, status: 'refused' });
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().error.details.fields.refusalReason, 'required');
      assert.equal((await outsider.post(`/api/orientation/requests/${incoming[0].id}/answer`, { version: 1, status: 'accepted' })).statusCode, 403);
      const waiting = await smrStaff.post(`/api/orientation/requests/${incoming[0].id}/answer`, { version: 1, status: 'waiting_list', note: 'Place prévue sous 10 jours' });
      assert.equal(waiting.statusCode, 200, waiting.body);
      assert.equal((await smrStaff.post(`/api/orientation/requests/${incoming[0].id}/answer`, { version: 1, status: 'accepted' })).statusCode, 409, 'stale version');
      const accepted = await smrStaff.post(`/api/orientation/requests/${incoming[0].id}/answer`, { version: 2, status: 'accepted' });
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.equal(accepted.json().answerRecordedByRequester, false);
      assert.equal((await smrStaff.post(`/api/orientation/requests/${incoming[0].id}/answer`, { version: 3, status: 'refused', refusalReason: 'no_place' })).statusCode, 409, 'already accepted');

      const seen = (await coordinator.get(`/api/files/${file.id}/orientation-requests`)).json().items;
      assert.equal(seen[0].status, 'accepted');
      assert.equal(seen[0].answeredBy.id, smrStaff.personId);
      const timeline = (await coordinator.get(`/api/files/${file.id}/timeline`)).json().items.map((i: { type: string }) => i.type);
      assert.ok(timeline.includes('orientation.requested') && timeline.includes('orientation.answered'), timeline.join());
    });

    test('the requester records an answer given by phone, or cancels', async (t) => {
      const app = await buildTestApp(t, kind);
      const { admin, coordinator, far, file } = await region(app);
      const farOffer = (await admin.post('/api/orientation/offers', offer(far))).json();
      const first = (await coordinator.post(`/api/files/${file.id}/orientation-requests`, { offerId: farOffer.id, message: 'Demande par téléphone' })).json();
      const recorded = await coordinator.post(`/api/orientation/requests/${first.id}/answer`, { version: 1, status: 'refused', refusalReason: 'outside_area', note: 'Appel du cadre de santé' });
      assert.equal(recorded.statusCode, 200, recorded.body);
      assert.equal(recorded.json().answerRecordedByRequester, true);
      assert.equal(recorded.json().refusalReason, 'outside_area');

      const second = (await coordinator.post(`/api/files/${file.id}/orientation-requests`, { offerId: farOffer.id, message: 'Nouvelle demande' })).json();
      const cancelled = await coordinator.post(`/api/orientation/requests/${second.id}/cancel`, { version: 1 });
      assert.equal(cancelled.json().status, 'cancelled');
      assert.equal((await coordinator.post(`/api/orientation/requests/${second.id}/cancel`, { version: 2 })).statusCode, 409);
    });
  });
}
