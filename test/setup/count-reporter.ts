/** A Vitest reporter that writes how many tests passed, failed or were skipped per project. */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export default class CountReporter implements Reporter {
	onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
		const counts: Record<string, { passed: number; failed: number; skipped: number }> = {};
		for (const module of testModules) {
			const project = module.project.name || 'default';
			counts[project] ??= { passed: 0, failed: 0, skipped: 0 };
			for (const test of module.children.allTests()) {
				const state = test.result().state;
				if (state === 'passed') counts[project].passed++;
				else if (state === 'failed') counts[project].failed++;
				else counts[project].skipped++;
			}
			if (module.state() === 'failed' && [...module.children.allTests()].length === 0) counts[project].failed++;
		}
		mkdirSync('tmp', { recursive: true });
		writeFileSync('tmp/vitest-counts.json', JSON.stringify(counts, null, 2));
	}
}
