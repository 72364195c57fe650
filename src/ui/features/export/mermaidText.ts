/**
 * Making trace text safe to place inside Mermaid source. Node ids, message types and details
 * come from user scenarios (and URLs), so a value like "x\nclick A call evil()" or
 * "%%{init: {...}}%%" must not become Mermaid syntax. Rather than escaping a moving target
 * (Mermaid's grammar, its directive preprocessor, entity codes, HTML in labels, KaTeX), text
 * is reduced to an allow-list:
 *
 *  - letters, digits and combining marks of any script, spaces, and the punctuation
 *    . , _ ( ) [ ] = + * / ! ? @ ' | : - → ←
 *  - characters that mean something to Mermaid or HTML are replaced by harmless lookalikes
 *    or neighbours: # → ＃ (entity codes), ; → , (statement separator), < > → ‹ › (HTML),
 *    % → ％ (comments and %%{init}%% directives), { } → ( ), " ` → ' , & → + , $ → ＄ (KaTeX),
 *    \ → /
 *  - every other character (newlines, control and format characters such as bidi
 *    overrides, other symbols) becomes a space, and runs of spaces collapse.
 *
 * Statement keywords (click, call, link, end, note, ...) are harmless once the text can never
 * start a line: every line is written by traceToMermaid, which places sanitized text only
 * after its own syntax ("participant P0 as ", "P0->>P1: ", "Note over P0: ").
 */

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '#': '＃',
  ';': ',',
  '<': '‹',
  '>': '›',
  '%': '％',
  '{': '(',
  '}': ')',
  '"': "'",
  '`': "'",
  '&': '+',
  $: '＄',
  '\\': '/',
};

const REPLACEABLE = /[#;<>%{}"`&$\\]/g;
const ALLOWED_CHARACTER = String.raw`\p{L}\p{N}\p{M} .,_()[\]=+*/!?@'|:\-→←＃‹›％＄…`;
const DISALLOWED = new RegExp(`[^${ALLOWED_CHARACTER}]`, 'gu');
const ONLY_ALLOWED = new RegExp(`^[${ALLOWED_CHARACTER}]*$`, 'u');

export const MAXIMUM_TEXT_LENGTH = 80;

export function sanitizeMermaidText(text: string, maximumLength = MAXIMUM_TEXT_LENGTH): string {
  const cleaned = text
    .replace(REPLACEABLE, (character) => REPLACEMENTS[character] ?? ' ')
    .replace(DISALLOWED, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  // Truncate by code points so a surrogate pair is never cut in half.
  const characters = Array.from(cleaned);
  const bounded = characters.length > maximumLength ? `${characters.slice(0, maximumLength - 1).join('').trimEnd()}…` : cleaned;
  return bounded === '' ? '?' : bounded;
}

/** True when a sanitized string contains nothing Mermaid could read as syntax (used by tests). */
export function isInertMermaidText(text: string): boolean {
  return ONLY_ALLOWED.test(text);
}
