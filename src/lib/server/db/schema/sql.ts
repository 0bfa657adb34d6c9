/**
 * Small SQL pieces for check constraints and generated columns built from the reference
 * lists of src/lib/domain (codes are plain identifiers, never user input).
 */
import { sql } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';

/** 'a', 'b', 'c' — for `column in (…)` checks. */
export const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

/** array['a', 'b']::text[] — for `column <@ …` checks on text arrays. */
export const textArray = (values: readonly string[]) => sql.raw(`array[${values.map((value) => `'${value}'`).join(', ')}]::text[]`);

/** A text-search vector; only the database writes it (generated column). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
