/** `npm run map:build`: writes the coverage map's geometry (static/geo/france-departements.json) from the map packages. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildFranceMap, serializeMap } from '../../lib/server/geo/france-map';

const target = path.resolve(import.meta.dirname, '../../../static/geo/france-departements.json');
const text = serializeMap(buildFranceMap());
writeFileSync(target, text);
console.log(`${path.relative(process.cwd(), target)} : ${text.length} octets, ${gzipSync(text).length} compressés (gzip)`);
