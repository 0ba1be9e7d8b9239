// A request for support from the public form to an opened file (scenario 1's first step, asked by a
// relative): Mme Odette Marchal's daughter fills the public form and keeps her tracking code; the DAC
// coordinator takes the request, accepts it creating the patient, lands on the new file; the tracking
// page then says « Acceptée ». Then Dr Mercier sends a request from the app and follows it in « Mes
// demandes ». Desktop and phone screenshots, axe-core on each screen.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../scripts/demo/load.ts';
import { login, newPage, noSeriousViolation, PHONE, screenshot, startE2E, type E2E } from './browser.ts';

let e2e: E2E;
let trackingCode = '';

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});


async function fillPerson(page: Page): Promise<void> {
  await page.getByLabel('Nom de la personne', { exact: true }).fill('Marchal');
  await page.getByLabel('Prénom de la personne', { exact: true }).fill('Odette');
  await page.getByLabel('Date de naissance', { exact: true }).fill('1938-05-21');
  await page.getByLabel('Situation', { exact: true }).fill('Ma mère vit seule à Angers, elle est tombée deux fois ce mois-ci et oublie ses médicaments. J’habite à Lyon.');
  await page.getByLabel('Chutes').check();
  await page.getByLabel('Aidant épuisé ou éloigné').check();
  await page.getByLabel('Délai souhaité').selectOption('within_week');
  await page.getByLabel(/d’accord pour être contactée/).check();
}

test('a relative asks for support on the public form and gets a tracking code', async () => {
  const { context, page } = await newPage(e2e, PHONE);
  await page.goto(`${e2e.baseUrl}/demande-appui`);
  await page.getByRole('heading', { name: /Demander de l’aide/ }).waitFor();
  await page.getByLabel('Vous êtes').selectOption('relative');
  await page.getByLabel('Vos nom et prénom').fill('Sophie Marchal');
  await page.getByLabel('Votre téléphone').fill('06 12 34 56 78');
  await page.getByLabel('DAC destinataire').selectOption({ index: 1 });
  await fillPerson(page);
  await screenshot(page, 'referrals-01-formulaire-public-phone');
  await noSeriousViolation(page, 'the public form');
  // a person takes more than the 3 s the server asks for; the test waits as long
  await page.waitForTimeout(3_100);
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await page.getByRole('heading', { name: 'Votre demande est envoyée' }).waitFor();
  trackingCode = (await page.getByLabel('Code de suivi').textContent())!.trim();
  assert.match(trackingCode, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await screenshot(page, 'referrals-02-code-de-suivi-phone');
  await context.close();
});

test('the coordinator takes the request, accepts it creating the patient, and lands on the new file', async () => {
  const { context, page } = await newPage(e2e);
  await login(page, 'coordination@demo.trame.fr', DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Demandes d’appui', exact: true }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'MARCHAL Odette' }) });
  await card.waitFor();
  await card.getByText('Formulaire public').waitFor();
  await screenshot(page, 'referrals-03-file-de-tri-desktop');
  await noSeriousViolation(page, 'the triage queue');
  await card.getByRole('button', { name: 'Me l’attribuer — MARCHAL Odette' }).click();
  await card.getByText('Attribuée à Claire Morel').waitFor();
  await card.getByRole('link', { name: 'MARCHAL Odette' }).click();
  await page.getByRole('heading', { name: 'Demande d’appui — MARCHAL Odette' }).waitFor();
  await page.getByText('Sophie Marchal — Un proche, un aidant').waitFor();
  await screenshot(page, 'referrals-04-demande-desktop');
  await noSeriousViolation(page, 'a request');

  await page.getByRole('button', { name: 'Accepter et ouvrir le dossier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Accepter la demande' });
  await dialog.getByRole('button', { name: 'Créer la fiche patient' }).click();
  assert.equal(await dialog.getByLabel('Nom de naissance').inputValue(), 'Marchal');
  await dialog.getByLabel('Sexe').selectOption('F');
  await dialog.getByRole('button', { name: 'Créer le patient' }).click();
  await dialog.getByText(/Patient\u00a0: MARCHAL Odette/).waitFor();
  await dialog.getByLabel('Niveau d’intensité de l’accompagnement').selectOption('soutenu');
  await screenshot(page, 'referrals-05-acceptation-desktop');
  await dialog.getByRole('button', { name: 'Accepter et ouvrir le dossier' }).click();
  await page.waitForURL(/\/files\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: /Dossier de coordination — / }).waitFor();
  await page.getByText('MARCHAL').first().waitFor();
  await context.close();
});

test('the tracking page tells the relative that the request is accepted', async () => {
  const { context, page } = await newPage(e2e, PHONE);
  await page.goto(`${e2e.baseUrl}/demande-appui/suivi?code=${trackingCode}`);
  await page.getByText('Acceptée\u00a0: le DAC accompagne la personne.').waitFor();
  await page.getByText(/Un coordinateur du DAC prend contact/).waitFor();
  await screenshot(page, 'referrals-06-suivi-phone');
  await noSeriousViolation(page, 'the tracking page');
  await context.close();
});

test('a GP sends a request from the app and follows it in « Mes demandes »', async () => {
  const { context, page } = await newPage(e2e, PHONE);
  await login(page, 'medecin@demo.trame.fr', DEMO_PASSWORD);
  await page.goto(`${e2e.baseUrl}/referrals/new`);
  await page.getByLabel('DAC destinataire').selectOption({ index: 1 });
  await fillPerson(page);
  await page.getByLabel('Nom de la personne', { exact: true }).fill('Renaudin');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await page.getByRole('heading', { name: 'Demande d’appui — RENAUDIN Odette' }).waitFor();
  await page.goto(`${e2e.baseUrl}/referrals`);
  await page.getByRole('link', { name: 'RENAUDIN Odette' }).waitFor();
  await screenshot(page, 'referrals-07-mes-demandes-phone');
  await noSeriousViolation(page, 'my requests');
  await context.close();
});
