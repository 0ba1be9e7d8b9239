// Which structures the acting membership may give a territory to: the server's rights table decides
// (a platform admin: any, or none; a structure admin: their own); the server still checks each save.
import { isAllowed } from '../../../src/core/auth/rights.ts';
import type { MeView } from '../api/types.ts';

export function mayManageTerritoryOf(me: MeView, structureId: string | null): boolean {
  const acting = me.acting;
  return isAllowed(
    { role: acting?.role ?? null, structureId: acting?.structureId ?? null },
    'territory.manage',
    { structureIds: structureId ? [structureId] : [] },
  );
}
