import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export interface PrismServer {
  url: string;
  /** Everything Prism logged: request validation violations show up here. */
  log: () => string;
  /** False once the process has exited (Prism dies on some requests it cannot deserialize). */
  running: () => boolean;
  /** Resolves true once the process has exited, false if it is still running after `ms` milliseconds. */
  exits: (ms: number) => Promise<boolean>;
  close: () => Promise<void>;
}

const PRISM = path.resolve('node_modules/.bin/prism');

/** A free loopback port, found by letting the OS choose one. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts Prism on loopback for one OpenAPI document: a mock server, or with `proxyTo` a validating proxy in front of
 * a real server. `--errors` makes Prism answer a request that
 * violates the document with an error response, so a wrong request fails the test instead of passing quietly.
 */
export async function startPrism(
  specFile: string,
  options: { errors?: boolean; proxyTo?: string } = {},
): Promise<PrismServer> {
  const port = await freePort();
  const mode = options.proxyTo ? ['proxy', specFile, options.proxyTo] : ['mock', specFile];
  const args = [
    ...mode,
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    ...(options.errors === false ? [] : ['--errors']),
  ];
  const child: ChildProcess = spawn(PRISM, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  let closed = false;
  child.once('close', (code, signal) => {
    closed = true;
    output += `\n[Prism exited: ${signal ?? `code ${code}`}]\n`;
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    // Figma's description takes Prism over a minute to load on a busy two-core machine.
    const timer = setTimeout(
      () => reject(new Error(`Prism did not start within 180 s:\n${output}`)),
      180_000,
    );
    const onData = () => {
      if (/Prism is listening/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => output,
    running: () => child.exitCode === null && child.signalCode === null,
    exits: (ms) =>
      new Promise<boolean>((resolve) => {
        if (closed) return resolve(true);
        const timer = setTimeout(() => resolve(false), ms);
        // `close`, not `exit`: by then the output is read to its end, the stack trace of a crash included.
        child.once('close', () => {
          clearTimeout(timer);
          resolve(true);
        });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
