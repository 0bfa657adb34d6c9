/**
 * Shared calendar machinery (DPC sessions, forum practice exchanges): RFC 5545 output with
 * VTIMEZONE for every zone, stable UIDs and SEQUENCE; private per-user feeds with a
 * contribution point; IANA zone validation. Display helpers are in $lib/domain/time-zones.
 */
export * from './feed';
export * from './ics';
export * from './zones';
