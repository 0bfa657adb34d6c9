/**
 * A real SMTP server for browser tests: the app sends mail to it over SMTP (SMTP_URL), and
 * tests read what arrived over a small HTTP API (GET /messages?to=…). Runs as its own
 * process, started by Playwright before the app.
 */
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

const smtpPort = Number(process.env.CAPTURE_SMTP_PORT ?? 2526);
const httpPort = Number(process.env.CAPTURE_HTTP_PORT ?? 4174);

interface CapturedMail {
	to: string[];
	raw: string;
	receivedAt: string;
}
const received: CapturedMail[] = [];

const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onData(stream, session, callback) {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', () => {
			received.push({
				to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
				raw: Buffer.concat(chunks).toString('utf8'),
				receivedAt: new Date().toISOString()
			});
			callback();
		});
	}
});
smtp.on('error', (error) => console.error('smtp-capture:', error.message));
smtp.listen(smtpPort, '127.0.0.1');

const http = createServer((request, response) => {
	const url = new URL(request.url ?? '/', 'http://localhost');
	if (url.pathname === '/healthz') return void response.end('ok');
	if (url.pathname === '/messages') {
		const to = url.searchParams.get('to')?.toLowerCase();
		response.setHeader('content-type', 'application/json');
		return void response.end(JSON.stringify(to ? received.filter((mail) => mail.to.includes(to)) : received));
	}
	response.statusCode = 404;
	response.end();
});
http.listen(httpPort, '127.0.0.1');

process.on('SIGTERM', () => {
	smtp.close(() => http.close(() => process.exit(0)));
});
