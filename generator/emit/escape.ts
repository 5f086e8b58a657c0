/**
 * The output sinks of spec text. Spec text is untrusted: it reaches a generated file only through the function of
 * the sink it lands in, so escaping is decided once per sink, not at each call site. Each function keeps the text
 * readable (a `*\/` stays visible as `*\/`) and only neutralises what would end the sink or change its meaning.
 */

/** Line terminators of ECMAScript (§12.3): each ends a `//` comment. */
const LINE_TERMINATORS = /\r\n|[\n\r\u2028\u2029]/g;
/** Control characters other than tab and newline: invisible in an editor, and some tools treat them as breaks. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text inside a `/** ... *\/` block (JSDoc): `*\/` would close the comment and turn the rest into code, so it is
 * written `*\/` (`**\/*.json` stays `**\/*.json` to the eye). Newlines are kept; a lone CR or U+2028 becomes one.
 */
export function blockComment(text: string): string {
  return text.replace(LINE_TERMINATORS, '\n').replace(CONTROL, hex).replaceAll('*/', '*\\/');
}

/** Text after `//`: any line terminator would end the comment, so each is written as its escape (`\n`). */
export function lineComment(text: string): string {
  return text
    .replace(LINE_TERMINATORS, (c) => ({ '\r\n': '\\r\\n', '\n': '\\n', '\r': '\\r' })[c] ?? hex(c))
    .replace(CONTROL, hex);
}

/** A quoted TypeScript string literal: JSON's escaping, plus the two line terminators JSON leaves raw. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/[\u2028\u2029]/g, hex);
}

/** Text inside a template literal (`` `...${x}...` ``): a backtick, a backslash or `${` would end or escape it. */
export function templateLiteralText(text: string): string {
  return text
    .replace(/[`\\]|\$(?=\{)/g, (c) => `\\${c}`)
    .replace(LINE_TERMINATORS, (c) => ({ '\r\n': '\\r\\n', '\n': '\\n', '\r': '\\r' })[c] ?? hex(c))
    .replace(CONTROL, hex);
}

/** A JSON value (package.json, an initializer): `JSON.stringify`, with U+2028/2029 escaped for JavaScript readers. */
export function jsonValue(value: unknown, indent?: number): string {
  return (JSON.stringify(value, null, indent) ?? 'null').replace(/[\u2028\u2029]/g, hex);
}

/**
 * Markdown prose (a description in README.md or api.md). Descriptions are CommonMark and render as such, but raw
 * HTML is not passed through: `<` becomes `&lt;`, which renders as the same character. `inline` keeps the
 * text on one line (a heading, a list item); `table` also escapes `|`, which would split a table cell.
 */
export function markdown(text: string, where: { inline?: boolean; table?: boolean } = {}): string {
  let result = text.replace(LINE_TERMINATORS, '\n').replace(CONTROL, '').replaceAll('<', '&lt;');
  if (where.inline || where.table) result = result.replace(/\s*\n\s*/g, ' ').trim();
  if (where.table) result = result.replaceAll('|', '\\|');
  return result;
}

/**
 * A Markdown code span, delimiters included: the fence is one backtick longer than the longest run inside
 * (CommonMark §6.1), so no text can close it early. `table` escapes `|`, which GitHub's tables split on even there.
 */
export function markdownCode(text: string, where: { table?: boolean } = {}): string {
  let body = text.replace(LINE_TERMINATORS, ' ').replace(CONTROL, '');
  if (where.table) body = body.replaceAll('|', '\\|');
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const padded = body.startsWith('`') || body.endsWith('`') ? ` ${body} ` : body;
  return `${fence}${padded}${fence}`;
}

/** Text inside an HTML comment (`<!-- ... -->` in Markdown): `-->` (and `--!>`) would end it. */
export function htmlComment(text: string): string {
  return text
    .replace(LINE_TERMINATORS, ' ')
    .replace(CONTROL, '')
    .replace(/--(!?)>/g, '-\\-$1>');
}

/**
 * A spec file's path as the provenance line names it. Ordinary paths are written as they are; any other is
 * written as a JSON string, so a newline, `*\/` or `-->` in a file name is shown, never acted on, in whichever
 * comment syntax the line is then written in.
 */
export function provenancePath(file: string): string {
  if (/^[\w./@+~-][\w./@+~ -]*$/.test(file) && !file.endsWith(' ')) return file;
  return stringLiteral(file)
    .replaceAll('*/', '*\\/')
    .replace(/--(!?)>/g, '-\\-$1>');
}

/**
 * An object literal's key for any name: a string literal, and `__proto__` a computed key, which defines a property
 * where `"__proto__":` would set the prototype.
 */
export function propertyKey(name: string): string {
  return name === '__proto__' ? `[${stringLiteral(name)}]` : stringLiteral(name);
}

/**
 * A JavaScript expression for a JSON value (a config object initializer). JSON is nearly JavaScript, but in an
 * object literal a `"__proto__":` key sets the prototype instead of defining a property; it is written as a
 * computed key, which defines one.
 */
export function objectLiteral(value: unknown): string {
  return jsonValue(value).replace(/(?<=[{,])"__proto__":/g, '["__proto__"]:');
}

/**
 * A URL or path template shown as text (a base URL, `GET /pets/{id}`): characters that a URL never needs raw and
 * that would end a code span, a table cell or a line are percent-encoded, which names the same resource.
 */
export function urlText(url: string): string {
  return url.replace(/[\s`|<>"\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => encodeURIComponent(c));
}
