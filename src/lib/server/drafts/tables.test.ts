/**
 * Tables (fiches-actions: indicators, budget) survive every server-side path of a draft's
 * text: the Yjs state ws-server stores, the read view (DocView), DOCX, Markdown and diffs.
 */
import { strFromU8, unzipSync } from 'fflate';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import DocView from '../../../routes/projets/DocView.svelte';
import type { DocNode } from '../../drafts/document';
import { changeTowards, jsonFromState, stateFromJSON, toLines, toMarkdown } from './content';
import { toDocx } from './export';
import { buildProjectTemplate } from './template';

const cell = (type: 'tableHeader' | 'tableCell', value: string, attrs: Record<string, unknown> = {}): DocNode => ({
	type,
	attrs: { colspan: 1, rowspan: 1, ...attrs },
	content: [value ? { type: 'paragraph', content: [{ type: 'text', text: value }] } : { type: 'paragraph' }]
});

const fiche: DocNode = {
	type: 'doc',
	content: [
		{ type: 'heading', attrs: { level: 4 }, content: [{ type: 'text', text: 'Fiche-action 1.1 : soins non programmés' }] },
		{
			type: 'table',
			content: [
				{ type: 'tableRow', content: [cell('tableHeader', 'Indicateur'), cell('tableHeader', 'Cible'), cell('tableHeader', 'Budget (€)')] },
				{ type: 'tableRow', content: [cell('tableCell', 'Patients sans médecin traitant | 75 ans et plus'), cell('tableCell', '-20 %'), cell('tableCell', '12 000')] },
				{ type: 'tableRow', content: [cell('tableCell', 'Total', { colspan: 2 }), cell('tableCell', '12 000')] }
			]
		}
	]
};

describe('tables in a draft', () => {
	it('come back unchanged from the Yjs state ws-server stores', () => {
		const back = jsonFromState(stateFromJSON(fiche));
		expect(back).toEqual(fiche);
		// And a change computed towards the same text is no change.
		expect(changeTowards(stateFromJSON(fiche), fiche)).toBeNull();
	});

	it('render in the read view with a header row and spans', () => {
		// Without Svelte's hydration markers.
		const body = render(DocView, { props: { nodes: fiche.content ?? [] } }).body.replace(/<!--[^>]*-->/g, '');
		expect(body).toContain('<table class="doc-table');
		expect(body).toMatch(/<th scope="col"[^>]*><p>Indicateur<\/p><\/th>/);
		expect(body).toMatch(/<td colspan="2"[^>]*><p>Total<\/p><\/td>/);
		expect(body).toContain('Patients sans médecin traitant | 75 ans et plus');
	});

	it('export to DOCX as a Word table whose first row repeats as a header', async () => {
		const docx = await toDocx({ title: 'Projet', cptsName: 'CPTS', status: 'en_redaction', locale: 'fr' }, fiche);
		const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']);
		expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
		expect(xml.match(/<w:tr>/g)).toHaveLength(3);
		expect(xml).toContain('<w:tblHeader/>');
		expect(xml).toContain('<w:gridSpan w:val="2"/>');
		expect(xml).toContain('Budget (€)');
		expect(xml).toContain('12 000');
	});

	it('export to Markdown as a GFM table (pipes escaped) and diff one row per line', () => {
		const markdown = toMarkdown(fiche);
		expect(markdown).toContain('| Indicateur | Cible | Budget (€) |\n| --- | --- | --- |\n');
		expect(markdown).toContain('| Patients sans médecin traitant \\| 75 ans et plus | -20 % | 12 000 |');
		expect(toLines(fiche)).toContain('Total | 12 000');
	});

	it('are what the template gives each fiche-action for its indicators and budget', () => {
		const doc = buildProjectTemplate(
			{ name: 'CPTS', nature: 'rural', population: 10_000, professionalsCount: 30, communes: [], regionName: 'Grand Est', department: '54' },
			[],
			null
		);
		const tables = (doc.content ?? []).filter((block) => block.type === 'table');
		// Six missions, one fiche each without a profil-type, two tables per fiche.
		expect(tables).toHaveLength(12);
		expect(jsonFromState(stateFromJSON(doc))).toEqual(jsonFromState(stateFromJSON(jsonFromState(stateFromJSON(doc)))));
	});
});
