// The live stream of a file over a real socket: a member sees another member's entry arrive.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, validPatient } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';

async function nextEvent(response: Response, timeoutMs = 5000): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now()))]);
    if (!chunk || chunk.done) break;
    buffer += decoder.decode(chunk.value);
    const event = buffer.split('\n\n').find((block) => block.startsWith('event: change'));
    if (event) {
      await reader.cancel();
      return event;
    }
  }
  await reader.cancel();
  throw new Error(`no change event within ${timeoutMs} ms; got ${JSON.stringify(buffer)}`);
}

for (const kind of testDatabaseKinds()) {
  describe(`live file stream on ${kind}`, () => {
    test('pushes a change to a watching member when another member writes', async (t) => {
      const app = await buildTestApp(t, kind);
      const address = await app.app.listen({ port: 0, host: '127.0.0.1' });
      const dac = await app.makeStructure();
      const coordinator = await app.makePerson([{ structureId: dac, role: 'coordinator' }]);
      const nurse = await app.makePerson([{ structureId: dac, role: 'professional' }]);
      const outsider = await app.makePerson([{ structureId: dac, role: 'professional' }]);
      const patient = (await coordinator.post('/api/patients', validPatient)).json();
      const file = (await coordinator.post('/api/files', { patientId: patient.id })).json();
      await coordinator.post(`/api/files/${file.id}/team`, { personId: nurse.personId, role: 'nurse' });

      const refused = await fetch(`${address}/api/files/${file.id}/live`, { headers: { authorization: `Bearer ${outsider.token}` } });
      assert.equal(refused.status, 403);

      const stream = await fetch(`${address}/api/files/${file.id}/live`, { headers: { authorization: `Bearer ${nurse.token}` } });
      assert.equal(stream.status, 200);
      assert.equal(stream.headers.get('content-type'), 'text/event-stream');
      const arrived = nextEvent(stream);
      await coordinator.post(`/api/files/${file.id}/journal`, { text: 'Passage de l’infirmière prévu demain.' });
      const event = await arrived;
      assert.match(event, /"type":"journal.entryWritten"/);
      assert.match(event, new RegExp(file.id));
    });
  });
}
