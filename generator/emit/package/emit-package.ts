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
import { essence } from '../../model/media-types.js';
import { literal } from './example-values.js';
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
      // One row per way to call: each request media type, each Accept the response can be asked for.
      methods: r.operations.flatMap((op) => {
        const http = `${op.method.toUpperCase()} ${sink.url(op.path)}`;
        const fn = { functionName: op.functionName, functionFile: op.functionFile };
        return [
          {
            signature: signature(op),
            ...fn,
            http,
            paramsTypeName: op.params?.typeName,
            returns: returns(op),
          },
          ...op.requestForms.map((form) => ({
            signature: signature(
              { ...op, body: form.body, params: form.params },
              `{ contentType: '${tableText(form.body.contentType)}' }`,
            ),
            ...fn,
            http,
            paramsTypeName: form.params?.typeName,
            returns: returns(op),
          })),
          ...op.responseForms.slice(1).map((form) => ({
            signature: signature(op, `{ accept: '${tableText(form.mediaType)}' }`),
            ...fn,
            http,
            paramsTypeName: op.params?.typeName,
            returns: `APIPromise<${resultType(form.response)}>`,
          })),
        ];
      }),
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

/** What an example passes for a file (example-values.ts). */
const BLOB_EXAMPLE = "new Blob(['...'])";

/** One way to call an operation: the op as one request form types it, and the options that select the form. */
interface FormCall {
  resource: ApiModel['resources'][number];
  op: OperationModel;
  options?: string;
}

/** Every request form of every operation, the main ones first, each as the call that sends it. */
function formCalls(
  operations: { resource: ApiModel['resources'][number]; op: OperationModel }[],
): FormCall[] {
  return [
    ...operations,
    ...operations.flatMap(({ resource, op }) =>
      op.requestForms.map((form) => ({
        resource,
        op: { ...op, body: form.body, params: form.params, requestForms: [] },
        options: `{ contentType: ${literal(form.body.contentType)} }`,
      })),
    ),
  ];
}

/**
 * The README's "Files, raw bodies and streams" section, shown for what the package has: each content kind its
 * operations send or answer with (file uploads with toFile, raw and text bodies, forms, a choice of request media
 * type, a choice of Accept, downloads, text, event or NDJSON streams). Each example calls a real method.
 */
function wireExamples(
  examples: ExampleContext,
  operations: { resource: ApiModel['resources'][number]; op: OperationModel }[],
) {
  const forms = formCalls(operations);
  const sending = (...encodings: string[]) =>
    forms.find(({ op }) => encodings.includes(op.body?.encoding ?? ''));
  const usage = (call: FormCall | undefined) =>
    call ? usageExample(examples, call.resource, call.op, call.options) : '';
  // The upload example passes the file it makes: a form whose example has a file field, when there is one.
  const uploads = forms.filter(({ op }) => ['multipart', 'binary'].includes(op.body?.encoding ?? ''));
  const upload = uploads.find((call) => usage(call).includes(BLOB_EXAMPLE)) ?? uploads[0];
  const form = sending('form');
  const text = sending('text');
  const choice = operations.find(({ op }) => op.requestForms.length);
  const answering = (kind: string) =>
    operations.find(({ op }) => op.call.kind === 'request' && op.call.response.kind === kind);
  const download = answering('binary');
  const textResponse = answering('text');
  const stream = answering('stream');
  const accept = operations.find(({ op }) => op.responseForms.length);
  return {
    wire: Boolean(upload || form || text || choice || download || textResponse || stream || accept),
    uploadExample: upload
      ? `// Blob, File, ArrayBuffer, typed arrays, ReadableStream, fs.ReadStream or a fetch Response:\nconst file = await toFile(new Blob(['%PDF-1.7 ...']), 'report.pdf', { type: 'application/pdf' });\n${usage(upload).replace(BLOB_EXAMPLE, 'file')}`
      : '',
    formExample: usage(form),
    textExample: usage(text),
    contentTypeExample: choice
      ? [
          '// The first media type the API lists unless the options name another:',
          ...formCalls([choice]).map(
            (call) => `await ${callExample(examples, call.resource, call.op, call.options)};`,
          ),
        ].join('\n')
      : '',
    acceptExample: accept ? acceptExample(examples, accept.resource, accept.op) : '',
    downloadExample: download
      ? `${usage(download)}\n// or stream the body yourself:\nconst response = await ${callExample(examples, download.resource, download.op)}.asResponse();`
      : '',
    textResponseExample: usage(textResponse),
    streamExample: stream
      ? `${usage(stream)}\n// stream.abort() stops reading; stream.response is the raw Response.`
      : '',
  };
}

/** One call per media type the response can be asked for, each result named for what it is. */
function acceptExample(examples: ExampleContext, resource: FormCall['resource'], op: OperationModel): string {
  const names = new Map<string, number>();
  return op.responseForms
    .map((form, index) => {
      const kind = form.response.kind === 'stream' ? form.response.format : form.response.kind;
      const base = {
        json: 'data',
        text: 'text',
        binary: 'blob',
        sse: 'events',
        ndjson: 'lines',
        none: 'nothing',
      }[kind];
      const count = (names.get(base) ?? 0) + 1;
      names.set(base, count);
      const options = index ? `{ accept: ${literal(form.mediaType)} }` : undefined;
      return `const ${count > 1 ? `${base}${count}` : base} = await ${callExample(examples, resource, op, options)}; // ${resultType(form.response)}`;
    })
    .join('\n');
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

function signature(op: OperationModel, options = 'options?'): string {
  const args = [
    ...op.pathParams.filter((p) => p.positional).map((p) => `${p.argName}`),
    ...(op.body?.kind === 'whole' ? ['body'] : []),
    ...(op.params ? [op.params.required ? 'params' : 'params?'] : []),
    options,
  ];
  return `${op.methodName}(${args.join(', ')})`;
}

/**
 * A media type inside a code span of a table cell: its parameters are spec text that could hold a `|` or a
 * backtick, so only a plain one is shown whole; otherwise its essence, which is a token by construction.
 */
function tableText(mediaType: string): string {
  return /^[\w.+*/=; -]+$/.test(mediaType) ? mediaType : essence(mediaType);
}

function returns(op: OperationModel): string {
  const { call } = op;
  if (call.kind === 'paginated') return `PagePromise<${call.itemTypeName}>`;
  return `APIPromise<${resultType(call.response)}>`;
}
