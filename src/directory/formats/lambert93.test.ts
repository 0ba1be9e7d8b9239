import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lambert93ToWgs84, wgs84ToLambert93 } from './lambert93.ts';

const close = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);

test('Paris centre, as PROJ converts it (EPSG:4326 48.8566 2.3522 ↔ EPSG:2154 652469.02 6862035.26)', () => {
  const point = lambert93ToWgs84(652469.02, 6862035.26);
  close(point.latitude, 48.8566, 1e-7, 'latitude');
  close(point.longitude, 2.3522, 1e-7, 'longitude');
  const back = wgs84ToLambert93(48.8566, 2.3522);
  close(back.x, 652469.02, 0.01, 'x');
  close(back.y, 6862035.26, 0.01, 'y');
});

test('the projection origin (46.5° N, 3° E) is the false easting and northing', () => {
  const { x, y } = wgs84ToLambert93(46.5, 3);
  close(x, 700000, 1e-6, 'x');
  close(y, 6600000, 1e-6, 'y');
});

test('a point near Angers lies west of the origin and converts back to itself', () => {
  const { x, y } = wgs84ToLambert93(47.4736, -0.5542);
  assert.ok(x > 420000 && x < 445000 && y > 6700000 && y < 6730000, `${x} ${y}`);
  const back = lambert93ToWgs84(x, y);
  close(back.latitude, 47.4736, 1e-9, 'latitude');
  close(back.longitude, -0.5542, 1e-9, 'longitude');
});

test('round trips across metropolitan France stay within a millimetre', () => {
  for (const [latitude, longitude] of [[51.08, 2.37], [42.35, 3.1], [48.4, -4.79], [43.7, 7.27], [41.4, 9.16], [47.47, -0.55]] as const) {
    const { x, y } = wgs84ToLambert93(latitude, longitude);
    const back = lambert93ToWgs84(x, y);
    const again = wgs84ToLambert93(back.latitude, back.longitude);
    assert.ok(Math.hypot(again.x - x, again.y - y) < 0.001, `${latitude} ${longitude}`);
  }
});
