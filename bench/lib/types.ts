/** What a benchmark scenario (bench/scenarios/*.ts) provides and receives. */
import type { Db } from '../../src/lib/server/db';

export interface BenchContext {
	/** Base URL of the app under test, without a trailing slash. */
	appUrl: string;
	/** The bench database (migrated and seeded with the demo network). */
	db: Db;
	/** A Cookie header value signing in as this user (creates a session in the database). */
	sessionCookie(email: string): Promise<string>;
}

export interface BenchTarget {
	/** Short name printed in the results table. */
	label: string;
	/** Path and query on the app, e.g. "/cpts?nature=rural". */
	path: string;
	method?: 'GET' | 'POST';
	headers?: Record<string, string>;
	body?: string;
	/** Status a correct answer has (200 unless told); a target that answers otherwise is not loaded. */
	expectStatus?: number;
	/** Text a correct answer contains, checked once before loading. */
	expectText?: string;
}

export interface Scenario {
	/** Name used by BENCH_ONLY to pick scenarios. */
	name: string;
	description: string;
	/** Runs once before the scenario's targets (extra data, sessions…). */
	setup?(context: BenchContext): Promise<void>;
	/** Pages to load with autocannon (on the app the harness starts). */
	targets?(context: BenchContext): BenchTarget[] | Promise<BenchTarget[]>;
	/**
	 * A standalone scenario measures something else than pages (e.g. websockets) and prints
	 * its own table; the harness starts no app for it.
	 */
	run?(context: StandaloneContext): Promise<void>;
}

/** What a standalone scenario (one with `run`) receives: no app server is started for it. */
export interface StandaloneContext {
	/** The bench database (migrated and seeded with the demo network). */
	db: Db;
	/** Its URL, for servers the scenario starts as child processes. */
	databaseUrl: string;
	/** A Cookie header value signing in as this user (creates a session in the database). */
	sessionCookie(email: string): Promise<string>;
}
