/**
 * Splits an mbox file into messages (mboxo and mboxrd: RFC 4155). A message starts at a line
 * beginning "From " at the start of the file or after a blank line... in practice after any line
 * end; the separator line itself is dropped. mboxrd escapes body lines ">From " (and ">>From "…)
 * by one ">"; one level is removed. Pure: no Node APIs. Line ends are kept as found (LF or CRLF).
 */
export function splitMbox(text: string): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const messages: string[] = [];
  let current: string[] | null = null;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end + 1 <= text.length ? end + 1 : end);
    pos = end + 1;
    if (line.startsWith('From ')) {
      if (current) messages.push(finish(current));
      current = [];
      continue;
    }
    if (!current) {
      // text before the first separator: not an mbox message; keep it as one message if non-blank
      if (line.trim() === '') continue;
      current = [];
    }
    current.push(unescapeFrom(line));
  }
  if (current) messages.push(finish(current));
  return messages.filter((m) => m.trim() !== '');
}

/** ">From " → "From ", ">>From " → ">From " (mboxrd); mboxo's ">From " is unescaped the same way. */
function unescapeFrom(line: string): string {
  if (line[0] !== '>') return line;
  let i = 0;
  while (line[i] === '>') i++;
  return line.startsWith('From ', i) ? line.slice(1) : line;
}

/** Drops the blank line that separates a message from the next "From " line. */
function finish(lines: string[]): string {
  const s = lines.join('');
  if (s.endsWith('\r\n\r\n')) return s.slice(0, -2);
  if (s.endsWith('\n\n')) return s.slice(0, -1);
  return s;
}
