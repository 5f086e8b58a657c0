import { access, constants } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCommand } from './processes.js';

/** Debian's chromium, installed by apt-get (`.ci/run` does it); never a browser downloaded by a test tool. */
export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

export async function requireChromium(): Promise<string> {
  try {
    await access(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(
      `The browser test needs Debian's chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (CI does), or set CHROMIUM to its path.`,
    );
  }
  return CHROMIUM;
}

export interface PageServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves one HTML page at `/` and one script at `/app.js` on loopback. */
export async function servePage(html: string, script: string): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else if (path === '/app.js')
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Loads `url` in headless chromium and returns the DOM once the page is done. `--virtual-time-budget` makes
 * chromium wait for pending network requests and timers (up to the budget) before `--dump-dom` prints the page,
 * so a result written after a fetch is in the dump.
 */
export async function dumpDom(url: string, userDataDir: string): Promise<string> {
  const chromium = await requireChromium();
  const result = await runCommand(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      `--user-data-dir=${userDataDir}`,
      '--virtual-time-budget=20000',
      '--dump-dom',
      url,
    ],
    { timeoutMs: 60_000 },
  );
  if (result.code !== 0) throw new Error(`chromium exited with ${result.code}:\n${result.stderr}`);
  return result.stdout;
}
