import assert from 'node:assert/strict';
// Starts the real platform on a fresh embedded database (first start: migrations + demo region) and
// Debian's Chromium driven by playwright-core. Screenshots go to test-results/screenshots/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readConfig, type Config } from '#src/core/config.ts';
import { startPlatform, type RunningPlatform } from '#src/platform.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test-results/screenshots');
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 360, height: 780 };

export type E2E = { platform: RunningPlatform; browser: Browser; baseUrl: string; close(): Promise<void> };

/** `overrides`: settings a test needs, such as TRAME_SMTP_URL pointing at an SMTP test peer. */
export async function startE2E(overrides: Partial<Config> = {}): Promise<E2E> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trame-e2e-'));
  const config = { ...readConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }), dataDir, port: 0, host: '127.0.0.1', loadDemo: true, ...overrides };
  const platform = await startPlatform(config, () => undefined);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // --lang: date inputs follow the browser's language (dd/mm/yyyy), not the page's locale alone.
    args: ['--no-sandbox', '--lang=fr-FR', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    platform,
    browser,
    baseUrl: platform.url,
    async close() {
      await browser.close();
      await platform.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function newPage(e2e: E2E, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP only lets the test inject axe-core; the pages themselves run under the real policy.
  const context = await e2e.browser.newContext({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris', baseURL: e2e.baseUrl, bypassCSP: true });
  const page = await context.newPage();
  return { context, page };
}

export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByRole('main').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.x A/AA rules) on the page; returns the violations, described. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; html: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.html.slice(0, 200)).slice(0, 3).join(' | ')}`);
  });
  return violations;
}

/** axe-core on the page: no serious or critical violation (the others are printed, for the record). */
export async function noSeriousViolation(page: Page, where: string): Promise<void> {
  const all = await accessibilityViolations(page);
  if (all.length > 0) console.log(`axe-core on ${where}:`, all);
  assert.deepEqual(all.filter((v) => /\((serious|critical)\)/.test(v)), [], `axe-core: no serious or critical violation on ${where}`);
}
