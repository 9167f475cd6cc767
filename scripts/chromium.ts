import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium (apt-get install chromium); CHROME_PATH may point at another build.
// A browser download never works on our CI machines, so playwright-core is given a binary.
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// Flags from ../shared/reference/web-bluetooth.md: the background-networking flags keep
// Chromium from calling Google services (refused on this network, and a privacy leak in tests);
// the WebBluetooth blink feature is needed for navigator.bluetooth on Linux.
export const baseChromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(options: { webBluetooth?: boolean } = {}): Promise<Browser> {
  const args = [...baseChromiumArgs];
  if (options.webBluetooth !== false) args.push('--enable-blink-features=WebBluetooth');
  return chromium.launch({ executablePath: chromiumPath, headless: true, args });
}
