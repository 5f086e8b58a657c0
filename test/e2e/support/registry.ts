import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../../support/prism.js';
import { REPO_ROOT } from './packages.js';
import { startService, waitUntil, type Service } from './processes.js';

const VERDACCIO = path.join(REPO_ROOT, 'node_modules/.bin/verdaccio');

export interface Registry {
  url: string;
  /** Environment for npm commands: this registry only, and a user config, global config and cache of its own. */
  npmEnv: NodeJS.ProcessEnv;
  service: Service;
}

/**
 * A private npm registry (Verdaccio) on loopback, its storage and configuration in `dir`. It has no uplinks, so an
 * install can only get what was published to it; anyone may publish, so no account is needed.
 */
export async function startRegistry(dir: string): Promise<Registry> {
  await mkdir(path.join(dir, 'storage'), { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = path.join(dir, 'config.yaml');
  await writeFile(
    config,
    [
      `storage: ${JSON.stringify(path.join(dir, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(path.join(dir, 'htpasswd'))}`,
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $all',
      '    unpublish: $all',
      'max_body_size: 200mb',
      'web:',
      '  enable: false',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  // npm refuses to publish without a token for the registry; Verdaccio lets an unknown token publish anonymously.
  await writeFile(path.join(dir, 'npmrc'), `registry=${url}\n//127.0.0.1:${port}/:_authToken=sdkgen-e2e\n`);
  await writeFile(path.join(dir, 'global-npmrc'), '');
  const npmEnv = withoutNpmVariables(process.env);
  Object.assign(npmEnv, {
    npm_config_userconfig: path.join(dir, 'npmrc'),
    npm_config_globalconfig: path.join(dir, 'global-npmrc'),
    npm_config_cache: path.join(dir, 'npm-cache'),
    npm_config_registry: url,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  });
  const service = startService(VERDACCIO, ['--config', config, '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
  });
  try {
    await waitUntil(
      async () => (await fetch(new URL('-/ping', url))).ok,
      60_000,
      () => `Verdaccio did not start:\n${service.output()}`,
    );
  } catch (error) {
    await service.stop();
    throw error;
  }
  return { url, npmEnv, service };
}

/**
 * `npm test` runs this process with npm's own `npm_*` variables (the registry and user config among them), which
 * would leak into the npm commands run here.
 */
function withoutNpmVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key)));
}
