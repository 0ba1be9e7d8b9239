// The demo's care-team invitations: Claire Morel (DAC) invited a physiotherapist of the directory who
// has no Trame account into Mme Jeanne's team three days ago; the link waits to be opened. Past members
// with ended periods come from the files' history (scripts/demo/care-teams.ts: physiotherapists, nurses…).
import type { Ctx } from '#src/core/context.ts';
import { searchProfessionals } from '#src/directory/service.ts';
import { inviteToCareTeam, recordMailOutcome } from '#src/files/invitations.ts';
import { actingAs } from './acting.ts';
import type { DemoIds } from './load.ts';

// Alexandre HOUDEBINE, Masseur-Kinésithérapeute in Mûrs-Érigné, with an MSSanté mailbox: directory only
const PHYSIO_ID_NAT_PS = '899720000225';
const DEMO_PUBLIC_URL = 'http://localhost:3000';

export async function loadDemoCareTeam(ctx: Ctx, ids: DemoIds): Promise<void> {
  const coordinator = ids.people.get('coordination')!;
  const fileId = ids.fileIds.get('dac-jeanne')!;
  const at = new Date(ctx.now.getTime() - 3 * 86_400_000);
  const acting = actingAs(ctx, { personId: coordinator.id, name: coordinator.name, structureId: ids.structureIds.get('dac')!, structureName: 'DAC Anjou Centre', role: 'coordinator' }, at);
  const [physio] = await searchProfessionals(acting, { idNatPs: PHYSIO_ID_NAT_PS, limit: 1 });
  if (!physio) return;
  const result = await inviteToCareTeam(acting, fileId, { professionalId: physio.id, role: 'physiotherapist' }, DEMO_PUBLIC_URL);
  // the story has the mail sent; the demo sends none (its clear link was never kept: re-send to get one)
  if (result.outcome === 'invited') await recordMailOutcome(acting, result.invitation.id, 'sent');
}
