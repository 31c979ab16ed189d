/**
 * Visible text of an Outlook DOM subtree, with line breaks where blocks end, the way a reader sees
 * the rendered NDR. Outlook gives no same-origin raw source (webmail-dom.md 2.6), so this text is
 * what the classifier's rendered view reads: it anchors on lines such as
 * "Remote Server returned '…'" and on the address lines, so block boundaries must become newlines.
 *
 * A walker rather than `innerText`: the same result in happy-dom (no layout) and in Chromium, and it
 * skips our own inserted nodes. It only reads: nothing from the mail is ever written back as HTML.
 */

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
const CELL_TAGS = new Set(['TD', 'TH']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'IFRAME', 'OBJECT', 'SVG']);

/** Longest text handed on: NDRs are a few kB; a quoted original can be huge and adds nothing. */
export const MAX_TEXT_LENGTH = 100_000;

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none/i.test(style);
}

/** Blocks with margins (paragraphs, headings) end with a blank line, as innerText renders them. */
const PARAGRAPH_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * Text of `root` with blocks on their own lines and table cells separated by a tab, after the
 * HTML innerText algorithm's "required line break count" (paragraphs 2, other blocks 1, the largest
 * wins between neighbours). Elements matching `skip` (our own badges and banners) are left out.
 */
export function visibleText(root: Node, skip = '[data-bounce-sweeper]'): string {
  const out: Array<string | number> = [];
  const walk = (node: Node, inPre: boolean): void => {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      out.push(inPre ? text : text.replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || isHidden(el) || el.matches(skip)) return;
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    if (tag === 'IMG') {
      const alt = el.getAttribute('alt');
      if (alt) out.push(` ${alt} `);
      return;
    }
    const breaks = PARAGRAPH_TAGS.has(tag) ? 2 : BLOCK_TAGS.has(tag) ? 1 : 0;
    if (breaks) out.push(breaks);
    if (CELL_TAGS.has(tag)) out.push('\t');
    const pre = inPre || tag === 'PRE';
    for (const child of el.childNodes) walk(child, pre);
    if (breaks) out.push(breaks);
  };
  walk(root, false);

  // Resolve runs of break counts (and the collapsible spaces between them) into newlines.
  let text = '';
  let pending = 0;
  for (const item of out) {
    if (typeof item === 'number') {
      pending = Math.max(pending, item);
    } else if (!pending || item.trim() !== '' || item === '\n') {
      // (Whitespace between blocks, while breaks are pending, is dropped.)
      if (pending && text) text += '\n'.repeat(pending);
      pending = 0;
      text += item;
    }
  }
  const lines = text
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]*\t[ \u00a0\t]*/g, '\t').replace(/ {2,}/g, ' ').replace(/^[\t ]+|[\t ]+$/g, ''));
  const joined = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return joined.length > MAX_TEXT_LENGTH ? joined.slice(0, MAX_TEXT_LENGTH) : joined;
}

/** Text of an element on one line, whitespace folded (names, subjects, snippets). */
export function lineText(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/[\s\u200b]+/g, ' ').trim();
}
