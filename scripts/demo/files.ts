// The coordination files of the generic patients: one DAC file each, a few CPTS files, openings
// spread over the last 18 months, ~15 % closed, and care teams in which the demo accounts
// 'medecin' and 'infirmiere' appear a known number of times.
import type { ClosureReason } from './types.ts';
import type { Rng } from './random.ts';
import type { PatientProfile } from './patients.ts';
import type { FilePlan } from './journal.ts';
import { addDays, workingMoment } from './dates.ts';
import { closeTeam, draftTeam, isCptsMember, type TeamSlot } from './care-teams.ts';
import { coordinatorsOf } from './people.ts';

type StructureKey = 'dac' | 'cpts';
type Draft = { plan: Omit<FilePlan, 'careTeam'>; team: TeamSlot[] };

// A DAC referent is chosen by the situation: the nurse for medical ones, the social worker for
// social ones, the case manager for dementia.
function pickDacReferent(rng: Rng, profile: PatientProfile): string {
  const { condition } = profile;
  const medical = ['heart_failure', 'diabetes', 'copd', 'cancer'].includes(condition);
  const social = ['psychiatric', 'disability'].includes(condition);
  return rng.weighted(
    ['coordination', 'nadia-benali', 'thomas-nguyen', 'elodie-gaudin'],
    [35 + (medical ? 20 : 0), 20 + (social ? 30 : 0), 22 + (condition === 'dementia' ? 25 : 0), 23],
  );
}

function pickOpening(rng: Rng, now: Date): Date {
  // most files opened in the last year; some older ones are still open
  const [from, to] = rng.chance(0.85) ? [365, 3] : [548, 365];
  return workingMoment(rng, addDays(now, -from), addDays(now, -to));
}

function pickClosureReason(rng: Rng, profile: PatientProfile): ClosureReason {
  const reasons: ClosureReason[] = ['improvement', 'moved', 'death', 'refusal', 'hospital_long_stay'];
  if (profile.condition === 'cancer') return rng.weighted(reasons, [15, 5, 65, 5, 10]);
  if (profile.age >= 75) return rng.weighted(reasons, [25, 25, 28, 10, 12]);
  return rng.weighted(reasons, [55, 15, 5, 20, 5]);
}

type Wanted = { profile: PatientProfile; structureKey: StructureKey; openedAt: Date; closing: boolean };

function draftFile(rng: Rng, now: Date, { profile, structureKey, openedAt, closing }: Wanted): Draft {
  const closedAt = closing ? workingMoment(rng, addDays(openedAt, 30), addDays(now, -1)) : null;
  const referentKey = structureKey === 'dac' ? pickDacReferent(rng, profile) : rng.pick(coordinatorsOf('cpts'));
  const team = draftTeam(rng, { profile, structureKey, referentKey, openedAt, end: closedAt ?? now });
  const closureReason = closing ? pickClosureReason(rng, profile) : null;
  const key = `${structureKey}-${profile.patient.key}`;
  return { plan: { key, profile, structureKey, openedAt, closedAt, closureReason, referentKey }, team };
}

type Quota = {
  role: 'attending_gp' | 'nurse';
  demoKey: string;
  count: number;
  /** the demo account's patients live near its practice */
  homeCommunes: string[];
  /** who takes the other places, with weights */
  others: [string, number][];
};

const GP_QUOTA: Omit<Quota, 'count'> = {
  role: 'attending_gp',
  demoKey: 'medecin',
  homeCommunes: ['49007'], // Angers
  others: [['youssef-haddad', 20], ['aminata-diallo', 25], ['pierre-lebrun', 22], ['agnes-vasseur', 20], ['helene-rousseau', 13]],
};
const NURSE_QUOTA: Omit<Quota, 'count'> = {
  role: 'nurse',
  demoKey: 'infirmiere',
  homeCommunes: ['49246', '49223', '49007'], // Les Ponts-de-Cé, Mûrs-Erigné, Angers
  others: [['marie-lefevre', 25], ['kevin-barbier', 20], ['linh-tran', 20], ['aurelie-cottin', 20], ['fatou-ndiaye', 15]],
};

/** gives the demo account exactly `count` places of its role, near patients first, the rest to the others */
function fillQuota(rng: Rng, drafts: Draft[], quota: Quota): void {
  const places = drafts.flatMap((d) => d.team.filter((m) => m.role === quota.role).map((member) => ({ draft: d, member })));
  const isNear = (p: (typeof places)[number]) => quota.homeCommunes.includes(p.draft.plan.profile.patient.communeInsee);
  const ordered = [...rng.shuffle(places.filter(isNear)), ...rng.shuffle(places.filter((p) => !isNear(p)))];
  ordered.forEach(({ draft, member }, index) => {
    if (index < quota.count) {
      member.personKey = quota.demoKey;
      return;
    }
    // a CPTS file draws on the CPTS's own members
    const candidates = quota.others.filter(([k]) => draft.plan.structureKey !== 'cpts' || isCptsMember(k));
    member.personKey = rng.weighted(candidates.map(([k]) => k), candidates.map(([, w]) => w));
  });
}

export type GenericFilesInput = {
  profiles: PatientProfile[];
  now: Date;
  /** how many teams 'medecin' and 'infirmiere' join */
  quotas: { medecin: number; infirmiere: number };
  closedShare: number;
  /** patients followed by the CPTS only, and by both the DAC and the CPTS */
  cptsOnly: number;
  both: number;
};

/** which files exist: a DAC file for most patients, CPTS files for a few less complex ones */
function wantedFiles(rng: Rng, input: GenericFilesInput): Omit<Wanted, 'openedAt' | 'closing'>[] {
  const younger = rng.shuffle(input.profiles.filter((p) => p.age < 75));
  const cptsOnly = new Set(younger.slice(0, input.cptsOnly).map((p) => p.patient.key));
  const both = new Set(younger.slice(input.cptsOnly, input.cptsOnly + input.both).map((p) => p.patient.key));
  return input.profiles.flatMap((profile) => {
    const key = profile.patient.key;
    const structures: StructureKey[] = cptsOnly.has(key) ? ['cpts'] : both.has(key) ? ['dac', 'cpts'] : ['dac'];
    return structures.map((structureKey) => ({ profile, structureKey }));
  });
}

export function planGenericFiles(rng: Rng, input: GenericFilesInput): FilePlan[] {
  const { now, quotas } = input;
  const wanted = wantedFiles(rng, input);
  const openings = wanted.map(() => pickOpening(rng, now));
  // only a file open for six weeks or more can already be closed
  const closable = wanted.map((_, i) => i).filter((i) => (openings[i] ?? now) <= addDays(now, -45));
  const closing = new Set(rng.shuffle(closable).slice(0, Math.round(wanted.length * input.closedShare)));
  const drafts = wanted.map((w, i) => draftFile(rng, now, { ...w, openedAt: openings[i] ?? now, closing: closing.has(i) }));
  fillQuota(rng, drafts, { ...GP_QUOTA, count: quotas.medecin });
  fillQuota(rng, drafts, { ...NURSE_QUOTA, count: quotas.infirmiere });
  return drafts.map(({ plan, team }) => ({ ...plan, careTeam: closeTeam(team, plan.closedAt) }));
}
