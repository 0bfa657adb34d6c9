/**
 * Mail delivery through a real SMTP server (the smtp-server package, on port 0): what the
 * product queues arrives, once the outbox is delivered, with its subject, recipient and link;
 * with SMTP down the message keeps the error, the effect waits for its retry, and the caller
 * carries on.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { resetConfig } from '../../src/lib/server/config';
import { mailOutbox, notifications, outboxJobs } from '../../src/lib/server/db/schema';
import { MAIL_SEND, queueMail, resetMailTransport } from '../../src/lib/server/mail';
import { retryOutboxJob } from '../../src/lib/server/outbox';
import { outboxHandlers } from '../../src/lib/server/outbox/handlers';
import { createOutboxWorker } from '../../src/lib/server/outbox/worker';
import { notify, sendDigests, setPreferences } from '../../src/lib/server/notifications';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { drainOutbox } from '../helpers/outbox';

const testDb = useTestDatabase();

interface ReceivedMail {
	envelopeTo: string[];
	raw: string;
}

const received: ReceivedMail[] = [];
let server: SMTPServer;
let smtpUrl: string;
const savedEnv = { SMTP_URL: process.env.SMTP_URL, ORIGIN: process.env.ORIGIN };

function useSmtp(url: string | undefined) {
	if (url === undefined) delete process.env.SMTP_URL;
	else process.env.SMTP_URL = url;
	resetConfig();
	resetMailTransport();
}

beforeAll(async () => {
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				received.push({
					envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
					raw: Buffer.concat(chunks).toString('utf8')
				});
				callback();
			});
		}
	});
	server.on('error', () => {});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
	process.env.ORIGIN = 'https://reseau-cpts.test';
	useSmtp(smtpUrl);
});

afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (savedEnv.ORIGIN === undefined) delete process.env.ORIGIN;
	else process.env.ORIGIN = savedEnv.ORIGIN;
	useSmtp(savedEnv.SMTP_URL);
});

beforeEach(() => {
	received.length = 0;
});

/** The message's header block, unfolded, and its decoded body (quoted-printable or base64 parts). */
function parseRaw(raw: string) {
	const split = raw.indexOf('\r\n\r\n');
	const headerBlock = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
	const header = (name: string) =>
		decodeEncodedWords(new RegExp(`^${name}: (.*)$`, 'im').exec(headerBlock)?.[1] ?? '');
	const body = raw.slice(split + 4);
	// Minimal MIME: decode each part by its transfer encoding and keep them all.
	const parts = body.split(/\r\n--[^\r\n]+/).map((part) => {
		const partSplit = part.indexOf('\r\n\r\n');
		if (partSplit < 0) return part;
		const partHeaders = part.slice(0, partSplit);
		const content = part.slice(partSplit + 4);
		if (/transfer-encoding: quoted-printable/i.test(partHeaders)) return decodeQuotedPrintable(content);
		if (/transfer-encoding: base64/i.test(partHeaders)) return Buffer.from(content.replace(/\s/g, ''), 'base64').toString('utf8');
		return content;
	});
	return { subject: header('Subject'), to: header('To'), from: header('From'), text: parts.join('\n') };
}

function decodeQuotedPrintable(value: string): string {
	const bytes = value
		.replace(/=\r\n/g, '')
		.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodeEncodedWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
			encoding.toLowerCase() === 'b'
				? Buffer.from(text, 'base64').toString('utf8')
				: decodeQuotedPrintable(text.replace(/_/g, ' '))
		);
}

/** A port that was just free: nothing listens there. */
async function deadPort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const port = (probe.address() as AddressInfo).port;
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	return port;
}

describe('mail through a real SMTP server', () => {
	it('delivers a message with its subject, recipient and link, and marks the outbox row sent', async () => {
		const link = 'https://reseau-cpts.test/connexion/verifier?jeton=abc234';
		const result = await queueMail(testDb.db, 'claire.dubois@cpts-sud-lochois.fr', {
			template: 'test_mail',
			locale: 'fr',
			subject: ['notifications.kind.dpc.session_changed.title', { session: 'Coopération ville-hôpital' }],
			paragraphs: [['notifications.kind.dpc.session_changed.body']],
			action: { label: 'notifications.mail.open', url: link }
		});
		expect(received).toHaveLength(0);
		expect(await drainOutbox()).toBe(1);

		expect(received).toHaveLength(1);
		expect(received[0].envelopeTo).toEqual(['claire.dubois@cpts-sud-lochois.fr']);
		const mail = parseRaw(received[0].raw);
		expect(mail.subject).toBe('Session DPC modifiée\u00a0: Coopération ville-hôpital');
		expect(mail.to).toContain('claire.dubois@cpts-sud-lochois.fr');
		expect(mail.from).toContain('Réseau CPTS');
		expect(mail.text).toContain(link);
		expect(mail.text).toContain('Les dates, le lieu ou le lien de la session ont changé.');

		const [row] = await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.id, result.id));
		expect(row.sentAt).toBeInstanceOf(Date);
		expect(row.error).toBeNull();
	});

	it('a notification by e-mail and a digest arrive at the recipient with their links', async () => {
		const user = await makeUser(testDb.db, { email: 'marc.girard@exemple.fr' });
		await notify(testDb.db, {
			userId: user.id,
			kind: 'dpc.waitlist_promotion',
			params: { session: 'Diagnostic territorial partagé' },
			link: '/formations/sessions/7'
		});
		await drainOutbox();
		expect(received).toHaveLength(1);
		const instant = parseRaw(received[0].raw);
		expect(received[0].envelopeTo).toEqual(['marc.girard@exemple.fr']);
		expect(instant.subject).toBe('Une place s’est libérée\u00a0: Diagnostic territorial partagé');
		expect(instant.text).toContain('https://reseau-cpts.test/formations/sessions/7');

		await setPreferences(testDb.db, user.id, { 'dpc.session_changed': 'digest' });
		await notify(testDb.db, { userId: user.id, kind: 'dpc.session_changed', params: { session: 'Session A' }, link: '/formations/sessions/8' });
		await notify(testDb.db, { userId: user.id, kind: 'dpc.session_changed', params: { session: 'Session B' } });
		expect(received).toHaveLength(1);
		expect(await sendDigests(testDb.db, new Date(Date.now() + 1000))).toEqual({ mails: 1, notifications: 2 });
		await drainOutbox();
		expect(received).toHaveLength(2);
		const digest = parseRaw(received[1].raw);
		expect(digest.subject).toBe('Votre récapitulatif Réseau CPTS\u00a0: 2 nouvelles notifications');
		expect(digest.text).toContain('Session DPC modifiée\u00a0: Session A\u00a0: https://reseau-cpts.test/formations/sessions/8');
		expect(digest.text).toContain('Session DPC modifiée\u00a0: Session B');
	});

	it('with SMTP down, keeps the error on the message and in the outbox, and does not throw', async () => {
		useSmtp(`smtp://127.0.0.1:${await deadPort()}`);
		try {
			const result = await queueMail(testDb.db, 'personne@exemple.fr', {
				template: 'test_mail',
				locale: 'fr',
				subject: ['notifications.kind.system.title', { message: 'Essai' }],
				paragraphs: []
			});
			await drainOutbox();
			const [row] = await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.id, result.id));
			expect(row.sentAt).toBeNull();
			expect(row.error).toMatch(/ECONNREFUSED|connect/i);

			// A notification by e-mail is still stored for the app, and the caller carries on.
			const user = await makeUser(testDb.db);
			const notified = await notify(testDb.db, { userId: user.id, kind: 'forum.mention', params: { name: 'A', topic: 'B', excerpt: 'C' } });
			expect(notified.channel).toBe('email');
			await drainOutbox();
			const [stored] = await testDb.db.select().from(notifications).where(eq(notifications.id, notified.id!));
			expect(stored.readAt).toBeNull();
			const [failed] = await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, user.email));
			expect(failed.error).not.toBeNull();
		} finally {
			useSmtp(smtpUrl);
		}
		expect(received).toHaveLength(0);
	});

	it('retries a failed send with a doubling wait, gives up after the last attempt, and sends once retried by hand', async () => {
		useSmtp(`smtp://127.0.0.1:${await deadPort()}`);
		const start = new Date(Date.now() + 60_000);
		let clock = start;
		const at = (ms: number) => (clock = new Date(start.getTime() + ms));
		const database = testDb.database;
		const worker = createOutboxWorker({ database, handlers: outboxHandlers(database), maxAttempts: 3, baseDelayMs: 30_000, now: () => clock });
		try {
			// What earlier tests left waiting (their sends failed) stays out of this clock's way.
			await testDb.db.update(outboxJobs).set({ status: 'failed' }).where(eq(outboxJobs.status, 'pending'));
			const { id: mailId } = await queueMail(testDb.db, 'relance@exemple.fr', {
				template: 'test_mail',
				locale: 'fr',
				subject: ['notifications.kind.system.title', { message: 'Relance' }],
				paragraphs: []
			});
			const job = async () => {
				const rows = await testDb.db.select().from(outboxJobs).where(eq(outboxJobs.kind, MAIL_SEND));
				return rows.find((row) => row.payload.mailId === mailId)!;
			};
			expect(await worker.drain()).toBe(1);
			expect(await job()).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(start.getTime() + 30_000) });
			expect((await job()).lastError).toMatch(/ECONNREFUSED|connect/i);

			at(29_000);
			expect(await worker.drain()).toBe(0); // Not due yet.
			at(30_000);
			expect(await worker.drain()).toBe(1);
			expect(await job()).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: new Date(start.getTime() + 90_000) });
			at(90_000);
			expect(await worker.drain()).toBe(1);
			expect(await job()).toMatchObject({ status: 'failed', attempts: 3 });
			at(10 * 3_600_000);
			expect(await worker.drain()).toBe(0); // Given up: never claimed again by itself.
			expect(received).toHaveLength(0);

			useSmtp(smtpUrl);
			expect(await retryOutboxJob(testDb.db, (await job()).id)).toBe(true);
			await drainOutbox();
			expect(await job()).toMatchObject({ status: 'delivered', attempts: 1 });
			expect(received.map((mail) => mail.envelopeTo)).toEqual([['relance@exemple.fr']]);
			const [message] = await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
			expect(message.sentAt).toBeInstanceOf(Date);
			expect(message.error).toBeNull();
		} finally {
			useSmtp(smtpUrl);
		}
	});
});
