/** What the coverage map shows for one département. */
export interface MapArea {
	/** Département code: "01" … "95", "2A", "2B", "971" … "974", "976". */
	code: string;
	name: string;
	/** Share covered, between 0 and 1; null when there is no figure. */
	value: number | null;
	/** The page the département opens (a click, or Enter on its shape). */
	href: string;
	/** A further detail shown in the tooltip and the table ("3 CPTS"). */
	label?: string;
}
