import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from './ids.ts';

test('makes version-7 UUIDs that sort in creation order within one millisecond', () => {
  const ids = Array.from({ length: 5000 }, () => newId(1_700_000_000_000));
  assert.match(ids[0]!, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
});

test('never goes back in time when the clock does', () => {
  const later = newId(1_800_000_000_000);
  const earlier = newId(1_700_000_000_000);
  assert.ok(earlier > later);
});
