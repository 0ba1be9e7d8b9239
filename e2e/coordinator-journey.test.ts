// The foundation's user story, in a real browser: a coordinator creates a patient, opens a file,
// gathers the care team and writes in the journal; a team member sees it live; an outsider is refused;
// the coordinator closes the file with a reason and reopens it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD } from '../scripts/demo/load.ts';
import { accessibilityViolations, login, newPage, PHONE, screenshot, startE2E, type E2E } from './browser.ts';

let e2e: E2E;
let fileUrl = '';
const NOTE = 'Appel de la fille de Mme Rivière : nouvelle chute hier soir, pas de blessure. Visite à prévoir cette semaine.';

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

test('a coordinator creates a patient, opens a file, gathers the team and writes in the journal', async () => {
  const { context, page } = await newPage(e2e);
  await login(page, 'coordination@demo.trame.fr', DEMO_PASSWORD);
  await screenshot(page, '01-ma-journee-desktop');

  await page.getByRole('link', { name: 'Patients', exact: true }).first().click();
  await page.getByLabel('Rechercher un patient').fill('Rivière');
  await page.getByRole('button', { name: 'Créer le patient' }).click();
  await page.getByLabel('Nom de naissance').fill('Rivière');
  await page.getByLabel('Prénom', { exact: true }).fill('Odette');
  await page.getByLabel('Date de naissance').fill('1939-04-17');
  await page.getByLabel('Sexe').selectOption('F');
  await screenshot(page, '02-creation-patient-desktop');
  await page.getByRole('button', { name: 'Créer le patient' }).click();

  await page.getByRole('button', { name: 'Ouvrir un dossier de coordination' }).click();
  await page.getByLabel('Nouvelle entrée du cahier de liaison').waitFor();
  fileUrl = new URL(page.url()).pathname;
  assert.match(fileUrl, /^\/files\/[0-9a-f-]{36}$/);

  await page.getByRole('tab', { name: /Équipe de soins/ }).click();
  await page.getByRole('button', { name: 'Ajouter un membre' }).click();
  await page.getByLabel('Rechercher un professionnel').fill('Mercier');
  await page.getByRole('option', { name: /Mercier/ }).first().click();
  await page.getByLabel("Rôle dans l'équipe").selectOption('attending_gp');
  await screenshot(page, '03a-ajout-membre-desktop');
  await page.getByRole('dialog').getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.getByText(/Antoine Mercier|Mercier Antoine|MERCIER/).first().waitFor();

  await page.getByRole('tab', { name: /Cahier de liaison/ }).click();
  await page.getByLabel('Nouvelle entrée du cahier de liaison').fill(NOTE);
  await page.getByRole('button', { name: 'Publier' }).click();
  await page.getByText(NOTE).first().waitFor();
  await screenshot(page, '03-dossier-journal-desktop');

  await page.getByRole('tab', { name: /Ligne de temps/ }).click();
  await page.getByText(/Dossier ouvert/).first().waitFor();
  await page.getByText(/Mercier/).first().waitFor();
  await screenshot(page, '04-dossier-ligne-de-temps-desktop');

  const violations = await accessibilityViolations(page);
  assert.deepEqual(violations, [], 'axe-core finds no violation on the file page');
  await context.close();
});

test('a care-team member sees the file in « Mes patients » and the journal refreshes live', async () => {
  const { context, page } = await newPage(e2e, PHONE);
  await login(page, 'medecin@demo.trame.fr', DEMO_PASSWORD);
  await page.goto('/files');
  await page.getByText(/RIVIÈRE/i).first().waitFor();
  await screenshot(page, '05-mes-patients-phone');
  await page.goto(fileUrl);
  await page.getByText(NOTE).first().waitFor();

  const coordinator = await newPage(e2e);
  await login(coordinator.page, 'coordination@demo.trame.fr', DEMO_PASSWORD);
  await coordinator.page.goto(fileUrl);
  const liveNote = `Passage de l’infirmière confirmé pour jeudi (${Date.now()}).`;
  await coordinator.page.getByLabel('Nouvelle entrée du cahier de liaison').fill(liveNote);
  await coordinator.page.getByRole('button', { name: 'Publier' }).click();
  await coordinator.page.getByText(liveNote).first().waitFor();

  await page.getByText(liveNote).first().waitFor({ timeout: 10_000 });
  await screenshot(page, '06-dossier-phone-live');
  assert.deepEqual(await accessibilityViolations(page), [], 'axe-core finds no violation on the phone file page');
  await coordinator.context.close();
  await context.close();
});

test('a professional outside the care team is refused, and the coordinator sees the attempt', async () => {
  const { context, page } = await newPage(e2e);
  await login(page, 'horsequipe@demo.trame.fr', DEMO_PASSWORD);
  const apiAnswer = page.waitForResponse((r) => r.url().endsWith(`/api${fileUrl}`));
  await page.goto(fileUrl);
  assert.equal((await apiAnswer).status(), 403);
  await page.getByText(/Accès refusé/).first().waitFor();
  await page.getByText(/équipe de soins/).first().waitFor();
  await screenshot(page, '07-acces-refuse-desktop');
  await context.close();

  const coordinator = await newPage(e2e);
  await login(coordinator.page, 'coordination@demo.trame.fr', DEMO_PASSWORD);
  await coordinator.page.goto(fileUrl);
  await coordinator.page.getByRole('tab', { name: /Qui a consulté/ }).click();
  await coordinator.page.getByRole('tabpanel', { name: /Qui a consulté/ }).getByText(/Gauthier/).first().waitFor();
  await screenshot(coordinator.page, '08-qui-a-consulte-desktop');
  await coordinator.context.close();
});

test('the coordinator closes the file with a closure reason, then reopens it', async () => {
  const { context, page } = await newPage(e2e);
  await login(page, 'coordination@demo.trame.fr', DEMO_PASSWORD);
  await page.goto(fileUrl);
  await page.getByRole('button', { name: 'Clôturer le dossier' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clôturer', exact: true }).click();
  await page.getByText('Obligatoire').first().waitFor();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Motif de clôture' }).click();
  await page.getByRole('option', { name: 'Amélioration, situation stabilisée' }).click();
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api${fileUrl}`) && r.request().method() === 'PATCH');
  await page.getByRole('dialog').getByRole('button', { name: 'Clôturer', exact: true }).click();
  assert.equal((await answer).status(), 200);
  await page.getByText('Motif de clôture\u00a0: Amélioration, situation stabilisée').waitFor();
  await screenshot(page, '09-dossier-cloture-desktop');
  await page.getByRole('button', { name: 'Rouvrir le dossier' }).click();
  await page.getByRole('button', { name: 'Clôturer le dossier' }).waitFor();
  await context.close();
});
