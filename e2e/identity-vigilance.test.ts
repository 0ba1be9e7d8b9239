// Identity vigilance in a real browser: the duplicate warning while a coordinator types a patient who
// already exists (day and month swapped), the identity referent's queue and merge, the merged record
// redirecting to the one kept; then INSi and an identity document qualifying a demo identity.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../scripts/demo/load.ts';
import { accessibilityViolations, login, newPage, PHONE, screenshot, startE2E, type E2E } from './browser.ts';

type Summary = { id: string; birthName: string; usedName: string | null; givenName: string; birthDate: string; sex: 'F' | 'M' | 'U'; identityStatus: string };

const REFERENT = 'coordination@demo.trame.fr';
let e2e: E2E;

before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

/** « 1940-07-03 » → « 1940-03-07 », when that is another real date. */
function swapDayAndMonth(date: string): string | null {
  const [year, month, day] = date.split('-');
  if (!year || !month || !day || month === day || Number(day) > 12) return null;
  return `${year}-${day}-${month}`;
}

/** « 03/07/1940 », as the web app writes birth dates. */
function frenchDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

async function apiJson<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.fetch(path, { method, headers: { 'x-csrf-token': me.csrfToken }, ...(body ? { data: body } : {}) });
  assert.ok(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A demo patient whose birth date still reads as a date with day and month swapped, and who is the only
 * record that the swapped identity looks like: the duplicate the coordinator is about to type.
 */
async function pickDuplicableDemoPatient(page: Page): Promise<{ patient: Summary; swapped: string }> {
  for (const q of ['ma', 'be', 'ro', 'ch', 'gu', 'mo', 'pe', 'bo', 'da', 'fa']) {
    const { items } = await apiJson<{ items: Summary[] }>(page, 'GET', `/api/patients?q=${q}&limit=50`);
    for (const patient of items) {
      const swapped = swapDayAndMonth(patient.birthDate);
      if (!swapped || patient.sex === 'U' || patient.birthName === 'LEMAIRE' || patient.identityStatus !== 'PROV') continue;
      const typed = { birthName: patient.birthName, givenName: patient.givenName, birthDate: swapped, sex: patient.sex };
      const candidates = await apiJson<{ items: { patient: Summary }[] }>(page, 'POST', '/api/patients/duplicate-candidates', typed);
      if (candidates.items.length === 1 && candidates.items[0]!.patient.id === patient.id) return { patient, swapped };
    }
  }
  throw new Error('no demo patient with a birth date that can be swapped');
}

test('a duplicate typed with day and month swapped is flagged, queued, then merged by the identity referent', async () => {
  const { context, page } = await newPage(e2e);
  await login(page, REFERENT, DEMO_PASSWORD);
  const { patient: original, swapped } = await pickDuplicableDemoPatient(page);

  await page.getByRole('link', { name: 'Patients', exact: true }).first().click();
  await page.getByLabel('Rechercher un patient').fill(`${original.birthName} ${original.givenName}`);
  await page.getByRole('button', { name: 'Créer le patient' }).click();
  await page.getByLabel('Nom de naissance').fill(original.birthName);
  await page.getByLabel('Prénom', { exact: true }).fill(original.givenName);
  await page.getByLabel('Date de naissance').fill(swapped);
  await page.getByLabel('Sexe').selectOption(original.sex);
  // Saving at once, before the search while typing answers: the server stops the save (409) and the same
  // warning shows the candidates it named, with what to do.
  await page.getByRole('button', { name: 'Créer le patient' }).click();
  const warning = page.getByRole('region', { name: 'Ce patient existe peut-être déjà' });
  await warning.getByText(/Avant d'enregistrer, vérifiez chaque dossier proposé/).waitFor();
  await warning.getByText(/jour et mois inversés/).waitFor();
  await warning.getByText(frenchDate(original.birthDate), { exact: false }).waitFor();
  await warning.getByRole('link', { name: 'Ouvrir ce dossier patient' }).waitFor();
  assert.equal(await warning.getByRole('listitem').count(), 1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, '10-doublon-a-la-saisie-desktop');
  assert.deepEqual(await accessibilityViolations(page), [], 'axe-core finds no violation on the creation form with its duplicate warning');

  await warning.getByLabel("Ce n'est pas la même personne").check();
  await page.getByRole('button', { name: 'Créer le patient' }).click();
  await page.waitForURL((url) => /^\/patients\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(original.id));
  const duplicateId = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByRole('list', { name: "Alertes sur l'identité" }).first().getByText('Doublon potentiel').waitFor();
  await screenshot(page, '11-patient-doublon-potentiel-desktop');
  assert.deepEqual(await accessibilityViolations(page), [], 'axe-core finds no violation on a patient flagged as a possible duplicate');

  // The identity referent's queue, at phone width first.
  const phone = await newPage(e2e, PHONE);
  await login(phone.page, REFERENT, DEMO_PASSWORD);
  await phone.page.goto('/identity');
  await phone.page.getByRole('heading', { name: 'Identitovigilance', level: 1 }).waitFor();
  await phone.page.getByRole('article').first().getByText(/jour et mois inversés/).waitFor();
  await screenshot(phone.page, '12-identitovigilance-phone');
  assert.deepEqual(await accessibilityViolations(phone.page), [], 'axe-core finds no violation on the vigilance queue (phone)');
  await phone.context.close();

  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Identitovigilance' }).click();
  const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: new RegExp(original.givenName) }) }).first();
  await card.getByRole('table', { name: 'Comparaison des deux dossiers' }).waitFor();
  await card.getByRole('row', { name: /Date de naissance/ }).getByText('différent').waitFor();
  await screenshot(page, '13-identitovigilance-desktop');
  assert.deepEqual(await accessibilityViolations(page), [], 'axe-core finds no violation on the vigilance queue');

  await card.getByRole('button', { name: 'Fusionner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fusionner les deux dossiers' });
  // The older record (the demo one) is kept by default.
  assert.ok(await dialog.getByRole('radio', { name: new RegExp(frenchDate(original.birthDate)) }).isChecked());
  await dialog.getByText(/pendant 30\u00a0jours/).waitFor();
  await dialog.getByLabel('Motif de la fusion').fill('Même personne : jour et mois inversés à la saisie, vérifié sur sa carte d’identité.');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, '14-fusion-confirmation-desktop');
  await dialog.getByRole('button', { name: 'Fusionner les dossiers' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('tab', { name: 'Fusionnés' }).click();
  await page.getByRole('tabpanel', { name: 'Fusionnés' }).getByText(/Fusionné par Claire Morel/).waitFor();

  // The record kept lists the merge, with « Annuler la fusion » for the referent.
  await page.goto(`/patients/${original.id}`);
  const merges = page.getByRole('region', { name: 'Fusions de dossiers' });
  await merges.getByText('a été fusionné dans').waitFor();
  await merges.getByRole('button', { name: /Annuler la fusion/ }).waitFor();
  await page.getByText(/Un autre dossier patient a été fusionné dans celui-ci/).waitFor();
  await screenshot(page, '15-patient-conserve-fusion-desktop');
  assert.deepEqual(await accessibilityViolations(page), [], 'axe-core finds no violation on the patient page');

  // The merged record says where the patient went, then goes there.
  await page.goto(`/patients/${duplicateId}`);
  await page.getByText('Ce dossier a été fusionné dans').waitFor();
  await screenshot(page, '16-dossier-fusionne-desktop');
  await page.waitForURL((url) => url.pathname === `/patients/${original.id}`, { timeout: 10_000 });
  await context.close();
});

/** Provisional adult demo patients, F or M: INSi can be asked about them and an identity card checks them. */
async function provisionalDemoPatients(page: Page): Promise<Summary[]> {
  const found: Summary[] = [];
  for (const q of ['la', 'ri', 'me', 'va']) {
    const { items } = await apiJson<{ items: Summary[] }>(page, 'GET', `/api/patients?q=${q}&limit=20`);
    found.push(...items.filter((p) => p.identityStatus === 'PROV' && p.sex !== 'U' && p.birthDate < '2000-01-01'));
  }
  return found;
}

test('INSi then a checked identity card qualify a demo identity', async () => {
  const { context, page } = await newPage(e2e);
  await login(page, REFERENT, DEMO_PASSWORD);
  const identity = page.getByRole('region', { name: 'Identité et INS' });
  const answer = identity.getByRole('status').filter({ hasText: 'Réponse du téléservice INSi' });

  // The demo's INSi test peer knows about 85 % of the demo patients: ask until one is found.
  let patient: Summary | undefined;
  for (const candidate of (await provisionalDemoPatients(page)).slice(0, 6)) {
    await page.goto(`/patients/${candidate.id}`);
    await identity.getByText('Identité provisoire').first().waitFor();
    await identity.getByRole('button', { name: "Récupérer l'INS (téléservice INSi)" }).click();
    await answer.waitFor();
    if ((await answer.textContent())?.includes("Identité trouvée par l'INSi")) {
      patient = candidate;
      break;
    }
    await screenshot(page, '17a-insi-sans-resultat-desktop');
  }
  assert.ok(patient, 'INSi found one of the demo patients');
  await identity.getByText('Identité récupérée').first().waitFor();
  await identity.getByText(/Un INS est enregistré pour ce patient/).waitFor();
  await screenshot(page, '17-ins-recupere-desktop');

  await identity.getByRole('button', { name: "Pièce d'identité vérifiée" }).click();
  const dialog = page.getByRole('dialog', { name: "Pièce d'identité vérifiée" });
  assert.equal(await dialog.getByRole('radio', { name: 'Acte de naissance' }).count(), 0, 'an adult: no birth certificate');
  await dialog.getByRole('radio', { name: "Carte nationale d'identité" }).check();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, '17b-piece-identite-desktop');
  await dialog.getByRole('button', { name: 'Confirmer la vérification' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await identity.getByText('Identité qualifiée').first().waitFor();
  await identity.getByText(/^\d \d{2} \d{2} (\d{2}|2A|2B) \d{3} \d{3} \d{2}$/).waitFor();
  await identity.getByText(/NIR de test/).waitFor();
  await page.getByRole('region', { name: "Historique de l'identité" }).getByText(/Appel à l'INSi.*identité trouvée/).waitFor();
  await screenshot(page, '18-identite-qualifiee-desktop');
  assert.deepEqual(await accessibilityViolations(page), [], 'axe-core finds no violation on the qualified identity');

  const phone = await newPage(e2e, PHONE);
  await login(phone.page, REFERENT, DEMO_PASSWORD);
  await phone.page.goto(`/patients/${patient.id}`);
  await phone.page.getByRole('region', { name: 'Identité et INS' }).getByText('Identité qualifiée').first().waitFor();
  await screenshot(phone.page, '19-identite-qualifiee-phone');
  assert.deepEqual(await accessibilityViolations(phone.page), [], 'axe-core finds no violation on the patient page (phone)');
  await phone.context.close();
  await context.close();
});
