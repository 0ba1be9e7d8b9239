// Issue 6's walk, in a real browser: a relative's request on the public form becomes an accepted file
// with a care team; a task is done by the pharmacist of the team; a document is shared and downloaded
// by him; a breakdown is recorded; a professional outside the team is refused, then, with a consent
// covering only the tasks, sees those and nothing else, until the consent is withdrawn.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD } from '../scripts/demo/load.ts';
import { demoPdf } from '../scripts/demo/coordination-work.ts';
import { login, newPage, noSeriousViolation, PHONE, screenshot, startE2E, type E2E } from './browser.ts';

let e2e: E2E;
let fileUrl = '';

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});


test('a relative’s request on the public form is accepted into a file with a care team', async () => {
  const relative = await newPage(e2e, PHONE);
  await relative.page.goto(`${e2e.baseUrl}/demande-appui`);
  await relative.page.getByLabel('Vous êtes').selectOption('relative');
  await relative.page.getByLabel('Vos nom et prénom').fill('Pascal Tessier');
  await relative.page.getByLabel('Votre téléphone').fill('06 98 76 54 32');
  await relative.page.getByLabel('DAC destinataire').selectOption({ index: 1 });
  await relative.page.getByLabel('Nom de la personne', { exact: true }).fill('Tessier');
  await relative.page.getByLabel('Prénom de la personne', { exact: true }).fill('Lucienne');
  await relative.page.getByLabel('Date de naissance', { exact: true }).fill('1937-09-14');
  await relative.page.getByLabel('Situation', { exact: true }).fill('Mon père est décédé, ma mère ne prend plus ses médicaments et ne sort plus.');
  await relative.page.getByLabel('Nombreux médicaments').check();
  await relative.page.getByLabel('Délai souhaité').selectOption('within_48h');
  await relative.page.getByLabel(/d’accord pour être contactée/).check();
  await relative.page.waitForTimeout(3_100);
  await relative.page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await relative.page.getByRole('heading', { name: 'Votre demande est envoyée' }).waitFor();
  await relative.context.close();

  const { context, page } = await newPage(e2e);
  await login(page, 'coordination@demo.trame.fr', DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Demandes d’appui', exact: true }).click();
  await page.getByRole('link', { name: 'TESSIER Lucienne' }).click();
  await page.getByRole('button', { name: 'Accepter et ouvrir le dossier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Accepter la demande' });
  await dialog.getByRole('button', { name: 'Créer la fiche patient' }).click();
  await dialog.getByLabel('Sexe').selectOption('F');
  await dialog.getByRole('button', { name: 'Créer le patient' }).click();
  await dialog.getByText(/Patient\u00a0: TESSIER Lucienne/).waitFor();
  await dialog.getByRole('button', { name: 'Accepter et ouvrir le dossier' }).click();
  await page.waitForURL(/\/files\/[0-9a-f-]{36}$/);
  fileUrl = new URL(page.url()).pathname;

  await page.getByRole('button', { name: 'Ajouter un membre' }).click();
  await page.getByLabel('Rechercher un professionnel').fill('Chevalier');
  await page.getByRole('option', { name: /Chevalier/ }).first().click();
  await page.getByLabel("Rôle dans l'équipe").selectOption('pharmacist');
  await page.getByRole('dialog').getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.getByText('Olivier Chevalier').first().waitFor();

  // a task for the pharmacist
  await page.getByRole('tab', { name: 'Tâches' }).click();
  await page.getByLabel('Tâche', { exact: true }).fill('Préparer un pilulier hebdomadaire');
  await page.getByLabel('Pour qui').selectOption({ label: 'Olivier Chevalier (pharmacien·ne)' });
  await page.getByRole('button', { name: 'Créer la tâche' }).click();
  await page.getByText('Pour Olivier Chevalier').waitFor();

  // a document shared with the team
  await page.getByRole('tab', { name: 'Documents' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'choisissez-le' }).click();
  await (await chooser).setFiles({ name: 'ordonnance.pdf', mimeType: 'application/pdf', buffer: demoPdf('Ordonnance du Dr Mercier') });
  await page.getByLabel('Type de document').selectOption('57833-6');
  await page.getByRole('button', { name: 'Déposer' }).click();
  await page.getByRole('list', { name: 'Documents du dossier' }).getByText('ordonnance').waitFor();
  await screenshot(page, 'work-01-documents-desktop');
  await noSeriousViolation(page, 'the documents tab');

  // a breakdown in the path
  await page.getByRole('button', { name: 'Signaler une rupture' }).click();
  const breakdown = page.getByRole('dialog', { name: 'Signaler une rupture de parcours pour ce patient' });
  await breakdown.getByLabel('Type de rupture').selectOption('medication_break');
  await breakdown.getByLabel('Cause principale').selectOption('coordination_gap');
  await breakdown.getByLabel('Conséquence').selectOption('care_delayed');
  await breakdown.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText('Rupture enregistrée dans l’observatoire.').waitFor();
  await page.goto(`${e2e.baseUrl}/breakdowns`);
  await page.getByRole('cell', { name: /Rupture de traitement/ }).first().waitFor();
  await screenshot(page, 'work-02-ruptures-desktop');
  await noSeriousViolation(page, 'the breakdown register');
  await context.close();
});

test('the pharmacist does his task and downloads the shared document', async () => {
  const { context, page } = await newPage(e2e, PHONE);
  await login(page, 'pharmacien@demo.trame.fr', DEMO_PASSWORD);
  await page.goto(`${e2e.baseUrl}/tasks`);
  await page.getByText('Préparer un pilulier hebdomadaire').waitFor();
  await screenshot(page, 'work-03-mes-taches-phone');
  await noSeriousViolation(page, 'my tasks');
  await page.getByRole('button', { name: /Marquer comme faite.*Préparer un pilulier hebdomadaire/ }).click();
  await page.getByRole('listitem').filter({ hasText: 'Préparer un pilulier hebdomadaire' }).getByText('Faite').first().waitFor();

  await page.goto(`${e2e.baseUrl}${fileUrl}`);
  await page.getByRole('tab', { name: 'Documents' }).click();
  const link = page.getByRole('link', { name: /Télécharger ordonnance/ });
  const response = await page.request.get(`${e2e.baseUrl}${await link.getAttribute('href')}`);
  assert.equal(response.status(), 200);
  assert.match((await response.body()).subarray(0, 8).toString(), /^%PDF-1\.4/);
  await context.close();
});

test('outside the team: refused; with a consent covering the tasks only, the tasks and nothing else; withdrawn, refused', async () => {
  const outsider = await newPage(e2e);
  await login(outsider.page, 'horsequipe@demo.trame.fr', DEMO_PASSWORD);
  await outsider.page.goto(`${e2e.baseUrl}${fileUrl}`);
  await outsider.page.getByRole('heading', { name: 'Accès refusé' }).waitFor();
  const refused = await outsider.page.request.get(`${e2e.baseUrl}/api${fileUrl}`);
  assert.equal(refused.status(), 403);

  const coordinator = await newPage(e2e);
  await login(coordinator.page, 'coordination@demo.trame.fr', DEMO_PASSWORD);
  await coordinator.page.goto(`${e2e.baseUrl}${fileUrl}?tab=consent`);
  await coordinator.page.getByRole('tab', { name: 'Consentement' }).click();
  await coordinator.page.getByRole('button', { name: 'Enregistrer un consentement' }).click();
  const dialog = coordinator.page.getByRole('dialog', { name: 'Enregistrer un consentement' });
  await dialog.getByLabel('Structure', { exact: true }).selectOption({ label: 'Cabinet de kinésithérapie du Lac de Maine' });
  await dialog.getByLabel('les tâches').check();
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await coordinator.page.getByText('À\u00a0: Cabinet de kinésithérapie du Lac de Maine').waitFor();
  await screenshot(coordinator.page, 'work-04-consentement-desktop');
  await noSeriousViolation(coordinator.page, 'the consent tab');

  await outsider.page.reload();
  await outsider.page.getByText(/Vous accédez à ce dossier avec le consentement de la personne/).waitFor();
  await outsider.page.getByRole('tab', { name: 'Tâches' }).first().waitFor();
  assert.equal(await outsider.page.getByRole('tab', { name: 'Documents' }).count(), 0, 'documents are not covered');
  assert.equal(await outsider.page.getByRole('tab', { name: 'Cahier de liaison' }).count(), 0, 'nor the journal');
  assert.equal((await outsider.page.request.get(`${e2e.baseUrl}/api${fileUrl}/documents`)).status(), 403, 'a member without consent coverage is refused');
  await screenshot(outsider.page, 'work-05-acces-par-consentement-desktop');

  await coordinator.page.getByRole('button', { name: /Retirer.*Consentement au partage/ }).click();
  await coordinator.page.getByRole('dialog').getByRole('button', { name: 'Retirer' }).click();
  await coordinator.page.getByText(/Retiré le/).waitFor();
  assert.equal((await outsider.page.request.get(`${e2e.baseUrl}/api${fileUrl}`)).status(), 403, 'withdrawn: refused at once');
  await outsider.context.close();
  await coordinator.context.close();
});
