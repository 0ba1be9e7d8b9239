import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkContent, contentDisposition, sniffMediaType, visibleTo } from './rules.ts';

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

test('recognises each accepted kind of file from its first bytes', () => {
  assert.equal(sniffMediaType(bytes('%PDF-1.7\n')), 'application/pdf');
  assert.equal(sniffMediaType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), 'image/png');
  assert.equal(sniffMediaType(bytes([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
  assert.equal(sniffMediaType(bytes('GIF89a')), 'image/gif');
  assert.equal(sniffMediaType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')), 'image/webp');
  assert.equal(sniffMediaType(bytes([0x49, 0x49, 0x2a, 0x00])), 'image/tiff');
  const zipHeader = [0x50, 0x4b, 0x03, 0x04, ...new Array(26).fill(0)];
  assert.equal(sniffMediaType(bytes(zipHeader, 'mimetypeapplication/vnd.oasis.opendocument.text')), 'application/vnd.oasis.opendocument.text');
  assert.equal(sniffMediaType(bytes(zipHeader, '[Content_Types].xml', 'word/document.xml')), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.equal(sniffMediaType(bytes(zipHeader, 'some/other.bin')), null, 'any other zip is refused');
  assert.equal(sniffMediaType(new TextEncoder().encode('Compte rendu : chute, pas de fracture.\n')), 'text/plain');
  assert.equal(sniffMediaType(new TextEncoder().encode('<?xml version="1.0"?><ClinicalDocument/>')), 'application/xml');
});

test('refuses a program whatever its name, text that is not UTF-8, empty and oversized files', () => {
  assert.equal(sniffMediaType(bytes('MZ', [0x90, 0, 3, 0])), null, 'a Windows program');
  assert.equal(sniffMediaType(bytes([0x7f], 'ELF')), null);
  assert.equal(sniffMediaType(bytes([0x43, 0x61, 0x66, 0xe9, 0x20])), null, 'Latin-1 text');
  assert.throws(() => checkContent(new Uint8Array(), 100), { code: 'documents.empty' });
  assert.throws(() => checkContent(bytes('%PDF-', 'x'.repeat(200)), 100), { code: 'documents.too_large' });
  assert.throws(() => checkContent(bytes('MZ', [0x90]), 100), { code: 'documents.type_refused' });
  assert.equal(checkContent(bytes('%PDF-1.4'), 100), 'application/pdf');
});

test('keeps coordinators-only documents for the holding structure', () => {
  assert.equal(visibleTo('coordinators', { holder: true }), true);
  assert.equal(visibleTo('coordinators', { holder: false }), false);
  assert.equal(visibleTo('care_team', { holder: false }), true);
  assert.equal(visibleTo('patient', { holder: false }), true);
});

test('names the download safely, with the UTF-8 name for browsers that read it', () => {
  assert.equal(contentDisposition('Décision APA.pdf'), `attachment; filename="Decision APA.pdf"; filename*=UTF-8''D%C3%A9cision%20APA.pdf`);
  assert.equal(contentDisposition('a"b\r\nc.pdf'), `attachment; filename="a_b__c.pdf"; filename*=UTF-8''a_b__c.pdf`);
});
