import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { ApiModel, OperationModel, ResourceModel } from '../../model/types.js';
import type { ProviderConfig } from '../../providers.js';

export type PackageSettings = Pick<ProviderConfig, 'packageName' | 'version' | 'description' | 'clientName' | 'envPrefix' | 'credential' | 'license' | 'repository'>;

const TEMPLATES = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.cjs.json', 'README.md', 'api.md', 'LICENSE'];

/** Renders the non-TypeScript files of a package from the handlebars templates in `templates/package/`. */
export async function emitPackageFiles(model: ApiModel, settings: PackageSettings, templatesDir: string, provenance: string): Promise<Map<string, string>> {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value));
  const view = packageView(model, settings, provenance);
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
  return {
    ...settings,
    provenance,
    keywords: ['sdk', 'api', 'client', settings.clientName.toLowerCase(), 'openapi', 'typescript'],
    title: model.title,
    apiVersion: model.version,
    baseURL: model.defaultBaseURL,
    credentialOption: settings.credential.option,
    credentialEnv: settings.credential.env,
    errorTypeName: model.errorTypeName,
    operations: operations.map(({ resource, op }) => ({ title: `${op.summary ?? op.operationId} (\`client.${resource.propertyName}.${op.methodName}\`)`, example: usageExample(resource, op) })),
    paginated: Boolean(firstList),
    paginationExample: firstList ? paginationExample(firstList.resource, firstList.op) : '',
    errorExample: firstPlain ? `await ${call(firstPlain.resource, firstPlain.op)};` : '',
    retryExample: firstPlain ? `await ${call(firstPlain.resource, firstPlain.op, '{ maxRetries: 5, timeout: 5_000 }')};` : '',
    resources: model.resources.map((r) => ({
      propertyName: r.propertyName,
      description: r.description,
      methods: r.operations.map((op) => ({ signature: signature(op), http: `${op.method.toUpperCase()} ${op.path}`, returns: returns(op) })),
    })),
    types: model.types.map((t) => t.name),
    enums: model.enums.map((e) => ({ typeName: e.typeName, valuesName: e.valuesName, values: e.values.map((v) => `\`${JSON.stringify(v)}\``).join(', ') })),
  };
}

function exampleArgs(op: OperationModel, options?: string): string {
  const args = op.pathParams.map((p) => JSON.stringify(typeof p.example === 'string' ? p.example : `${p.wireName}_123`));
  if (op.body && !op.body.flattened) args.push(op.body.type === 'json' ? '{}' : `'...'`);
  const withExamples = op.optionParams.filter((p) => p.required || p.example !== undefined).slice(0, 3);
  const params = withExamples.map((p) => `${/^[A-Za-z_$][\w$]*$/.test(p.wireName) ? p.wireName : JSON.stringify(p.wireName)}: ${JSON.stringify(p.example ?? '...')}`);
  if (op.paramsTypeName && (params.length || options)) args.push(`{ ${params.join(', ')} }`);
  if (options) args.push(options);
  return args.join(', ');
}

function call(resource: ResourceModel, op: OperationModel, options?: string): string {
  return `client.${resource.propertyName}.${op.methodName}(${exampleArgs(op, options)})`;
}

function usageExample(resource: ResourceModel, op: OperationModel): string {
  if (op.pagination) {
    return `const page = await ${call(resource, op)};\nfor (const item of page.data) console.log(item);`;
  }
  if (op.responseKind === 'none') return `await ${call(resource, op)};`;
  return `const result = await ${call(resource, op)};\nconsole.log(result);`;
}

function paginationExample(resource: ResourceModel, op: OperationModel): string {
  return `// Every item of every page, fetching pages as needed:\nfor await (const item of ${call(resource, op)}) {\n  console.log(item);\n}`;
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
