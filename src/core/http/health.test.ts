import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`operations endpoints on ${kind}`, () => {
    test('reports health with the database kind, and Prometheus metrics of the API', async (t) => {
      const app = await buildTestApp(t, kind);
      const health = await app.app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(health.statusCode, 200);
      assert.equal(health.json().status, 'ok');
      assert.equal(health.json().database, kind);
      const metrics = await app.app.inject({ method: 'GET', url: '/metrics' });
      assert.match(metrics.headers['content-type'] as string, /^text\/plain/);
      assert.match(metrics.body, /trame_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} 1/);
      assert.match(metrics.body, /process_resident_memory_bytes/);
      const unknown = await app.app.inject({ method: 'GET', url: '/api/nothing-here' });
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, 'route.not_found');
    });
  });
}
