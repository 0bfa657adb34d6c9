/** The resource library: profils-types, good practices, tools, experience reports, literature. */
export * from './attachments';
export * from './feed';
export * from './forms';
export * from './matching';
export * from './markdown';
export * from './permissions';
export * from './profile';
export * from './resources';
export * from './revisions';
export * from './search';
