/**
 * Browser tests: Debian's Chromium (never `playwright install`) against the built app,
 * started by our own `npm start` entry on a fresh embedded database, sending real mail to
 * a local SMTP capture server.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

export const APP_PORT = Number(process.env.BROWSER_APP_PORT ?? 4173);
export const SMTP_PORT = Number(process.env.CAPTURE_SMTP_PORT ?? 2526);
export const MAIL_API_PORT = Number(process.env.CAPTURE_HTTP_PORT ?? 4174);
/** The local Pro Santé Connect provider (psc-provider-server.ts). */
export const PSC_PORT = Number(process.env.PSC_PROVIDER_PORT ?? 4180);
const PSC_ISSUER = `http://127.0.0.1:${PSC_PORT}/auth/realms/esante-wallet`;

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = path.join(root, 'tmp/browser-pglite');
// Playwright loads this file in the runner and in workers; only the runner starts clean.
if (!process.env.TEST_WORKER_INDEX) rmSync(dataDir, { recursive: true, force: true });

export default defineConfig({
	testDir: '.',
	testMatch: '**/*.spec.ts',
	outputDir: path.join(root, 'test-results'),
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 30_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list'], ['json', { outputFile: path.join(root, 'tmp/playwright.json') }]] : 'list',
	use: {
		baseURL: `http://127.0.0.1:${APP_PORT}`,
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: [
		{
			command: `npx tsx test/browser/smtp-capture.ts`,
			cwd: root,
			url: `http://127.0.0.1:${MAIL_API_PORT}/healthz`,
			env: { CAPTURE_SMTP_PORT: String(SMTP_PORT), CAPTURE_HTTP_PORT: String(MAIL_API_PORT) },
			reuseExistingServer: false,
			timeout: 30_000
		},
		{
			command: `npx tsx test/browser/psc-provider-server.ts`,
			cwd: root,
			url: `${PSC_ISSUER}/.well-known/wallet-openid-configuration`,
			env: { PSC_PROVIDER_PORT: String(PSC_PORT), BROWSER_APP_PORT: String(APP_PORT) },
			reuseExistingServer: false,
			timeout: 30_000
		},
		{
			command: `npx tsx src/server/start.ts`,
			cwd: root,
			url: `http://127.0.0.1:${APP_PORT}/readyz`,
			env: {
				PORT: String(APP_PORT),
				HOST: '127.0.0.1',
				ORIGIN: `http://127.0.0.1:${APP_PORT}`,
				PGLITE_DIR: dataDir,
				DATABASE_URL: '',
				SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
				DEMO_MODE: 'true',
				// Every browser test signs up from 127.0.0.1: the per-address limit is tested in auth-signup.test.ts.
				NEW_ACCOUNTS_PER_IP: '1000',
				// Pro Santé Connect, played by the local provider above (test client of test/helpers/psc-provider.ts).
				PSC_ISSUER,
				PSC_CLIENT_ID: 'reseau-cpts-test',
				PSC_CLIENT_SECRET: 'secret-de-test-psc-0123456789',
				LOG_LEVEL: 'warn',
				NODE_ENV: 'production'
			},
			reuseExistingServer: false,
			timeout: 240_000,
			stdout: 'pipe',
			stderr: 'pipe'
		}
	]
});
