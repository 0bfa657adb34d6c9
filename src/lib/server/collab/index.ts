/**
 * What the site and ws-server share about collaborative documents: their names and URL
 * path, close codes, limits, and the process-wide registry (metrics, rights changes).
 */
export * from './codes';
export * from './limits';
export * from './names';
export * from './registry';
