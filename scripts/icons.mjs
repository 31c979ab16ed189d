#!/usr/bin/env node
/**
 * Renders the icons to the PNG sizes the stores and the toolbar use (16, 32, 48, 128), in Debian's
 * Chromium, with a transparent background: public/icon/icon.svg to public/icon/<size>.png (WXT
 * picks these up as the manifest's icons) and public/icon-dark/icon.svg, the variant for dark
 * toolbars, to public/icon-dark/<size>.png (Firefox's theme_icons, wxt.config.ts). Run after
 * editing an SVG: `node scripts/icons.mjs` (the PNGs are committed).
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const folder of ['public/icon', 'public/icon-dark']) {
    const svg = readFileSync(`${folder}/icon.svg`, 'utf8');
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
      await page.screenshot({ path: `${folder}/${size}.png`, omitBackground: true });
      await page.close();
      console.log(`${folder}/${size}.png`);
    }
  }
} finally {
  await browser.close();
}
