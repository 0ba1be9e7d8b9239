import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { detectEncoding, readLines, type ReadOptions } from './line-reader.ts';

function tempFile(t: { after: (fn: () => void) => void }, content: Buffer | string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trame-lines-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'extract.txt');
  fs.writeFileSync(file, content);
  return file;
}

async function read(file: string, options?: ReadOptions): Promise<{ lineNo: number; text: string }[]> {
  const lines = [];
  for await (const line of readLines(file, options)) lines.push(line);
  return lines;
}

test('numbers lines from 1 and drops the BOM, the "\\r" of CRLF and nothing else', async (t) => {
  const file = tempFile(t, '\uFEFFen-tête|\r\nligne 2\r\n\r\nderni\u00e8re ligne sans fin');
  assert.deepEqual(await read(file), [
    { lineNo: 1, text: 'en-tête|' },
    { lineNo: 2, text: 'ligne 2' },
    { lineNo: 3, text: '' },
    { lineNo: 4, text: 'dernière ligne sans fin' },
  ]);
});

test('an empty file has no lines; a final newline does not make one', async (t) => {
  assert.deepEqual(await read(tempFile(t, '')), []);
  assert.deepEqual(await read(tempFile(t, 'a\nb\n')), [{ lineNo: 1, text: 'a' }, { lineNo: 2, text: 'b' }]);
});

test('a Latin-1 file is read as Windows-1252; UTF-8 stays UTF-8', async (t) => {
  const latin1 = tempFile(t, Buffer.from([...Buffer.from('structureet;EHPAD '), 0xc9, 0x54, 0xc9, 0x0a, 0x92, 0x0a]));
  assert.equal(detectEncoding(latin1), 'windows-1252');
  assert.deepEqual((await read(latin1)).map((l) => l.text), ['structureet;EHPAD ÉTÉ', '’']);
  const utf8 = tempFile(t, 'structureet;EHPAD ÉTÉ\n');
  assert.equal(detectEncoding(utf8), 'utf-8');
  assert.deepEqual((await read(utf8)).map((l) => l.text), ['structureet;EHPAD ÉTÉ']);
  assert.deepEqual((await read(latin1, { encoding: 'utf-8' }))[0]!.text, 'structureet;EHPAD \uFFFDT\uFFFD', 'a forced encoding is obeyed');
});

test('characters and lines cut across chunks are put back together; progress counts every byte', async (t) => {
  // 3-byte characters, so chunk boundaries (64 and 256 KiB) fall inside one somewhere
  const lines = Array.from({ length: 40_000 }, (_, i) => `${i}|${'€'.repeat(i % 13)}|`);
  const content = `${lines.join('\n')}\n`;
  const file = tempFile(t, content);
  const progress: number[] = [];
  const got = await read(file, { onBytes: (bytes) => progress.push(bytes) });
  assert.equal(got.length, lines.length);
  assert.ok(got.every((line, i) => line.text === lines[i] && line.lineNo === i + 1));
  assert.equal(detectEncoding(file), 'utf-8');
  assert.ok(progress.length > 1, 'called once per chunk');
  assert.ok(progress.every((bytes, i) => i === 0 || bytes > progress[i - 1]!));
  assert.equal(progress.at(-1), Buffer.byteLength(content));
});
