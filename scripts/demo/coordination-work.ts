// The demo's coordination work, done through the use cases as the stories' people would: requests
// for support in every state (scenarios 1 and 2 accepted into their files), tasks (some late), documents,
// the patients' information, consents and an objection lifted, and a year of breakdowns on the territory.
import { issueFormToken, acceptReferral, assignReferral, closeReferral, redirectReferral, requestInformation, submitPublicReferral, submitReferral } from '#src/referrals/service.ts';
import { createTask, updateTask, addComment } from '#src/tasks/service.ts';
import { uploadDocument } from '#src/documents/service.ts';
import { recordConsent, withdrawConsent } from '#src/consents/service.ts';
import { recordBreakdown } from '#src/breakdowns/service.ts';
import { findFileWorkers } from '#src/files/service.ts';
import type { Ctx } from '#src/core/context.ts';
import { todayInParis } from '#src/core/paris-day.ts';
import type { Role } from '#src/core/auth/rights.ts';
import { actingAs } from './acting.ts';
import type { DemoIds } from './load.ts';
import { createRng } from './random.ts';
import { territoryCommuneCodes } from './territory.ts';

const DAY = 86_400_000;
const MAX_BYTES = 20 * 1024 * 1024;
const FORM_SECRET = 'demo-form-secret';

/** A small valid PDF with one line of text: what the demo's letters look like. */
export function demoPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 50 780 Td (${text.replace(/[()\\]/g, ' ')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

type Who = { key: string; structure: string; role: Role };

function as(ctx: Ctx, ids: DemoIds, who: Who, daysAgo: number): Ctx {
  const person = ids.people.get(who.key)!;
  return actingAs(ctx, { personId: person.id, name: person.name, structureId: ids.structureIds.get(who.structure)!, role: who.role }, new Date(ctx.now.getTime() - daysAgo * DAY));
}

const CLAIRE: Who = { key: 'coordination', structure: 'dac', role: 'coordinator' };
const MERCIER: Who = { key: 'medecin', structure: 'msp-justices', role: 'professional' };
const POIRIER: Who = { key: 'karine-poirier', structure: 'hospital', role: 'professional' };
const PEREIRA: Who = { key: 'infirmiere', structure: 'cabinet-infirmier', role: 'professional' };
const CHEVALIER: Who = { key: 'pharmacien', structure: 'pharmacie', role: 'professional' };

const jeanneSituation = {
  person: { givenName: 'Jeanne', familyName: 'Lemaire', birthDate: '1940-03-12', communeInsee: '49007' },
  situation: 'Deuxième chute en un mois, vit seule, plaintes mnésiques, fille à 300 km. Je souhaite une évaluation à domicile.',
  criteria: ['isolation', 'falls', 'memory_complaints', 'caregiver_exhausted_or_far'],
  urgency: 'within_week' as const,
  consentToContact: true,
};

async function loadReferrals(ctx: Ctx, ids: DemoIds): Promise<void> {
  const dac = ids.structureIds.get('dac')!;
  // scenario 1: Dr Mercier's request, accepted within 48 h into Mme Jeanne's file
  const jeanne = await submitReferral(as(ctx, ids, MERCIER, 172), { structureId: dac, ...jeanneSituation }, 'app', { category: 'gp' });
  await acceptReferral(as(ctx, ids, CLAIRE, 171), jeanne.id, { version: jeanne.version, patientId: ids.patientIds.get('jeanne')!, mission: 'complex_path', supportLevel: 'soutenu', message: 'Demande acceptée : je rencontre Mme Lemaire à domicile la semaine prochaine. Claire Morel.' });
  // scenario 2: the hospital social worker refers M. Karim B.
  const karim = await submitReferral(
    as(ctx, ids, POIRIER, 122),
    { structureId: dac, person: { givenName: 'Karim', familyName: 'Bouzid', birthDate: '1972-06-03', communeInsee: '49007' }, situation: 'Diabète avec insuffisance rénale, perte d’emploi, logement insalubre, pas de médecin traitant.', criteria: ['social_precarity', 'housing', 'no_gp', 'multiple_chronic_conditions'], urgency: 'within_week', consentToContact: true },
    'app',
    { category: 'social_worker' },
  );
  await acceptReferral(as(ctx, ids, { key: 'nadia-benali', structure: 'dac', role: 'coordinator' }, 120), karim.id, { version: karim.version, patientId: ids.patientIds.get('karim')!, mission: 'complex_path', supportLevel: 'intensif' });
  // waiting for a complement, redirected, closed
  const asked = await submitReferral(as(ctx, ids, PEREIRA, 3), { structureId: dac, person: { givenName: 'Marcel', familyName: 'Guérin', birthDate: '1936-11-02', communeInsee: '49015' }, situation: 'Refuse les aides, oublis de traitement, épouse épuisée.', criteria: ['refusal_of_care', 'caregiver_exhausted_or_far'], urgency: 'within_month', consentToContact: true }, 'app', { category: 'nurse' });
  await requestInformation(as(ctx, ids, CLAIRE, 2), asked.id, { version: asked.version, message: 'Son médecin traitant est-il informé de la situation ? Pouvez-vous nous donner ses coordonnées ?' });
  const redirected = await submitReferral(as(ctx, ids, CHEVALIER, 12), { structureId: dac, person: { givenName: 'Simone', familyName: 'Perrot', birthDate: '1949-01-20' }, situation: 'Demande d’aide pour un dossier APA.', criteria: ['other'], urgency: 'not_urgent', consentToContact: true }, 'app', { category: 'pharmacist' });
  await redirectReferral(as(ctx, ids, CLAIRE, 11), redirected.id, { version: redirected.version, name: 'Maison départementale des solidarités Angers Est', message: 'La demande d’APA relève de la MDS : nous lui avons transmis, elle vous rappelle.' });
  const closed = await submitReferral(as(ctx, ids, MERCIER, 25), { structureId: dac, person: { givenName: 'Paul', familyName: 'Hervé', birthDate: '1958-04-14' }, situation: 'Besoin d’un kinésithérapeute à domicile.', criteria: [], urgency: 'within_month', consentToContact: true }, 'app', { category: 'gp' });
  await closeReferral(as(ctx, ids, CLAIRE, 24), closed.id, { version: closed.version, reason: 'not_complex', message: 'Situation sans complexité : voici trois cabinets qui se déplacent à domicile (annuaire Trame).' });
  // two new ones in the queue: a daughter on the public form, a call from a neighbour
  const publicCtx: Ctx = { ...ctx, now: new Date(ctx.now.getTime() - 5 * 3_600_000) };
  await submitPublicReferral(publicCtx, FORM_SECRET, {
    structureId: dac,
    person: { givenName: 'Odile', familyName: 'Chauvin', birthDate: '1935-07-08', communeInsee: '49246' },
    situation: 'Ma mère ne mange plus, elle est seule depuis le décès de mon père, je vis à Nantes.',
    criteria: ['isolation', 'caregiver_exhausted_or_far'],
    urgency: 'within_48h',
    consentToContact: true,
    requesterCategory: 'relative',
    requesterName: 'Hélène Chauvin',
    requesterPhone: '06 45 12 78 90',
    formToken: issueFormToken(FORM_SECRET, new Date(publicCtx.now.getTime() - 5 * 60_000)),
  });
  const call = await submitReferral(
    as(ctx, ids, CLAIRE, 1),
    { structureId: dac, person: { givenName: 'René', familyName: 'Lebreton', birthDate: '1931-02-27', communeInsee: '49007' }, situation: 'Appel de la voisine : M. Lebreton ne sort plus, chutes, courrier non ouvert.', criteria: ['isolation', 'falls'], urgency: 'within_week', consentToContact: false },
    'phone',
    { category: 'other', name: 'Mme Gaillard (voisine)', phone: '02 41 55 12 34' },
  );
  await assignReferral(as(ctx, ids, CLAIRE, 1), call.id, { version: call.version, assigneeId: ids.people.get('coordination')!.id });
}

async function assigneeAmong(ctx: Ctx, fileId: string, ids: DemoIds, keys: string[]): Promise<string | null> {
  const workers = await findFileWorkers(ctx, fileId);
  return keys.map((k) => ids.people.get(k)?.id).find((id): id is string => !!id && workers.has(id)) ?? null;
}

async function loadTasks(ctx: Ctx, ids: DemoIds): Promise<void> {
  const jeanneFile = ids.fileIds.get('dac-jeanne')!;
  const today = (offset: number) => todayInParis(new Date(ctx.now.getTime() + offset * DAY));
  const claire = ids.people.get('coordination')!.id;
  const pharmacist = await assigneeAmong(ctx, jeanneFile, ids, ['pharmacien', 'nathalie-ferreira', 'mehdi-amrani']);
  const created = async (daysAgo: number, fileId: string, task: Parameters<typeof createTask>[2]) => createTask(as(ctx, ids, CLAIRE, daysAgo), fileId, task);
  await created(10, jeanneFile, { title: 'Préparer le pilulier de la semaine', assigneePersonId: pharmacist, dueOn: today(2), priority: 'high' });
  await created(20, jeanneFile, { title: 'Constituer la demande d’APA avec la fille de Mme Lemaire', assigneePersonId: claire, dueOn: today(-3), priority: 'normal' });
  const physio = await created(40, jeanneFile, { title: 'Trouver un kinésithérapeute qui se déplace à domicile', assigneePersonId: claire, dueOn: today(-30), priority: 'normal' });
  await addComment(as(ctx, ids, CLAIRE, 36), physio.id, 'Mme Robin passe deux fois par semaine à partir de lundi.');
  await updateTask(as(ctx, ids, CLAIRE, 35), physio.id, { version: physio.version, status: 'done' });
  const karimFile = ids.fileIds.get('dac-karim');
  if (karimFile) await created(6, karimFile, { title: 'Relancer la maison de santé pour un médecin traitant', assigneePersonId: claire, dueOn: today(0), priority: 'urgent' });
  const leaFile = ids.fileIds.get('dac-lea');
  if (leaFile) await created(4, leaFile, { title: 'Organiser la réunion de concertation avec l’école', assigneePersonId: claire, dueOn: today(9), priority: 'normal' });
}

async function loadDocuments(ctx: Ctx, ids: DemoIds): Promise<void> {
  const jeanneFile = ids.fileIds.get('dac-jeanne')!;
  const upload = (daysAgo: number, fileId: string, meta: Parameters<typeof uploadDocument>[2], text: string) => uploadDocument(as(ctx, ids, CLAIRE, daysAgo), fileId, meta, demoPdf(text), MAX_BYTES);
  await upload(168, jeanneFile, { title: 'Courrier du Dr Mercier', typeCode: '11488-4', visibility: 'care_team', isEvaluation: false, filename: 'courrier-dr-mercier.pdf' }, 'Courrier du Dr Mercier au DAC - Mme Lemaire');
  await upload(60, jeanneFile, { title: 'Décision d’attribution de l’APA', typeCode: '51851-4', visibility: 'patient', isEvaluation: false, filename: 'decision-apa.pdf' }, 'Decision APA - Conseil departemental de Maine-et-Loire');
  await upload(150, jeanneFile, { title: 'Évaluation gériatrique de l’hôpital de jour', typeCode: '34117-2', visibility: 'care_team', isEvaluation: true, filename: 'evaluation-hdj.pdf' }, 'Evaluation geriatrique standardisee - hopital de jour');
  const karimFile = ids.fileIds.get('dac-karim');
  if (karimFile) {
    await upload(118, karimFile, { title: 'Lettre de liaison du service de néphrologie', typeCode: '11490-0', visibility: 'care_team', isEvaluation: false, filename: 'lettre-liaison-nephrologie.pdf' }, 'Lettre de liaison - nephrologie');
    await upload(100, karimFile, { title: 'Note sociale (logement)', typeCode: '51851-4', visibility: 'coordinators', isEvaluation: false, filename: 'note-sociale.pdf' }, 'Note sociale - logement');
  }
}

async function loadConsents(ctx: Ctx, ids: DemoIds): Promise<void> {
  const dacFiles = [...ids.fileIds].filter(([key]) => key.startsWith('dac-')).map(([, id]) => id);
  for (const fileId of dacFiles) {
    await recordConsent(as(ctx, ids, CLAIRE, 90), fileId, { kind: 'information', collectedAt: new Date(ctx.now.getTime() - 90 * DAY), channel: 'oral', comment: 'Notice d’information remise, contact du DPO donné.' });
  }
  const karimFile = ids.fileIds.get('dac-karim');
  if (karimFile) {
    await recordConsent(as(ctx, ids, CLAIRE, 60), karimFile, {
      kind: 'sharing',
      recipientStructureId: ids.structureIds.get('social-service')!,
      categories: ['tasks'],
      collectedAt: new Date(ctx.now.getTime() - 60 * DAY),
      channel: 'oral',
      comment: 'M. Bouzid accepte le partage avec le service logement, mais refuse que ses antécédents psychiatriques lui soient communiqués.',
    });
  }
  const leaFile = ids.fileIds.get('dac-lea');
  if (leaFile) {
    const withdrawn = await recordConsent(as(ctx, ids, CLAIRE, 80), leaFile, { kind: 'sharing', recipientStructureId: ids.structureIds.get('cpts')!, categories: ['documents'], collectedAt: new Date(ctx.now.getTime() - 80 * DAY), channel: 'electronic' });
    await withdrawConsent(as(ctx, ids, CLAIRE, 30), withdrawn.id, withdrawn.version);
    const objection = await recordConsent(as(ctx, ids, CLAIRE, 20), leaFile, { kind: 'opposition', collectedAt: new Date(ctx.now.getTime() - 20 * DAY), channel: 'oral', comment: 'Léa s’est opposée au partage pendant une crise ; levée après en avoir reparlé.' });
    await withdrawConsent(as(ctx, ids, CLAIRE, 15), objection.id, objection.version);
  }
}

const BREAKDOWNS: [kind: string, cause: string, consequence: string][] = [
  ['hospital_discharge_unprepared', 'lack_of_information_sharing', 'care_delayed'],
  ['no_gp', 'professional_shortage', 'care_delayed'],
  ['home_care_interruption', 'professional_shortage', 'caregiver_overload'],
  ['medication_break', 'coordination_gap', 'emergency_visit'],
  ['delayed_admission', 'no_available_place', 'loss_of_autonomy'],
  ['social_rights_break', 'administrative_delay', 'care_not_given'],
  ['information_not_transmitted', 'lack_of_information_sharing', 'rehospitalisation'],
  ['caregiver_exhaustion', 'no_available_place', 'emergency_visit'],
];

async function loadBreakdowns(ctx: Ctx, ids: DemoIds): Promise<void> {
  const rng = createRng(2026_06);
  const communes = territoryCommuneCodes();
  const jeanneFile = ids.fileIds.get('dac-jeanne')!;
  const friday = todayInParis(new Date(ctx.now.getTime() - 44 * DAY));
  await recordBreakdown(as(ctx, ids, CLAIRE, 40), { occurredOn: friday, kind: 'hospital_discharge_unprepared', cause: 'lack_of_information_sharing', consequence: 'care_delayed', structuresInvolved: ['Centre hospitalier Anjou Loire (orthopédie)', 'Cabinet infirmier des Ponts-de-Cé'], description: 'Sortie un vendredi soir sans que l’infirmière libérale soit prévenue : pas de soins pendant le week-end.' }, jeanneFile);
  const karimFile = ids.fileIds.get('dac-karim');
  if (karimFile) await recordBreakdown(as(ctx, ids, { key: 'nadia-benali', structure: 'dac', role: 'coordinator' }, 119), { occurredOn: todayInParis(new Date(ctx.now.getTime() - 121 * DAY)), kind: 'no_gp', cause: 'professional_shortage', consequence: 'care_delayed', structuresInvolved: [], description: 'Sans médecin traitant depuis huit mois ; renouvellements aux urgences.' }, karimFile);
  for (let i = 0; i < 23; i++) {
    const [kind, cause, consequence] = rng.pick(BREAKDOWNS);
    const daysAgo = rng.int(2, 360);
    await recordBreakdown(as(ctx, ids, CLAIRE, daysAgo - 1 > 0 ? daysAgo - 1 : 0), {
      occurredOn: todayInParis(new Date(ctx.now.getTime() - daysAgo * DAY)),
      kind,
      cause,
      consequence,
      structuresInvolved: [],
      communeInsee: rng.pick(communes),
    });
  }
}

export async function loadDemoWork(ctx: Ctx, ids: DemoIds): Promise<void> {
  await loadReferrals(ctx, ids);
  await loadTasks(ctx, ids);
  await loadDocuments(ctx, ids);
  await loadConsents(ctx, ids);
  await loadBreakdowns(ctx, ids);
}
