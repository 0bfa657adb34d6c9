// Prints how many tests ran in each part of `npm test`, from the reporters' JSON files.
import { existsSync, readFileSync } from 'node:fs';

const rows = [];
if (existsSync('tmp/vitest-counts.json')) {
	for (const [project, counts] of Object.entries(JSON.parse(readFileSync('tmp/vitest-counts.json', 'utf8')))) rows.push([project, counts]);
}
if (existsSync('tmp/playwright.json')) {
	const report = JSON.parse(readFileSync('tmp/playwright.json', 'utf8'));
	const stats = report.stats ?? {};
	rows.push(['browser (chromium)', { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0), skipped: stats.skipped ?? 0 }]);
}
let failed = 0;
for (const [name, counts] of rows) {
	failed += counts.failed;
	console.log(`${name.padEnd(24)} ${String(counts.passed).padStart(4)} passed  ${String(counts.failed).padStart(3)} failed  ${String(counts.skipped).padStart(3)} skipped`);
}
if (!rows.some(([name]) => name.includes('postgres'))) console.log('⚠ PostgreSQL réel non testé : seuls les tests PGlite ont tourné.');
const total = rows.reduce((sum, [, counts]) => sum + counts.passed, 0);
console.log(`total: ${total} tests passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
