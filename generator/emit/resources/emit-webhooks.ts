import { StructureKind, type SourceFileStructure } from 'ts-morph';
import type { WebhooksModel } from '../../model/types.js';
import { blockComment, stringLiteral } from '../escape.js';
import { importOf } from './print.js';

/** Emits `resources/webhooks.ts`: `client.webhooks.unwrap()`, typed with the document's event union. */
export function emitWebhooks(webhooks: WebhooksModel, envPrefix: string): SourceFileStructure {
  const secretEnv = `${envPrefix}_WEBHOOK_SECRET`;
  return {
    kind: StructureKind.SourceFile,
    statements: [
      importOf('../core/resource.js', ['APIResource']),
      importOf('../core/webhooks.js', ['unwrapWebhook']),
      importOf('../core/webhooks.js', ['UnwrapOptions'], true),
      importOf('../models.js', [webhooks.unionTypeName], true),
      {
        kind: StructureKind.Class,
        name: 'Webhooks',
        isExported: true,
        extends: 'APIResource',
        methods: [
          {
            name: 'unwrap',
            parameters: [
              { name: 'body', type: 'string | Uint8Array | ArrayBuffer' },
              { name: 'options', type: 'UnwrapOptions' },
            ],
            returnType: `Promise<${webhooks.unionTypeName}>`,
            // Event names are spec text: they go through the block-comment sink.
            docs: [
              blockComment(
                `Verifies a delivery's Standard Webhooks signature and returns the event: ${webhooks.events.map((e) => `\`${e.name}\``).join(', ')}.\n\n` +
                  `\`body\` is the raw request body as received. The key defaults to \`process.env['${secretEnv}']\`. Throws\n` +
                  'WebhookVerificationError for a missing, wrong or stale signature.',
              ),
            ],
            statements: [
              `return unwrapWebhook<${webhooks.unionTypeName}>(body, options, ${stringLiteral(secretEnv)});`,
            ],
          },
        ],
      },
    ],
  };
}
