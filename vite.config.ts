import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { securityHeaders } from './scripts/security-headers.ts';
import { webManifest } from './scripts/web-manifest.ts';
import packageJson from './package.json' with { type: 'json' };

// The same headers on the dev server and the preview server (`npm start`), so what we test is
// what we ship. A static host must send the production set too: see README "Hosting".
export default defineConfig(({ command }) => ({
  plugins: [
    // Preact's devtools hook is for development only (and its transform drops source maps).
    preact({ devToolsEnabled: command === 'serve' }),
    VitePWA({
      // "prompt": a new version waits until the user taps "Update available — reload", so a
      // recording in progress is never cut by a silent reload.
      registerType: 'prompt',
      // We register from our own bridge (src/state/offline-model.ts); the plugin's "inline"
      // option would add an inline script, which our CSP forbids.
      injectRegister: false,
      manifest: webManifest,
      // The icons are already matched by globPatterns below; listing them twice duplicates entries.
      includeManifestIcons: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { headers: securityHeaders('dev') },
  preview: { headers: securityHeaders('production') },
}));
