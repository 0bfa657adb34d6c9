/**
 * `use:enhance` options for forms with passwords: keep what was typed on failure (like the
 * no-JavaScript page, which re-fills from `form.values`), but empty the password fields,
 * which the server never sends back either.
 */
import type { SubmitFunction } from '@sveltejs/kit';

export const keepValuesClearPasswords: SubmitFunction = ({ formElement }) => {
	return async ({ result, update }) => {
		await update({ reset: false });
		if (result.type === 'failure') {
			for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) input.value = '';
		}
	};
};
