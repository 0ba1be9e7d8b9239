// The directory in a real browser, on the demo region (its directory comes in through the importers
// from scripts/demo/directory/, its establishments describe their offers):
// (a) a coordinator finds Dr Mercier by name, sees his practice and his MSSanté address, then opens
//     the EHPAD Les Glycines and its offers;
// (b) the platform's administrator (password + TOTP) imports a partial RPPS sample and reads the
//     report with its bad lines numbered;
// (c) the EHPAD's director (a structure_admin of the Trame structure linked to it, created here
//     through the admin API: the demo has no such account) updates free places, meets a concurrent
//     edit, and describes a new offer.
// Desktop and phone screenshots, axe-core (no serious or critical violation) on each screen.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from '../scripts/demo/load.ts';
import { login, newPage, noSeriousViolation, PHONE, screenshot, SCREENSHOTS, startE2E, type E2E } from './browser.ts';

const COORDINATOR = 'coordination@demo.trame.fr';
const ADMIN = 'admin@demo.trame.fr';
const DIRECTOR = 'direction.glycines@demo.trame.fr';
const GLYCINES = /^EHPAD LES GLYCINES$/i;
const RPPS_SAMPLE = path.resolve('src/directory/fixtures/ps-libreacces-sample.txt');

let e2e: E2E;

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});


/** What is in view (a dialog scrolls inside itself: a full-page capture would cut it). */
async function viewShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

function totp(): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(DEMO_ADMIN_TOTP_SECRET) }).generate();
}

async function loginAdmin(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Adresse e-mail').fill(ADMIN);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByLabel('Code de vérification').fill(totp());
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByRole('main').waitFor();
}

/** The EHPAD's page, from the directory's « Établissements » tab. */
async function openGlycines(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Annuaire', exact: true }).click();
  await page.getByRole('tab', { name: 'Établissements' }).click();
  await page.getByLabel('Nom ou numéro FINESS').fill('glycines');
  await page.getByRole('list', { name: 'Établissements trouvés' }).getByRole('link', { name: GLYCINES }).click();
  await page.getByRole('heading', { name: GLYCINES, level: 1 }).waitFor();
  await page.getByRole('list', { name: 'Offres de l’établissement' }).waitFor();
}

function offerCard(page: Page, name: string) {
  return page.getByRole('list', { name: 'Offres de l’établissement' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
}

test('a coordinator finds Dr Mercier, his practice and MSSanté address, then the offers of the EHPAD Les Glycines', async () => {
  const { context, page } = await newPage(e2e);
  await login(page, COORDINATOR, DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Annuaire', exact: true }).click();
  await page.getByRole('heading', { name: 'Annuaire', level: 1 }).waitFor();
  await page.getByText('Cherchez un professionnel ou un établissement').waitFor();
  await page.getByText(/professionnels et \d+\u00a0établissements dans l’annuaire/).waitFor();
  await screenshot(page, 'annuaire-01-accueil-desktop');
  await noSeriousViolation(page, 'the directory before a search');

  await page.getByLabel('Nom ou numéro RPPS').fill('mercier');
  await page.waitForURL((url) => url.searchParams.get('q') === 'mercier');
  const results = page.getByRole('list', { name: 'Professionnels trouvés' });
  const row = results.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Dr Antoine MERCIER', exact: true }) });
  await row.getByText('antoine.mercier@medecin.mssante.fr').waitFor();
  await row.getByText(/Médecin · Médecine Générale/).waitFor();
  await row.getByRole('button', { name: 'Copier l’adresse antoine.mercier@medecin.mssante.fr' }).waitFor();
  await screenshot(page, 'annuaire-02-recherche-mercier-desktop');
  await noSeriousViolation(page, 'the search results');


  // the nurses of Avrillé: a profession and a commune, no name
  await page.getByLabel('Nom ou numéro RPPS').fill('');
  await page.getByLabel('Profession', { exact: true }).selectOption('60');
  // all the region's nurses, 20 at a time
  await page.getByText('20\u00a0résultats affichés, d’autres suivent').waitFor();
  await page.getByRole('button', { name: 'Voir plus' }).click();
  await page.getByText(/^(2[1-9]|[3-4]\d)\u00a0résultats affichés/).waitFor();
  await page.getByLabel('Commune d’exercice').fill('avrille');
  const nursesOfAvrille = page.waitForResponse((r) => /\/api\/directory\/professionals\?.*profession=60.*commune=49015/.test(r.url()) && !r.url().includes('q=mer'));
  await page.getByRole('option', { name: /^Avrillé 49240/ }).click();
  await page.waitForURL((url) => url.searchParams.get('commune') === '49015' && url.searchParams.get('profession') === '60' && !url.searchParams.has('q'));
  await nursesOfAvrille;
  const nurses = results.getByRole('listitem');
  await results.getByRole('link', { name: 'Dr Antoine MERCIER', exact: true }).waitFor({ state: 'detached' });
  await nurses.first().getByText(/^Infirmier/).waitFor();
  for (const text of await nurses.allInnerTexts()) assert.match(text, /Infirmier[\s\S]*Avrillé/, 'a nurse practising in Avrillé');
  await screenshot(page, 'annuaire-02a-infirmiers-avrille-desktop');
  await page.goto('/directory?q=mercier');
  await row.getByRole('link', { name: 'Dr Antoine MERCIER', exact: true }).click();
  await page.getByRole('heading', { name: 'Dr Antoine MERCIER', level: 1 }).waitFor();
  await page.getByText('RPPS 99700004718').waitFor();
  const practices = page.getByRole('region', { name: 'Lieux d’exercice' });
  await practices.getByRole('link', { name: /^Voir l’établissement .*PLURIPROFESSIONNELLE DES JUSTICES$/i }).waitFor();
  await practices.getByText('Libéral').waitFor();
  await practices.getByText('2 place des Justices, 49000 Angers').waitFor();
  await page.getByRole('region', { name: 'Messagerie sécurisée de santé (MSSanté)' }).getByText('antoine.mercier@medecin.mssante.fr').waitFor();
  await screenshot(page, 'annuaire-03-professionnel-desktop');
  await noSeriousViolation(page, 'a professional’s page');

  // his practice leads to the MSP, linked to the directory's establishment
  await practices.getByRole('link', { name: /^Voir l’établissement .*PLURIPROFESSIONNELLE DES JUSTICES$/i }).click();
  await page.getByRole('heading', { name: /DES JUSTICES/i, level: 1 }).waitFor();
  await page.getByRole('region', { name: 'Professionnels qui y exercent' }).getByRole('link', { name: 'Dr Antoine MERCIER', exact: true }).waitFor();

  await openGlycines(page);
  await page.getByText('490028743').waitFor();
  const permanent = offerCard(page, 'Hébergement permanent');
  await permanent.getByText('Hébergement permanent en EHPAD').waitFor();
  await permanent.getByText(/^(Description complète|Incomplète\u00a0: .+)$/).waitFor();
  await page.getByText(/^Description (complète|incomplète) \(ROR\)$/).waitFor();
  assert.equal(await page.getByRole('button', { name: /Mettre à jour les places libres/ }).count(), 0, 'a coordinator of the DAC does not manage the EHPAD’s offers');
  assert.equal(await page.getByRole('button', { name: 'Décrire une offre' }).count(), 0);
  await screenshot(page, 'annuaire-04-etablissement-desktop');
  await noSeriousViolation(page, 'an establishment’s page');
  await context.close();

  const phone = await newPage(e2e, PHONE);
  await login(phone.page, COORDINATOR, DEMO_PASSWORD);
  await phone.page.goto('/directory?q=mercier');
  await phone.page.getByRole('list', { name: 'Professionnels trouvés' }).getByRole('link', { name: 'Dr Antoine MERCIER', exact: true }).waitFor();
  await screenshot(phone.page, 'annuaire-05-recherche-phone');
  await noSeriousViolation(phone.page, 'the search results (phone)');
  await phone.page.getByRole('link', { name: 'Dr Antoine MERCIER', exact: true }).click();
  await phone.page.getByRole('heading', { name: 'Dr Antoine MERCIER', level: 1 }).waitFor();
  await screenshot(phone.page, 'annuaire-06-professionnel-phone');
  await noSeriousViolation(phone.page, 'a professional’s page (phone)');
  await phone.page.goto('/directory?tab=organizations&q=glycines');
  await phone.page.getByRole('link', { name: GLYCINES }).click();
  await phone.page.getByRole('list', { name: 'Offres de l’établissement' }).waitFor();
  await screenshot(phone.page, 'annuaire-07-etablissement-phone');
  await noSeriousViolation(phone.page, 'an establishment’s page (phone)');
  await phone.context.close();
});

test('the administrator imports a partial RPPS sample and reads its report, bad lines numbered', async () => {
  const { context, page } = await newPage(e2e);
  await loginAdmin(page);
  await page.goto('/admin');
  await page.getByRole('main').getByRole('link', { name: 'Imports de l’annuaire' }).waitFor();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Imports de l’annuaire' }).click();
  await page.getByRole('heading', { name: 'Imports de l’annuaire', level: 1 }).waitFor();
  const status = page.getByRole('region', { name: 'État de l’annuaire' });
  await status.getByText(/^MSSanté\u00a0: actualisé le .+ \(moins de six mois/).waitFor();
  const completeness = page.getByRole('region', { name: 'Complétude par catégorie d’établissement' });
  await completeness.getByRole('row', { name: /Médico-social/ }).waitFor();
  await page.getByRole('region', { name: 'Imports précédents, les plus récents d’abord' }).getByRole('row', { name: /PS_LibreAcces_Personne_activite_demo\.txt/ }).waitFor();
  await screenshot(page, 'annuaire-10-imports-desktop');
  await noSeriousViolation(page, 'the imports page');

  await page.getByLabel('Annuaire Santé — professionnels (PS_LibreAcces)').check();
  await page.locator('input[type=file]').setInputFiles(RPPS_SAMPLE);
  await page.getByLabel('Extraction partielle (ne marque rien comme disparu)').check();
  await screenshot(page, 'annuaire-11-import-formulaire-desktop');
  await page.getByRole('button', { name: 'Lancer l’import' }).click();

  await page.waitForURL(/\/admin\/imports\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: 'Import de ps-libreacces-sample.txt', level: 1 }).waitFor();
  await page.getByText('Terminé', { exact: true }).waitFor();
  const counts = page.getByRole('region', { name: 'Enregistrements ajoutés, modifiés, inchangés et disparus' });
  await counts.getByRole('row', { name: /^Professionnels 22 / }).waitFor();
  await page.getByText('Extraction partielle\u00a0: rien n’est marqué disparu.').waitFor();
  await page.getByRole('heading', { name: '3 lignes en erreur' }).waitFor();
  const badLines = page.getByRole('list', { name: 'Lignes en erreur' });
  const lines = (await badLines.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
  assert.equal(lines.length, 3);
  assert.match(lines[0]!, /^Ligne 25 : RPPS invalide/);
  assert.match(lines[1]!, /^Ligne 26 : nombre de champs incorrect|^Ligne 26 : .*champs/);
  assert.match(lines[2]!, /^Ligne 27 : nom d’exercice manquant/);
  await page.getByRole('region', { name: 'Détail des changements' }).getByRole('row', { name: /Ajouté Professionnels 899710000011 GASNIER Élise/ }).waitFor();
  await screenshot(page, 'annuaire-12-import-rapport-desktop');
  await noSeriousViolation(page, 'an import’s report');

  // an establishment of the directory becomes a Trame structure (its staff then describe its offers)
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Annuaire', exact: true }).click();
  await page.getByRole('tab', { name: 'Établissements' }).click();
  await page.getByLabel('Nom ou numéro FINESS').fill('aubance');
  await page.getByRole('list', { name: 'Établissements trouvés' }).getByRole('link', { name: /^CLINIQUE DE L.AUBANCE$/ }).click();
  const link = page.getByRole('combobox', { name: 'Structure Trame liée', disabled: false });
  assert.equal(await link.inputValue(), 'Aucune structure');
  await link.click();
  await page.getByRole('option', { name: 'CPTS Angers Loire-Est' }).click();
  await page.getByText('Établissement lié à CPTS Angers Loire-Est.').waitFor();
  await page.reload();
  await link.waitFor();
  assert.equal(await link.inputValue(), 'CPTS Angers Loire-Est');
  await noSeriousViolation(page, 'an establishment’s page (administrator)');
  await link.click();
  await page.getByRole('option', { name: 'Aucune structure' }).click();
  await page.getByText('Établissement délié de sa structure Trame.').waitFor();

  // the new professionals are in the directory at once
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Annuaire', exact: true }).click();
  await page.getByLabel('Nom ou numéro RPPS').fill('gasnier');
  await page.getByRole('list', { name: 'Professionnels trouvés' }).getByRole('link', { name: 'Dr Élise GASNIER', exact: true }).waitFor();
  await context.close();

  const phone = await newPage(e2e, PHONE);
  await loginAdmin(phone.page);
  await phone.page.goto('/admin/imports');
  await phone.page.getByRole('region', { name: 'Imports précédents, les plus récents d’abord' }).getByRole('row', { name: /ps-libreacces-sample\.txt/ }).waitFor();
  await screenshot(phone.page, 'annuaire-13-imports-phone');
  await noSeriousViolation(phone.page, 'the imports page (phone)');
  await phone.context.close();
});

/** The EHPAD's director: a structure_admin of the Trame structure the directory links to the EHPAD. */
async function createDirector(): Promise<void> {
  const base = e2e.baseUrl;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN, password: DEMO_PASSWORD, totpCode: totp() }),
  });
  assert.equal(login.status, 200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const found = (await (await fetch(`${base}/api/directory/organizations?q=glycines`, { headers })).json()) as { items: { structureId: string | null }[] };
  const structureId = found.items[0]?.structureId;
  assert.ok(structureId, 'the EHPAD of the directory is linked to its Trame structure (FINESS)');
  const created = await fetch(`${base}/api/admin/people`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      email: DIRECTOR,
      givenName: 'Nathalie',
      familyName: 'Roussel',
      sector: 'medico_social',
      profession: 'Directrice d’EHPAD',
      password: DEMO_PASSWORD,
      memberships: [{ structureId, role: 'structure_admin' }],
    }),
  });
  assert.equal(created.status, 201, await created.text());
}

/** Someone else saves the offer meanwhile (another tab, a colleague): its version moves on. */
async function concurrentEdit(page: Page, offerName: string, freePlaces: number): Promise<void> {
  const organizationId = new URL(page.url()).pathname.split('/').at(-1)!;
  const session = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const offers = (await (await page.request.get(`/api/orientation/offers?organizationId=${organizationId}`)).json()) as { items: { id: string; name: string; version: number }[] };
  const offer = offers.items.find((o) => o.name === offerName)!;
  const saved = await page.request.patch(`/api/orientation/offers/${offer.id}`, { headers: { 'x-csrf-token': session.csrfToken }, data: { version: offer.version, freePlaces } });
  assert.equal(saved.status(), 200);
}

test('the EHPAD’s director updates its free places, meets a concurrent edit, and describes a new offer', async () => {
  await createDirector();
  const { context, page } = await newPage(e2e, PHONE);
  await login(page, DIRECTOR, DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Ouvrir le menu de navigation' }).click();
  await openGlycines(page);
  const temporary = offerCard(page, 'Hébergement temporaire');
  await temporary.getByRole('button', { name: 'Mettre à jour les places libres de Hébergement temporaire' }).click();
  const dialog = page.getByRole('dialog', { name: /Mettre à jour les places libres/ });
  const field = dialog.getByLabel('Places libres aujourd’hui');
  await field.fill('1');
  await dialog.getByRole('button', { name: 'Une place libre de plus' }).click();
  assert.equal(await field.inputValue(), '2');
  await viewShot(page, 'annuaire-20-places-libres-phone');
  await noSeriousViolation(page, 'the free places dialog (phone)');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await temporary.getByText('2\u00a0places libres sur 4').waitFor();
  await temporary.getByText(/mis à jour (à l.instant|il y a 1 min)/).waitFor();
  // a full-page capture scrolled down draws the skip link (fixed, moved above the view) over the page
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'annuaire-21-places-mises-a-jour-phone');
  await noSeriousViolation(page, 'the establishment’s offers after an update (phone)');

  // a colleague sets 3 while the dialog is open: saving says so and shows the new figure
  await temporary.getByRole('button', { name: 'Mettre à jour les places libres de Hébergement temporaire' }).click();
  await concurrentEdit(page, 'Hébergement temporaire', 3);
  await dialog.getByLabel('Places libres aujourd’hui').fill('1');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await dialog.getByText(/modifiées par quelqu’un d’autre \(maintenant\u00a0: 3\)/).waitFor();
  await viewShot(page, 'annuaire-22-places-conflit-phone');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await temporary.getByText('1\u00a0place libre sur 4').waitFor();
  await context.close();

  const desktop = await newPage(e2e);
  await login(desktop.page, DIRECTOR, DEMO_PASSWORD);
  await openGlycines(desktop.page);
  await screenshot(desktop.page, 'annuaire-23-offres-gestion-desktop');
  await desktop.page.getByRole('button', { name: 'Décrire une offre' }).click();
  const form = desktop.page.getByRole('dialog', { name: 'Décrire une offre' });
  await form.getByLabel('Nom de l’offre').fill('Accueil de jour Alzheimer');
  await form.getByLabel('Type de prise en charge').click();
  await desktop.page.getByRole('option', { name: 'Accueil de jour' }).click();
  await form.getByText(/Pour une description complète, il manque\u00a0: public accueilli, capacité, places libres, horaires\./).waitFor();
  await form.getByLabel('Âge minimum').fill('60');
  await form.getByLabel('Situations acceptées').click();
  await desktop.page.getByRole('option', { name: 'Maladie d’Alzheimer ou apparentée' }).click();
  await desktop.page.keyboard.press('Escape');
  await form.getByLabel('Capacité').fill('12');
  await form.getByLabel('Places libres').fill('14');
  await form.getByLabel('Ajouter une commune').fill('angers');
  await desktop.page.getByRole('option', { name: /^Angers/ }).click();
  await form.getByText('Dessert 2\u00a0communes.').waitFor();
  await form.getByRole('button', { name: 'Lun–Ven 9\u00a0h–17\u00a0h' }).click();
  await form.getByRole('button', { name: 'Créer l’offre' }).click();
  await form.getByText('Il ne peut pas y avoir plus de places libres que la capacité.').waitFor();
  await form.getByLabel('Places libres').fill('3');
  await form.getByText('La description est complète.').waitFor();
  await form.getByRole('group', { name: 'Horaires' }).scrollIntoViewIfNeeded();
  await viewShot(desktop.page, 'annuaire-24-offre-formulaire-desktop');
  await noSeriousViolation(desktop.page, 'the offer form');
  await form.getByRole('button', { name: 'Créer l’offre' }).click();
  await form.waitFor({ state: 'hidden' });
  const created = offerCard(desktop.page, 'Accueil de jour Alzheimer');
  await created.getByText('Description complète', { exact: true }).waitFor();
  await created.getByText('3\u00a0places libres sur 12').waitFor();
  await created.getByText('Lun–Ven 9\u00a0h–17\u00a0h').waitFor();
  await created.getByText('2\u00a0communes').waitFor();
  await desktop.page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(desktop.page, 'annuaire-25-offre-creee-desktop');
  await noSeriousViolation(desktop.page, 'the establishment’s offers after a new one');
  await desktop.context.close();
});
