/** Every `--help` text, and the one table of exit codes they all end with. */
import { DEFAULT_MAX_BYTES } from '../load/limits.js';

export const EXIT = { done: 0, problems: 1, usage: 2 } as const;

export const EXIT_CODES = `Exit codes (every command):
  0  done: generated, or nothing found
  1  problems found: an invalid spec or config, files that differ (check), upstream drift (check --upstream)
  2  usage: an unknown command or flag, a missing or unusable argument, an input that cannot be read
     (a folder or unreachable URL as --spec, a non-sdkgen folder as --out without --force)
`;

const COMMON = `  --strict           treat warnings as errors
  --verbose          list every warning and print each stage's timing
  --max-size <MB>    refuse documents larger than this (default ${DEFAULT_MAX_BYTES / 1024 / 1024})
  --specs-dir <dir>  provider folders (default ./specs)
  --out-dir <dir>    output root (default ./generated)
  -h, --help         show this help
`;

export const HELP: Record<'main' | 'generate' | 'check' | 'suggest' | 'init', string> = {
  main: `sdkgen: typed TypeScript client packages from OpenAPI 3.0/3.1 documents

Usage:
  sdkgen init [dir]                             start a provider repository (specs/, config, scripts, CI)
  sdkgen generate [provider...]                 generate generated/<provider> from specs/<provider>/sdkgen.json
  sdkgen generate --spec <file|url> --out <dir> --name <ClientName>
                                                one package from any document
  sdkgen check --generated [provider...]        exit 1 if generated/ differs from what the specs produce
  sdkgen check --upstream [provider...]         compare vendored specs with their upstream sources
  sdkgen suggest <spec>                         print pagination declarations inferred from a document
  sdkgen <command> --help                       the options of one command

Options:
  -v, --version      print the version
  -h, --help         show this help

${EXIT_CODES}`,
  generate: `Usage:
  sdkgen generate [provider...] [options]
      every provider in specs/ (or the ones named), each into generated/<provider>/
  sdkgen generate --spec <file|url> --out <dir> --name <ClientName> [--package-name <name>] [options]
      one package from any OpenAPI document, with a build script of its own

Options:
  --spec <file|url>      the document (a URL is downloaded; its relative $refs are not followed)
  --out <dir>            the package folder: created, or replaced when it holds sdkgen's manifest (or is empty)
  --name <ClientName>    the client class, PascalCase
  --package-name <name>  the npm name (default: the client name, kebab-case)
  --force                replace an --out or --out-dir folder that sdkgen did not generate
${COMMON}
Output folders carry .sdkgen-manifest.json, the list of files sdkgen wrote; a folder without it is never replaced
unless --force is given. Other top-level entries of a folder sdkgen generated (.git, node_modules, dist) are kept.

${EXIT_CODES}`,
  check: `Usage:
  sdkgen check [--generated] [provider...] [options]
      regenerate in memory and list every file of generated/ that differs (a diff of each); writes nothing
  sdkgen check --upstream [provider...] [--help for its options]
      compare the vendored documents with their upstream sources (see docs/drift.md)

Options:
  --generated        the default check
${COMMON}
${EXIT_CODES}`,
  suggest: `Usage:
  sdkgen suggest <spec>
      print the pagination declarations sdkgen infers from a document, for a person to confirm and paste into
      sdkgen.json

Options:
  -h, --help         show this help

${EXIT_CODES}`,
  init: `Usage:
  sdkgen init [dir]
      start a provider repository in dir (default: the current folder), which must be empty or not exist:
      specs/ (add a provider folder per API), a package.json whose scripts run sdkgen, and a CI workflow that
      checks generated/ and the upstream specs

Options:
  --name <name>      the repository's package name (default: the folder name)
  -h, --help         show this help

${EXIT_CODES}`,
};
