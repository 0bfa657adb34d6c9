/**
 * What a form component is given back after a refused POST: what was typed (kept, so nothing is
 * lost), each field's error as a message key, and the message about the whole form.
 */
export interface FormState {
	values: Record<string, string>;
	errors?: Record<string, string> | null;
	message?: string | null;
}
