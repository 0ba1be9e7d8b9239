// Builds the demo region of Trame: one DAC territory around Angers with its structures,
// professionals, ~300 patients and their coordination files. Pure and deterministic: the same
// `now` and seed always give the same region, so demos and tests can rely on it.
import type { DemoRegion } from './types.ts';
import { createRng } from './random.ts';
import { buildStructures } from './structures.ts';
import { buildTerritories } from './territories.ts';
import { buildPeople } from './people.ts';
import { buildPatientProfiles } from './patients.ts';
import { planGenericFiles } from './files.ts';
import { toDemoFile, writeJournal } from './journal.ts';
import { buildStoryFiles } from './stories.ts';

export type {
  DemoRegion,
  DemoStructure,
  DemoTerritory,
  DemoPerson,
  DemoPatient,
  DemoFile,
  DemoCareTeamMember,
  DemoJournalEntry,
} from './types.ts';

const PATIENT_COUNT = 300;
// The scenario files already put 'medecin' in Jeanne's team and 'infirmiere' too.
const QUOTAS = { medecin: 39, infirmiere: 29 };

export function buildDemoRegion(now: Date, seed = 42): DemoRegion {
  const rng = createRng(seed);
  const profiles = buildPatientProfiles(rng.fork('patients'), now, PATIENT_COUNT);
  const scenarioKeys = new Set(['jeanne', 'karim', 'lea']);
  const generic = profiles.filter((p) => !scenarioKeys.has(p.patient.key));
  const plans = planGenericFiles(rng.fork('files'), {
    profiles: generic,
    now,
    quotas: QUOTAS,
    closedShare: 0.15,
    cptsOnly: 10,
    both: 5,
  });
  const journalRng = rng.fork('journal');
  const genericFiles = plans.map((plan) => toDemoFile(plan, writeJournal(journalRng, plan, now)));
  const storyFiles = buildStoryFiles(rng.fork('stories'), now, profiles);
  return {
    structures: buildStructures(),
    territories: buildTerritories(),
    people: buildPeople(),
    patients: profiles.map((p) => p.patient),
    files: [...storyFiles, ...genericFiles],
  };
}
