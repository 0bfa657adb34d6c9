/**
 * How every bench entry point ends: with code 1 and the error's stack when it throws, 0
 * otherwise, and always by itself. A seed or scenario that throws halfway leaves handles
 * open (a pool, a timer of the outbox worker, a child server, a socket), and Node would
 * wait on them forever; so after the clean-up (bounded too) the process exits explicitly.
 */

/** How long the clean-up may take before the process exits without it. */
const CLEAN_UP_LIMIT_MS = 15_000;

/** Runs `main`, then `cleanUp`, then exits: non-zero with the error when either throws. */
export async function runBenchMain(main: () => Promise<void>, cleanUp: () => Promise<void> = async () => {}): Promise<never> {
	let exitCode = 0;
	try {
		await main();
	} catch (error) {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		exitCode = 1;
	}
	let limit: NodeJS.Timeout | undefined;
	const overdue = new Promise<'overdue'>((resolve) => {
		limit = setTimeout(() => resolve('overdue'), CLEAN_UP_LIMIT_MS);
	});
	try {
		const outcome = await Promise.race([cleanUp().then(() => 'done' as const), overdue]);
		if (outcome === 'overdue') console.error(`[bench] nettoyage inachevé après ${CLEAN_UP_LIMIT_MS / 1000} s : arrêt sans lui`);
	} catch (error) {
		console.error(`[bench] nettoyage : ${error instanceof Error ? error.message : error}`);
		exitCode ||= 1;
	} finally {
		clearTimeout(limit);
	}
	process.exit(exitCode || (typeof process.exitCode === 'number' ? process.exitCode : 0));
}
