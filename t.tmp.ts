import { bundle, createConfig } from '@redocly/openapi-core';
const config = await createConfig({});
const r = await bundle({ ref: 'node_modules/@readme/oas-examples/3.0/json/discriminators.json', config, dereference: false });
console.log(JSON.stringify((r.bundle.parsed as any).paths['/mapping-of-schema-names'].patch.requestBody.content['application/json'].schema.discriminator));
console.log(r.problems.map(p => [p.ruleId, p.message, p.location[0]?.pointer]));
const r2 = await bundle({ ref: 'node_modules/@readme/oas-examples/3.0/json/circular-paths.json', config, dereference: false });
console.log(JSON.stringify((r2.bundle.parsed as any).paths, null, 1).slice(0, 3000));
