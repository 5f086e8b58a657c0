import { StructureKind, VariableDeclarationKind, type SourceFileStructure } from 'ts-morph';
import { allResources } from '../../model/all-resources.js';
import type { ApiModel, SecuritySchemeModel } from '../../model/types.js';
import { blockComment, objectLiteral, propertyKey, stringLiteral } from '../escape.js';
import { importOf } from './print.js';

/**
 * Emits `core.ts`: the core client, the transport configuration as data and nothing else. The standalone functions
 * take it, so a bundle that imports one function carries no resource, error static or other operation.
 */
export function emitCore(model: ApiModel): SourceFileStructure {
  const settings = model.client;
  // HTTP Basic can take a username and a password; the option's type says so only where a scheme needs it.
  const basic = Object.values(model.securitySchemes).some((scheme) => scheme.kind === 'basic');
  const config = {
    clientName: settings.className,
    version: settings.version,
    envPrefix: settings.envPrefix,
    credential: { option: settings.credential.option, env: settings.credential.env },
    defaultBaseURL: model.defaultBaseURL,
    securitySchemes: {},
    errorMessagePaths: settings.errorMessagePaths,
    queryFormat: settings.queryFormat,
    defaultSecurity: model.defaultSecurity,
  };
  return {
    kind: StructureKind.SourceFile,
    statements: [
      importOf('./core/client.js', ['BaseClient', ...schemeFactories(model)]),
      importOf('./core/client.js', ['BaseClientOptions', 'ClientConfig'], true),
      importOf('./core/client.js', [...(basic ? ['BasicCredentials'] : []), 'CredentialContext'], true),
      {
        kind: StructureKind.Interface,
        name: 'ClientOptions',
        isExported: true,
        extends: ['BaseClientOptions'],
        properties: [
          {
            name: settings.credential.option,
            hasQuestionToken: true,
            type: basic
              ? 'string | BasicCredentials | ((context: CredentialContext) => string | BasicCredentials | Promise<string | BasicCredentials>) | null | undefined'
              : 'string | ((context: CredentialContext) => string | Promise<string>) | null | undefined',
            docs: [
              blockComment(
                `${settings.credential.description}\n\nA string, or a function returning one (or a promise of one). The function is called for each request, and once\nmore with \`{ refresh: true }\` after a 401, so an expired token can be replaced.\nDefaults to \`process.env['${settings.credential.env}']\`.`,
              ),
            ],
          },
        ],
      },
      {
        kind: StructureKind.VariableStatement,
        declarationKind: VariableDeclarationKind.Const,
        declarations: [
          { name: 'config', type: 'ClientConfig', initializer: configLiteral(config, model.securitySchemes) },
        ],
      },
      {
        kind: StructureKind.Class,
        name: settings.coreClassName,
        isExported: true,
        extends: 'BaseClient',
        docs: [
          blockComment(
            `The core client of the ${model.title}: configuration, credentials, retries and transport, without resources.\nPass it to the standalone functions (\`${model.package.name}/funcs/...\`); \`${settings.className}\` extends it with the resources.\n\nThe base URL defaults to \`process.env['${settings.envPrefix}_BASE_URL']\`, then to \`${model.defaultBaseURL}\`.`,
          ),
        ],
        ctors: [
          {
            parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
            statements: ['super(config, options);'],
          },
        ],
        methods: [
          {
            name: 'withOptions',
            hasOverrideKeyword: true,
            parameters: [{ name: 'overrides', type: 'ClientOptions' }],
            returnType: 'this',
            docs: [
              'A new client with some options replaced (`client.withOptions({ timeout: 5_000 })`); this one is unchanged.',
            ],
            statements: ['return super.withOptions(overrides);'],
          },
        ],
      },
    ],
  };
}

/**
 * Emits `client.ts`: the core client with the resources, each built on first access (a getter that caches), and
 * the error classes as statics.
 */
export function emitClient(model: ApiModel): SourceFileStructure {
  const settings = model.client;
  const mounts = [
    ...model.resources.map((r) => ({
      name: r.propertyName,
      className: r.className,
      ...(r.description ? { docs: r.description } : {}),
    })),
    ...(model.webhooks
      ? [{ name: 'webhooks', className: 'Webhooks', docs: 'Verifies and types the webhooks the API sends.' }]
      : []),
  ];
  return {
    kind: StructureKind.SourceFile,
    statements: [
      importOf('./core.js', [settings.coreClassName]),
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: './errors.js', namespaceImport: 'Errors' },
      ...model.resources.map((r) => importOf(`./resources/${r.fileName}.js`, [r.className])),
      ...(model.webhooks ? [importOf('./resources/webhooks.js', ['Webhooks'])] : []),
      {
        kind: StructureKind.Class,
        name: settings.className,
        isExported: true,
        extends: settings.coreClassName,
        docs: [
          blockComment(
            `Client for the ${model.title}${model.version ? ` (${model.version})` : ''}.\n\nThe base URL defaults to \`process.env['${settings.envPrefix}_BASE_URL']\`, then to \`${model.defaultBaseURL}\`.`,
          ),
        ],
        properties: [
          // The error classes as statics (`Client.NotFoundError`), typed like the named exports so they narrow `err.error`.
          { name: model.errors.baseName, isStatic: true, initializer: 'Errors.SDKError' },
          ...[...model.errors.otherClasses, ...model.errors.httpClasses].map((name) => ({
            name,
            isStatic: true,
            initializer: `Errors.${name}`,
          })),
          // Private caches (`#name`): nothing is added to the public surface, and a `withOptions` copy builds its own.
          ...mounts.map((m) => ({ name: `#${m.name}`, type: m.className, hasQuestionToken: true })),
        ],
        getAccessors: mounts.map((m) => ({
          name: m.name,
          returnType: m.className,
          ...(m.docs ? { docs: [blockComment(m.docs)] } : {}),
          statements: [`return (this.#${m.name} ??= new ${m.className}(this));`],
        })),
      },
    ],
  };
}

/**
 * The runtime's `SecurityScheme` (templates/runtime/internal/auth.ts) for a credential kind: a call of the factory
 * that applies it, so a bundle carries the code of the schemes its API declares and no other.
 */
function runtimeScheme(scheme: SecuritySchemeModel): string {
  switch (scheme.kind) {
    case 'bearer':
      return 'bearerAuth()';
    case 'basic':
      return 'basicAuth()';
    case 'apiKey': {
      const factory = { header: 'apiKeyHeader', query: 'apiKeyQuery', cookie: 'apiKeyCookie' }[scheme.in];
      return `${factory}(${stringLiteral(scheme.name)})`;
    }
  }
}

/** The factories `runtimeScheme` calls, sorted and once each. */
function schemeFactories(model: ApiModel): string[] {
  const names = Object.values(model.securitySchemes).map((scheme) => runtimeScheme(scheme).split('(')[0]!);
  return [...new Set(names)].sort();
}

/** Emits `index.ts`: the client as default and named export, resources, errors, pagination and every model. */
export function emitIndex(model: ApiModel): SourceFileStructure {
  const clientName = model.client.className;
  return {
    kind: StructureKind.SourceFile,
    statements: [
      importOf('./client.js', [clientName]),
      { kind: StructureKind.ExportAssignment, isExportEquals: false, expression: clientName },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: './client.js', namedExports: [clientName] },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: './core.js',
        namedExports: [model.client.coreClassName],
      },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: './core.js',
        namedExports: ['ClientOptions'],
        isTypeOnly: true,
      },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: './core/client.js',
        namedExports: ['BasicCredentials', 'CredentialContext'],
        isTypeOnly: true,
      },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: './core/uploads.js',
        namedExports: ['toFile'],
      },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: './core/uploads.js',
        namedExports: ['FileLike', 'FileOptions', 'Uploadable'],
        isTypeOnly: true,
      },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: './core/streaming.js',
        namedExports: ['ServerSentEvent', 'Stream'],
        isTypeOnly: true,
      },
      ...allResources(model.resources).map((r) => ({
        kind: StructureKind.ExportDeclaration as const,
        moduleSpecifier: `./resources/${r.fileName}.js`,
        namedExports: [r.className],
      })),
      ...(model.webhooks
        ? [
            {
              kind: StructureKind.ExportDeclaration as const,
              moduleSpecifier: './resources/webhooks.js',
              namedExports: ['Webhooks'],
            },
            {
              kind: StructureKind.ExportDeclaration as const,
              moduleSpecifier: './core/webhooks.js',
              namedExports: ['WebhookVerificationError'],
            },
            {
              kind: StructureKind.ExportDeclaration as const,
              moduleSpecifier: './core/webhooks.js',
              namedExports: ['UnwrapOptions', 'WebhookHeaders'],
              isTypeOnly: true,
            },
          ]
        : []),
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: './errors.js' },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: './core/pagination.js',
        namedExports: ['Page', 'PagePromise'],
      },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: './core/api-promise.js',
        namedExports: ['APIPromise'],
      },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: './core/request-options.js',
        namedExports: ['RequestOptions'],
        isTypeOnly: true,
      },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: './models.js' },
    ],
  };
}

/**
 * The config object literal, its security schemes as factory calls. A scheme's name is a string literal key
 * (`__proto__` computed, so that it is a key and not the prototype).
 */
function configLiteral(config: Record<string, unknown>, schemes: ApiModel['securitySchemes']): string {
  const entries = Object.entries(schemes).map(
    ([name, scheme]) => `${propertyKey(name)}: ${runtimeScheme(scheme)}`,
  );
  const fields = Object.entries(config).map(
    ([key, value]) =>
      `${stringLiteral(key)}: ${key === 'securitySchemes' ? `{ ${entries.join(', ')} }` : objectLiteral(value)}`,
  );
  return `{ ${fields.join(', ')} }`;
}
