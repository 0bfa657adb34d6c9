import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// Forms post from our own origin only; adapter-node gets ORIGIN from the config module.
		csrf: { trustedOrigins: [] }
	}
};

export default config;
