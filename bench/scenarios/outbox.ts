/**
 * `npm run bench -- outbox`: what a forum reply that mails someone costs its author, now
 * that e-mails leave through the transactional outbox. The same reply (mentioning a member
 * whose mentions are mailed at once) is timed, one after the other, in three settings:
 *
 * - no SMTP server configured (the mail is only written, as in the demo);
 * - an SMTP server that answers only after 2 s, the outbox worker running beside (as in
 *   `npm start`): the goal is the same latency as without SMTP;
 * - the same slow server, with the mail sent before the reply returns (the reply, then a
 *   drain of the outbox): what a request paid when it sent its mail itself.
 *
 * The replies call the feature function (replyToThread) on the bench's PostgreSQL database,
 * so the figures are the command's own, without HTTP. It then checks every mail arrived.
 */
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { resetConfig } from '../../src/lib/server/config';
import { openDatabase, setDatabase } from '../../src/lib/server/db';
import { ensureCategory, loadForumViewer, replyToThread, startThread } from '../../src/lib/server/forum';
import { resetMailTransport } from '../../src/lib/server/mail';
import { outboxHandlers } from '../../src/lib/server/outbox/handlers';
import { createOutboxWorker } from '../../src/lib/server/outbox/worker';
import { users } from '../../src/lib/server/db/schema';
import { generateId } from '../../src/lib/server/shared/ids';
import type { Scenario } from '../lib/types';

const REPLIES = Number(process.env.BENCH_OUTBOX_REPLIES ?? 10);
/** Blocks of REPLIES replies per compared setting, alternating. */
const BLOCKS = 4;
const SMTP_DELAY_MS = 2_000;

function quantile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const scenario: Scenario = {
	name: 'outbox',
	description: 'latence d’une réponse de forum qui envoie un e-mail : sans SMTP, SMTP lent (2 s) via l’outbox, SMTP lent envoyé dans la requête',
	async run(context) {
		const database = await openDatabase({ kind: 'postgres', url: context.databaseUrl });
		setDatabase(database);
		const db = database.db;

		let received = 0;
		const smtp = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS', 'AUTH'],
			logger: false,
			// The greeting waits: every exchange with this server takes at least 2 s.
			onConnect: (_session, callback) => void setTimeout(callback, SMTP_DELAY_MS),
			onData(stream, _session, callback) {
				stream.on('data', () => {});
				stream.on('end', () => {
					received += 1;
					callback();
				});
			}
		});
		smtp.on('error', () => {});
		await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
		const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
		const useSmtp = (url: string | null) => {
			if (url) process.env.SMTP_URL = url;
			else delete process.env.SMTP_URL;
			resetConfig();
			resetMailTransport();
		};

		const person = async (name: string) => {
			const [row] = await db
				.insert(users)
				.values({ id: generateId(), email: `${generateId()}@bench.exemple.fr`, name, profession: 'infirmier', passwordHash: 'x', emailVerifiedAt: new Date() })
				.returning();
			return (await loadForumViewer(db, { ...row, emailVerified: true, locale: 'fr', roles: [] }))!;
		};
		const author = await person('Bench Auteur');
		const replier = await person('Bench Répond');
		await person('Bench Mentionne');
		const category = await ensureCategory({ slug: 'bench-outbox', name: 'Banc outbox' });
		const { threadId } = await startThread(db, author, category.id, { title: 'Banc de l’outbox', body: 'Premier message.', natures: [], professions: [] });

		const worker = createOutboxWorker({ database, handlers: outboxHandlers(database) });
		const timeReplies = async (afterEach?: () => Promise<unknown>) => {
			const samples: number[] = [];
			for (let index = 0; index < REPLIES; index += 1) {
				const started = performance.now();
				await replyToThread(db, replier, threadId, `Réponse ${index} pour @bench-mentionne.`);
				await afterEach?.();
				samples.push(performance.now() - started);
			}
			return samples.sort((a, b) => a - b);
		};

		// The two settings to compare alternate in short blocks, so that they meet the same
		// machine load (other processes on a shared machine move figures by tens of percent).
		const withoutSmtp: number[] = [];
		const throughOutbox: number[] = [];
		useSmtp(null);
		await timeReplies(); // warm-up: plans, connections
		await worker.start();
		for (let block = 0; block < BLOCKS; block += 1) {
			useSmtp(null);
			withoutSmtp.push(...(await timeReplies()));
			useSmtp(smtpUrl);
			throughOutbox.push(...(await timeReplies()));
		}
		await worker.stop();
		const rows = [
			{ setting: 'sans SMTP', samples: withoutSmtp.sort((a, b) => a - b) },
			{ setting: `SMTP lent (${SMTP_DELAY_MS / 1000} s), via l’outbox`, samples: throughOutbox.sort((a, b) => a - b) },
			{ setting: `SMTP lent (${SMTP_DELAY_MS / 1000} s), envoyé dans la requête`, samples: await timeReplies(() => worker.drain()) }
		];
		// Mails the worker took while the bench had switched SMTP off wait for their retry
		// (in 30 s): make them due, and send everything left.
		await db.execute(sql`update outbox_jobs set next_attempt_at = now() where status = 'pending'`);
		await worker.drain();

		console.log(`\nRéponse de forum avec une mention envoyée par e-mail (${BLOCKS} × ${REPLIES} réponses par réglage comparé, en blocs alternés ; ${REPLIES} dans la requête ; PostgreSQL)`);
		console.log('| réglage | p50 (ms) | p99 (ms) | moyenne (ms) |');
		console.log('|---|---:|---:|---:|');
		for (const { setting, samples } of rows) {
			const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
			console.log(`| ${setting} | ${quantile(samples, 0.5).toFixed(1)} | ${quantile(samples, 0.99).toFixed(1)} | ${mean.toFixed(1)} |`);
		}
		console.log(`e-mails reçus par le serveur SMTP lent : ${received} sur ${(BLOCKS + 1) * REPLIES} attendus`);

		await new Promise<void>((resolve) => smtp.close(() => resolve()));
		useSmtp(null);
		await database.close();
	}
};

export default scenario;
