// Read side of consents for the access decision of files (and, through them, tasks and documents):
// checked on every read, so a withdrawal or an objection takes effect at once.
import type { Ctx } from '#src/core/context.ts';
import { findConsentsOfPatient } from './repo.ts';
import { standingFor, type SharingStanding } from './rules.ts';

const NOTHING: SharingStanding = { opposed: false, categories: new Set() };

/** The patient's standing towards the caller now. The platform itself (jobs, demo) is no reader. */
export async function sharingStandingOfCaller(ctx: Ctx, patientId: string): Promise<SharingStanding> {
  if (ctx.actor.kind !== 'person') return NOTHING;
  const consents = await findConsentsOfPatient(ctx.db, patientId);
  if (consents.length === 0) return NOTHING;
  return standingFor(consents, { personId: ctx.actor.personId, structureId: ctx.actor.acting?.structureId ?? null }, ctx.now);
}
