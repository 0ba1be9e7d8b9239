// Writes a file's journal: the milestone entries, then everyday entries by whoever is in the care
// team at that moment. An author is always a member active at writtenAt or a coordinator of the
// file's structure, the rule the platform itself enforces.
import type { CareTeamRole, ClosureReason, DemoCareTeamMember, DemoFile, DemoJournalEntry, JournalCategory } from './types.ts';
import type { Rng } from './random.ts';
import type { PatientProfile } from './patients.ts';
import { addDays, addMinutes, atParisTime, daysBetween, workingMoment } from './dates.ts';
import { colleagueName, coordinatorsOf, personSpec } from './people.ts';
import { fillTemplate, type TextContext } from './journal-slots.ts';
import { ALONE_TEXTS, CONDITION_TEXTS, ELDERLY_TEXTS, GENERAL_TEXTS, type Template } from './journal-texts.ts';
import * as milestones from './journal-milestones.ts';

export type FilePlan = {
  key: string;
  profile: PatientProfile;
  structureKey: string;
  openedAt: Date;
  closedAt: Date | null;
  closureReason: ClosureReason | null;
  referentKey: string;
  careTeam: DemoCareTeamMember[];
};

type Interval = { from: Date; to: Date };

// Who writes most: the people who go to the home every day.
const AUTHOR_WEIGHTS: Record<CareTeamRole, number> = {
  nurse: 3, home_care: 2.5, coordinator: 2.2, attending_gp: 1.3, physiotherapist: 1.2, pharmacist: 1, social_worker: 1,
  other: 0.6, specialist: 0.5, hospital: 0.4, caregiver: 0,
};

const CATEGORY_WEIGHTS: Partial<Record<CareTeamRole, Partial<Record<Exclude<JournalCategory, null>, number>>>> = {
  nurse: { visit: 55, note: 24, phone_call: 15, alert: 6 },
  attending_gp: { note: 55, visit: 20, phone_call: 20, alert: 5 },
  pharmacist: { note: 70, phone_call: 30 },
  physiotherapist: { visit: 70, note: 30 },
  home_care: { visit: 55, note: 30, phone_call: 5, alert: 10 },
  specialist: { note: 75, meeting: 15, phone_call: 10 },
  hospital: { note: 60, phone_call: 40 },
  social_worker: { note: 50, phone_call: 25, visit: 15, meeting: 10 },
  coordinator: { phone_call: 35, note: 37, visit: 12, meeting: 10, alert: 6 },
  other: { note: 45, visit: 25, meeting: 15, phone_call: 15 },
};

// Roles that work at the patient's home stop writing while the patient is in hospital.
const HOME_ROLES: CareTeamRole[] = ['nurse', 'home_care', 'physiotherapist'];

function isActive(member: DemoCareTeamMember, at: Date): boolean {
  return member.periodStart <= at && (member.periodEnd === null || at < member.periodEnd);
}

function firstOfRole(plan: FilePlan, role: CareTeamRole): string | null {
  const member = plan.careTeam.find((m) => m.role === role);
  return member ? colleagueName(personSpec(member.personKey)) : null;
}

function textContext(rng: Rng, plan: FilePlan, at: Date): TextContext {
  const referent = personSpec(plan.referentKey);
  return {
    rng,
    profile: plan.profile,
    at,
    follower: plan.structureKey === 'cpts' ? 'de la CPTS' : 'du DAC',
    names: {
      gp: firstOfRole(plan, 'attending_gp'),
      nurse: firstOfRole(plan, 'nurse'),
      pharmacist: firstOfRole(plan, 'pharmacist'),
      homeCare: firstOfRole(plan, 'home_care'),
      coordinator: `${referent.givenName} ${referent.familyName}`,
    },
  };
}

/** one entry, its template filled for this file's patient and team */
export function entry(
  rng: Rng,
  plan: FilePlan,
  authorKey: string,
  writtenAt: Date,
  category: JournalCategory,
  template: string,
): DemoJournalEntry {
  return { authorKey, writtenAt, category, text: fillTemplate(template, textContext(rng, plan, writtenAt)) };
}

function requester(rng: Rng, plan: FilePlan): string {
  return rng.weighted(['{gp}', 'l’assistante sociale du CH', '{aidant}', '{ide}', 'le service des urgences du CH'], [
    plan.careTeam.some((m) => m.role === 'attending_gp') ? 60 : 0, 12, 12, 10, 6,
  ]);
}

/** opening, first assessment and first plan: the DAC's work in the first weeks */
function openingEntries(rng: Rng, plan: FilePlan, end: Date): DemoJournalEntry[] {
  const { profile, referentKey, openedAt } = plan;
  const openingTemplate = plan.structureKey === 'cpts' ? milestones.CPTS_OPENING_TEMPLATE : milestones.OPENING_TEMPLATE;
  const opening = openingTemplate
    .replace('{requester}', requester(rng, plan))
    .replace('{reason}', rng.pick(milestones.referralReasons(profile.condition)));
  const openedNote = entry(rng, plan, referentKey, addMinutes(openedAt, rng.int(10, 120)), 'note', opening);
  const entries = openedNote.writtenAt < end ? [openedNote] : [];
  const lifetime = daysBetween(openedAt, end);
  if (lifetime < 12) return entries;
  // the first assessment: within three weeks, at home
  const assessedAt = workingMoment(rng, addDays(openedAt, 5), addDays(openedAt, Math.min(25, lifetime - 2)));
  const hasNurse = plan.careTeam.some((m) => m.role === 'nurse');
  const withWhom = rng.pick([' en présence de {proche}', '', ...(hasNurse ? [' avec {ide}'] : [])]);
  const assessment = (profile.age >= 60 ? milestones.ASSESSMENT_TEMPLATE_SENIOR : milestones.ASSESSMENT_TEMPLATE_YOUNGER)
    .replace('{with}', withWhom)
    .replace('{findings}', rng.pick(milestones.assessmentFindings(profile.condition)));
  entries.push(entry(rng, plan, referentKey, assessedAt, 'visit', assessment));
  const planFrom = addDays(assessedAt, 2);
  const planTo = new Date(Math.min(addDays(assessedAt, 12).getTime(), end.getTime()));
  if (planFrom < planTo) {
    const planText = milestones.PLAN_TEMPLATE.replace('{objectives}', rng.pick(milestones.planObjectives(profile.condition)));
    entries.push(entry(rng, plan, referentKey, workingMoment(rng, planFrom, planTo), 'meeting', planText));
  }
  return entries;
}

// Patients leave hospital during the day: the discharge note is written between 10:00 and
// 16:00 on the last day of the stay (the day before when the stay ends earlier than that).
function dischargeMoment(rng: Rng, stayEnd: Date): Date {
  const sameDay = atParisTime(stayEnd, rng.int(10, 15), rng.int(0, 59));
  return sameDay < stayEnd ? sameDay : addDays(sameDay, -1);
}

/** admission alert, coordinator relay and discharge note for each hospital stay in the team */
function hospitalEntries(rng: Rng, plan: FilePlan, end: Date): { entries: DemoJournalEntry[]; stays: Interval[] } {
  const entries: DemoJournalEntry[] = [];
  const stays: Interval[] = [];
  for (const member of plan.careTeam.filter((m) => m.role === 'hospital')) {
    const stayEnd = member.periodEnd ?? end;
    stays.push({ from: member.periodStart, to: stayEnd });
    const admittedAt = addMinutes(member.periodStart, rng.int(20, 180));
    if (admittedAt >= stayEnd) continue;
    // the alert and the coordinator's relay name the same ward
    const ward = fillTemplate('{service}', textContext(rng, plan, admittedAt));
    entries.push(entry(rng, plan, member.personKey, admittedAt, 'alert', milestones.ADMISSION_TEMPLATE.replace('{service}', ward)));
    const relayAt = addMinutes(admittedAt, rng.int(30, 300));
    if (relayAt < end) {
      entries.push(entry(rng, plan, plan.referentKey, relayAt, 'note', milestones.ADMISSION_RELAY_TEMPLATE.replace('{service}', ward)));
    }
    // a discharge only when the stay ended before the file did
    const discharged = member.periodEnd !== null && (plan.closedAt === null || member.periodEnd < plan.closedAt);
    const dischargeAt = dischargeMoment(rng, stayEnd);
    if (discharged && dischargeAt > admittedAt) {
      entries.push(entry(rng, plan, member.personKey, dischargeAt, 'note', milestones.DISCHARGE_TEMPLATE));
    }
  }
  return { entries, stays };
}

function closureEntry(rng: Rng, plan: FilePlan): DemoJournalEntry[] {
  if (!plan.closedAt || !plan.closureReason) return [];
  const at = addMinutes(plan.closedAt, -rng.int(1, 20));
  if (at < plan.openedAt) return [];
  return [entry(rng, plan, plan.referentKey, at, 'note', rng.pick(milestones.closureTemplates(plan.closureReason)))];
}

// A text that names the nurse or the home-care service only fits a team that has one.
const NEEDS: [RegExp, CareTeamRole][] = [
  [/\{ide\}|infirmi/, 'nurse'],
  [/\{ssiad\}/, 'home_care'],
];

function fitsTeam(plan: FilePlan, text: string): boolean {
  return NEEDS.every(([pattern, role]) => !pattern.test(text) || plan.careTeam.some((m) => m.role === role));
}

function templatesFor(plan: FilePlan, role: CareTeamRole): { templates: Template[]; weights: number[] } {
  const sources: [Template[] | undefined, number][] = [
    [GENERAL_TEXTS[role], 1],
    [plan.profile.age >= 75 ? ELDERLY_TEXTS[role] : undefined, 2],
    [plan.profile.livesAlone ? ALONE_TEXTS[role] : undefined, 1.5],
    [CONDITION_TEXTS[plan.profile.condition]?.[role], 2.5],
  ];
  const templates: Template[] = [];
  const weights: number[] = [];
  for (const [list, weight] of sources) {
    for (const t of list ?? []) {
      if (!fitsTeam(plan, t[1])) continue;
      templates.push(t);
      weights.push(weight);
    }
  }
  return { templates, weights };
}

/** how often each template was used in this file: a file rarely tells the same thing twice */
type Usage = Map<string, number>;

function pickTemplate(rng: Rng, plan: FilePlan, role: CareTeamRole, usage: Usage): Template {
  const { templates, weights } = templatesFor(plan, role);
  const categoryWeights = CATEGORY_WEIGHTS[role] ?? { note: 1 };
  const categories = Object.keys(categoryWeights) as Template[0][];
  const category = rng.weighted(categories, categories.map((c) => categoryWeights[c] ?? 0));
  const unused = templates.map((t, i) => (usage.has(t[1]) ? 0 : (weights[i] ?? 0)));
  const unusedInCategory = templates.map((t, i) => (t[0] === category ? (unused[i] ?? 0) : 0));
  // the chosen category first, then anything not yet said, then the least repeated
  const leastRepeated = templates.map((t, i) => (weights[i] ?? 0) / (1 + 19 * (usage.get(t[1]) ?? 0)));
  const choice = [unusedInCategory, unused, leastRepeated].find((w) => w.some((x) => x > 0)) ?? leastRepeated;
  const picked = rng.weighted(templates, choice);
  usage.set(picked[1], (usage.get(picked[1]) ?? 0) + 1);
  return picked;
}

function within(at: Date, intervals: Interval[]): boolean {
  return intervals.some((s) => s.from <= at && at < s.to);
}

/** a working moment of the file's life outside the quiet periods; nurses and aides work weekends */
function everydayMoment(rng: Rng, plan: FilePlan, end: Date, quiet: Interval[]): Date {
  let at = workingMoment(rng, plan.openedAt, end, 0.25);
  for (let attempt = 0; attempt < 20 && within(at, quiet); attempt++) at = workingMoment(rng, plan.openedAt, end, 0.25);
  return at;
}

function isWeekend(at: Date): boolean {
  const day = at.getUTCDay();
  return day === 0 || day === 6;
}

/** the team members who may write an everyday entry at that moment */
function authorsAt(plan: FilePlan, at: Date, stays: Interval[], options: JournalOptions): DemoCareTeamMember[] {
  const inHospital = within(at, stays);
  const silent = options.silent ?? [];
  return plan.careTeam.filter(
    (m) =>
      isActive(m, at) &&
      !silent.includes(m.personKey) &&
      !(inHospital && HOME_ROLES.includes(m.role)) &&
      // offices are closed at weekends: only home visits then
      !(isWeekend(at) && !HOME_ROLES.includes(m.role)),
  );
}

/** one everyday entry at a random moment, by a team member active then */
function everydayEntry(
  rng: Rng,
  plan: FilePlan,
  end: Date,
  stays: Interval[],
  options: JournalOptions,
  usage: Usage,
): DemoJournalEntry {
  let at = everydayMoment(rng, plan, end, options.quiet ?? []);
  let authors = authorsAt(plan, at, stays, options);
  if (authors.length === 0 && isWeekend(at)) {
    // nobody visits at weekends in this file: the note waits for Monday (or was written on Friday)
    const monday = addDays(at, at.getUTCDay() === 6 ? 2 : 1);
    const friday = addDays(at, at.getUTCDay() === 6 ? -1 : -2);
    if (monday < end) at = monday;
    else if (friday >= plan.openedAt) at = friday;
    authors = authorsAt(plan, at, stays, options);
  }
  const member = authors.length > 0 ? rng.weighted(authors, authors.map((m) => AUTHOR_WEIGHTS[m.role])) : null;
  if (!member || member.role === 'coordinator') return coordinatorEntry(rng, plan, at, usage);
  const [category, template] = pickTemplate(rng, plan, member.role, usage);
  // a share of plain notes are written without choosing a category
  const finalCategory = category === 'note' && rng.chance(0.15) ? null : category;
  return entry(rng, plan, member.personKey, at, finalCategory, template);
}

// The referent writes most coordinator entries; a colleague on duty covers the rest.
function coordinatorEntry(rng: Rng, plan: FilePlan, at: Date, usage: Usage): DemoJournalEntry {
  const colleagues = coordinatorsOf(plan.structureKey).filter((k) => k !== plan.referentKey);
  const onDuty = colleagues.length > 0 && rng.chance(0.06);
  const author = onDuty ? rng.pick(colleagues) : plan.referentKey;
  const [category, template] = pickTemplate(rng, plan, 'coordinator', usage);
  const prefix = onDuty ? `Permanence en l’absence de {coord} — ` : '';
  return entry(rng, plan, author, at, category, prefix + template);
}

/** how many entries a file gets: about one every twelve days, between 3 and 40 */
function targetEntryCount(rng: Rng, plan: FilePlan, end: Date): number {
  const days = daysBetween(plan.openedAt, end);
  const activity = 0.6 + rng.next() * 0.9;
  return Math.max(3, Math.min(40, Math.round((days / 12) * activity)));
}

export type JournalOptions = {
  /** entries written by hand (scenario files); everyday entries fill around them */
  scripted?: DemoJournalEntry[];
  /** periods without everyday entries (a scenario's hospital stay: only scripted entries then) */
  quiet?: Interval[];
  /** people who write only scripted entries */
  silent?: string[];
  /** total wanted, scripted entries included */
  target?: number;
};

export function writeJournal(rng: Rng, plan: FilePlan, now: Date, options: JournalOptions = {}): DemoJournalEntry[] {
  const end = plan.closedAt ?? now;
  const hospital = hospitalEntries(rng, plan, end);
  const fixed = options.scripted ?? [...openingEntries(rng, plan, end), ...hospital.entries, ...closureEntry(rng, plan)];
  const target = Math.min(40, options.target ?? targetEntryCount(rng, plan, end));
  const usage: Usage = new Map();
  const everyday = Array.from({ length: Math.max(0, target - fixed.length) }, () =>
    everydayEntry(rng, plan, end, hospital.stays, options, usage),
  );
  return [...fixed, ...everyday].sort((a, b) => a.writtenAt.getTime() - b.writtenAt.getTime());
}

/** the file as the region exposes it: the patient by key, the internal profile left out */
export function toDemoFile(plan: FilePlan, journal: DemoJournalEntry[]): DemoFile {
  const { profile, ...file } = plan;
  return { ...file, patientKey: profile.patient.key, journal };
}
