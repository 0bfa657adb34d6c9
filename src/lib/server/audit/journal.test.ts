/**
 * Every action the code writes to the audit log reads as a sentence in French and English.
 * The actions are read from the sources: the `action:` of each writeAudit call, as string
 * literals (ternaries included), constants, or templates whose values are listed below.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../i18n/catalogue.server';
import { fillParts } from './journal';

const src = path.resolve(import.meta.dirname, '../../..');

/** The values of the templated actions, by template (a new template must be added here). */
const TEMPLATES: Record<string, string[]> = {
	'`library.${action}`': ['library.submit', 'library.publish', 'library.archive'],
	'`forum.thread_${action}`': ['forum.thread_lock', 'forum.thread_unlock', 'forum.thread_pin', 'forum.thread_unpin', 'forum.thread_hide', 'forum.thread_restore']
};

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return sources(full);
		return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
	});
}

function auditActionsInCode(): { actions: Set<string>; unresolved: string[] } {
	const files = sources(path.join(src, 'lib', 'server'));
	const texts = files.map((file) => readFileSync(file, 'utf8'));
	const constants = new Map<string, string>();
	for (const text of texts) for (const [, name, value] of text.matchAll(/const ([A-Z_]+) = '([a-z][\w.]*)'/g)) constants.set(name, value);
	const actions = new Set<string>();
	const unresolved: string[] = [];
	for (const text of texts) {
		for (const call of text.split('writeAudit(').slice(1)) {
			const flat = call.slice(0, 800).replace(/\s+/g, ' ');
			const expression = flat.match(/action: (.+?), targetType/)?.[1];
			if (!expression) continue;
			if (expression.startsWith('`')) {
				const values = TEMPLATES[expression];
				if (values) values.forEach((value) => actions.add(value));
				else unresolved.push(expression);
				continue;
			}
			const literals = [...expression.matchAll(/'([a-z][\w.]*)'/g)].map((match) => match[1]);
			// A ternary's condition may hold literals too ("decision === 'approve' ? …"): keep the branches.
			const branches = expression.includes('?') ? expression.split('?').slice(1).join('?') : expression;
			const kept = [...branches.matchAll(/'([a-z][\w.]*)'/g)].map((match) => match[1]);
			for (const literal of kept.length ? kept : literals) actions.add(literal);
			if (/^[A-Z_]+$/.test(expression)) {
				const value = constants.get(expression);
				if (value) actions.add(value);
				else unresolved.push(expression);
			}
		}
	}
	return { actions, unresolved };
}

describe('the journal in words', () => {
	const { actions, unresolved } = auditActionsInCode();

	it('finds the actions of the code (and knows every templated one)', () => {
		expect(unresolved).toEqual([]);
		// A sample from each feature, so a broken reader fails here rather than passing on nothing.
		for (const action of ['role.grant', 'cpts.coordinator_appointed', 'cpts.membership_refused', 'forum.thread_pin', 'library.publish', 'dpc.session.create', 'draft.status_changed', 'aci.contract', 'plan.create', 'partner.set', 'announcement.sent']) {
			expect(actions).toContain(action);
		}
	});

	it('has a sentence for every action, in French and in English, naming who did it', () => {
		const missing: string[] = [];
		for (const action of actions) {
			for (const locale of ['fr', 'en'] as const) {
				const sentence = (catalogues.facilitator[locale] as Record<string, string>)[`journal.sentence.${action}`];
				if (!sentence) missing.push(`${locale} ${action}`);
				else expect(sentence.startsWith('{actor}'), `${locale} ${action}`).toBe(true);
			}
		}
		expect(missing).toEqual([]);
	});

	it('fills a sentence with links and text, never markup', () => {
		const parts = fillParts(
			'{actor} a nommé {user} à la coordination de {cpts}',
			{
				actor: { text: 'Camille Martin', href: '/admin/utilisateurs?q=camille%40exemple.fr' },
				user: { text: '<b>Paul Durand</b>' },
				cpts: { text: 'CPTS Sud-Toulois', href: '/cpts/sud-toulois' }
			},
			'?'
		);
		expect(parts).toEqual([
			{ text: 'Camille Martin', href: '/admin/utilisateurs?q=camille%40exemple.fr' },
			{ text: ' a nommé <b>Paul Durand</b> à la coordination de ' },
			{ text: 'CPTS Sud-Toulois', href: '/cpts/sud-toulois' }
		]);
		expect(fillParts('{actor} a quitté {cpts}', { actor: { text: 'un compte supprimé' } }, 'un élément supprimé')).toEqual([
			{ text: 'Un compte supprimé a quitté un élément supprimé' }
		]);
	});
});
