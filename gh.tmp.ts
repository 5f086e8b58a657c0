import { generateCorpus, countsOf, GITHUB } from '/work/main/test/corpus/corpus.ts';
import { typecheckPackages, formatErrors } from '/work/main/test/corpus/typecheck.ts';
const t0 = performance.now();
const results = await generateCorpus([{ id: 'github-3-0', file: GITHUB }], '/tmp/sdk/gh');
console.log('gen', ((performance.now()-t0)/1000).toFixed(1), countsOf(results[0]!.pkg));
const t1 = performance.now();
const errors = await typecheckPackages(results.map(r => r.dir));
console.log('typecheck', ((performance.now()-t1)/1000).toFixed(1), 's', errors.length);
console.log(formatErrors(errors, '/tmp/sdk/gh'));
