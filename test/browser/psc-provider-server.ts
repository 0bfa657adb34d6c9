/**
 * The local Pro Santé Connect provider of the browser tests (a webServer of
 * playwright.config.ts), on PSC_PROVIDER_PORT, sending back to the app on BROWSER_APP_PORT.
 */
import { startPscTestProvider } from '../helpers/psc-provider';
import { PSC_BROWSER_IDENTITIES } from './psc-identities';

const appPort = Number(process.env.BROWSER_APP_PORT ?? 4173);
const provider = await startPscTestProvider({
	port: Number(process.env.PSC_PROVIDER_PORT ?? 4180),
	redirectUris: [`http://127.0.0.1:${appPort}/connexion/psc/retour`],
	identities: PSC_BROWSER_IDENTITIES
});
console.log(`PSC test provider: ${provider.issuer}`);
const stop = () => void provider.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
