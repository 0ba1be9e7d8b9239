import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CALLER_TTL_MS, CallerCache } from './caller-cache.ts';

test('remembers a caller until the time-to-live runs out, or until told to forget', () => {
  const cache = new CallerCache<{ personId: string }>();
  cache.set('token:a', { personId: 'p1' }, 0);
  cache.set('token:b', { personId: 'p2' }, 0);
  assert.deepEqual(cache.get('token:a', CALLER_TTL_MS - 1), { personId: 'p1' });
  assert.equal(cache.get('token:a', CALLER_TTL_MS), undefined);
  cache.forget((_key, value) => value.personId === 'p2');
  assert.equal(cache.get('token:b', 1), undefined);
});
