#!/usr/bin/env node
// Runs the TypeScript CLI directly: the generator is not compiled ahead of time.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../generator/cli.ts');
process.exitCode = await main(process.argv.slice(2));
