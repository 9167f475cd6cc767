/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** package.json version, injected at build time by vite.config.ts `define`. */
declare const __APP_VERSION__: string;
