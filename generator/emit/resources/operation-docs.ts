import type { OperationModel, ResourceModel } from '../../model/types.js';
import type { OperationSignature, SignatureShape } from './signature.js';
import { functionUsageExample, usageExample, type ExampleContext } from '../package/examples.js';
import { SAMPLE_LANGS } from '../samples/check-samples.js';
import { blockComment, stringLiteral } from '../escape.js';

/** Examples without schemas to read: a call with placeholder arguments (for emitter tests that build a model by hand). */
export const NO_SCHEMAS: ExampleContext = { document: {}, schemaOf: () => undefined };

/** What the doc comments of a package's calls are written with. */
export interface DocsContext {
  /** The npm name the examples import; left out by emitter tests. */
  packageName?: string;
  /** The core client class the function examples construct. */
  coreClassName: string;
  examples: ExampleContext;
}

/** The doc comment of a class method: the spec's own code sample when one compiles, else an example call. */
export function methodDocs(resource: ResourceModel, op: OperationModel, ctx: DocsContext): string {
  // The model keeps only samples that type-check against this package (emit/samples/keep-checked.ts).
  const sample = op.codeSamples.find((s) => SAMPLE_LANGS.test(s.lang));
  // The spec's samples import the vendor's own SDK; the example shows this package instead.
  const source =
    sample && ctx.packageName
      ? sample.source.replace(/^(import \w+ from )(['"])[^'"]+\2;?$/m, `$1'${ctx.packageName}';`)
      : sample?.source;
  return docs(op, source?.trim() ?? usageExample(ctx.examples, resource, op));
}

/** The doc comment of a standalone function: the method's text, and the call made with the core client. */
export function functionDocs(op: OperationModel, ctx: DocsContext): string {
  const imports = ctx.packageName
    ? [
        `import { ${ctx.coreClassName} } from '${ctx.packageName}/core';`,
        `import { ${op.functionName} } from '${ctx.packageName}/funcs/${op.functionFile}';`,
        '',
      ]
    : [];
  return docs(
    op,
    [
      ...imports,
      `const client = new ${ctx.coreClassName}();`,
      '',
      functionUsageExample(ctx.examples, op),
    ].join('\n'),
  );
}

/** The doc comment of an overload for another request media type: what it sends and how to ask for it. */
export function alternativeDocs(op: OperationModel, contentType: string): string {
  return blockComment(
    `${op.summary ? `${op.summary}\n\n` : ''}Sends the body as \`${contentType}\`: pass \`{ contentType: ${stringLiteral(contentType)} }\` in the request options.`,
  );
}

function docs(op: OperationModel, example: string): string {
  const lines: string[] = [];
  if (op.summary) lines.push(op.summary);
  if (op.description && op.description.trim() !== op.summary?.trim()) lines.push('', op.description.trim());
  lines.push('', `\`${op.method.toUpperCase()} ${op.path}\` (operationId \`${op.operationId}\`)`);
  if (op.deprecated) lines.push('', '@deprecated');
  lines.push('', '@example', '```ts', example, '```');
  return blockComment(lines.join('\n'));
}

/** One declared signature: type parameters, parameters and return type, and its comment. */
interface DocumentedShape {
  typeParameters: string[];
  parameters: SignatureShape['parameters'];
  returnType: string;
  docs: string[];
}

/**
 * The overloads of a method or function and their comments (none when there is one form): the main form's carries
 * the full comment, each alternative says what it sends. `shape` gives a signature's declared parts (a function
 * prepends its client).
 */
export function documentedOverloads(
  op: OperationModel,
  signature: OperationSignature,
  docs: string,
  shape: (s: SignatureShape) => Omit<DocumentedShape, 'docs'>,
): { overloads: DocumentedShape[] } | { docs: string[] } {
  if (!signature.overloads.length) return { docs: [docs] };
  return {
    overloads: signature.overloads.map((s) => ({
      ...shape(s),
      docs: [s.contentType === undefined ? docs : alternativeDocs(op, s.contentType)],
    })),
  };
}
