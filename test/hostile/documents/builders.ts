import YAML from 'yaml';

/**
 * Small builders for hostile documents: an ordinary vendor-style API (tags, a list/retrieve/create trio, component
 * schemas, bearer auth) that each case edits in one place, and payloads that would run if spec text became code.
 */
export type Doc = Record<string, any>;

/** Acme's payments API, the way vendors publish theirs: the document every case starts from. */
export function vendorSpec(edit: (doc: Doc) => void = () => {}): Doc {
  const doc: Doc = {
    openapi: '3.1.0',
    info: { title: 'Acme Payments API', version: '2024-06-01', description: 'Move money with Acme.' },
    servers: [{ url: 'https://api.acme.example/v1' }],
    security: [{ bearerAuth: [] }],
    tags: [{ name: 'Charges', description: 'A charge moves money from a card to your balance.' }],
    paths: {
      '/charges': {
        get: {
          operationId: 'listCharges',
          tags: ['Charges'],
          summary: 'List charges',
          description: 'Returns the charges, newest first.',
          parameters: [
            {
              name: 'limit',
              in: 'query',
              description: 'How many to return.',
              schema: { type: 'integer', default: 10 },
            },
          ],
          responses: { '200': json({ type: 'array', items: ref('Charge') }) },
        },
        post: {
          operationId: 'createCharge',
          tags: ['Charges'],
          summary: 'Create a charge',
          requestBody: { required: true, content: { 'application/json': { schema: ref('ChargeCreate') } } },
          responses: { '201': json(ref('Charge')), '400': json(ref('Error')) },
        },
      },
      '/charges/{charge_id}': {
        get: {
          operationId: 'retrieveCharge',
          tags: ['Charges'],
          summary: 'Retrieve a charge',
          parameters: [
            { name: 'charge_id', in: 'path', required: true, schema: { type: 'string' }, example: 'ch_123' },
          ],
          responses: { '200': json(ref('Charge')), '404': json(ref('Error')) },
        },
      },
    },
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Charge: {
          type: 'object',
          description: 'A charge.',
          required: ['id', 'amount'],
          properties: {
            id: { type: 'string', example: 'ch_123' },
            amount: { type: 'integer', description: 'In cents.' },
            status: { type: 'string', enum: ['pending', 'succeeded', 'failed'] },
          },
        },
        ChargeCreate: {
          type: 'object',
          required: ['amount'],
          properties: { amount: { type: 'integer' }, currency: { type: 'string', default: 'usd' } },
        },
        Error: { type: 'object', properties: { message: { type: 'string' } } },
      },
    },
  };
  edit(doc);
  return doc;
}

/** Defines a key, so `__proto__` becomes a key as it does in a parsed document, not the object's prototype. */
export function put(target: Doc, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function ref(name: string): Doc {
  return { $ref: `#/components/schemas/${name}` };
}

export function json(schema: Doc, description = 'OK'): Doc {
  return { description, content: { 'application/json': { schema } } };
}

/** The list operation, the one most edits touch. */
export const listOp = (doc: Doc): Doc => doc.paths['/charges'].get;

/**
 * Code that leaves a marker file named after the case in the working directory of the import check. Written to
 * type-check under strict tsc, so an escape is not caught by the compiler by luck but only by the marker.
 */
export function code(id: string): string {
  return `(globalThis as any).process.getBuiltinModule('fs').writeFileSync('pwned-${id}', '1')`;
}

/**
 * One text that breaks out of every sink at once if its escaping is missing: a block comment, a line comment,
 * a single- or double-quoted string, a template literal and its `${}` hole, and an HTML comment.
 */
export function payload(id: string): string {
  const run = code(id);
  return `Pay */ ${run}; /* and\n${run};\n// "; ${run}; " '; ${run}; ' \`; ${run}; \` \${${run}} --> <script>${run}</script> **/*.json`;
}

export function toYaml(doc: Doc): string {
  return YAML.stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
}

export function toJson(doc: Doc): string {
  return JSON.stringify(doc, null, 2);
}

/** N component schemas each only a `$ref` to the next, ending in an object: `S0 -> S1 -> ... -> S{n}`. */
export function refChain(length: number): Doc {
  return vendorSpec((doc) => {
    for (let i = 0; i < length; i++) doc.components.schemas[`Link${i}`] = ref(`Link${i + 1}`);
    doc.components.schemas[`Link${length}`] = { type: 'object', properties: { end: { type: 'boolean' } } };
    listOp(doc).responses['200'] = json(ref('Link0'));
  });
}

/** N component schemas each `allOf` the next plus one property of its own. */
export function allOfChain(length: number): Doc {
  return vendorSpec((doc) => {
    for (let i = 0; i < length; i++) {
      doc.components.schemas[`Layer${i}`] = {
        allOf: [ref(`Layer${i + 1}`), { type: 'object', properties: { [`f${i}`]: { type: 'string' } } }],
      };
    }
    doc.components.schemas[`Layer${length}`] = { type: 'object', properties: { base: { type: 'string' } } };
    listOp(doc).responses['200'] = json(ref('Layer0'));
  });
}

/**
 * YAML with one anchored array of `items` objects, aliased `aliases` times under example values: small on disk,
 * huge once every alias is expanded (the probe's 335 KB document).
 */
export function aliasBomb(items: number, aliases: number): string {
  const lines = [
    'openapi: 3.1.0',
    'info: {title: Bomb, version: "1"}',
    'paths: {}',
    'components:',
    '  schemas:',
    '    Base:',
    '      type: object',
    '      example: &big',
  ];
  for (let i = 0; i < items; i++)
    lines.push(`        - {id: item_${i}, name: "Item number ${i} of the catalogue"}`);
  for (let i = 0; i < aliases; i++) lines.push(`    Copy${i}: {type: object, example: *big}`);
  return lines.join('\n') + '\n';
}
