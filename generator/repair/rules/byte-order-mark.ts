import type { RepairNote } from '../types.js';

/**
 * A UTF-8 byte order mark before the document (Windows tools write one; Digdir's Dialogporten description ships
 * with it). JSON forbids it (RFC 8259 §8.1, though parsers MAY ignore it) and `JSON.parse` refuses it; it carries
 * no content, so it is dropped. Runs on the file's text in the load stage, before parsing.
 */
export function byteOrderMark(text: string): { text: string; repairs: RepairNote[] } {
  if (!text.startsWith('\uFEFF')) return { text, repairs: [] };
  return {
    text: text.slice(1),
    repairs: [
      {
        rule: 'byte-order-mark',
        pointer: '#',
        problem: 'the file begins with a UTF-8 byte order mark, which JSON does not allow',
        repair: 'ignored the byte order mark',
      },
    ],
  };
}
