/** The drafts feature: health-project draft records and who may edit, comment or read them. */
export * from './permissions';
export * from './records';
