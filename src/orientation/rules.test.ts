import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ageOn, boundingBox, compareCandidates, distanceKm, explain, missingParts, openingHoursProblem, rorCategoryOf, servedKeysOf, structureComplete, type Candidate, type OfferDescription } from './rules.ts';

const complete: OfferDescription = {
  careKind: 'smr',
  specialties: ['geriatrie'],
  ageMin: 70,
  ageMax: null,
  capacity: 40,
  freePlaces: 2,
  servedCommunes: ['49007'],
  contactPhone: '02 41 00 00 00',
  contactEmail: null,
  contactMssante: null,
  openingHours: [{ day: 1, opens: '09:00', closes: '17:00' }],
};

describe('ROR description completeness', () => {
  test('a fully described offer lacks nothing', () => {
    assert.deepEqual(missingParts(complete), []);
  });

  test('names every missing part', () => {
    const bare = { ...complete, specialties: [], ageMin: null, capacity: null, freePlaces: null, servedCommunes: [], contactPhone: null, openingHours: [] };
    assert.deepEqual(missingParts(bare), ['specialties', 'population', 'capacity', 'freePlaces', 'servedArea', 'contact', 'openingHours']);
  });

  test('a specialty is only required for medical kinds of care', () => {
    assert.deepEqual(missingParts({ ...complete, careKind: 'saad', specialties: [] }), []);
    assert.deepEqual(missingParts({ ...complete, careKind: 'consultation', specialties: [] }), ['specialties']);
  });

  test('"all ages" (lower bound 0) is a described population', () => {
    assert.deepEqual(missingParts({ ...complete, ageMin: 0 }), []);
  });

  test('a structure is complete with at least one active offer, all complete', () => {
    assert.equal(structureComplete([]), false);
    assert.equal(structureComplete([{ active: true, complete: true }, { active: false, complete: false }]), true);
    assert.equal(structureComplete([{ active: true, complete: true }, { active: true, complete: false }]), false);
    assert.equal(structureComplete([{ active: false, complete: true }]), false);
  });
});

describe('opening hours', () => {
  test('accepts ranges that close after they open', () => {
    assert.equal(openingHoursProblem([{ day: 7, opens: '08:00', closes: '12:30' }]), null);
  });
  test('names the bad part', () => {
    assert.equal(openingHoursProblem([{ day: 8, opens: '08:00', closes: '12:30' }]), 'openingHours[0].day');
    assert.equal(openingHoursProblem([{ day: 1, opens: '8h', closes: '12:30' }]), 'openingHours[0].opens');
    assert.equal(openingHoursProblem([{ day: 1, opens: '08:00', closes: '12:30' }, { day: 2, opens: '14:00', closes: '13:00' }]), 'openingHours[1].closes');
  });
});

describe('distance and ranking', () => {
  test('Angers to Paris is about 265 km as the crow flies', () => {
    const km = distanceKm({ latitude: 47.4736, longitude: -0.5542 }, { latitude: 48.8566, longitude: 2.3522 });
    assert.ok(km > 255 && km < 275, `${km}`);
    assert.equal(distanceKm({ latitude: 47, longitude: -0.5 }, { latitude: 47, longitude: -0.5 }), 0);
  });

  const candidate = (c: Partial<Candidate>): Candidate => ({ serves: false, km: null, freePlaces: null, freePlacesAt: null, ageMin: null, ageMax: null, ...c });

  test('serving the commune beats free places, which beat distance; unknown distances last', () => {
    const ranked = [
      candidate({ km: 1, freePlaces: 0 }),
      candidate({ km: 30, freePlaces: 3 }),
      candidate({ serves: true, km: 12, freePlaces: 0 }),
      candidate({ km: null, freePlaces: 3 }),
      candidate({ km: 5, freePlaces: 3 }),
    ].sort(compareCandidates);
    assert.deepEqual(ranked.map((c) => [c.serves, c.freePlaces, c.km]), [[true, 0, 12], [false, 3, 5], [false, 3, 30], [false, 3, null], [false, 0, 1]]);
  });

  test('explains a result in the order shown', () => {
    const reasons = explain(candidate({ serves: true, km: 4.24, freePlaces: 3, ageMin: 60 }), { age: 86, specialty: 'geriatrie' });
    assert.deepEqual(reasons.map((r) => r.code), ['serves_commune', 'distance', 'free_places', 'age', 'specialty']);
    assert.deepEqual(reasons[1], { code: 'distance', km: 4.2 });
    assert.deepEqual(explain(candidate({ freePlaces: 0 }), {}).map((r) => r.code), ['outside_area', 'full']);
    assert.deepEqual(explain(candidate({}), {}).map((r) => r.code), ['outside_area', 'free_places_unknown']);
  });
});

test('indicator 3.2 categories from FINESS categories', () => {
  assert.equal(rorCategoryOf('355'), 'mco');
  assert.equal(rorCategoryOf('127'), 'had');
  assert.equal(rorCategoryOf('500'), 'medico_social');
  assert.equal(rorCategoryOf('999'), 'other');
  assert.equal(rorCategoryOf(null), 'other');
});

test('age on a date, birthday included', () => {
  assert.equal(ageOn('1940-03-12', new Date('2026-03-11T12:00:00Z')), 85);
  assert.equal(ageOn('1940-03-12', new Date('2026-03-12T00:00:00Z')), 86);
});

test('served keys pair the kind of care with each commune served', () => {
  assert.deepEqual(servedKeysOf('smr', ['49007', '49015']), ['smr:49007', 'smr:49015']);
});

test('the bounding box holds every point within the radius', () => {
  const center = { latitude: 47.47, longitude: -0.55 };
  const box = boundingBox(center, 30);
  for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
    // a point 29.9 km away in that direction
    const rad = (bearing * Math.PI) / 180;
    const point = { latitude: center.latitude + (29.9 / 111.2) * Math.cos(rad), longitude: center.longitude + (29.9 / (111.2 * Math.cos((center.latitude * Math.PI) / 180))) * Math.sin(rad) };
    assert.ok(distanceKm(center, point) <= 30.1);
    assert.ok(point.latitude >= box.minLatitude && point.latitude <= box.maxLatitude && point.longitude >= box.minLongitude && point.longitude <= box.maxLongitude, `bearing ${bearing}`);
  }
});
