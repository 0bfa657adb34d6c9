/**
 * Once per test run: a migrated PGlite snapshot that every test file starts from, and a
 * migrated template database on a real PostgreSQL that every file clones; each also with the
 * INSEE referential loaded. The demo snapshot and template are made later, by the first file
 * that asks for them (test/helpers/db.ts, `useTestDatabase({ demo: true })`).
 *
 * Vitest calls a global setup once per project and once for its root project, one after the
 * other, in one process. The work is therefore started once, for every engine that the
 * run's database projects use, side by side, and each project waits only for its own engine:
 * projects without TEST_DB (unit tests, the root project) need nothing.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/lib/server/db';
import { loadReferential } from '../../src/lib/server/geo/referential';
import { startThrowawayCluster, type PostgresForTests } from './postgres-cluster';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteSnapshotPath: string;
		/** The same, with the INSEE referential loaded (useTestDatabase({ referential: true })). */
		pgliteGeoSnapshotPath: string;
		/** Where the demo snapshots go, one per demo day (useTestDatabase({ demo: true })). */
		pgliteDemoSnapshotPrefix: string;
		postgresUrl: string | null;
		postgresTemplate: string | null;
		postgresGeoTemplate: string | null;
		/** The demo templates' name, before their demo day. */
		postgresDemoTemplatePrefix: string | null;
	}
}

type Engine = 'pglite' | 'postgres';

interface PglitePrepared {
	snapshotPath: string;
	geoSnapshotPath: string;
	demoSnapshotPrefix: string;
}

interface PostgresPrepared {
	url: string;
	template: string;
	geoTemplate: string;
	demoTemplatePrefix: string;
	cluster: PostgresForTests | null;
}

interface RunPreparation {
	folder: string;
	pglite: Promise<PglitePrepared> | null;
	postgres: Promise<PostgresPrepared> | null;
	/** Projects whose teardown has not run yet: the last one cleans up. */
	users: number;
}

const RUN_KEY = Symbol.for('reseau-cpts.test-run-preparation');

function engineOf(project: TestProject): Engine | null {
	const engine = project.config.env?.TEST_DB;
	return engine === 'pglite' || engine === 'postgres' ? engine : null;
}

async function preparePglite(folder: string): Promise<PglitePrepared> {
	const pglite = await openDatabase({ kind: 'pglite', dir: null });
	await pglite.migrate();
	const snapshotPath = path.join(folder, 'pglite.tar');
	writeFileSync(snapshotPath, Buffer.from(await (await pglite.snapshot!()).arrayBuffer()));
	await loadReferential(pglite.db);
	const geoSnapshotPath = path.join(folder, 'pglite-geo.tar');
	writeFileSync(geoSnapshotPath, Buffer.from(await (await pglite.snapshot!()).arrayBuffer()));
	await pglite.close();
	return { snapshotPath, geoSnapshotPath, demoSnapshotPrefix: path.join(folder, 'pglite-demo') };
}

function databaseUrl(serverUrl: string, name: string): string {
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

async function preparePostgres(): Promise<PostgresPrepared> {
	const cluster = process.env.TEST_DATABASE_URL ? null : await startThrowawayCluster();
	const url = cluster?.url ?? process.env.TEST_DATABASE_URL!;
	const template = `cpts_template_${process.pid}`;
	const geoTemplate = `cpts_template_geo_${process.pid}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists ${template}`);
	await admin.unsafe(`create database ${template}`);
	const migrated = await openDatabase({ kind: 'postgres', url: databaseUrl(url, template) });
	await migrated.migrate();
	await migrated.close();

	await admin.unsafe(`drop database if exists ${geoTemplate}`);
	await admin.unsafe(`create database ${geoTemplate} template ${template}`);
	await admin.end();
	const withReferential = await openDatabase({ kind: 'postgres', url: databaseUrl(url, geoTemplate) });
	await loadReferential(withReferential.db);
	await withReferential.close();
	return { url, template, geoTemplate, demoTemplatePrefix: `cpts_template_demo_${process.pid}`, cluster };
}

/** Starts, once per run, the preparation of every engine the run's database projects use. */
function runPreparation(project: TestProject): RunPreparation {
	const holder = globalThis as { [RUN_KEY]?: RunPreparation };
	if (holder[RUN_KEY]) return holder[RUN_KEY];
	const engines = new Set(project.vitest.projects.map(engineOf));
	const folder = path.resolve(`tmp/test/run-${process.pid}`);
	mkdirSync(folder, { recursive: true });
	const run: RunPreparation = {
		folder,
		pglite: engines.has('pglite') ? preparePglite(folder) : null,
		postgres: engines.has('postgres') ? preparePostgres() : null,
		users: 0
	};
	// Each project awaits its own engine; a failure of the other one is reported by its project.
	run.pglite?.catch(() => {});
	run.postgres?.catch(() => {});
	holder[RUN_KEY] = run;
	return run;
}

async function cleanUp(run: RunPreparation): Promise<void> {
	const prepared = await run.postgres?.catch(() => null);
	if (prepared) {
		const admin = postgres(prepared.url, { max: 1, onnotice: () => {} });
		const demos = await admin.unsafe<{ datname: string }[]>(`select datname from pg_database where datname like '${prepared.demoTemplatePrefix}%'`);
		for (const name of [...demos.map((row) => row.datname), prepared.geoTemplate, prepared.template]) {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
		}
		await admin.end();
		await prepared.cluster?.stop();
	}
	await run.pglite?.catch(() => null);
	rmSync(run.folder, { recursive: true, force: true });
}

export default async function setup(project: TestProject) {
	const engine = engineOf(project);
	if (!engine) return;
	const run = runPreparation(project);
	run.users++;
	const teardown = async () => {
		if (--run.users === 0) await cleanUp(run);
	};
	try {
		if (engine === 'pglite') {
			const prepared = await run.pglite!;
			project.provide('pgliteSnapshotPath', prepared.snapshotPath);
			project.provide('pgliteGeoSnapshotPath', prepared.geoSnapshotPath);
			project.provide('pgliteDemoSnapshotPrefix', prepared.demoSnapshotPrefix);
		} else {
			const prepared = await run.postgres!;
			project.provide('postgresUrl', prepared.url);
			project.provide('postgresTemplate', prepared.template);
			project.provide('postgresGeoTemplate', prepared.geoTemplate);
			project.provide('postgresDemoTemplatePrefix', prepared.demoTemplatePrefix);
		}
	} catch (error) {
		await teardown();
		throw error;
	}
	return teardown;
}
