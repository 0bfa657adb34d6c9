import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// Forms post from our own origin only; adapter-node gets ORIGIN from the config module.
		csrf: { trustedOrigins: [] },
		// Every page: scripts only from the site and SvelteKit's own inline start-up script (its
		// nonce, added per response), so injected markup cannot run. 'self' also admits the
		// collaboration websocket (ws:/wss: on the page's own host, CSP 3), which the editor opens
		// at /collab on the page's host.
		// Styles keep 'unsafe-inline': style attributes (the poll bars' widths, the co-authors'
		// colours, app.html's wrapper) can carry no nonce, and the editor (Tiptap) injects its
		// base <style>. User content reaches pages sanitised, without style.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
