/** The drafts feature: health-project drafts, their text, versions, comments and exports. */
export * from './comments';
export * from './content';
export * from './permissions';
export * from './records';
export * from './start';
export * from './versions';
export * from './export';
