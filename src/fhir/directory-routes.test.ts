// FHIR directory end to end: the demo region's extractions run through the real importer, an offer made
// through the API, then reads and searches of Practitioner, PractitionerRole, Organization and
// HealthcareService, their Bundles, paging and OperationOutcome errors.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type Caller, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';
import { importExtraction } from '#src/directory/service.ts';
import { systemActor } from '#src/core/auth/actor.ts';
import * as directory from '#src/directory/service.ts';
import type { OrganizationView, ProfessionalView } from '#src/directory/views.ts';
import { EXTRACT_FILES, EXTRACTS_DIR } from '../../scripts/demo/directory-extracts.ts';
import { DIRECTORY_FHIR, structuralProblems } from './directory-resources.ts';

/** Resources and Bundles read back as plain JSON: the tests walk them freely. */
type Json = Record<string, any>;
const NO_ID = '0190d5e4-0000-7000-8000-000000000000';
const q = encodeURIComponent;

async function importDemoExtracts(app: TestApp): Promise<void> {
  for (const kind of ['finess', 'rpps', 'mssante'] as const) {
    const request = { kind, path: path.join(EXTRACTS_DIR, EXTRACT_FILES[kind]), fileName: EXTRACT_FILES[kind], partial: false };
    const done = await importExtraction(app.database, { actor: systemActor('test'), now: new Date(), requestId: 'test', clientIp: null }, request);
    assert.equal(done.status, 'done', done.error ?? kind);
  }
}

/** A FHIR answer: its JSON, after checking the content type and the structure of every resource in it. */
function fhir(response: { statusCode: number; headers: Record<string, unknown>; body: string }, status = 200): Json {
  assert.equal(response.statusCode, status, response.body);
  assert.match(String(response.headers['content-type']), /^application\/fhir\+json/);
  const body = JSON.parse(response.body) as Json;
  const resources: Json[] = body['resourceType'] === 'Bundle' ? (body['entry'] ?? []).map((e: Json) => e['resource']) : [body];
  for (const resource of resources) assert.deepEqual(structuralProblems(resource), [], `${resource['resourceType']}/${resource['id']}`);
  return body;
}

const ids = (bundle: Json): string[] => (bundle['entry'] ?? []).map((e: Json) => e['resource'].id);
const link = (bundle: Json, relation: string): string | undefined => bundle['link'].find((l: Json) => l['relation'] === relation)?.url;
/** The path and query of an absolute link, to inject it. */
const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

for (const kind of testDatabaseKinds()) {
  describe(`FHIR directory on ${kind}`, () => {
    let app: TestApp;
    let reader: Caller;
    let doctor: ProfessionalView;
    let hospital: OrganizationView;
    let offerId: string;
    const cleanups: (() => Promise<void>)[] = [];
    after(async () => {
      for (const cleanup of cleanups) await cleanup();
    });

    before(async () => {
      app = await buildTestApp({ after: (fn: () => Promise<void>) => cleanups.push(fn) } as never, kind);
      await importDemoExtracts(app);
      const practice = await app.makeStructure({ name: 'Cabinet', kind: 'practice' });
      reader = await app.makePerson([{ structureId: practice, role: 'professional' }]);
      const admin = await app.makePerson([{ structureId: await app.makeStructure(), role: 'platform_admin' }]);
      // a physician with an RPPS, a mailbox, and a practice at an establishment of the directory
      const professionals = await app.asSystem((ctx) => directory.searchProfessionals(ctx, { limit: 500 }));
      doctor = professionals.find((p) => p.rpps && p.mssante.length > 0 && p.activities.some((a) => a.organizationId))!;
      assert.ok(doctor, 'the demo extraction has a physician practising at a FINESS establishment');
      hospital = await app.asSystem((ctx) => directory.getOrganization(ctx, doctor.activities.find((a) => a.organizationId)!.organizationId!));
      const created = await admin.post('/api/orientation/offers', {
        organizationId: hospital.id,
        name: 'Hôpital de jour gériatrique',
        careKind: 'hospitalisation_de_jour',
        specialties: ['geriatrie'],
        ageMin: 75,
        ageMax: 120,
        conditions: ['alzheimer'],
        capacity: 10,
        freePlaces: 2,
        servedCommunes: ['49007', '49353'],
        contactPhone: '02 41 00 00 02',
        contactEmail: null,
        contactMssante: 'hdj@chal.mssante.fr',
        openingHours: [{ day: 1, opens: '09:00', closes: '17:00' }],
        description: null,
        active: true,
      });
      assert.equal(created.statusCode, 201, created.body);
      offerId = created.json().id;
    });

    test('Practitioner: read, and search by idNatPs, RPPS (with or without system) and name', async () => {
      const resource = fhir(await reader.get(`/fhir/R4/Practitioner/${doctor.id}`));
      assert.equal(resource['resourceType'], 'Practitioner');
      assert.deepEqual(
        resource['identifier'].map((i: Json) => [i['system'], i['value']]),
        [
          [DIRECTORY_FHIR.idNatPsSystem, doctor.idNatPs],
          [DIRECTORY_FHIR.rppsSystem, doctor.rpps],
        ],
      );
      assert.equal(resource['name'][0].family, doctor.familyName);
      assert.ok(resource['telecom'].some((t: Json) => t['value'] === doctor.mssante[0]));

      for (const identifier of [`${DIRECTORY_FHIR.idNatPsSystem}|${doctor.idNatPs}`, `${DIRECTORY_FHIR.rppsSystem}|${doctor.rpps}`, `http://rpps.fr|${doctor.rpps}`, doctor.rpps!, doctor.idNatPs]) {
        const bundle = fhir(await reader.get(`/fhir/R4/Practitioner?identifier=${q(identifier)}`));
        assert.deepEqual(ids(bundle), [doctor.id], identifier);
        assert.equal(bundle['total'], 1);
      }
      const bundle = fhir(await reader.get(`/fhir/R4/Practitioner?family=${q(doctor.familyName.toLowerCase())}&given=${q(doctor.givenName)}`));
      assert.equal(bundle['resourceType'], 'Bundle');
      assert.equal(bundle['type'], 'searchset');
      assert.ok(ids(bundle).includes(doctor.id));
      const entry = bundle['entry'].find((e: Json) => e['resource'].id === doctor.id);
      assert.match(entry.fullUrl, new RegExp(`^http://[^/]+/fhir/R4/Practitioner/${doctor.id}$`));
      assert.deepEqual(entry.search, { mode: 'match' });
      assert.ok(ids(fhir(await reader.get(`/fhir/R4/Practitioner?name=${q(doctor.familyName)}`))).includes(doctor.id));
      assert.deepEqual(ids(fhir(await reader.get(`/fhir/R4/Practitioner?_id=${doctor.id}`))), [doctor.id]);
      assert.deepEqual(ids(fhir(await reader.get(`/fhir/R4/Practitioner?identifier=${q(`urn:oid:1.2.3|${doctor.idNatPs}`)}`))), [], 'another system finds nothing');
    });

    test('PractitionerRole: by practitioner, every reference resolving; by organization; read', async () => {
      const bundle = fhir(await reader.get(`/fhir/R4/PractitionerRole?practitioner=${q(`Practitioner/${doctor.id}`)}`));
      const roles: Json[] = bundle['entry'].map((e: Json) => e['resource']);
      assert.equal(roles.length, doctor.activities.filter((a) => !a.gone).length);
      for (const role of roles) assert.equal(role['practitioner'].reference, `Practitioner/${doctor.id}`);
      const atHospital = roles.find((r) => r['organization']?.reference === `Organization/${hospital.id}`);
      assert.ok(atHospital, JSON.stringify(roles));
      for (const reference of roles.flatMap((r) => [r['practitioner'].reference, r['organization']?.reference]).filter(Boolean)) {
        fhir(await reader.get(`/fhir/R4/${reference}`));
      }
      assert.deepEqual(fhir(await reader.get(`/fhir/R4/PractitionerRole/${atHospital['id']}`))['id'], atHospital['id']);
      assert.deepEqual(ids(fhir(await reader.get(`/fhir/R4/PractitionerRole?practitioner=${doctor.id}`))).sort(), roles.map((r) => r['id']).sort());
      assert.ok(ids(fhir(await reader.get(`/fhir/R4/PractitionerRole?organization=${q(`Organization/${hospital.id}`)}&_count=100`))).includes(atHospital['id']));
      assert.deepEqual(ids(fhir(await reader.get(`/fhir/R4/PractitionerRole?practitioner=${q(`Organization/${doctor.id}`)}`))), [], 'a reference to another type');
    });

    test('Organization: read, and search by FINESS, idNatSt, name, category and INSEE code', async () => {
      const resource = fhir(await reader.get(`/fhir/R4/Organization/${hospital.id}`));
      assert.deepEqual(
        resource['identifier'].slice(0, 2).map((i: Json) => [i['system'], i['value']]),
        [
          [DIRECTORY_FHIR.idNatStSystem, `1${hospital.finess}`],
          [DIRECTORY_FHIR.finessSystem, hospital.finess],
        ],
      );
      assert.equal(resource['name'], hospital.name);
      assert.equal(resource['address'][0].extension[0].valueCoding.code, hospital.communeInsee);
      for (const identifier of [`${DIRECTORY_FHIR.finessSystem}|${hospital.finess}`, `http://finess.sante.gouv.fr|${hospital.finess}`, `${DIRECTORY_FHIR.idNatStSystem}|1${hospital.finess}`, hospital.finess]) {
        assert.deepEqual(ids(fhir(await reader.get(`/fhir/R4/Organization?identifier=${q(identifier)}`))), [hospital.id], identifier);
      }
      const word = hospital.name.split(' ').at(-1)!;
      assert.ok(ids(fhir(await reader.get(`/fhir/R4/Organization?name=${q(word.toLowerCase())}`))).includes(hospital.id));
      const byCategory = fhir(await reader.get(`/fhir/R4/Organization?type=${q(`${DIRECTORY_FHIR.establishmentCategory}|${hospital.categoryCode}`)}&address-insee=${hospital.communeInsee}`));
      assert.ok(ids(byCategory).includes(hospital.id));
      const refused = fhir(await reader.get(`/fhir/R4/Organization?identifier=${q('https://sirene.fr|26490999900011')}`), 400);
      assert.equal(refused['issue'][0].code, 'not-supported');
    });

    test('HealthcareService: read with its ETag, search by organization, care kind and specialty', async () => {
      const response = await reader.get(`/fhir/R4/HealthcareService/${offerId}`);
      const resource = fhir(response);
      assert.equal(response.headers['etag'], 'W/"1"');
      assert.deepEqual(resource['providedBy'], { reference: `Organization/${hospital.id}`, display: hospital.name });
      fhir(await reader.get(`/fhir/R4/${resource['providedBy'].reference}`));
      assert.equal(resource['category'][0].coding[0].code, 'hospitalisation_de_jour');
      assert.deepEqual(ids(fhir(await reader.get(`/fhir/R4/HealthcareService?organization=${q(`Organization/${hospital.id}`)}`))), [offerId]);
      assert.deepEqual(ids(fhir(await reader.get(`/fhir/R4/HealthcareService?service-category=${q(`${DIRECTORY_FHIR.careKind}|hospitalisation_de_jour`)}&specialty=geriatrie`))), [offerId]);
      assert.deepEqual(ids(fhir(await reader.get('/fhir/R4/HealthcareService?service-category=smr'))), []);
      assert.deepEqual(ids(fhir(await reader.get(`/fhir/R4/HealthcareService?organization=${NO_ID}`))), [], 'an unknown establishment has no offers');
    });

    test('paging with _count and _offset; unknown parameters are ignored and left out of the self link', async () => {
      const first = fhir(await reader.get('/fhir/R4/Organization?_count=2&_sort=name&foo=bar'));
      assert.equal(first['entry'].length, 2);
      assert.equal(first['total'], undefined, 'not known before the last page');
      const self = new URL(link(first, 'self')!);
      assert.deepEqual([...self.searchParams.keys()], ['_count']);
      const next = link(first, 'next')!;
      const second = fhir(await reader.get(local(next)));
      assert.equal(second['entry'].length, 2);
      assert.equal(ids(first).some((id) => ids(second).includes(id)), false);
      assert.ok(link(second, 'previous'));
      assert.equal(fhir(await reader.get('/fhir/R4/Organization?_count=1000'))['entry'].length <= 100, true);
      for (const bad of ['_count=abc', '_count=0', '_offset=-1', 'identifier=a&identifier=b']) {
        assert.equal(fhir(await reader.get(`/fhir/R4/Practitioner?${bad}`), 400)['resourceType'], 'OperationOutcome', bad);
      }
    });

    test('errors are OperationOutcomes: 401 without authentication, 404 for an unknown or malformed id', async () => {
      const anonymous = await app.app.inject({ method: 'GET', url: `/fhir/R4/Practitioner?identifier=${doctor.idNatPs}` });
      assert.equal(fhir(anonymous, 401)['issue'][0].code, 'login');
      for (const type of ['Practitioner', 'PractitionerRole', 'Organization', 'HealthcareService']) {
        assert.equal(fhir(await reader.get(`/fhir/R4/${type}/${NO_ID}`), 404)['issue'][0].code, 'not-found', type);
        assert.equal(fhir(await reader.get(`/fhir/R4/${type}/not-an-id`), 404)['resourceType'], 'OperationOutcome', type);
        assert.equal(fhir(await app.app.inject({ method: 'GET', url: `/fhir/R4/${type}/${NO_ID}` }), 401)['resourceType'], 'OperationOutcome');
      }
      assert.deepEqual(ids(fhir(await reader.get(`/fhir/R4/Organization?_id=${NO_ID}`))), []);
      assert.equal(fhir(await reader.get(`/fhir/R4/Organization?_id=${NO_ID}`))['total'], 0);
    });
  });
}
