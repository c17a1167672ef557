#!/usr/bin/env node
// Renders media/icon.svg to the 128×128 media/icon.png the marketplace needs, with Debian's
// Chromium (the same browser the integration tests use).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const media = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'media');
const svg = readFileSync(join(media, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: join(media, 'icon.png'), omitBackground: true });
await browser.close();
console.log(`wrote ${join(media, 'icon.png')}`);
