import { parse } from 'yaml';
import { isRecord } from '../providers.js';
import { UpstreamError } from './upstream-error.js';

export interface ExtractedDocument {
  /** The document's text exactly as published: what `--update` vendors. */
  text: string;
  document: Record<string, unknown>;
  format: 'yaml' | 'json';
  /** True when the text came from a fenced block of a documentation page. */
  embedded: boolean;
}

/**
 * The OpenAPI document a source publishes: the whole text when it is one (YAML or JSON), else the first fenced
 * ```yaml / ```json block of a documentation page whose content is one. Fences may open a line (the block ends at a
 * closing fence line) or sit inside a flattened one-line page (the block ends at the next identical fence).
 */
export function extractDocument(text: string, source: string): ExtractedDocument {
  const whole = tryParse(text);
  if (whole.ok && isOpenAPI(whole.value))
    return { text, document: whole.value, format: looksLikeJson(text) ? 'json' : 'yaml', embedded: false };

  const problems: string[] = [];
  for (const block of fencedBlocks(text)) {
    const parsed = tryParse(block.text);
    if (!parsed.ok) {
      problems.push(
        `the embedded ${block.language} block is not valid ${block.language.toUpperCase()}: ${parsed.error}`,
      );
      continue;
    }
    if (isOpenAPI(parsed.value))
      return {
        text: block.text,
        document: parsed.value,
        format: block.language === 'json' ? 'json' : 'yaml',
        embedded: true,
      };
  }
  if (problems.length)
    throw new UpstreamError(
      source,
      `invalid upstream document: ${problems[0]}`,
      'the published page is broken; try again later or check it with --source <file>',
    );
  if (!whole.ok)
    throw new UpstreamError(
      source,
      `invalid upstream document: not valid YAML or JSON (${whole.error}) and no embedded OpenAPI block`,
    );
  throw new UpstreamError(
    source,
    'invalid upstream document: neither an OpenAPI document nor a page embedding one in a ```yaml or ```json block',
  );
}

interface FencedBlock {
  language: 'yaml' | 'json';
  text: string;
}

const OPENING = /(`{3,}|~{3,})[ \t]*(ya?ml|json)\b([^\n]*)/gi;

export function fencedBlocks(text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  for (const match of text.matchAll(OPENING)) {
    const [opening, fence, rawLanguage, rest] = match as unknown as [string, string, string, string];
    const language = rawLanguage.toLowerCase() === 'json' ? 'json' : 'yaml';
    const start = match.index!;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const atLineStart = text.slice(lineStart, start).trim() === '';
    if (atLineStart) {
      // The info string runs to the end of the line; the content is every line up to a closing fence line.
      const contentStart = start + opening.length + 1;
      const closing = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`, 'm');
      const tail = text.slice(contentStart);
      const end = closing.exec(tail);
      blocks.push({ language, text: end ? tail.slice(0, end.index) : tail });
    } else {
      const contentStart = start + opening.length - rest.length;
      const end = text.indexOf(fence, contentStart);
      blocks.push({ language, text: `${text.slice(contentStart, end < 0 ? undefined : end).trim()}\n` });
    }
  }
  return blocks.map((block) =>
    block.text.endsWith('\n') ? block : { ...block, text: `${block.text.trimEnd()}\n` },
  );
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

function tryParse(text: string): Parsed {
  try {
    return { ok: true, value: parse(text, { maxAliasCount: 1000 }) };
  } catch (error) {
    return { ok: false, error: (error as Error).message.split('\n')[0] ?? String(error) };
  }
}

function isOpenAPI(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && (typeof value.openapi === 'string' || typeof value.swagger === 'string');
}

const looksLikeJson = (text: string) => /^\s*\{/.test(text);
