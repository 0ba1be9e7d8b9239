// The demo's stories happen as their people would do them: a context acting as a person through one
// of their memberships, so that rights, audit and events say who did what.
import type { Role } from '#src/core/auth/rights.ts';
import type { Ctx } from '#src/core/context.ts';

export type DemoActing = { personId: string; name: string; structureId: string; structureName?: string; role: Role };

export function actingAs(ctx: Ctx, who: DemoActing, at: Date = ctx.now): Ctx {
  const membership = { id: `demo-${who.personId}`, structureId: who.structureId, structureName: who.structureName ?? '', role: who.role, identityReferent: false };
  return { ...ctx, now: at, actor: { kind: 'person', personId: who.personId, displayName: who.name, acting: membership, memberships: [membership] } };
}
