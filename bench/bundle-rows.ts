import path from 'node:path';
import {
  heyApiApp,
  heyApiFunctionFor,
  measureBundle,
  rawFetchApp,
  sdkgenApp,
  sdkgenFunctionApp,
  sdkgenOperation,
  type BundleResult,
} from './bundle.js';
import type { BenchResults } from './report.js';

/** The operations the one-call rows make: the same HTTP call on every side. */
const WHOP_OPERATION = 'retrieveResolutionCenterCase';
const GITHUB_OPERATION = 'repos/get';

type Row = BenchResults['bundles'][number];

/**
 * The one-call browser bundle rows: the class API and the standalone function of sdkgen's Whop package, and of its
 * GitHub output when given, each against hey-api's function for the same operation.
 */
export async function bundleRows(inputs: {
  whopPackage: string;
  heyWhop: string;
  githubPackage?: string;
  heyGitHub?: string;
}): Promise<Row[]> {
  const rows: Row[] = [];
  const whop = await sdkgenOperation(inputs.whopPackage, WHOP_OPERATION).catch(() => undefined);
  const heyWhop = () =>
    heyApiBundle(inputs.heyWhop, whop?.httpMethod ?? 'get', whop?.path ?? '/resolution_center_cases/{id}');
  rows.push({
    label: 'Whop: class API, construct client, retrieve one case',
    ours: whop
      ? await measureBundle(
          'sdkgen class (generated/whop)',
          sdkgenApp(path.join(inputs.whopPackage, 'src/index.ts'), whop.resource, whop.method, ['reso_1']),
        )
      : missing('sdkgen class', 'no such operation in the manifest'),
    peers: [await heyWhop(), await measureBundle('raw fetch (floor)', rawFetchApp())],
  });
  rows.push({
    label: 'Whop: function, construct core client, retrieve one case',
    ours: whop
      ? await measureBundle(
          `sdkgen function (${whop.functionName})`,
          sdkgenFunctionApp(inputs.whopPackage, whop, ['reso_1']),
        )
      : missing('sdkgen function', 'no such operation in the manifest'),
    peers: [await heyWhop()],
  });
  if (inputs.githubPackage && inputs.heyGitHub) {
    const github = await sdkgenOperation(inputs.githubPackage, GITHUB_OPERATION).catch(() => undefined);
    const heyGitHub = () =>
      heyApiBundle(inputs.heyGitHub!, github?.httpMethod ?? 'get', github?.path ?? '/repos/{owner}/{repo}');
    rows.push({
      label: 'GitHub: class API, construct client, call one method',
      ours: github
        ? await measureBundle(
            `sdkgen class (${github.resource}.${github.method})`,
            sdkgenApp(path.join(inputs.githubPackage, 'src/index.ts'), github.resource, github.method, [
              'r',
              { owner: 'o' },
            ]),
          )
        : missing('sdkgen class', 'no sdkgen output'),
      peers: [await heyGitHub()],
    });
    rows.push({
      label: 'GitHub: one method, function',
      ours: github
        ? await measureBundle(
            `sdkgen function (${github.functionName})`,
            sdkgenFunctionApp(inputs.githubPackage, github, ['r', { owner: 'o' }]),
          )
        : missing('sdkgen function', 'no sdkgen output'),
      peers: [await heyGitHub()],
    });
  }
  return rows;
}

async function heyApiBundle(outDir: string, method: string, urlPath: string): Promise<BundleResult> {
  const name = '@hey-api/openapi-ts';
  const fn = await heyApiFunctionFor(outDir, method, urlPath).catch(() => undefined);
  if (!fn) return missing(name, `no hey-api function for ${method.toUpperCase()} ${urlPath}`);
  return measureBundle(`${name} (${fn})`, heyApiApp(path.join(outDir, 'sdk.gen.ts'), fn));
}

function missing(name: string, failure: string): BundleResult {
  return { name, minBytes: Number.NaN, gzipBytes: Number.NaN, failure };
}
