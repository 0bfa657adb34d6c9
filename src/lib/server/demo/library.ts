/**
 * The library's demo content: profils-types (library-profiles.ts) and best practices, tools,
 * experience reports and literature reviews (library-practices.ts), published, plus one
 * proposal waiting for review when a proposer is given. Idempotent: resources are keyed by
 * slug and only missing ones are inserted, each with its first revision.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Mission, ResourceKind, ResourceProfile, ResourceVisibility } from '../../domain/library';
import type { Profession, TerritoryNature } from '../../domain/professions';
import type { DbOrTx } from '../db';
import { libraryResources } from '../db/schema';
import { generateId } from '../shared/ids';
import { resourceColumns } from '../library/columns';
import { DEMO_PRACTICES } from './library-practices';
import { DEMO_PROFILES } from './library-profiles';
import { renderMarkdown } from '../library/markdown';
import { recordRevision } from '../library/revisions';
import { forgetFacetCounts } from '../library/facet-cache';

export interface DemoResource {
	slug: string;
	kind: ResourceKind;
	title: string;
	summary: string;
	/** Markdown. */
	body: string;
	natures: TerritoryNature[];
	sizeBands: number[];
	missions: Mission[];
	professions: Profession[];
	regionCode?: string;
	visibility?: ResourceVisibility;
	profile?: ResourceProfile;
}

/** A member's proposal, left in the review queue so the moderation page has something. */
const DEMO_PROPOSAL: DemoResource = {
	slug: 'proposition-binome-infirmier-pharmacien-sortie-hospitalisation',
	kind: 'retour_experience',
	title: 'Un binôme infirmier-pharmacien pour les sorties d’hospitalisation',
	summary:
		'Dans notre CPTS, l’infirmier et le pharmacien du patient se téléphonent la veille de chaque sortie d’un patient âgé pour préparer les traitements et le premier passage. Six mois d’expérience.',
	body: `## Ce que nous faisons

La veille de la sortie, l’infirmier reçoit l’ordonnance par messagerie sécurisée et appelle le pharmacien habituel du patient. Ensemble, ils vérifient les traitements, préparent le pilulier et fixent l’heure du premier passage.

## Ce que nous avons observé

Moins d’appels affolés le soir de la sortie et des erreurs de traitement repérées plus tôt. Il reste à convaincre les services hospitaliers de prévenir plus tôt.`,
	natures: ['periurbain'],
	sizeBands: [2],
	missions: ['parcours'],
	professions: ['infirmier', 'pharmacien']
};

export const DEMO_LIBRARY: DemoResource[] = [...DEMO_PROFILES, ...DEMO_PRACTICES];

const DAY_MS = 24 * 60 * 60 * 1000;
/** Serialises concurrent seeders (two processes starting on one PostgreSQL). */
const LIBRARY_SEED_LOCK_KEY = 7_270_003;

function rowOf(entry: DemoResource) {
	const body = renderMarkdown(entry.body);
	return {
		slug: entry.slug,
		kind: entry.kind,
		title: entry.title,
		summary: entry.summary,
		bodySource: entry.body,
		bodyHtml: body.html,
		bodyText: body.text,
		natures: entry.natures,
		sizeBands: entry.sizeBands,
		missions: entry.missions,
		professions: entry.professions,
		regionCode: entry.regionCode ?? null,
		visibility: entry.visibility ?? 'public',
		profile: entry.profile ?? null
	};
}

export interface LibrarySeedCounts {
	inserted: number;
	alreadyThere: number;
}

/**
 * Seeds the library's demo content (published, authored by `authorId`, reviewed by
 * `reviewerId` when given) and, with `proposerId`, one proposal waiting for review.
 * Safe to call on every start: existing slugs are left as they are.
 */
export async function seedLibraryDemo(
	db: DbOrTx,
	options: { authorId: string | null; reviewerId?: string | null; proposerId?: string | null; now?: Date }
): Promise<LibrarySeedCounts> {
	const now = options.now ?? new Date();
	const entries = [...DEMO_LIBRARY, ...(options.proposerId ? [DEMO_PROPOSAL] : [])];
	const counts = await db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${LIBRARY_SEED_LOCK_KEY})`);
		const existing = new Set(
			(
				await tx
					.select({ slug: libraryResources.slug })
					.from(libraryResources)
					.where(inArray(libraryResources.slug, entries.map((entry) => entry.slug)))
			).map((row) => row.slug)
		);
		let inserted = 0;
		for (const [index, entry] of entries.entries()) {
			if (existing.has(entry.slug)) continue;
			const isProposal = entry === DEMO_PROPOSAL;
			// Publications spread over the past months, newest last, so the feed has a history.
			const publishedAt = new Date(now.getTime() - (entries.length - index) * 5 * DAY_MS);
			const [row] = await tx
				.insert(libraryResources)
				.values({
					id: generateId(),
					...rowOf(entry),
					authorId: isProposal ? options.proposerId! : options.authorId,
					status: isProposal ? 'submitted' : 'published',
					submittedAt: isProposal ? now : publishedAt,
					publishedAt: isProposal ? null : publishedAt,
					reviewedBy: isProposal ? null : (options.reviewerId ?? null),
					reviewedAt: isProposal ? null : publishedAt,
					createdAt: isProposal ? now : publishedAt,
					updatedAt: isProposal ? now : publishedAt
				})
				.onConflictDoNothing({ target: libraryResources.slug })
				.returning(resourceColumns);
			if (!row) continue;
			await recordRevision(tx, row, row.authorId);
			inserted++;
		}
		return { inserted, alreadyThere: existing.size };
	});
	if (counts.inserted > 0) forgetFacetCounts();
	return counts;
}
