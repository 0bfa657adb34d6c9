/** The CPTS feature: directory, records, membership, invitations and their permission rules. */
export * from './directory';
export * from './forms';
export * from './invitations';
export * from './membership';
export * from './permissions';
export * from './records';
export * from './slug';
