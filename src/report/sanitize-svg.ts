// Makes SVG (or small HTML) markup that the app serialised safe to paste into a report that must
// stay inert offline. The report's CSP already blocks scripts and loads; this is the second line.
// Every tag is rebuilt from the attributes that pass, so a tag the parser cannot read is dropped
// rather than passed through; stray "<" become text.

/** Removed with everything inside them: they run code, embed documents, navigate (meta refresh) or rewrite links (SMIL). */
const DROPPED_ELEMENTS = new Set([
  'script',
  'foreignobject',
  'iframe',
  'object',
  'embed',
  'meta',
  'link',
  'base',
  'noscript',
  'set',
  'animate',
]);
/** Attributes that load or navigate; only same-document references ("#id") are kept. */
const URL_ATTRIBUTES = new Set([
  'href',
  'xlink:href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'background',
  'data',
  'ping',
  'xml:base',
]);
const SAFE_ATTRIBUTE_NAME = /^[A-Za-z_][-\w:.]*$/;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?/g;
/** Comments, doctypes and processing instructions; tags (quote-aware); any other "<". */
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>?|<(\/?)([A-Za-z][^\s/>]*)((?:"[^"]*"|'[^']*'|[^'">])*)>|</g;
/** CSS references to other files: url() other than "#id", and @import. */
const EXTERNAL_CSS = /url\(\s*(?!['"]?#)[^)]*\)|@import\b[^;]*;?/gi;

/** An external url() becomes "none"; an @import goes. */
const neutraliseCss = (text: string) => text.replace(EXTERNAL_CSS, (found) => (found.startsWith('@') ? '' : 'none'));

const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

function unquote(value: string | undefined): string {
  if (value === undefined) return '';
  return /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value;
}

function cleanAttributes(source: string): string {
  let out = '';
  for (const [, name, rawValue] of source.matchAll(ATTRIBUTE)) {
    const lower = name.toLowerCase();
    const value = neutraliseCss(unquote(rawValue));
    if (!SAFE_ATTRIBUTE_NAME.test(name) || lower.startsWith('on')) continue;
    if (URL_ATTRIBUTES.has(lower) && !value.trimStart().startsWith('#')) continue;
    out += ` ${name}="${value.replace(/"/g, '&quot;')}"`;
  }
  return out;
}

export function sanitizeSvg(markup: string): string {
  let out = '';
  let last = 0;
  // Inside a dropped element: its name and how deeply it nests in itself.
  let dropping: { name: string; depth: number } | null = null;
  for (const match of markup.matchAll(TOKEN)) {
    const [token, closing, rawName, attributes] = match;
    if (!dropping) out += neutraliseCss(markup.slice(last, match.index));
    last = match.index + token.length;
    if (rawName === undefined) {
      if (!dropping && token === '<') out += '&lt;';
      continue;
    }
    const name = localName(rawName);
    const selfClosing = /\/\s*$/.test(attributes);
    if (dropping) {
      if (name === dropping.name && !selfClosing) dropping.depth += closing ? -1 : 1;
      if (dropping.depth === 0) dropping = null;
      continue;
    }
    if (DROPPED_ELEMENTS.has(name)) {
      if (!closing && !selfClosing) dropping = { name, depth: 1 };
      continue;
    }
    if (!SAFE_ATTRIBUTE_NAME.test(rawName)) continue;
    out += closing ? `</${rawName}>` : `<${rawName}${cleanAttributes(attributes)}${selfClosing ? '/' : ''}>`;
  }
  if (!dropping) out += neutraliseCss(markup.slice(last));
  return out;
}
