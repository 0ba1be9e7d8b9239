// Use cases of the breakdown observatory: record a breakdown in a care path (from a file or on its
// own), correct it, list and count a structure's breakdowns by period, kind, cause and territory, and
// export them as CSV for the territory's partners — without the patient's identity.
import { appendAudit } from '#src/core/audit/audit.ts';
import { assertAllowed } from '#src/core/auth/access.ts';
import type { Ctx } from '#src/core/context.ts';
import { emitEvent } from '#src/core/events/outbox.ts';
import { BadInput, Conflict, NotFound } from '#src/core/http/errors.ts';
import { newId } from '#src/core/ids.ts';
import { todayInParis } from '#src/core/paris-day.ts';
import { findPeopleRefs, type PersonRef } from '#src/accounts/service.ts';
import { authorizeOnFile } from '#src/files/service.ts';
import { findPatientView } from '#src/patients/service.ts';
import { describeCommunes, findTerritoryCommunes } from '#src/territories/service.ts';
import * as repo from './repo.ts';
import { checkOccurredOn, countBy, csvLine } from './rules.ts';

export type BreakdownView = {
  id: string;
  fileId: string | null;
  occurredOn: string;
  kind: string;
  cause: string;
  consequence: string;
  structuresInvolved: string[];
  description: string | null;
  commune: { insee: string; name: string } | null;
  recordedBy: PersonRef | null;
  recordedAt: Date;
  version: number;
};

export type BreakdownInput = {
  occurredOn: string;
  kind: string;
  cause: string;
  consequence: string;
  structuresInvolved: string[];
  description?: string | null | undefined;
  communeInsee?: string | null | undefined;
};

async function toViews(ctx: Ctx, rows: repo.BreakdownRow[]): Promise<BreakdownView[]> {
  const people = await findPeopleRefs(ctx, rows.map((r) => r.recordedBy));
  const communes = describeCommunes(rows.flatMap((r) => (r.communeInsee ? [r.communeInsee] : [])));
  return rows.map((row) => ({
    id: row.id,
    fileId: row.fileId,
    occurredOn: row.occurredOn,
    kind: row.kind,
    cause: row.cause,
    consequence: row.consequence,
    structuresInvolved: row.structuresInvolved,
    description: row.description,
    commune: row.communeInsee ? { insee: row.communeInsee, name: communes.get(row.communeInsee)?.name ?? row.communeInsee } : null,
    recordedBy: people.get(row.recordedBy) ?? null,
    recordedAt: row.recordedAt,
    version: row.version,
  }));
}

function checkCommune(insee: string | null | undefined): void {
  if (insee && !describeCommunes([insee]).has(insee)) throw new BadInput('breakdowns.commune_unknown', 'Unknown commune', { communeInsee: 'unknown INSEE code' });
}

/**
 * Records a breakdown for the acting structure; from a file (the caller may read it), the patient's
 * commune is taken when none is given. Right: breakdown.record (the structure's coordination staff).
 */
export async function recordBreakdown(ctx: Ctx, input: BreakdownInput, fileId?: string): Promise<BreakdownView> {
  const structureId = ctx.actor.acting?.structureId ?? '';
  assertAllowed(ctx, 'breakdown.record', { structureIds: [structureId] });
  checkOccurredOn(input.occurredOn, todayInParis(ctx.now));
  checkCommune(input.communeInsee);
  const file = fileId ? await authorizeOnFile(ctx, fileId, 'file.read') : null;
  const patient = file ? await findPatientView(ctx, file.patientId) : null;
  const row: repo.BreakdownRow = {
    id: newId(ctx.now.getTime()),
    structureId,
    fileId: file?.fileId ?? null,
    patientId: file?.patientId ?? null,
    occurredOn: input.occurredOn,
    kind: input.kind,
    cause: input.cause,
    structuresInvolved: input.structuresInvolved,
    consequence: input.consequence,
    description: input.description ?? null,
    communeInsee: input.communeInsee ?? patient?.communeInsee ?? null,
    recordedBy: ctx.actor.personId!,
    recordedAt: ctx.now,
    version: 1,
  };
  await repo.insertBreakdown(ctx.db, row);
  await appendAudit(ctx, { action: 'breakdown.record', outcome: 'allowed', patientId: row.patientId ?? undefined, fileId: row.fileId ?? undefined, objectType: 'Breakdown', objectId: row.id });
  await emitEvent(ctx, {
    type: 'breakdown.recorded',
    patientId: row.patientId,
    fileId: row.fileId,
    payload: { breakdownId: row.id, kind: row.kind, cause: row.cause, consequence: row.consequence, occurredOn: row.occurredOn },
  });
  return (await toViews(ctx, [row]))[0]!;
}

export async function updateBreakdown(ctx: Ctx, id: string, input: Partial<BreakdownInput> & { version: number }): Promise<BreakdownView> {
  const row = await repo.findBreakdown(ctx.db, id);
  if (!row || row.structureId !== ctx.actor.acting?.structureId) throw new NotFound('breakdowns.not_found');
  assertAllowed(ctx, 'breakdown.record', { structureIds: [row.structureId] });
  if (input.occurredOn) checkOccurredOn(input.occurredOn, todayInParis(ctx.now));
  checkCommune(input.communeInsee);
  const { version, ...changes } = input;
  if (!(await repo.updateIfVersion(ctx.db, id, version, changes))) throw new Conflict('breakdowns.version_stale', 'The breakdown was changed by someone else', { currentVersion: row.version });
  await appendAudit(ctx, { action: 'breakdown.update', outcome: 'allowed', fileId: row.fileId ?? undefined, objectType: 'Breakdown', objectId: id });
  await emitEvent(ctx, { type: 'breakdown.updated', patientId: row.patientId, fileId: row.fileId, payload: { breakdownId: id, kind: changes.kind ?? row.kind } });
  return (await toViews(ctx, [{ ...row, ...changes, version: version + 1 }]))[0]!;
}

export type BreakdownFilter = { from?: string | undefined; to?: string | undefined; kind?: string | undefined; cause?: string | undefined; territoryId?: string | undefined; communeInsee?: string | undefined; limit: number };

async function rowsFor(ctx: Ctx, filter: BreakdownFilter): Promise<repo.BreakdownRow[]> {
  assertAllowed(ctx, 'breakdown.list');
  const communes = filter.territoryId ? await findTerritoryCommunes(ctx, filter.territoryId) : filter.communeInsee ? [filter.communeInsee] : undefined;
  return repo.listBreakdowns(ctx.db, { structureId: ctx.actor.acting?.structureId ?? '', ...filter, communes });
}

/** The acting structure's breakdowns, with counts by kind and cause. Right: breakdown.list. */
export async function listBreakdowns(ctx: Ctx, filter: BreakdownFilter) {
  const rows = await rowsFor(ctx, filter);
  await appendAudit(ctx, { action: 'breakdown.list', outcome: 'allowed', details: { results: rows.length } });
  return { items: await toViews(ctx, rows), byKind: countBy(rows, (r) => r.kind), byCause: countBy(rows, (r) => r.cause) };
}

export const CSV_HEADER = ['Date', 'Type de rupture', 'Cause', 'Conséquence', 'Structures concernées', 'Commune', 'Code INSEE', 'Description', 'Dossier'];

/**
 * The breakdowns as CSV (UTF-8 with BOM, `;`), labels in French via `label`. No patient identity: the
 * export goes to the territory's partners; the file id lets the DAC find the situation again.
 */
export async function exportBreakdowns(ctx: Ctx, filter: BreakdownFilter, label: (kind: 'kind' | 'cause' | 'consequence', code: string) => string): Promise<string> {
  const views = await toViews(ctx, await rowsFor(ctx, filter));
  await appendAudit(ctx, { action: 'breakdown.export', outcome: 'allowed', details: { results: views.length } });
  const lines = views.map((b) =>
    csvLine([b.occurredOn, label('kind', b.kind), label('cause', b.cause), label('consequence', b.consequence), b.structuresInvolved.join(', '), b.commune?.name ?? '', b.commune?.insee ?? '', b.description, b.fileId]),
  );
  return `\uFEFF${[csvLine(CSV_HEADER), ...lines].join('\r\n')}\r\n`;
}
