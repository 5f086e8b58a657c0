/**
 * What the runtime core exports and which members its client classes have, read from `templates/runtime/` itself:
 * the copied runtime is the one source of these names, so a schema or resource can never collide with a name the
 * runtime gained after a list was last copied by hand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { RuntimeSurface } from './types.js';

/** Globals generated code relies on: a schema named like one would shadow it inside models.ts and the resources. */
const GLOBALS = [
  'Response',
  'Request',
  'Headers',
  'Blob',
  'File',
  'FormData',
  'URL',
  'Promise',
  'Error',
  'Date',
  'Array',
  'Object',
  'Record',
  'Partial',
  'Omit',
  'Pick',
  'Map',
  'Set',
  'String',
  'Number',
  'Boolean',
  'Symbol',
];

/** Properties every JavaScript object or class has, and `then`, which would make a resource look like a promise. */
const OBJECT_MEMBERS = ['constructor', 'prototype', 'name', 'length', 'toString', 'valueOf', 'then'];

/**
 * `templates/runtime/` of this installation: the nearest one above this module, which sits in `generator/model/`
 * when run from source and in `dist/` when bundled.
 */
export function runtimeDir(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'templates', 'runtime');
    if (existsSync(path.join(candidate, 'client.ts'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error('templates/runtime/ not found above the generator');
  }
}

/** Reads the runtime's public surface from its source (the top-level modules; `internal/` is private). */
export function readRuntimeSurface(runtimeDir: string): RuntimeSurface {
  const exports = new Set<string>();
  const members = new Set<string>(OBJECT_MEMBERS);
  const resourceMembers = new Set<string>(OBJECT_MEMBERS);
  let errors: ts.SourceFile | undefined;
  for (const file of readdirSync(runtimeDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()) {
    const source = parse(path.join(runtimeDir, file));
    for (const name of exportedNames(source)) exports.add(name);
    for (const name of classMembers(source, ['BaseClient', 'APIResource'])) members.add(name);
    for (const name of classMembers(source, ['APIResource'])) resourceMembers.add(name);
    if (file === 'errors.ts') errors = source;
  }
  // The private modules' exports: a generated function file imports some of them by name (`path`, `requestPage`'s
  // page styles, the wire encoders), so a function must not be named like one.
  const internal = new Set<string>();
  for (const file of readdirSync(path.join(runtimeDir, 'internal'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()) {
    for (const name of exportedNames(parse(path.join(runtimeDir, 'internal', file)))) internal.add(name);
  }
  const pagesDir = path.join(runtimeDir, 'internal', 'pages');
  const pageStyles: RuntimeSurface['pageStyles'] = {};
  for (const file of readdirSync(pagesDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const found = styleFactory(parse(path.join(pagesDir, file)));
    if (found)
      pageStyles[found.style] = {
        module: `internal/pages/${file.replace(/\.ts$/, '.js')}`,
        factory: found.factory,
      };
  }
  return {
    reservedTypeNames: [...exports, ...GLOBALS].sort(),
    internalNames: [...internal].sort(),
    clientMembers: [...members].sort(),
    resourceMembers: [...resourceMembers].sort(),
    errorClasses: errors ? errorClasses(errors) : { http: [], other: [] },
    pageStyles,
  };
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

function exportedNames(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      names.push(...statement.exportClause.elements.map((e) => e.name.text));
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
      }
    } else if (
      (ts.isClassDeclaration(statement) ||
        ts.isFunctionDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name &&
      isExported(statement)
    ) {
      names.push(statement.name.text);
    }
  }
  return names;
}

/** Instance member names of the named classes; statics and `#private` ones cannot collide and are left out. */
function classMembers(source: ts.SourceFile, classNames: string[]): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name || !classNames.includes(statement.name.text))
      continue;
    for (const member of statement.members) {
      const isStatic = (ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : []).some(
        (m) => m.kind === ts.SyntaxKind.StaticKeyword,
      );
      if (!isStatic && member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)))
        names.push(member.name.text);
    }
  }
  return names;
}

/**
 * The exported error classes in declaration order: `APIError` and its subclasses carry an HTTP body the spec can
 * type; the others are re-exported as they are.
 */
function errorClasses(source: ts.SourceFile): RuntimeSurface['errorClasses'] {
  const http: string[] = [];
  const other: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name || !isExported(statement)) continue;
    const base = statement.heritageClauses?.flatMap((h) => h.types)[0]?.expression;
    const name = statement.name.text;
    // Typed by the error body: generic over it. APIConnectionError is an APIError too, but never has a body.
    const generic = (statement.typeParameters?.length ?? 0) > 0;
    const httpError =
      generic &&
      (name === 'APIError' || (base !== undefined && ts.isIdentifier(base) && http.includes(base.text)));
    (httpError ? http : other).push(name);
  }
  return { http, other };
}

/** A page-style module exports one factory taking `Style<'<style>'>`. */
function styleFactory(source: ts.SourceFile): { style: string; factory: string } | undefined {
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name || !isExported(statement)) continue;
    const type = statement.parameters[0]?.type;
    if (
      !type ||
      !ts.isTypeReferenceNode(type) ||
      !ts.isIdentifier(type.typeName) ||
      type.typeName.text !== 'Style'
    )
      continue;
    const argument = type.typeArguments?.[0];
    if (argument && ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) {
      return { style: argument.literal.text, factory: statement.name.text };
    }
  }
  return undefined;
}
