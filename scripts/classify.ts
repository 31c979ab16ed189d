/**
 * npm run classify -- [--view raw|rendered] <files or folders>
 * Reads .eml files (and .mbox files, one result per message) and prints one JSON line per message
 * in the output contract of ../shared/corpus/README.md.
 */
import { readFileSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { classifyNotice } from '../lib/bounce/index.ts';
import { renderedViewOf } from '../lib/bounce/rendered.ts';
import { splitMbox } from '../lib/mbox.ts';

function collect(path: string, out: string[]): void {
  let st: Stats;
  try {
    st = statSync(path);
  } catch {
    console.error(`skipped (not found): ${path}`);
    return;
  }
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) collect(join(path, name), out);
  } else if (path.endsWith('.eml') || path.endsWith('.mbox') || path.endsWith('.msg') || path.endsWith('.txt')) {
    out.push(path);
  }
}

async function classifyOne(file: string, source: Uint8Array | string, view: string): Promise<string> {
  const r = view === 'rendered' ? await classifyNotice(await renderedViewOf(source)) : await classifyNotice({ view: 'raw', source });
  return JSON.stringify({
    file,
    isBounce: r.isBounce,
    category: r.category,
    format: r.format,
    recipients: r.recipients.map((x) => ({ address: x.address, kind: x.kind, status: x.status, reason: x.reason, replyCode: x.replyCode, action: x.action })),
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let view = 'raw';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--view') view = args[++i] ?? 'raw';
    else if (a.startsWith('--view=')) view = a.slice(7);
    else paths.push(a);
  }
  if (!paths.length) {
    console.error('usage: npm run classify -- [--view raw|rendered] <files or folders>');
    process.exit(2);
  }
  const files: string[] = [];
  for (const p of paths) collect(p, files);
  const lines: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    if (file.endsWith('.mbox')) {
      const messages = splitMbox(bytes.toString('latin1'));
      for (let i = 0; i < messages.length; i++) lines.push(await classifyOne(`${file}#${i + 1}`, Buffer.from(messages[i]!, 'latin1'), view));
    } else {
      lines.push(await classifyOne(file, bytes, view));
    }
    if (lines.length >= 200) process.stdout.write(lines.splice(0).join('\n') + '\n');
  }
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
}

await main();
