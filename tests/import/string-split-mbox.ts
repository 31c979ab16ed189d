/**
 * lib/mbox.ts's splitter as it was before it moved to bytes (commit 695aff8), kept only as the
 * reference the byte splitter must agree with, and to compute the keys imports gave before.
 */
export function splitMboxAsText(text: string): string[] {
  if (text.length === 0) return [];
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
      if (line.trim() === '') continue;
      current = [];
    }
    current.push(unescapeFrom(line));
  }
  if (current) messages.push(finish(current));
  return messages.filter((m) => m.trim() !== '');
}

function unescapeFrom(line: string): string {
  if (line[0] !== '>') return line;
  let i = 0;
  while (line[i] === '>') i++;
  return line.startsWith('From ', i) ? line.slice(1) : line;
}

function finish(lines: string[]): string {
  const s = lines.join('');
  if (s.endsWith('\r\n\r\n')) return s.slice(0, -2);
  if (s.endsWith('\n\n')) return s.slice(0, -1);
  return s;
}
