import { fastCorpus, generateCorpus, countsOf, ROOT } from '/work/main/test/corpus/corpus.ts';
import { typecheckPackages, formatErrors } from '/work/main/test/corpus/typecheck.ts';
const only = process.argv[2];
let docs = await fastCorpus();
if (only) docs = docs.filter(d => d.id.includes(only));
const t0 = performance.now();
const results = [];
for (const d of docs) {
  try { results.push(...await generateCorpus([d], '/tmp/sdk/corpus')); }
  catch (e) { console.log('FAIL', d.id, (e as Error).message.slice(0, 500)); }
}
const t1 = performance.now();
console.log('generated', results.length, 'in', ((t1-t0)/1000).toFixed(1), 's');
const errors = await typecheckPackages(results.map(r => r.dir));
console.log('typecheck', ((performance.now()-t1)/1000).toFixed(1), 's', errors.length, 'errors');
console.log(formatErrors(errors, '/tmp/sdk/corpus'));
let ops=0, schemas=0; for (const r of results) { const c = countsOf(r.pkg); ops+=c.operations; schemas+=c.schemas; }
console.log({ops, schemas});
