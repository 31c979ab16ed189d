/** Every .eml file under a folder, recursively, in name order: the corpus as the eval and benches read it. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function emlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) emlFiles(path, out);
    else if (path.endsWith('.eml')) out.push(path);
  }
  return out;
}
