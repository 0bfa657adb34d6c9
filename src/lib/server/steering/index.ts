/** Steering the network: plans for the zones blanches, CPTS emergence and close support, portfolios, partner accounts. */
export * from './dates';
export * from './follow-up';
export * from './partners';
export * from './plans';
export * from './portfolio';
export * from './thresholds';
