import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { ApiModel, OperationModel } from '../../model/types.js';
import type { ProviderConfig } from '../../providers.js';
import type { Repair } from '../../repair/types.js';
import { callExample, exampleContext, paginationExample, usageExample } from './examples.js';

export type PackageSettings = Pick<ProviderConfig, 'packageName' | 'version' | 'description' | 'clientName' | 'envPrefix' | 'credential' | 'license' | 'repository'>;

const TEMPLATES = ['package.json', 'tsconfig.json', 'tsconfig.cjs.json', 'README.md', 'api.md', 'LICENSE'];

/**
 * Renders the non-TypeScript files of a package from the handlebars templates in `templates/package/`. The
 * repairs made to the document are listed in the README, so a reader knows the client was built from a
 * corrected description.
 */
export async function emitPackageFiles(model: ApiModel, settings: PackageSettings, templatesDir: string, provenance: string, repairs: readonly Repair[] = []): Promise<Map<string, string>> {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value));
  const view = { ...packageView(model, settings, provenance), repairs: repairs.map(repairRow) };
  const files = new Map<string, string>();
  for (const name of TEMPLATES) {
    const source = await readFile(path.join(templatesDir, `${name}.hbs`), 'utf8');
    files.set(name, handlebars.compile(source, { noEscape: true, strict: false })(view));
  }
  return files;
}

function packageView(model: ApiModel, settings: PackageSettings, provenance: string) {
  const operations = model.resources.flatMap((r) => r.operations.map((op) => ({ resource: r, op })));
  const firstList = operations.find(({ op }) => op.pagination);
  const firstPlain = operations.find(({ op }) => !op.pagination) ?? operations[0];
  const examples = exampleContext(model);
  return {
    ...settings,
    provenance,
    keywords: ['sdk', 'api', 'client', settings.clientName.toLowerCase(), 'openapi', 'typescript'],
    title: model.title,
    apiVersion: model.version,
    baseURL: model.defaultBaseURL,
    credentialOption: settings.credential.option,
    credentialEnv: settings.credential.env,
    credentialDescription: settings.credential.description,
    errorTypeName: model.errorTypeName,
    exampleTypeName: firstPlain?.op.responseTypeName ?? firstList?.op.itemTypeName ?? model.types[0]?.name ?? 'ClientOptions',
    operations: operations.map(({ resource, op }) => ({
      title: `${op.summary ?? op.operationId} (\`client.${resource.propertyName}.${op.methodName}\`)`,
      description: firstParagraph(op.description),
      example: usageExample(examples, resource, op),
    })),
    paginated: Boolean(firstList),
    paginationExample: firstList ? paginationExample(examples, firstList.resource, firstList.op) : '',
    errorExample: firstPlain ? `await ${callExample(examples, firstPlain.resource, firstPlain.op)};` : '',
    retryExample: firstPlain ? `await ${callExample(examples, firstPlain.resource, firstPlain.op, '{ maxRetries: 5, timeout: 5_000 }')};` : '',
    rawExample: firstPlain ? callExample(examples, firstPlain.resource, firstPlain.op) : '',
    resources: model.resources.map((r) => ({
      propertyName: r.propertyName,
      className: r.className,
      description: r.description,
      methods: r.operations.map((op) => ({
        signature: signature(op),
        http: `${op.method.toUpperCase()} ${op.path}`,
        paramsTypeName: op.paramsTypeName,
        returns: returns(op),
      })),
    })),
    types: model.types.map((t) => ({ name: t.name, description: firstParagraph(t.description)?.replace(/\s*\n\s*/g, ' ') })),
    enums: model.enums.map((e) => ({ typeName: e.typeName, valuesName: e.valuesName, values: e.values.map((v) => `\`${JSON.stringify(v)}\``).join(', ') })),
  };
}

/** One row of the README's repairs table; spec text (names in the problem, pointers) is escaped for a table cell. */
function repairRow(repair: Repair) {
  return { file: markdownCell(repair.file), pointer: markdownCell(repair.pointer), rule: repair.rule, problem: markdownCell(repair.problem), repair: markdownCell(repair.repair) };
}

function markdownCell(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

/** Descriptions run long (permission lists, tables); the first paragraph is the summary a reader scans for. */
function firstParagraph(text: string | undefined): string | undefined {
  const first = text?.trim().split(/\n\s*\n/)[0]?.trim();
  return first || undefined;
}

function signature(op: OperationModel): string {
  const args = [
    ...op.pathParams.map((p) => `${p.argName}`),
    ...(op.body && !op.body.flattened ? ['body'] : []),
    ...(op.paramsTypeName ? [op.paramsRequired ? 'params' : 'params?'] : []),
    'options?',
  ];
  return `${op.methodName}(${args.join(', ')})`;
}

function returns(op: OperationModel): string {
  if (op.pagination) return `PagePromise<${op.itemTypeName}>`;
  const kinds = { none: 'void', text: 'string', binary: 'Blob', json: op.responseTypeName ?? 'unknown' };
  return `APIPromise<${kinds[op.responseKind]}>`;
}
