/**
 * Once per test run: a migrated PGlite snapshot that every test file starts from, and a
 * migrated template database on a real PostgreSQL that every file clones.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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
		postgresUrl: string | null;
		postgresTemplate: string | null;
		postgresGeoTemplate: string | null;
	}
}

export default async function setup(project: TestProject) {
	const folder = path.resolve('tmp/test');
	mkdirSync(folder, { recursive: true });

	const pglite = await openDatabase({ kind: 'pglite', dir: null });
	await pglite.migrate();
	const snapshotPath = path.join(folder, `pglite-${process.pid}.tar`);
	writeFileSync(snapshotPath, Buffer.from(await (await pglite.snapshot!()).arrayBuffer()));
	await loadReferential(pglite.db);
	const geoSnapshotPath = path.join(folder, `pglite-geo-${process.pid}.tar`);
	writeFileSync(geoSnapshotPath, Buffer.from(await (await pglite.snapshot!()).arrayBuffer()));
	await pglite.close();
	project.provide('pgliteSnapshotPath', snapshotPath);
	project.provide('pgliteGeoSnapshotPath', geoSnapshotPath);

	let cluster: PostgresForTests | null = null;
	let postgresUrl: string | null = null;
	let template: string | null = null;
	let geoTemplate: string | null = null;
	const wantsPostgres = project.config.env?.TEST_DB === 'postgres' || process.env.TEST_WITH_POSTGRES === '1';
	if (wantsPostgres) {
		if (process.env.TEST_DATABASE_URL) {
			postgresUrl = process.env.TEST_DATABASE_URL;
		} else {
			cluster = await startThrowawayCluster();
			postgresUrl = cluster.url;
		}
		template = `cpts_template_${process.pid}`;
		const admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`drop database if exists ${template}`);
		await admin.unsafe(`create database ${template}`);
		await admin.end();
		const templateUrl = new URL(postgresUrl);
		templateUrl.pathname = `/${template}`;
		const migrated = await openDatabase({ kind: 'postgres', url: templateUrl.toString() });
		await migrated.migrate();
		await migrated.close();

		geoTemplate = `cpts_template_geo_${process.pid}`;
		const geoAdmin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
		await geoAdmin.unsafe(`drop database if exists ${geoTemplate}`);
		await geoAdmin.unsafe(`create database ${geoTemplate} template ${template}`);
		await geoAdmin.end();
		const geoTemplateUrl = new URL(postgresUrl);
		geoTemplateUrl.pathname = `/${geoTemplate}`;
		const withReferential = await openDatabase({ kind: 'postgres', url: geoTemplateUrl.toString() });
		await loadReferential(withReferential.db);
		await withReferential.close();
	}
	project.provide('postgresUrl', postgresUrl);
	project.provide('postgresTemplate', template);
	project.provide('postgresGeoTemplate', geoTemplate);

	return async () => {
		if (postgresUrl && template) {
			const admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
			await admin.unsafe(`drop database if exists ${template} with (force)`);
			if (geoTemplate) await admin.unsafe(`drop database if exists ${geoTemplate} with (force)`);
			await admin.end();
		}
		await cluster?.stop();
	};
}
