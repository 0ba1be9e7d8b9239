// Loads the demo region through the platform's use cases: people, structures and patients as an
// administrator would create them, then each file's year of history imported with its events, so
// the journal and the timeline look as if the work had happened here.
import { sql } from 'drizzle-orm';
import { systemActor } from '#src/core/auth/actor.ts';
import type { Config } from '#src/core/config.ts';
import type { Ctx } from '#src/core/context.ts';
import type { Database, Db } from '#src/core/db/connect.ts';
import { createPerson, createStructure, hashPassword } from '#src/accounts/service.ts';
import { createPatient } from '#src/patients/service.ts';
import { importFileHistory, type FileHistory } from '#src/files/import-history.ts';
import { createTerritory } from '#src/territories/service.ts';
import type { ClosureReason } from '#src/files/rules.ts';
import { writeDemoInsiRegister } from './insi-peer.ts';
import { loadHospitalDuplicate, qualifiedJeanne } from './identities.ts';
import { buildDemoRegion, type DemoFile, type DemoRegion } from './region.ts';
import { loadDemoDirectory } from './directory.ts';
import { loadDemoCareTeam } from './care-team.ts';
import { loadDemoWork } from './coordination-work.ts';

export const DEMO_PASSWORD = 'Demo-Trame-2026';
/** Base32 secret of the demo administrator's second factor (README explains how to use it). */
export const DEMO_ADMIN_TOTP_SECRET = 'TRAMEDEMOTOTPSECRETADMIN';

type Loaded = { structureIds: Map<string, string>; people: Map<string, { id: string; name: string }>; patientIds: Map<string, string> };
/** What the demo modules of each capability (referrals, tasks, documents…) get: ids by demo key; files by `structureKey-patientKey`. */
export type DemoIds = Loaded & { fileIds: Map<string, string> };
export type DemoCounts = { structures: number; people: number; patients: number; files: number; journalEntries: number; directory?: Awaited<ReturnType<typeof loadDemoDirectory>> };

async function loadDirectory(ctx: Ctx, region: DemoRegion): Promise<Loaded> {
  const loaded: Loaded = { structureIds: new Map(), people: new Map(), patientIds: new Map() };
  for (const structure of region.structures) {
    loaded.structureIds.set(structure.key, (await createStructure(ctx, structure)).id);
  }
  for (const { key: _key, structureKey, ...territory } of region.territories) {
    await createTerritory(ctx, { ...territory, structureId: loaded.structureIds.get(structureKey)! });
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const person of region.people) {
    const memberships = person.memberships.map((m) => ({ structureId: loaded.structureIds.get(m.structureKey)!, role: m.role, identityReferent: m.identityReferent }));
    const { id } = await createPerson(ctx, {
      ...person,
      passwordHash,
      ...(person.key === 'admin' ? { totpSecret: DEMO_ADMIN_TOTP_SECRET } : {}),
      memberships,
    });
    loaded.people.set(person.key, { id, name: `${person.givenName} ${person.familyName}` });
  }
  return loaded;
}

function historyOf(file: DemoFile, loaded: Loaded): FileHistory {
  const person = (key: string) => loaded.people.get(key)!;
  return {
    structureId: loaded.structureIds.get(file.structureKey)!,
    patientId: loaded.patientIds.get(file.patientKey)!,
    referentId: person(file.referentKey).id,
    openedAt: file.openedAt,
    closedAt: file.closedAt,
    closureReason: file.closureReason as ClosureReason | null,
    careTeam: file.careTeam.map((m) => ({ personId: person(m.personKey).id, personName: person(m.personKey).name, role: m.role, periodStart: m.periodStart, periodEnd: m.periodEnd })),
    journal: file.journal.map((e) => ({ authorId: person(e.authorKey).id, authorName: person(e.authorKey).name, writtenAt: e.writtenAt, category: e.category, text: e.text })),
  };
}

export async function loadDemoRegion(database: Database, config: Config, now: Date): Promise<DemoCounts> {
  if (config.production) throw new Error('The demo region is never loaded when NODE_ENV=production');
  const region = buildDemoRegion(now);
  const register = writeDemoInsiRegister(config.dataDir, region);
  const counts: DemoCounts = { structures: region.structures.length, people: region.people.length, patients: region.patients.length, files: 0, journalEntries: 0 };
  let ids: DemoIds | null = null;
  await database.db.transaction(async (tx) => {
    const ctx: Ctx = { db: tx as unknown as Db, actor: systemActor('demo'), now, requestId: 'demo', clientIp: null };
    const loaded = await loadDirectory(ctx, region);
    for (const patient of region.patients) {
      const creator = region.files.find((f) => f.patientKey === patient.key);
      const at = creator ? creator.openedAt : now;
      const qualified = patient.key === 'jeanne' ? qualifiedJeanne(patient, register) : null;
      const view = await createPatient({ ...ctx, now: at }, qualified?.input ?? patient, qualified?.options ?? { onCandidates: 'queue' });
      loaded.patientIds.set(patient.key, view.id);
    }
    const duplicated = region.patients.find((p) => p.usedName && Number(p.birthDate.slice(8)) <= 12 && p.birthDate.slice(8) !== p.birthDate.slice(5, 7));
    if (duplicated) await loadHospitalDuplicate({ ...ctx, now: new Date(now.getTime() - 3 * 86_400_000) }, duplicated);
    const fileIds = new Map<string, string>();
    for (const file of region.files) {
      fileIds.set(file.key, await importFileHistory(ctx, historyOf(file, loaded)));
      counts.files += 1;
      counts.journalEntries += file.journal.length;
    }
    ids = { ...loaded, fileIds };
  });
  // after the structures exist, so that the FINESS import links the establishments they are
  counts.directory = await loadDemoDirectory(database, now);
  await loadDemoCoordinationWork(database, now, ids!);
  return counts;
}

/**
 * Each capability's demo module adds its part (referrals in every state, tasks, documents, consents,
 * breakdowns…) through its use cases, acting as the people of the stories.
 */
async function loadDemoCoordinationWork(database: Database, now: Date, ids: DemoIds): Promise<void> {
  await database.db.transaction(async (tx) => {
    const ctx: Ctx = { db: tx as unknown as Db, actor: systemActor('demo'), now, requestId: 'demo', clientIp: null };
    // demo modules of issue 6 are called here, one line each
    await loadDemoCareTeam(ctx, ids);
    await loadDemoWork(ctx, ids);
  });
}

/** Wipes every table (and the migration journal) so that the next migrate starts from nothing. */
export async function resetDatabase(database: Database): Promise<void> {
  await database.db.execute(sql`drop schema if exists drizzle cascade`);
  await database.db.execute(sql`drop schema public cascade`);
  await database.db.execute(sql`create schema public`);
  await database.migrate();
}
