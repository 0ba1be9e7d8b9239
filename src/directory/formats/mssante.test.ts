import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readLines } from './line-reader.ts';
import { createMailboxParser, MSSANTE_HEADER } from './mssante.ts';
import type { LineParser, MailboxRecord } from './types.ts';

type Column = (typeof MSSANTE_HEADER)[number];

async function sample(): Promise<{ header: string; lines: string[] }> {
  const texts: string[] = [];
  for await (const line of readLines(fileURLToPath(new URL('../fixtures/mssante-sample.txt', import.meta.url)))) texts.push(line.text);
  const [header, ...lines] = texts;
  return { header: header!, lines };
}

function parserOf(header: string): LineParser<MailboxRecord> {
  const built = createMailboxParser(header);
  if (!built.ok) assert.fail(built.message);
  return built.value;
}

const lineOf = (values: Partial<Record<Column, string>>, trailingPipe = true) =>
  `${MSSANTE_HEADER.map((column) => values[column] ?? '').join('|')}${trailingPipe ? '|' : ''}`;

const ORG = { 'Type de BAL': 'ORG', 'Adresse BAL': 'secretariat@ch-val-de-maine.mssante.fr', 'Type identifiant structure': '1', 'Identification Structure': '1490070034', 'Raison Sociale structure BAL': 'CENTRE HOSPITALIER DU VAL DE MAINE' } as const;

test('the sample extraction: personal, organisational and applicative boxes, and one address refused', async () => {
  const { header, lines } = await sample();
  const results = lines.map(parserOf(header));
  const boxes = results.flatMap((r) => (r.ok ? [r.value] : []));
  assert.deepEqual(
    Object.fromEntries(['PER', 'ORG', 'APP'].map((type) => [type, boxes.filter((b) => b.boxType === type).length])),
    { PER: 18, ORG: 6, APP: 1 },
  );
  assert.deepEqual(results.flatMap((r) => (r.ok ? [] : [r.message])), ['« elise.gasnier[at]medecin.mssante.fr » n’est pas une adresse de messagerie']);
});

test('a personal box carries the professional; an organisational one its establishment and service', async () => {
  const { header, lines } = await sample();
  const boxes = lines.map(parserOf(header)).flatMap((r) => (r.ok ? [r.value] : []));
  const byAddress = new Map(boxes.map((b) => [b.address, b]));
  assert.deepEqual(byAddress.get('elise.gasnier@medecin.mssante.fr'), {
    address: 'elise.gasnier@medecin.mssante.fr', boxType: 'PER', idNatPs: '899710000011', structureIdKind: '3',
    structureIdentifier: '305900001800123', finess: null, service: null, label: 'Élise GASNIER',
  });
  assert.deepEqual(byAddress.get('geriatrie@ch-val-de-maine.mssante.fr'), {
    address: 'geriatrie@ch-val-de-maine.mssante.fr', boxType: 'ORG', idNatPs: null, structureIdKind: '1',
    structureIdentifier: '1490070034', finess: '490070034', service: 'Court séjour gériatrique',
    label: 'CENTRE HOSPITALIER DU VAL DE MAINE – Court séjour gériatrique',
  });
  assert.equal(byAddress.get('secretariat@chs-loire-maine.mssante.fr')!.finess, '490070059', 'a FINESS written without its "1" is kept as is');
  assert.equal(byAddress.get('secretariat@msp-val-authion.mssante.fr')!.label, "MSP du Val d'Authion", 'the trade name, when there is one');
});

test('refuses an unknown box type, a line with the wrong number of fields, a header lacking a column', () => {
  const parse = parserOf(`${MSSANTE_HEADER.join('|')}|`);
  assert.equal(parse(lineOf(ORG)).ok, true);
  assert.deepEqual(parse(lineOf({ ...ORG, 'Type de BAL': 'BAL' })), { ok: false, message: 'type de boîte « BAL » inconnu (attendu : PER, ORG ou APP) pour secretariat@ch-val-de-maine.mssante.fr' });
  assert.deepEqual(parse('ORG|secretariat@ch-val-de-maine.mssante.fr|'), { ok: false, message: '31 champs attendus, 2 trouvés' });
  assert.deepEqual(parse(lineOf({ ...ORG, 'Adresse BAL': '' })), { ok: false, message: 'adresse de messagerie manquante' });
  assert.deepEqual(createMailboxParser(MSSANTE_HEADER.filter((c) => c !== 'Adresse BAL').join('|')), { ok: false, message: 'colonne « Adresse BAL » absente de l’en-tête' });
});

test('reads an extraction without the trailing "|", even when its last field is empty', () => {
  const parse = parserOf(MSSANTE_HEADER.join('|'));
  const parsed = parse(lineOf({ ...ORG, 'Pays structure BAL': '' }, false));
  assert.ok(parsed.ok && parsed.value.finess === '490070034');
});

test('a structure identified otherwise than by FINESS has no FINESS', () => {
  const parse = parserOf(`${MSSANTE_HEADER.join('|')}|`);
  const siret = parse(lineOf({ ...ORG, 'Type identifiant structure': '3', 'Identification Structure': '326490052001511' }));
  assert.ok(siret.ok && siret.value.finess === null);
  const odd = parse(lineOf({ ...ORG, 'Identification Structure': '12345' }));
  assert.ok(odd.ok && odd.value.finess === null, 'not a FINESS length');
});
