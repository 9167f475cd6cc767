// Renders the app icons from the SVG sources in scripts/icon-art/ to the PNG sizes the web
// manifest lists. Run by hand after changing an icon: `npx tsx scripts/render-icons.ts`.
// The PNGs are committed so a build needs no browser.
import { readFile, writeFile } from 'node:fs/promises';
import { launchChromium } from './chromium.ts';

const outputs = [
  { source: 'icon-source.svg', file: 'icon-192.png', sizePx: 192 },
  { source: 'icon-source.svg', file: 'icon-512.png', sizePx: 512 },
  { source: 'icon-maskable-source.svg', file: 'icon-maskable-512.png', sizePx: 512 },
  { source: 'icon-source.svg', file: 'apple-touch-icon-180.png', sizePx: 180 },
];

const browser = await launchChromium({ webBluetooth: false });
const page = await browser.newPage();
for (const { source, file, sizePx } of outputs) {
  const svg = await readFile(new URL(`./icon-art/${source}`, import.meta.url), 'utf8');
  await page.setViewportSize({ width: sizePx, height: sizePx });
  const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${sizePx}" height="${sizePx}"></body></html>`,
  );
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: sizePx, height: sizePx } });
  await writeFile(new URL(`../public/icons/${file}`, import.meta.url), png);
  console.log(`public/icons/${file} ${sizePx}x${sizePx} ${png.length} bytes`);
}
await browser.close();
