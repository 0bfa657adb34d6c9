/** The modules the plugin writes give back the messages exactly, whatever characters they hold. */
import { describe, expect, it } from 'vitest';
import { moduleSource } from './vite-plugin';

describe('message modules', () => {
	it('keep quotes, backslashes, backticks and ${…} as they are', async () => {
		const messages = { 'a.b': 'L’« accès » aux "soins" `code` ${name} {count} \\ \\n \n fin', 'a.c': '' };
		const source = moduleSource(messages);
		const module = (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as { default: unknown };
		expect(module.default).toEqual(messages);
	});
});
