// Who is in each generic file's care team, and when. Teams hold 2 to 6 people, coordinator
// included; some join after the opening, a few leave, and closing a file ends every membership.
import type { CareTeamRole, DemoCareTeamMember } from './types.ts';
import type { Rng } from './random.ts';
import type { Condition, PatientProfile } from './patients.ts';
import { addDays, daysBetween, workingMoment } from './dates.ts';
import { PEOPLE } from './people.ts';

/** a member whose person is chosen later (GP and nurse quotas are filled across all files) */
export type TeamSlot = { role: CareTeamRole; personKey: string; periodStart: Date; periodEnd: Date | null };

const MAX_TEAM = 6;

// Hospital specialists in the demo: a geriatrician, a nephrologist and a psychiatrist.
const SPECIALIST_CHANCE: Partial<Record<Condition, number>> = { dementia: 0.35, frailty: 0.15, diabetes: 0.3, psychiatric: 0.6 };

/** probability that each role is in the team, from the patient's age and condition */
function roleChances(profile: PatientProfile): [CareTeamRole, number][] {
  const { age, condition } = profile;
  const old = age >= 75;
  const medical = ['heart_failure', 'diabetes', 'copd', 'cancer'].includes(condition);
  return [
    ['attending_gp', 0.96],
    ['nurse', old || medical ? 0.75 : 0.4],
    ['pharmacist', 0.55],
    ['physiotherapist', ['frailty', 'stroke', 'parkinson'].includes(condition) ? 0.5 : condition === 'copd' ? 0.3 : 0.08],
    ['home_care', old ? (condition === 'dementia' ? 0.55 : 0.35) : condition === 'disability' ? 0.3 : 0.08],
    ['specialist', SPECIALIST_CHANCE[condition] ?? 0],
    ['social_worker', ['psychiatric', 'disability'].includes(condition) ? 0.5 : 0.22],
    ['hospital', 0.1],
    ['other', old && ['dementia', 'frailty'].includes(condition) ? 0.08 : 0],
  ];
}

function specialistFor(profile: PatientProfile): string {
  if (profile.condition === 'diabetes') return 'minh-pham';
  if (profile.condition === 'psychiatric') return 'francois-leroux';
  return 'anne-sophie-delaunay';
}

const POOLS: Partial<Record<CareTeamRole, [string, number][]>> = {
  pharmacist: [['pharmacien', 45], ['nathalie-ferreira', 30], ['mehdi-amrani', 25]],
  physiotherapist: [['celine-robin', 55], ['hugo-marchand', 45]],
  // the aides who go to the home; the service's coordinating nurse manages them from the office
  home_care: [['maria-da-silva', 35], ['ibrahima-sow', 30], ['chantal-roux', 35]],
  hospital: [['bruno-hamon', 45], ['lucie-brunet', 55]],
  other: [['veronique-renaud', 50], ['michel-bertin', 30], ['mariama-camara', 20]],
};

function pickFromPool(rng: Rng, pool: [string, number][]): string {
  return rng.weighted(pool.map(([k]) => k), pool.map(([, w]) => w));
}

function personFor(rng: Rng, role: CareTeamRole, profile: PatientProfile, structureKey: string): string {
  if (role === 'attending_gp' || role === 'nurse') return ''; // filled by quota
  if (role === 'specialist') return specialistFor(profile);
  if (role === 'social_worker') {
    if (profile.age < 30 && profile.condition === 'disability') return 'manon-giraud';
    return pickFromPool(rng, [['emilie-perrin', 60], ['samira-khelifi', 25], ['karine-poirier', 15]]);
  }
  const pool = POOLS[role] ?? [];
  // a CPTS works with its own members
  const local = structureKey === 'cpts' ? pool.filter(([k]) => isCptsMember(k)) : pool;
  return pickFromPool(rng, local.length > 0 ? local : pool);
}

export function isCptsMember(personKey: string): boolean {
  return PEOPLE.some((p) => p.key === personKey && p.memberships.some(([s]) => s === 'cpts'));
}

// Physiotherapy, social work and hospital stays usually start after the opening.
const LATE_JOIN_SHARE: Partial<Record<CareTeamRole, number>> = {
  nurse: 0.2, pharmacist: 0.3, physiotherapist: 0.6, home_care: 0.5, specialist: 0.4, social_worker: 0.5, other: 0.8,
};

function memberPeriod(rng: Rng, role: CareTeamRole, openedAt: Date, end: Date): { periodStart: Date; periodEnd: Date | null } {
  const span = daysBetween(openedAt, end);
  if (role === 'hospital') {
    if (span < 14) return { periodStart: openedAt, periodEnd: null };
    const periodStart = workingMoment(rng, addDays(openedAt, 7), addDays(end, -3));
    const discharge = addDays(periodStart, rng.int(4, 25));
    return { periodStart, periodEnd: discharge < end ? discharge : null };
  }
  let periodStart = openedAt;
  if (rng.chance(LATE_JOIN_SHARE[role] ?? 0) && span > 20) {
    periodStart = workingMoment(rng, addDays(openedAt, 3), addDays(openedAt, Math.min(45, span - 5)));
  }
  const leaveShare = role === 'physiotherapist' ? 0.4 : ['nurse', 'pharmacist', 'home_care', 'social_worker'].includes(role) ? 0.05 : 0;
  const stayed = daysBetween(periodStart, end);
  if (stayed > 40 && rng.chance(leaveShare)) {
    return { periodStart, periodEnd: workingMoment(rng, addDays(periodStart, 30), addDays(end, -2)) };
  }
  return { periodStart, periodEnd: null };
}

export type TeamInput = { profile: PatientProfile; structureKey: string; referentKey: string; openedAt: Date; end: Date };

/** the team of one file; the coordinator (referent) first */
export function draftTeam(rng: Rng, { profile, structureKey, referentKey, openedAt, end }: TeamInput): TeamSlot[] {
  const chosen = roleChances(profile).filter(([, p]) => rng.chance(p)).map(([role]) => role);
  // the GP and nurse matter most; the others compete for the remaining places
  const core = chosen.filter((r) => r === 'attending_gp' || r === 'nurse');
  const others = rng.shuffle(chosen.filter((r) => r !== 'attending_gp' && r !== 'nurse'));
  const roles = [...core, ...others].slice(0, MAX_TEAM - 1);
  if (roles.length === 0) roles.push('nurse');
  const team: TeamSlot[] = [{ role: 'coordinator', personKey: referentKey, periodStart: openedAt, periodEnd: null }];
  for (const role of roles) {
    team.push({ role, personKey: personFor(rng, role, profile, structureKey), ...memberPeriod(rng, role, openedAt, end) });
  }
  return team;
}

/** closing a file ends every membership still running */
export function closeTeam(team: TeamSlot[], closedAt: Date | null): DemoCareTeamMember[] {
  return team.map((m) => ({
    personKey: m.personKey,
    role: m.role,
    periodStart: m.periodStart,
    periodEnd: closedAt && (m.periodEnd === null || m.periodEnd > closedAt) ? closedAt : m.periodEnd,
  }));
}
