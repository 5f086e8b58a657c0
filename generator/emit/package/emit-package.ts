import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { ApiModel, OperationModel } from '../../model/types.js';
import type { ProviderConfig } from '../../providers.js';
import { htmlComment, jsonValue, markdown, markdownCode, urlText } from '../escape.js';
import { callExample, paginationExample, usageExample } from './examples.js';

export type PackageSettings = Pick<ProviderConfig, 'packageName' | 'version' | 'description' | 'clientName' | 'envPrefix' | 'credential' | 'license' | 'repository'>;

const TEMPLATES = ['package.json', 'tsconfig.json', 'tsconfig.cjs.json', 'README.md', 'api.md', 'LICENSE'];

/** Renders the non-TypeScript files of a package from the handlebars templates in `templates/package/`. */
export async function emitPackageFiles(model: ApiModel, settings: PackageSettings, templatesDir: string, provenance: string): Promise<Map<string, string>> {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('json', (value: unknown) => jsonValue(value));
  // Markdown files get their spec text through the Markdown sinks; JSON files through the `json` helper.
  const views = { markdown: packageView(model, settings, provenance, 'markdown'), plain: packageView(model, settings, provenance, 'plain') };
  const files = new Map<string, string>();
  for (const name of TEMPLATES) {
    const source = await readFile(path.join(templatesDir, `${name}.hbs`), 'utf8');
    files.set(name, handlebars.compile(source, { noEscape: true, strict: false })(name.endsWith('.md') ? views.markdown : views.plain));
  }
  return files;
}

/** The sinks a view's text goes through: Markdown for README.md and api.md, none for JSON (its helper escapes). */
function sinks(kind: 'markdown' | 'plain') {
  const md = kind === 'markdown';
  const same = (text: string) => text;
  return {
    block: md ? (text: string) => markdown(text) : same,
    inline: md ? (text: string) => markdown(text, { inline: true }) : same,
    url: md ? urlText : same,
    comment: md ? htmlComment : same,
    code: md ? (text: string) => markdownCode(text) : same,
  };
}

function packageView(model: ApiModel, settings: PackageSettings, provenance: string, kind: 'markdown' | 'plain') {
  const sink = sinks(kind);
  const optional = (text: string | undefined, escape: (text: string) => string) => (text === undefined ? undefined : escape(text));
  const operations = model.resources.flatMap((r) => r.operations.map((op) => ({ resource: r, op })));
  const firstList = operations.find(({ op }) => op.pagination);
  const firstPlain = operations.find(({ op }) => !op.pagination) ?? operations[0];
  return {
    ...settings,
    description: sink.block(settings.description),
    credentialDescription: sink.block(settings.credential.description),
    provenance: sink.comment(provenance),
    keywords: ['sdk', 'api', 'client', settings.clientName.toLowerCase(), 'openapi', 'typescript'],
    title: sink.inline(model.title),
    apiVersion: sink.inline(model.version),
    baseURL: sink.url(model.defaultBaseURL),
    credentialOption: settings.credential.option,
    credentialEnv: settings.credential.env,
    errorTypeName: model.errorTypeName,
    exampleTypeName: firstPlain?.op.responseTypeName ?? firstList?.op.itemTypeName ?? model.types[0]?.name ?? 'ClientOptions',
    operations: operations.map(({ resource, op }) => ({
      title: `${sink.inline(op.summary ?? op.operationId)} (\`client.${resource.propertyName}.${op.methodName}\`)`,
      description: optional(firstParagraph(op.description), sink.block),
      example: usageExample(resource, op),
    })),
    paginated: Boolean(firstList),
    paginationExample: firstList ? paginationExample(firstList.resource, firstList.op) : '',
    errorExample: firstPlain ? `await ${callExample(firstPlain.resource, firstPlain.op)};` : '',
    retryExample: firstPlain ? `await ${callExample(firstPlain.resource, firstPlain.op, '{ maxRetries: 5, timeout: 5_000 }')};` : '',
    rawExample: firstPlain ? callExample(firstPlain.resource, firstPlain.op) : '',
    resources: model.resources.map((r) => ({
      propertyName: r.propertyName,
      className: r.className,
      description: optional(r.description, sink.block),
      methods: r.operations.map((op) => ({
        signature: signature(op),
        http: `${op.method.toUpperCase()} ${sink.url(op.path)}`,
        paramsTypeName: op.paramsTypeName,
        returns: returns(op),
      })),
    })),
    types: model.types.map((t) => ({ name: t.name, description: optional(firstParagraph(t.description), sink.inline) })),
    enums: model.enums.map((e) => ({ typeName: e.typeName, valuesName: e.valuesName, values: e.values.map((v) => sink.code(jsonValue(v))).join(', ') })),
  };
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
