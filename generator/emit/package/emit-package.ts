import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { allResources } from '../../model/all-resources.js';
import type { ApiModel, OperationModel } from '../../model/types.js';
import { errorTypeName, itemTypeName, responseTypeName } from '../../model/facts.js';
import { htmlComment, jsonValue, markdown, markdownCode, urlText } from '../escape.js';
import {
  callExample,
  exampleContext,
  functionUsageExample,
  paginationExample,
  usageExample,
  type ExampleContext,
} from './examples.js';
import { emitManifest } from './manifest.js';
import { resultType } from '../resources/signature.js';

const TEMPLATES = ['package.json', 'tsconfig.json', 'tsconfig.cjs.json', 'README.md', 'api.md', 'LICENSE'];

/** A repair as the README lists it (the repair stage's `Repair`, its file named from the specs folder down). */
export interface RepairListing {
  file: string;
  pointer: string;
  rule: string;
  problem: string;
  repair: string;
}

/**
 * Renders the non-TypeScript files of a package from the handlebars templates in `templates/package/`. The
 * repairs made to the document are listed in the README, so a reader knows the client was built from a
 * corrected description.
 */
export async function emitPackageFiles(
  model: ApiModel,
  templatesDir: string,
  provenance: string,
  repairs: readonly RepairListing[] = [],
): Promise<Map<string, string>> {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('json', (value: unknown) => jsonValue(value));
  // Markdown files get their spec text through the Markdown sinks; JSON files through the `json` helper.
  const views = {
    markdown: { ...packageView(model, provenance, 'markdown'), repairs: repairs.map(repairRow) },
    plain: packageView(model, provenance, 'plain'),
  };
  const files = new Map<string, string>();
  for (const name of TEMPLATES) {
    const source = await readFile(path.join(templatesDir, `${name}.hbs`), 'utf8');
    files.set(
      name,
      handlebars.compile(source, { noEscape: true, strict: false })(
        name.endsWith('.md') ? views.markdown : views.plain,
      ),
    );
  }
  files.set('manifest.json', emitManifest(model));
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

/** One row of the README's repairs table: spec text (names in the problem, pointers) through the table-cell sink. */
function repairRow(repair: RepairListing) {
  const cell = (text: string) => markdown(text, { table: true });
  return {
    file: cell(repair.file),
    pointer: cell(repair.pointer),
    rule: repair.rule,
    problem: cell(repair.problem),
    repair: cell(repair.repair),
  };
}

function packageView(model: ApiModel, provenance: string, kind: 'markdown' | 'plain') {
  const { client } = model;
  const sink = sinks(kind);
  const optional = (text: string | undefined, escape: (text: string) => string) =>
    text === undefined ? undefined : escape(text);
  const operations = allResources(model.resources).flatMap((r) =>
    r.operations.map((op) => ({ resource: r, op })),
  );
  const firstList = operations.find(({ op }) => op.call.kind === 'paginated');
  const firstPlain = operations.find(({ op }) => op.call.kind === 'request') ?? operations[0];
  const examples = exampleContext(model);
  return {
    packageName: model.package.name,
    version: model.package.version,
    description: sink.block(model.package.description),
    license: model.package.license,
    licenseHolder: model.package.licenseHolder,
    ...(model.package.repository !== undefined ? { repository: model.package.repository } : {}),
    ...(model.package.homepage !== undefined ? { homepage: model.package.homepage } : {}),
    ...(model.package.bugs !== undefined ? { bugs: model.package.bugs } : {}),
    ...(model.package.author !== undefined ? { author: model.package.author } : {}),
    clientName: client.className,
    coreClassName: client.coreClassName,
    envPrefix: client.envPrefix,
    provenance: sink.comment(provenance),
    // The package builds itself with the TypeScript sdkgen is tested with, on the Node.js versions CI runs.
    typescriptVersion: model.package.toolchain.typescript,
    nodeEngine: model.package.toolchain.node,
    nodeVersion: model.package.toolchain.node.replace(/^>=\s*/, ''),
    keywords: ['sdk', 'api', 'client', client.className.toLowerCase(), 'openapi', 'typescript'],
    title: sink.inline(model.title),
    apiVersion: sink.inline(model.version),
    baseURL: sink.url(model.defaultBaseURL),
    credentialOption: client.credential.option,
    credentialEnv: client.credential.env,
    credentialDescription: sink.block(client.credential.description),
    errorTypeName: errorTypeName(model),
    exampleTypeName:
      (firstPlain && responseTypeName(firstPlain.op)) ??
      (firstList && itemTypeName(firstList.op)) ??
      model.types[0]?.name ??
      'ClientOptions',
    operations: operations.map(({ resource, op }) => ({
      title: `${sink.inline(op.summary ?? op.operationId)} (\`client.${resource.accessor}.${op.methodName}\`)`,
      description: optional(firstParagraph(op.description), sink.block),
      example: usageExample(examples, resource, op),
    })),
    functionExample: firstPlain ? functionExample(model, examples, firstPlain.op) : '',
    paginated: Boolean(firstList),
    webhooks: Boolean(model.webhooks),
    ...wireExamples(examples, operations),
    paginationExample: firstList ? paginationExample(examples, firstList.resource, firstList.op) : '',
    errorExample: firstPlain ? `await ${callExample(examples, firstPlain.resource, firstPlain.op)};` : '',
    retryExample: firstPlain
      ? `await ${callExample(examples, firstPlain.resource, firstPlain.op, '{ maxRetries: 5, timeout: 5_000 }')};`
      : '',
    rawExample: firstPlain ? callExample(examples, firstPlain.resource, firstPlain.op) : '',
    resources: allResources(model.resources).map((r) => ({
      propertyName: r.accessor,
      className: r.className,
      description: optional(r.description, sink.block),
      methods: r.operations.map((op) => ({
        signature: signature(op),
        functionName: op.functionName,
        functionFile: op.functionFile,
        http: `${op.method.toUpperCase()} ${sink.url(op.path)}`,
        paramsTypeName: op.params?.typeName,
        returns: returns(op),
      })),
    })),
    types: model.types.map((t) => ({
      name: t.name,
      description: optional(firstParagraph(t.description), sink.inline),
    })),
    enums: model.enums.map((e) => ({
      typeName: e.typeName,
      valuesName: e.valuesName,
      values: e.values.map((v) => sink.code(jsonValue(v))).join(', '),
    })),
  };
}

/**
 * The README's "Files, raw bodies and streams" section, shown for what the package has: file uploads (toFile), raw
 * downloads, event or NDJSON streams, and HTTP Basic with two credentials. Each example calls a real method.
 */
function wireExamples(
  examples: ExampleContext,
  operations: { resource: ApiModel['resources'][number]; op: OperationModel }[],
) {
  const upload = operations.find(
    ({ op }) => op.body?.encoding === 'multipart' || op.body?.encoding === 'binary',
  );
  const download = operations.find(
    ({ op }) => op.call.kind === 'request' && op.call.response.kind === 'binary',
  );
  const stream = operations.find(
    ({ op }) => op.call.kind === 'request' && op.call.response.kind === 'stream',
  );
  return {
    wire: Boolean(upload || download || stream),
    uploadExample: upload
      ? `// Blob, File, ArrayBuffer, typed arrays, ReadableStream, fs.ReadStream or a fetch Response:\nconst file = await toFile(new Blob(['%PDF-1.7 ...']), 'report.pdf', { type: 'application/pdf' });\n${usageExample(examples, upload.resource, upload.op)}`
      : '',
    downloadExample: download
      ? `${usageExample(examples, download.resource, download.op)}\n// or stream the body yourself:\nconst response = await ${callExample(examples, download.resource, download.op)}.asResponse();`
      : '',
    streamExample: stream
      ? `${usageExample(examples, stream.resource, stream.op)}\n// stream.abort() stops reading; stream.response is the raw Response.`
      : '',
  };
}

/** The README's standalone-function example: the core client made, one function imported and called. */
function functionExample(model: ApiModel, examples: ExampleContext, op: OperationModel): string {
  const { client } = model;
  return [
    `import { ${client.coreClassName} } from '${model.package.name}/core';`,
    `import { ${op.functionName} } from '${model.package.name}/funcs/${op.functionFile}';`,
    '',
    `const client = new ${client.coreClassName}({ ${client.credential.option}: process.env['${client.credential.env}'] });`,
    functionUsageExample(examples, op),
  ].join('\n');
}

/** Descriptions run long (permission lists, tables); the first paragraph is the summary a reader scans for. */
function firstParagraph(text: string | undefined): string | undefined {
  const first = text
    ?.trim()
    .split(/\n\s*\n/)[0]
    ?.trim();
  return first || undefined;
}

function signature(op: OperationModel): string {
  const args = [
    ...op.pathParams.filter((p) => p.positional).map((p) => `${p.argName}`),
    ...(op.body?.kind === 'whole' ? ['body'] : []),
    ...(op.params ? [op.params.required ? 'params' : 'params?'] : []),
    'options?',
  ];
  return `${op.methodName}(${args.join(', ')})`;
}

function returns(op: OperationModel): string {
  const { call } = op;
  if (call.kind === 'paginated') return `PagePromise<${call.itemTypeName}>`;
  return `APIPromise<${resultType(call.response)}>`;
}
