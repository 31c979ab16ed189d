/**
 * What a store review sees in the built extension (needs `npx wxt build` and `npx wxt build -b
 * firefox` first, as `npm test` does): icons in both manifests, the toolbar button's icon loading in
 * real Chromium, Firefox's data-collection declaration, and `web-ext lint` clean of our own code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBMAIL_MATCHES } from '../../lib/webmail/registry';
import { launchWithExtension, type ExtensionSession } from './browser';

const BUILDS = { chrome: resolve('.output/chrome-mv3'), firefox: resolve('.output/firefox-mv2') };
const SIZES = ['16', '32', '48', '128'];

type Manifest = {
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  browser_action?: { default_icon?: Record<string, string>; theme_icons?: Array<{ size: number; light: string; dark: string }> };
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[] } } };
};

const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('icons', () => {
  it.each(Object.entries(BUILDS))('%s: every size is in the manifest, as a PNG of that size, and on the toolbar button', (browser, dir) => {
    const manifest = manifestOf(dir);
    const button = browser === 'chrome' ? manifest.action : manifest.browser_action;
    for (const icons of [manifest.icons, button?.default_icon]) {
      expect(Object.keys(icons ?? {}).sort()).toEqual([...SIZES].sort());
      for (const size of SIZES) expect(pngSize(join(dir, icons![size]!))).toEqual([Number(size), Number(size)]);
    }
  });

  it('firefox: a variant for dark toolbars, each file present', () => {
    const themed = manifestOf(BUILDS.firefox).browser_action?.theme_icons ?? [];
    expect(themed.map((icon) => String(icon.size)).sort()).toEqual([...SIZES].sort());
    for (const icon of themed) {
      for (const file of [icon.light, icon.dark]) expect(pngSize(join(BUILDS.firefox, file))).toEqual([icon.size, icon.size]);
    }
  });
});

describe('permissions', () => {
  it.each(Object.entries(BUILDS))('%s: only unlimitedStorage and the five webmail hosts', (browser, dir) => {
    const manifest = manifestOf(dir) as Manifest & { permissions?: string[]; host_permissions?: string[]; optional_permissions?: string[] };
    const hosts = [...WEBMAIL_MATCHES].sort();
    if (browser === 'chrome') {
      expect(manifest.permissions).toEqual(['unlimitedStorage']);
      expect([...(manifest.host_permissions ?? [])].sort()).toEqual(hosts);
    } else {
      // Manifest V2 lists host permissions among the permissions.
      expect([...(manifest.permissions ?? [])].sort()).toEqual([...hosts, 'unlimitedStorage'].sort());
    }
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });
});

describe('firefox store requirements', () => {
  it('declares that no data is collected (browser_specific_settings.gecko.data_collection_permissions)', () => {
    expect(manifestOf(BUILDS.firefox).browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('web-ext lint: no errors, no notices, and no warning but Preact’s own innerHTML (dangerouslySetInnerHTML, which we never use)', () => {
    const out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', BUILDS.firefox, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
    const report = JSON.parse(out.slice(out.indexOf('{'))) as {
      errors: unknown[];
      notices: unknown[];
      warnings: Array<{ code: string; file?: string }>;
    };
    expect(report.errors).toEqual([]);
    expect(report.notices).toEqual([]);
    for (const warning of report.warnings) {
      expect(warning.code).toBe('UNSAFE_VAR_ASSIGNMENT');
      // Preact's diff writes innerHTML only for a `dangerouslySetInnerHTML={{ __html }}` prop.
      const chunk = readFileSync(join(BUILDS.firefox, warning.file ?? ''), 'utf8');
      expect(/\.innerHTML\)\|\|\(\w+\.innerHTML=\w+\.__html\)/.test(chunk), `${warning.file}: an innerHTML that is not Preact's`).toBe(true);
    }
    expect(report.warnings.length).toBeLessThanOrEqual(1);
  });
});

describe('in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    expect(existsSync(join(BUILDS.chrome, 'manifest.json'))).toBe(true);
    session = await launchWithExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the toolbar icon files load as images of their size', async () => {
    const page = await session.openExtensionPage('popup.html');
    const sizes = await page.evaluate(async (wanted) => {
      const manifest = (globalThis as unknown as { chrome: { runtime: { getManifest(): Manifest } } }).chrome.runtime.getManifest();
      const icons = manifest.action?.default_icon ?? {};
      return Promise.all(
        wanted.map(
          (size) =>
            new Promise<string>((done) => {
              const image = new Image();
              image.onload = () => done(`${size}:${image.naturalWidth}x${image.naturalHeight}`);
              image.onerror = () => done(`${size}:failed`);
              image.src = `/${icons[size]}`;
            }),
        ),
      );
    }, SIZES);
    expect(sizes).toEqual(SIZES.map((size) => `${size}:${size}x${size}`));
    await page.close();
  });
});
