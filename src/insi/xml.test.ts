import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attribute, child, childElements, childText, escapeXml, parseXml, textOf, XmlError } from './xml.ts';

test('elements are found by namespace URI, whatever prefix each document picks', () => {
  const a = parseXml('<s:E xmlns:s="urn:x"><s:B>1</s:B></s:E>');
  const b = parseXml('<?xml version="1.0"?><E xmlns="urn:x"><B>1</B></E>');
  const c = parseXml('<env:E xmlns:env="urn:x"><B xmlns="urn:x">1</B></env:E>');
  for (const root of [a, b, c]) {
    assert.equal(root.ns, 'urn:x');
    assert.equal(root.local, 'E');
    assert.equal(childText(root, 'urn:x', 'B'), '1');
  }
});

test('namespace declarations are scoped to their element', () => {
  const root = parseXml('<r><a xmlns="urn:a"><x/></a><x/></r>');
  assert.equal(root.ns, null);
  assert.equal(child(child(root, 'urn:a', 'a')!, 'urn:a', 'x')?.local, 'x');
  assert.equal(childElements(root, null, 'x').length, 1);
});

test('entities, character references and CDATA are decoded; comments and PIs skipped', () => {
  const root = parseXml('<r a="x &amp; &quot;y&quot; &#233;">&lt;&amp;&gt;&apos;&quot; &#x41;&#66;<!-- no --><?pi x?><![CDATA[<raw & text>]]></r>');
  assert.equal(attribute(root, null, 'a'), 'x & "y" é');
  assert.equal(textOf(root), `<&>'" AB<raw & text>`);
});

test('escapeXml round-trips through the parser, in text and in attributes', () => {
  const nasty = `O'BRIEN <&> "QUOTED" Émile`;
  const root = parseXml(`<r a="${escapeXml(nasty)}" b='${escapeXml(nasty)}'>${escapeXml(nasty)}</r>`);
  assert.equal(textOf(root), nasty);
  assert.equal(attribute(root, null, 'a'), nasty);
  assert.equal(attribute(root, null, 'b'), nasty);
});

test('escapeXml drops characters XML cannot carry', () => {
  assert.equal(escapeXml('A\u0000B\u0007C\tD\uFFFE'), 'ABC\tD');
  assert.equal(escapeXml('x\uD800y'), 'xy');
  assert.equal(escapeXml('😀'), '😀');
});

test('malformed documents are refused with XmlError', () => {
  const bad = [
    '',
    'text only',
    '<a>',
    '<a></b>',
    '<a><b></a></b>',
    '<a/><b/>',
    '<p:a/>',
    '<a x="1" x="2"/>',
    '<a x=1/>',
    '<a>&unknown;</a>',
    '<a>&amp</a>',
    '<a>&#0;</a>',
    '<a x="<"/>',
    '<a>]]></a>',
    '<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>',
    '<a><!-- never closed </a>',
  ];
  for (const xml of bad) assert.throws(() => parseXml(xml), XmlError, JSON.stringify(xml));
});

test('nesting is bounded', () => {
  const deep = '<a>'.repeat(100) + '</a>'.repeat(100);
  assert.throws(() => parseXml(deep), /deeper/);
});

test('a byte-order mark and surrounding whitespace are accepted', () => {
  assert.equal(parseXml('\uFEFF<?xml version="1.0"?>\n<a/>\n').local, 'a');
});

test('attributes with a prefix carry their namespace', () => {
  const root = parseXml('<a xmlns:xl="urn:l" xl:lang="fr" xml:lang="en"/>');
  assert.equal(attribute(root, 'urn:l', 'lang'), 'fr');
  assert.equal(attribute(root, 'http://www.w3.org/XML/1998/namespace', 'lang'), 'en');
});
