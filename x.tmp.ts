import { loadProviders } from './generator/providers.ts';
import { loadVendored } from './generator/drift/load-document.ts';
import { diffDocuments } from './generator/drift/diff-document.ts';
let t = performance.now();
const [p] = await loadProviders('specs', ['whop']);
const a = await loadVendored(p!, {}); console.log('load', performance.now() - t); t = performance.now();
const b = await loadVendored(p!, {}); console.log('load2', performance.now() - t); t = performance.now();
const d = await diffDocuments(p!, a, b); console.log('diff', performance.now() - t, d.changes.length);
