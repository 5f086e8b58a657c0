/**
 * Run in a child process with a capped heap: `sdkgen generate --spec <file>` in-process, then one line of JSON on
 * stdout with the exit code, the wall time and the peak resident memory, for the budget checks.
 */
import { main } from '../../../generator/cli.js';

const [spec, out] = process.argv.slice(2);
const started = performance.now();
const code = await main(['generate', '--spec', spec!, '--out', out!, '--name', 'Acme']);
process.stdout.write(
  JSON.stringify({
    code,
    ms: Math.round(performance.now() - started),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
