import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { i18nMessages } from './src/lib/i18n/vite-plugin.ts';
import { canStartThrowawayCluster } from './test/setup/postgres-cluster.ts';

// Integration tests run on PGlite and, when one can be had, on a real PostgreSQL.
const withPostgres = Boolean(process.env.TEST_DATABASE_URL) || canStartThrowawayCluster();
if (process.env.VITEST && !withPostgres) {
	console.warn('\n⚠ Aucun PostgreSQL disponible (ni TEST_DATABASE_URL ni initdb) : seuls les tests PGlite tournent.\n');
}

const integration = (engine: 'pglite' | 'postgres') => ({
	extends: true as const,
	test: {
		name: `integration-${engine}`,
		include: ['test/integration/**/*.test.ts'],
		env: { TEST_DB: engine, LOG_LEVEL: 'silent' }
	}
});

export default defineConfig({
	// Each locale of each message group as its own chunk: pages load only what they show.
	plugins: [i18nMessages({ folder: 'src/lib/i18n/messages' }), sveltekit()],
	test: {
		globalSetup: ['test/setup/global-setup.ts'],
		testTimeout: 20_000,
		hookTimeout: 60_000,
		env: { LOG_LEVEL: 'silent' },
		projects: [
			{ extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'ws-server/**/*.test.ts'] } },
			integration('pglite'),
			...(withPostgres ? [integration('postgres')] : []),
			// Websocket tests: a real ws-server against real PostgreSQL and Redis.
			...(withPostgres
				? [{ extends: true as const, test: { name: 'ws', include: ['test/ws/**/*.test.ts'], env: { TEST_DB: 'postgres', LOG_LEVEL: 'silent' } } }]
				: [])
		]
	}
});
