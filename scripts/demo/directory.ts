// The demo region's directory comes in the way a real region's does: through the importers, from
// sample extractions in the national formats (scripts/demo/directory/, made by directory-extracts.ts).
// Its establishments then describe their offers.
import { fileURLToPath } from 'node:url';
import { systemActor } from '#src/core/auth/actor.ts';
import { inTransaction, type Ctx } from '#src/core/context.ts';
import type { Database } from '#src/core/db/connect.ts';
import { importExtraction, searchOrganizations } from '#src/directory/service.ts';
import type { ImportKind } from '#src/directory/import-repo.ts';
import { createOffer } from '#src/orientation/service.ts';
import { demoOffersOf } from './offers.ts';
import { createRng } from './random.ts';
import { territoryCommuneCodes } from './territory.ts';

const EXTRACTS: [ImportKind, string][] = [
  ['finess', 'etalab-cs1100507-stock-demo.csv'],
  ['rpps', 'PS_LibreAcces_Personne_activite_demo.txt'],
  ['mssante', 'Extraction_Correspondance_MSSante_demo.txt'],
];
const PAGE = 100;

export type DirectoryCounts = { imports: Record<string, string>; offers: number };

export async function loadDemoDirectory(database: Database, now: Date): Promise<DirectoryCounts> {
  const base = { actor: systemActor('demo'), now, requestId: 'demo', clientIp: null };
  const imports: Record<string, string> = {};
  for (const [kind, file] of EXTRACTS) {
    const path = fileURLToPath(new URL(`./directory/${file}`, import.meta.url));
    const run = await importExtraction(database, base, { kind, path, fileName: file, partial: false });
    if (run.status !== 'done') throw new Error(`demo ${kind} import ${run.status}: ${run.error ?? ''}`);
    imports[kind] = `${run.linesRead} lines, ${run.badLines} bad`;
  }
  const offers = await inTransaction(database, base, (ctx) => describeOffers(ctx));
  return { imports, offers };
}

async function describeOffers(ctx: Ctx): Promise<number> {
  const rng = createRng(20261123).fork('offers');
  const territory = territoryCommuneCodes();
  let count = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await searchOrganizations(ctx, { limit: PAGE, offset });
    for (const establishment of page) {
      for (const offer of demoOffersOf(establishment, territory, rng.fork(establishment.finess))) {
        await createOffer(ctx, { ...offer, organizationId: establishment.id });
        count += 1;
      }
    }
    if (page.length < PAGE) return count;
  }
}
