// Care-team invitation in a real browser: the DAC coordinator invites into Mme Jeanne LEBRETON's team a
// physiotherapist of the directory who has no Trame account; the mail reaches the SMTP test peer; the
// physiotherapist opens the link in a fresh browser, reads the file, writes in the journal and creates a
// password, then logs in with it and finds the patient among their care teams. Desktop and phone
// screenshots, axe-core on each screen.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../scripts/demo/load.ts';
import { startSmtpTestPeer, type SmtpTestPeer } from '#src/core/testing/smtp-test-peer.ts';
import { login, newPage, noSeriousViolation, PHONE, screenshot, SCREENSHOTS, startE2E, type E2E } from './browser.ts';

const COORDINATOR = 'coordination@demo.trame.fr';
// Olivier OGER, Masseur-Kinésithérapeute in Avrillé: in the demo directory, with an MSSanté mailbox, no Trame account
const PHYSIO_RPPS = '99720000092';
const PHYSIO_MAIL = 'olivier.oger@masseur-kinesitherapeute.mssante.fr';
const PHYSIO_PASSWORD = 'kine-avrille-2026';
const NOTE = 'Séance de kinésithérapie faite à domicile : marche avec déambulateur sur 20 m, pas de douleur.';

let e2e: E2E;
let smtp: SmtpTestPeer;
let fileId = '';
let token = '';

before(async () => {
  smtp = await startSmtpTestPeer();
  e2e = await startE2E({ smtpUrl: smtp.url });
});
after(async () => {
  await e2e?.close();
  await smtp?.close();
});

/** What the screen shows without scrolling: a file page's journal makes a full-page picture very long. */
async function screenshotScreen(page: Page, name: string): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}


test('the coordinator invites a directory physiotherapist without account into Mme Jeanne’s team; the mail carries the link', async () => {
  const { context, page } = await newPage(e2e);
  await login(page, COORDINATOR, DEMO_PASSWORD);
  const files = await (await context.request.get('/api/files?q=lebreton&scope=structure')).json();
  fileId = files.items.find((f: { patient: { givenName: string } }) => f.patient.givenName === 'Jeanne').id;
  await page.goto(`/files/${fileId}`);
  await page.getByRole('tab', { name: /Équipe de soins/ }).click();
  await page.getByRole('button', { name: 'Ajouter un membre' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Annuaire', { exact: true }).click();
  await dialog.getByLabel('Rechercher un professionnel').fill(PHYSIO_RPPS);
  await page.getByRole('option', { name: /Oger/i }).first().click();
  assert.equal(await dialog.getByLabel('Adresse e-mail pour le lien').inputValue(), PHYSIO_MAIL, 'prefilled with the MSSanté mailbox');
  await dialog.getByLabel("Rôle dans l'équipe").selectOption('physiotherapist');
  await screenshotScreen(page, 'care-team-01-invitation-desktop');
  await noSeriousViolation(page, 'the add-member dialog');
  await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
  const status = page.getByText(/Invité·e — lien envoyé le/).last();
  await status.waitFor();
  await status.scrollIntoViewIfNeeded();
  await screenshotScreen(page, 'care-team-02-equipe-desktop');
  await noSeriousViolation(page, 'the care-team panel');
  await context.close();

  const mail = await smtp.next(10_000);
  assert.deepEqual(mail.to, [PHYSIO_MAIL]);
  assert.match(mail.text, /vous invite dans l'équipe de soins d'un patient \(J\. L\.\)/);
  token = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
});

test('the invitation page shows who invites, to which team, with the patient’s initials only (phone)', async () => {
  const { context, page } = await newPage(e2e, PHONE);
  await page.goto(`/invitation/${token}`);
  await page.getByRole('heading', { name: /vous invite dans l'équipe de soins de J\. L\./ }).waitFor();
  assert.equal(await page.getByText(/LEBRETON/i).count(), 0, 'no patient name before the link is opened');
  await screenshot(page, 'care-team-03-lien-phone');
  await noSeriousViolation(page, 'the invitation page on a phone');
  await context.close();
});

test('the physiotherapist opens the link, reads the file, writes in the journal and creates a password', async () => {
  const { context, page } = await newPage(e2e);
  await page.goto(`/invitation/${token}`);
  await screenshot(page, 'care-team-04-lien-desktop');
  await page.getByRole('button', { name: 'Accéder au dossier' }).click();
  await page.waitForURL(new RegExp(`/files/${fileId}$`));
  await page.getByText(/LEBRETON/i).first().waitFor();
  await page.getByText('Créez votre mot de passe pour revenir sans lien').waitFor();
  await page.getByLabel('Nouvelle entrée du cahier de liaison').fill(NOTE);
  await page.getByRole('button', { name: 'Publier' }).click();
  await page.getByText(NOTE).first().waitFor();
  await screenshotScreen(page, 'care-team-05-dossier-invite-desktop');
  await noSeriousViolation(page, 'the file seen through the invitation');
  const refused = await context.request.get('/api/patients?q=leb');
  assert.equal(refused.status(), 403, 'nothing beyond the care team');

  await page.getByLabel('Nouveau mot de passe').fill(PHYSIO_PASSWORD);
  await page.getByRole('button', { name: 'Créer mon mot de passe' }).click();
  await page.getByText(/Mot de passe créé/).first().waitFor();
  await context.close();
});

test('the physiotherapist logs in with the new password and finds Mme Jeanne among their care teams (phone)', async () => {
  const { context, page } = await newPage(e2e, PHONE);
  await login(page, PHYSIO_MAIL, PHYSIO_PASSWORD);
  await page.getByRole('heading', { name: 'Vos équipes de soins' }).waitFor();
  await page.getByRole('link', { name: /Jeanne LEBRETON/ }).waitFor();
  assert.equal(await page.getByText('Créez votre mot de passe pour revenir sans lien').count(), 0);
  await screenshot(page, 'care-team-06-mes-equipes-phone');
  await noSeriousViolation(page, 'the home page of an invited professional');
  await page.getByRole('link', { name: /Jeanne LEBRETON/ }).click();
  await page.getByText(NOTE).first().waitFor();
  await screenshotScreen(page, 'care-team-07-dossier-phone');
  await context.close();
});
