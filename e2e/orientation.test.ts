// Orientation in a real browser, scenario 2 of the demo (M. Karim BOUZID, 54, Angers, no regular GP,
// unfit housing): the coordinator opens his file, « Trouver une ressource » prefilled with his commune
// and age, finds a GP practice taking new patients and a housing-support service, sends both
// requests; the GP practice's staff accept theirs in « Demandes reçues »; the housing service refuses
// by phone and the coordinator records it. Desktop and phone screenshots, axe-core on each screen.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../scripts/demo/load.ts';
import { login, newPage, noSeriousViolation, PHONE, screenshot, SCREENSHOTS, startE2E, type E2E } from './browser.ts';

const COORDINATOR = 'coordination@demo.trame.fr';
/**
 * The demo's GP practices that use Trame, with a doctor who answers their requests: Dr Mercier at
 * the MSP des Justices (Angers, where M. Bouzid lives), Dr Haddad at the MSP de Trélazé next door.
 * The demo draws which have free places: the test takes the first of them the search proposes.
 */
const PRACTICES = [
  { name: /DES JUSTICES/i, staff: 'medecin@demo.trame.fr', doctor: 'Antoine Mercier' },
  { name: /DE TR[EÉ]LAZ[EÉ]/i, staff: 'youssef.haddad@demo.trame.fr', doctor: 'Youssef Haddad' },
];

let e2e: E2E;
let fileUrl = '';
let practice = PRACTICES[0]!;
let MSP = practice.name;

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});


/** What the screen shows without scrolling: a file page's journal makes a full-page picture very long. */
async function screenshotScreen(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** After the transitions (a dialog opening, criteria folding), not in the middle of one. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
}

/** The result card of an establishment, by its name. */
function resultCard(page: Page, organization: RegExp) {
  return page.getByRole('list', { name: 'Résultats de la recherche' }).getByRole('article').filter({ has: page.getByRole('link', { name: organization }) });
}

test('the coordinator finds a GP practice with free places near M. Bouzid and sends a request from his file', async () => {
  const { context, page } = await newPage(e2e);
  await login(page, COORDINATOR, DEMO_PASSWORD);

  // his file, from « Mes patients », all the structure's files
  await page.getByRole('link', { name: 'Mes patients', exact: true }).click();
  await page.getByLabel('Dossiers affichés').selectOption('structure');
  await page.getByLabel('Filtrer par nom de patient').fill('Bouzid');
  await page.getByRole('link', { name: 'BOUZID Karim', exact: true }).click();
  await page.getByRole('tab', { name: 'Orientation' }).click();
  await page.getByText('Aucune demande d’orientation').waitFor();
  fileUrl = new URL(page.url()).pathname;
  await screenshotScreen(page, 'orientation-01-dossier-vide-desktop');

  // « Trouver une ressource », prefilled with the patient
  await page.getByRole('tabpanel', { name: 'Orientation' }).getByRole('link', { name: 'Trouver une ressource' }).click();
  await page.waitForURL((url) => url.pathname === '/orientation' && url.searchParams.has('fileId'));
  const address = new URL(page.url());
  assert.equal(address.searchParams.get('commune'), '49007', 'the patient’s commune (Angers) is in the address');
  assert.equal(address.searchParams.get('age'), '54');
  await page.getByText('Pour\u00a0: BOUZID Karim').waitFor();
  await page.getByText('Choisissez un besoin et la commune du patient').waitFor();
  assert.equal(await page.getByLabel('Commune du patient').inputValue(), 'Angers (49)');
  await screenshot(page, 'orientation-02-recherche-vide-desktop');

  await page.getByLabel('Type de prise en charge').selectOption('soins_primaires');
  const freeOnly = page.waitForResponse((r) => r.url().includes('/api/orientation/search') && r.url().includes('freeOnly=true'));
  await page.getByLabel('Places libres uniquement').check();
  await page.waitForURL((url) => url.searchParams.get('careKind') === 'soins_primaires' && url.searchParams.get('freeOnly') === 'true');
  await freeOnly;
  await page.locator('ol[aria-label="Résultats de la recherche"]:not([aria-busy])').waitFor();
  const offered = [];
  for (const candidate of PRACTICES) if ((await resultCard(page, candidate.name).count()) > 0) offered.push(candidate);
  assert.ok(offered.length > 0, 'a GP practice on Trame with free places is proposed');
  practice = offered[0]!;
  MSP = practice.name;
  const card = resultCard(page, MSP);
  await card.getByText(/Dessert la commune du patient|Hors zone desservie/).waitFor();
  await card.getByText(/places? libres?/).waitFor();
  await screenshot(page, 'orientation-03-resultats-desktop');
  await noSeriousViolation(page, 'the search results');

  // the back button restores the criteria
  await page.getByLabel('Places libres uniquement').uncheck();
  await page.waitForURL((url) => !url.searchParams.has('freeOnly'));
  await page.goBack();
  await page.waitForURL((url) => url.searchParams.get('freeOnly') === 'true');
  await page.getByRole('checkbox', { name: 'Places libres uniquement', checked: true }).waitFor();

  await card.getByRole('button', { name: /Demander une orientation/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Demander une orientation' });
  const message = dialog.getByLabel('Message à l’établissement');
  assert.match(await message.inputValue(), /M\. BOUZID Karim, 54\u00a0ans, qui habite Angers/);
  await message.fill(
    (await message.inputValue()).replace('Situation et urgence\u00a0: ', 'Situation et urgence\u00a0: diabète avec insuffisance rénale, sans médecin traitant depuis 8 mois ; renouvellement d’ordonnance dans 3 semaines.'),
  );
  await screenshotScreen(page, 'orientation-04-demande-desktop');
  await noSeriousViolation(page, 'the request dialog');
  await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();

  // back in the file, the request is there, sent
  await page.waitForURL((url) => url.pathname === fileUrl && url.searchParams.get('tab') === 'orientation');
  const requests = page.getByRole('list', { name: 'Demandes d’orientation du dossier' });
  await requests.getByRole('listitem').filter({ hasText: MSP }).getByText('Envoyée', { exact: true }).waitFor();
  await screenshotScreen(page, 'orientation-05-dossier-envoyee-desktop');
  await noSeriousViolation(page, 'the file’s orientation tab');
  await context.close();
});

test('the coordinator sends a housing-support request and records the refusal given by phone; a mistaken request is cancelled', async () => {
  const { context, page } = await newPage(e2e);
  await login(page, COORDINATOR, DEMO_PASSWORD);
  await page.goto(`${fileUrl}?tab=orientation`);
  await page.getByRole('tabpanel', { name: 'Orientation' }).getByRole('link', { name: 'Trouver une ressource' }).click();
  await page.getByLabel('Type de prise en charge').selectOption('logement_accompagne');
  // the first housing-support service proposed (a CHRS of Angers in the demo): not on Trame, it answers by phone
  const card = page.getByRole('list', { name: 'Résultats de la recherche' }).getByRole('article').first();
  await card.getByText('Dessert la commune du patient').waitFor();
  const housingName = (await card.getByRole('link').first().innerText()).trim();
  await card.getByRole('button', { name: /Demander une orientation/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Envoyer la demande' }).click();
  await page.waitForURL((url) => url.pathname === fileUrl);

  const housing = page.getByRole('list', { name: 'Demandes d’orientation du dossier' }).getByRole('listitem').filter({ hasText: housingName });
  await housing.getByRole('button', { name: /Saisir la réponse/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Saisir la réponse reçue' });
  await dialog.getByLabel('Refusée').check();
  await dialog.getByRole('button', { name: 'Enregistrer la réponse' }).click();
  await dialog.getByText('Choisissez le motif du refus.').waitFor();
  await dialog.getByLabel('Motif du refus').selectOption('no_place');
  await dialog.getByLabel('Note (facultatif)').fill('Appel du 12 : liste pleine jusqu’en mars, rappeler en février.');
  await screenshotScreen(page, 'orientation-06-saisir-refus-desktop');
  await dialog.getByRole('button', { name: 'Enregistrer la réponse' }).click();
  await housing.getByText('Refusée (pas de place disponible)').waitFor();
  await housing.getByText(/saisie par Claire Morel/).waitFor();
  await screenshotScreen(page, 'orientation-07-dossier-refus-desktop');

  // a request sent by mistake (home help, not needed yet) is cancelled, after one confirmation
  await page.getByRole('tabpanel', { name: 'Orientation' }).getByRole('link', { name: 'Trouver une ressource' }).click();
  await page.getByLabel('Type de prise en charge').selectOption('saad');
  const homeHelp = page.getByRole('list', { name: 'Résultats de la recherche' }).getByRole('article').first();
  const homeHelpName = (await homeHelp.getByRole('link').first().innerText()).trim();
  await homeHelp.getByRole('button', { name: /Demander une orientation/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Envoyer la demande' }).click();
  await page.waitForURL((url) => url.pathname === fileUrl);
  const mistaken = page.getByRole('list', { name: 'Demandes d’orientation du dossier' }).getByRole('listitem').filter({ hasText: homeHelpName });
  await mistaken.getByRole('button', { name: /Annuler la demande/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Annuler la demande d’orientation' });
  await confirm.getByRole('button', { name: 'Garder la demande' }).click();
  await mistaken.getByText('Envoyée', { exact: true }).waitFor();
  await mistaken.getByRole('button', { name: /Annuler la demande/ }).click();
  await confirm.getByRole('button', { name: 'Annuler la demande' }).click();
  await mistaken.getByText('Annulée', { exact: true }).waitFor();
  assert.equal(await mistaken.getByRole('button', { name: /Saisir la réponse/ }).count(), 0, 'a cancelled request takes no answer');
  await context.close();
});

test('the GP practice’s staff accept the request in « Demandes reçues », on a phone', async () => {
  const { context, page } = await newPage(e2e, PHONE);
  await login(page, practice.staff, DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Ouvrir le menu de navigation' }).click();
  await page.getByRole('link', { name: 'Demandes reçues' }).click();
  const request = page.getByRole('list', { name: 'Demandes d’orientation reçues' }).getByRole('listitem').filter({ hasText: 'BOUZID Karim' });
  await request.getByText(/diabète avec insuffisance rénale/).waitFor();
  await request.getByText(/Demandée par Claire Morel/).waitFor();
  await screenshot(page, 'orientation-08-demandes-recues-phone');
  await noSeriousViolation(page, 'the incoming requests on a phone');

  await request.getByRole('button', { name: /Accepter/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Répondre à la demande' });
  assert.equal(await dialog.getByLabel(/Acceptée/).isChecked(), true);
  await dialog.getByLabel('Note (facultatif)').fill(`Premier rendez-vous avec le Dr ${practice.doctor.split(' ')[1]} le 12 à 10 h.`);
  await screenshotScreen(page, 'orientation-09-accepter-phone');
  await dialog.getByRole('button', { name: 'Enregistrer la réponse' }).click();
  await page.getByText('Aucune demande à traiter').waitFor();
  await page.getByLabel('Demandes affichées').selectOption('accepted');
  await page.getByRole('listitem').filter({ hasText: 'BOUZID Karim' }).getByText('Acceptée').waitFor();
  await screenshot(page, 'orientation-10-acceptee-phone');
  await context.close();
});

test('the coordinator sees the request accepted in the file, and the search on a phone', async () => {
  const { context, page } = await newPage(e2e);
  await login(page, COORDINATOR, DEMO_PASSWORD);
  await page.goto(`${fileUrl}?tab=orientation`);
  const msp = page.getByRole('list', { name: 'Demandes d’orientation du dossier' }).getByRole('listitem').filter({ hasText: MSP });
  await msp.getByText('Acceptée', { exact: true }).waitFor();
  await msp.getByText(new RegExp(`Réponse de ${practice.doctor}`)).waitFor();
  await msp.getByText(/Premier rendez-vous/).waitFor();
  await screenshotScreen(page, 'orientation-11-dossier-acceptee-desktop');
  await context.close();

  const phone = await newPage(e2e, PHONE);
  await login(phone.page, COORDINATOR, DEMO_PASSWORD);
  await phone.page.goto(`${fileUrl}?tab=orientation`);
  await phone.page.getByText('Acceptée', { exact: true }).first().waitFor();
  await phone.page.getByRole('tabpanel', { name: 'Orientation' }).scrollIntoViewIfNeeded();
  await screenshotScreen(phone.page, 'orientation-12-dossier-phone');
  await noSeriousViolation(phone.page, 'the file’s orientation tab on a phone');
  await phone.page.getByRole('tabpanel', { name: 'Orientation' }).getByRole('link', { name: 'Trouver une ressource' }).click();
  await phone.page.getByLabel('Type de prise en charge').selectOption('soins_primaires');
  await resultCard(phone.page, MSP).waitFor();
  await resultCard(phone.page, MSP).getByText(/Demande déjà envoyée/).waitFor();
  // on a phone the criteria fold into one line, and the results come first
  await phone.page.getByRole('button', { name: 'Masquer les critères' }).click();
  await screenshotScreen(phone.page, 'orientation-13-resultats-phone');
  await noSeriousViolation(phone.page, 'the search results on a phone');
  await phone.context.close();
});
