import type { ManifestOptions } from 'vite-plugin-pwa';

// Colours match src/ui/styles/tokens.css (brand teal, and the dark background used by the
// standalone splash screen).
export const webManifest: Partial<ManifestOptions> = {
  name: 'Quadcue',
  short_name: 'Quadcue',
  description:
    'Muscle biofeedback for knee rehabilitation: see how hard your quadriceps work, with targets and cues for each exercise.',
  theme_color: '#0f766e',
  background_color: '#0b1416',
  display: 'standalone',
  start_url: '.',
  scope: '.',
  lang: 'en',
  categories: ['health', 'medical', 'fitness'],
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
