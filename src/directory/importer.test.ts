// The importers on the demo region's extractions (scripts/demo/directory/), and on variants of them
// written for each test: idempotence, the diff (added / changed / gone), bad lines, partial runs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '#src/core/testing/app.ts';
import { testDatabaseKinds } from '#src/core/testing/databases.ts';
import { EXTRACT_FILES, EXTRACTS_DIR } from '../../scripts/demo/directory-extracts.ts';
import type { ImportKind } from './import-repo.ts';
import * as directory from './service.ts';
import { systemActor } from '#src/core/auth/actor.ts';
import { createStructure } from '#src/accounts/service.ts';
import { withLuhnDigit } from '../../scripts/demo/identifiers.ts';

const original = (kind: keyof typeof EXTRACT_FILES) => fs.readFileSync(path.join(EXTRACTS_DIR, EXTRACT_FILES[kind]), 'utf8').trimEnd().split('\n');

function write(lines: string[], name = 'extract.txt'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trame-import-test-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function importFile(app: TestApp, kind: ImportKind, file: string, partial = false) {
  const base = { actor: systemActor('test'), now: new Date(), requestId: 'test', clientIp: null };
  return directory.importExtraction(app.database, base, { kind, path: file, fileName: path.basename(file), partial });
}

const idNatOf = (line: string) => line.split('|')[2]!;
const nameOf = (line: string) => `|${line.split('|')[7]!}|`;

for (const kind of testDatabaseKinds()) {
  describe(`directory imports on ${kind}`, () => {
    test('an RPPS extraction imports, re-imports unchanged, then records what changed and what is gone', async (t) => {
      const app = await buildTestApp(t, kind);
      const [header, ...lines] = original('rpps');
      const professionals = new Set(lines.map(idNatOf)).size;

      const first = await importFile(app, 'rpps', write([header!, ...lines]));
      assert.equal(first.status, 'done', first.error ?? '');
      assert.equal(first.badLines, 0);
      assert.deepEqual(first.counts.professional, { added: professionals, changed: 0, unchanged: 0, gone: 0 });
      assert.equal(first.counts.activity!.added, lines.length);

      const again = await importFile(app, 'rpps', write([header!, ...lines]));
      assert.deepEqual(again.counts.professional, { added: 0, changed: 0, unchanged: professionals, gone: 0 }, 'idempotent');

      // two professionals leave, one practice moves, a new one arrives, and three lines are broken
      const leaving = [...new Set(lines.map(idNatOf))].slice(-2);
      const kept = lines.filter((l) => !leaving.includes(idNatOf(l)));
      const moved = kept[0]!.replace(/\|0241\d{6}\|/, '|0241999999|');
      const newcomer = kept[1]!.replaceAll(idNatOf(kept[1]!).slice(1), withLuhnDigit('9976000000'));
      const badKey = kept[2]!.replaceAll(idNatOf(kept[2]!).slice(1), `${withLuhnDigit('9976000001').slice(0, 10)}${(Number(withLuhnDigit('9976000001').slice(10)) + 1) % 10}`);
      const broken = [badKey, 'pas une ligne', kept[3]!.replace(nameOf(kept[3]!), '')];
      const next = await importFile(app, 'rpps', write([header!, moved, ...kept.slice(1), newcomer, ...broken]));
      assert.equal(next.status, 'done', next.error ?? '');
      assert.equal(next.counts.professional!.gone, 2);
      assert.equal(next.counts.professional!.added, 1);
      assert.equal(next.counts.activity!.changed, 1, 'the practice whose phone changed');
      assert.equal(next.badLines, 3);

      const report = await app.asSystem((ctx) => directory.getImport(ctx, next.id));
      const lineCount = kept.length + 2;
      assert.deepEqual(report.problems.map((p) => p.lineNo), [lineCount + 1, lineCount + 2, lineCount + 3], 'bad lines keep their number in the file');
      assert.match(report.problems[0]!.message, /RPPS invalide/);
      assert.match(report.problems[1]!.message, /champs attendus/);
      assert.deepEqual(report.changes.filter((c) => c.recordKind === 'professional').map((c) => c.change).sort(), ['added', 'gone', 'gone']);

      // gone professionals leave the search; their pages stay, saying so
      const search = await app.asSystem((ctx) => directory.searchProfessionals(ctx, { idNatPs: leaving[0], limit: 5 }));
      assert.equal(search.length, 0);
    });

    test('a professional whose practices straddle two batches is added once', async (t) => {
      const app = await buildTestApp(t, kind);
      const [header, template] = original('rpps');
      const fields = template!.split('|');
      const lines: string[] = [];
      for (let i = 0; i < 750; i++) {
        const rpps = withLuhnDigit(`99790${String(i).padStart(5, '0')}`);
        for (const site of ['T', 'U']) {
          const line = [...fields];
          [line[1], line[2], line[23]] = [rpps, `8${rpps}`, `${site}${i}`];
          lines.push(line.join('|'));
        }
      }
      const run = await importFile(app, 'rpps', write([header!, ...lines]));
      assert.deepEqual(run.counts.professional, { added: 750, changed: 0, unchanged: 0, gone: 0 });
      assert.equal(run.counts.activity!.added, 1500);
    });

    test('a partial extraction marks nothing gone; a bad header fails the run and changes nothing', async (t) => {
      const app = await buildTestApp(t, kind);
      const [header, ...lines] = original('rpps');
      await importFile(app, 'rpps', write([header!, ...lines]));
      const partial = await importFile(app, 'rpps', write([header!, ...lines.slice(0, 3)]), true);
      assert.equal(partial.counts.professional!.gone, 0);
      const status = await app.asSystem((ctx) => directory.directoryStatus(ctx));
      assert.equal(status.professionals, new Set(lines.map(idNatOf)).size);

      const failed = await importFile(app, 'rpps', write([header!.replace("Nom d'exercice", 'Nom'), ...lines]));
      assert.equal(failed.status, 'failed');
      assert.match(failed.error ?? '', /Nom d'exercice/);
      assert.equal((await app.asSystem((ctx) => directory.directoryStatus(ctx))).professionals, status.professionals);
    });

    test('FINESS establishments get WGS 84 positions and are linked to the Trame structure with their FINESS', async (t) => {
      const app = await buildTestApp(t, kind);
      const lines = original('finess');
      const structure = lines.find((l) => l.startsWith('structureet;'))!.split(';');
      const structureId = await app.asSystem((ctx) => createStructure(ctx, { name: 'CH', kind: 'hospital', finess: structure[1]! }));
      const run = await importFile(app, 'finess', write(lines, 'finess.csv'));
      assert.equal(run.status, 'done', run.error ?? '');
      assert.equal(run.badLines, 0);
      const [found] = await app.asSystem((ctx) => directory.searchOrganizations(ctx, { finess: structure[1], limit: 1 }));
      assert.equal(found!.structureId, structureId.id);
      assert.ok(found!.latitude! > 47.3 && found!.latitude! < 47.6 && found!.longitude! > -0.7 && found!.longitude! < -0.3, `${found!.latitude} ${found!.longitude}`);
      const point = await app.asSystem((ctx) => directory.findCommunePoint(ctx, found!.communeInsee!));
      assert.ok(point && Math.abs(point.latitude - 47.47) < 0.1);
    });

    test('the MSSanté import dates the directory refresh (indicator 5.2) and gives professionals their addresses', async (t) => {
      const app = await buildTestApp(t, kind);
      await importFile(app, 'rpps', write(original('rpps')));
      assert.equal((await app.asSystem((ctx) => directory.directoryStatus(ctx))).mssanteRefreshedAt, null);
      const run = await importFile(app, 'mssante', write(original('mssante')));
      assert.equal(run.status, 'done', run.error ?? '');
      const status = await app.asSystem((ctx) => directory.directoryStatus(ctx));
      assert.ok(status.mssanteRefreshedAt instanceof Date);
      const [mercier] = await app.asSystem((ctx) => directory.searchProfessionals(ctx, { q: 'mercier antoine', limit: 1 }));
      assert.ok(mercier, 'Dr Mercier is in the demo extraction');
      assert.equal(mercier!.activities[0]!.communeName, 'Angers');
    });

    test('one run of a kind at a time', async (t) => {
      const app = await buildTestApp(t, kind);
      const file = write(original('rpps'));
      const job = { kind: 'rpps' as const, path: file, fileName: 'a', partial: false };
      const first = await app.asSystem((ctx) => directory.createImport(ctx, job));
      await assert.rejects(app.asSystem((ctx) => directory.createImport(ctx, job)), /already running/);
      assert.equal((await directory.executeImport(app.database, first.id, job)).status, 'done');
    });
  });
}
