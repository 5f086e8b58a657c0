import type { OpenAPIDocument } from '../load/types.js';

/** Every repair rule, by the name its warnings carry (docs/repairs.md describes each). */
export type RuleId =
  | 'byte-order-mark'
  | 'alias-ref-cycle'
  | 'duplicate-operation-id'
  | 'undeclared-path-param'
  | 'unused-path-param'
  | 'non-ascii-param-name'
  | 'null-type-in-3-0'
  | 'swagger-file-type'
  | 'unknown-type'
  | 'null-schema'
  | 'path-without-slash';

/** One correction made to the document, located in it. */
export interface RepairNote {
  rule: RuleId;
  /** JSON pointer of what was corrected, in the document the rule was given. */
  pointer: string;
  /** What is wrong, in the words of the specification. */
  problem: string;
  /** What the generator did instead of refusing the document. */
  repair: string;
}

/** A repair as reported: the note plus the file it is in. */
export interface Repair extends RepairNote {
  file: string;
}

/**
 * A rule looks for one defect and corrects it. It never changes its input: it returns the input itself when it
 * found nothing, and a corrected copy otherwise.
 */
export type RepairRule = (document: OpenAPIDocument) => { document: OpenAPIDocument; repairs: RepairNote[] };

/** A defect found by a rule's read-only pass, with how to correct it on the copy. */
export interface Finding extends RepairNote {
  apply(copy: OpenAPIDocument): void;
}
