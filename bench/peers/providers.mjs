/** The Hocuspocus client, imported by bench/scenarios/collab.ts from this package. */
export { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
