// Territories in a real browser: the DAC's administrator opens her territory (the arrondissement of
// Angers), sees its population, adds a commune by typing its name without accents, saves and sees the
// new total; a coordinator reads the territories without being offered to edit them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import communes from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { DEMO_PASSWORD } from '../scripts/demo/load.ts';
import { accessibilityViolations, login, newPage, PHONE, screenshot, startE2E, type E2E } from './browser.ts';

const DAC_ADMIN = 'isabelle.fournier@demo.trame.fr';
const COORDINATOR = 'coordination@demo.trame.fr';
const DAC_TERRITORY = 'Territoire du DAC Anjou Centre';

const current = communes.filter((c) => c.type === 'commune-actuelle');
const arrondissement = current.filter((c) => c.arrondissement === '491');
const populationOfArrondissement = arrondissement.reduce((sum, c) => sum + (c.population ?? 0), 0);
const mazeMilon = current.find((c) => c.code === '49194')!;

/** « 66 communes · 401 392 habitants », whatever spaces French typography puts in it. */
function total(communeCount: number, population: number): RegExp {
  const figure = new Intl.NumberFormat('fr-FR').format(population).replace(/\s/g, '\\s');
  return new RegExp(`^${communeCount}\\s+communes · ${figure}\\s+habitants$`);
}

let e2e: E2E;

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

test("the DAC's administrator adds a commune to her territory and sees the new population", async () => {
  const { context, page } = await newPage(e2e);
  await login(page, DAC_ADMIN, DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Territoires' }).click();
  await page.getByRole('heading', { name: 'Territoires', level: 1 }).waitFor();
  const list = page.getByRole('table', { name: 'Territoires des DAC et des CPTS' });
  await list.getByRole('row', { name: /CPTS Angers Loire-Est/ }).waitFor();
  await screenshot(page, '40-territoires-desktop');
  assert.deepEqual(await accessibilityViolations(page), [], 'axe-core finds no violation on the list of territories');

  await list.getByRole('link', { name: DAC_TERRITORY }).click();
  await page.getByRole('heading', { name: DAC_TERRITORY, level: 1 }).waitFor();
  const summary = page.getByRole('region', { name: 'Total du territoire' });
  await summary.getByText(total(arrondissement.length, populationOfArrondissement)).waitFor();
  const communeTable = page.getByRole('table', { name: 'Communes du territoire, par ordre alphabétique' });
  await communeTable.getByRole('row', { name: /Avrillé/ }).waitFor();
  await screenshot(page, '41-territoire-dac-desktop');

  // Mazé-Milon (arrondissement of Saumur) typed without its accent.
  await page.getByLabel('Ajouter une commune').fill('maze mil');
  await page.getByRole('option', { name: /Mazé-Milon/ }).click();
  await communeTable.getByRole('row', { name: /Mazé-Milon/ }).waitFor();
  await summary.getByText(total(arrondissement.length + 1, populationOfArrondissement + mazeMilon.population!)).waitFor();
  await summary.getByText('Modifications non enregistrées').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, '42-territoire-commune-ajoutee-desktop');
  assert.deepEqual(await accessibilityViolations(page), [], 'axe-core finds no violation on the territory editor');

  await summary.getByRole('button', { name: 'Enregistrer' }).click();
  await summary.getByText('Tout est enregistré').waitFor();
  await page.reload();
  await summary.getByText(total(arrondissement.length + 1, populationOfArrondissement + mazeMilon.population!)).waitFor();
  await communeTable.getByRole('row', { name: /Mazé-Milon/ }).waitFor();

  // Removing it again: the total goes back, and the change is unsaved until « Enregistrer ».
  await communeTable.getByRole('button', { name: 'Retirer Mazé-Milon du territoire' }).click();
  await summary.getByText(total(arrondissement.length, populationOfArrondissement)).waitFor();
  await summary.getByText('Modifications non enregistrées').waitFor();
  await summary.getByRole('button', { name: 'Annuler les modifications' }).click();
  await summary.getByText(total(arrondissement.length + 1, populationOfArrondissement + mazeMilon.population!)).waitFor();

  // Someone else saves the territory meanwhile: saving answers 409, the page says so and reloads on demand.
  const territoryId = new URL(page.url()).pathname.split('/').pop()!;
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const { version } = (await (await page.request.get(`/api/territories/${territoryId}`)).json()) as { version: number };
  const elsewhere = await page.request.patch(`/api/territories/${territoryId}`, { headers: { 'x-csrf-token': csrfToken }, data: { version, name: DAC_TERRITORY } });
  assert.equal(elsewhere.status(), 200, await elsewhere.text());
  await communeTable.getByRole('button', { name: 'Retirer Mazé-Milon du territoire' }).click();
  await summary.getByText('Modifications non enregistrées').waitFor();
  const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().endsWith(`/api/territories/${territoryId}`), { timeout: 60_000 });
  await summary.getByRole('button', { name: 'Enregistrer' }).click();
  assert.equal((await saved).status(), 409, 'the page saved with the version it had read');
  const conflict = page.getByRole('alert').filter({ hasText: "Ce territoire a été modifié par quelqu'un d'autre" });
  await conflict.waitFor({ timeout: 60_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, '42b-territoire-conflit-desktop');
  await conflict.getByRole('button', { name: 'Recharger le territoire' }).click();
  await conflict.waitFor({ state: 'hidden' });
  await summary.getByText('Tout est enregistré').waitFor();
  await communeTable.getByRole('row', { name: /Mazé-Milon/ }).waitFor();

  const phone = await newPage(e2e, PHONE);
  await login(phone.page, DAC_ADMIN, DEMO_PASSWORD);
  await phone.page.goto('/territories');
  await phone.page.getByRole('link', { name: DAC_TERRITORY }).click();
  await phone.page.getByRole('region', { name: 'Total du territoire' }).getByText(total(arrondissement.length + 1, populationOfArrondissement + mazeMilon.population!)).waitFor();
  await screenshot(phone.page, '43-territoire-dac-phone');
  assert.deepEqual(await accessibilityViolations(phone.page), [], 'axe-core finds no violation on the territory editor (phone)');
  await phone.context.close();
  await context.close();
});

test('a coordinator reads the territories, without edit buttons', async () => {
  const { context, page } = await newPage(e2e, PHONE);
  await login(page, COORDINATOR, DEMO_PASSWORD);
  await page.goto('/territories');
  await page.getByRole('link', { name: 'CPTS Angers Loire-Est' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Nouveau territoire' }).count(), 0);
  await screenshot(page, '44-territoires-phone');
  await page.getByRole('link', { name: 'CPTS Angers Loire-Est' }).click();
  await page.getByText(/^Lecture seule/).waitFor();
  await page.getByRole('table', { name: 'Communes du territoire, par ordre alphabétique' }).getByRole('row', { name: /Trélazé/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Enregistrer' }).count(), 0);
  await screenshot(page, '45-territoire-lecture-phone');
  assert.deepEqual(await accessibilityViolations(page), [], 'axe-core finds no violation on a territory read by a coordinator (phone)');
  await context.close();
});

test('a new territory starts empty and says how to fill it; leaving it unsaved asks first', async () => {
  const { context, page } = await newPage(e2e);
  await login(page, DAC_ADMIN, DEMO_PASSWORD);
  await page.goto('/territories');
  await page.getByRole('link', { name: 'Nouveau territoire' }).click();
  await page.getByRole('heading', { name: 'Nouveau territoire', level: 1 }).waitFor();
  await page.getByText('Aucune commune pour le moment').waitFor();
  assert.equal(await page.getByLabel('Structure qui le sert').inputValue() !== '', true, "the administrator's own structure is chosen");
  await screenshot(page, '46-nouveau-territoire-desktop');
  assert.deepEqual(await accessibilityViolations(page), [], 'axe-core finds no violation on a new territory');

  await page.getByLabel('Nom du territoire').fill('Secteur nord');
  await page.getByRole('link', { name: /Tous les territoires/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Quitter sans enregistrer\u00a0?' });
  await dialog.getByRole('button', { name: 'Rester sur la page' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.getByLabel('Nom du territoire').inputValue(), 'Secteur nord', 'nothing typed is lost');
  await page.getByRole('link', { name: /Tous les territoires/ }).click();
  await dialog.getByRole('button', { name: 'Quitter sans enregistrer' }).click();
  await page.getByRole('heading', { name: 'Territoires', level: 1 }).waitFor();
  await context.close();
});
