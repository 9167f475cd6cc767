import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { build, preview, type InlineConfig, type PreviewServer } from 'vite';
import { securityHeaders } from './security-headers';

/** A port the OS says is free now (vite preview's strictPort then fails loudly if it is taken). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServedBuild {
  url: string;
  dir: string;
  close(): Promise<void>;
}

/**
 * Builds with `config` (the repo's vite.config.ts unless overridden), copies the output to a
 * temporary folder the tests may change (e.g. a new service worker for the update test), and
 * serves it with `vite preview` — the same server and headers as `npm start`.
 */
export async function buildAndServe(config: InlineConfig = {}): Promise<ServedBuild> {
  const outDir = await mkdtemp(join(tmpdir(), 'quadcue-build-'));
  await build({ ...config, logLevel: 'warn', build: { ...config.build, outDir, emptyOutDir: true } });
  const servedDir = await mkdtemp(join(tmpdir(), 'quadcue-serve-'));
  await cp(outDir, servedDir, { recursive: true });
  await rm(outDir, { recursive: true, force: true });
  const port = await freePort();
  const server: PreviewServer = await preview({
    ...config,
    logLevel: 'warn',
    build: { ...config.build, outDir: servedDir },
    preview: { ...config.preview, port, strictPort: true, host: '127.0.0.1' },
  });
  return {
    // localhost, not 127.0.0.1: it is a secure context either way, and it is what users type.
    url: `http://localhost:${port}/`,
    dir: servedDir,
    async close() {
      await server.close();
      await rm(servedDir, { recursive: true, force: true });
    },
  };
}

/**
 * A probe or bench page (tests/e2e/*-probe, tests/bench/*) built on its own, outside the app's
 * vite.config.ts, and served with the app's production headers, so cross-origin isolation, the CSP
 * and module workers behave as in the app. `preact`: the page renders the app's components.
 */
export function serveProbe(root: URL, options: { preact?: boolean } = {}): Promise<ServedBuild> {
  return buildAndServe({
    configFile: false,
    root: fileURLToPath(root),
    plugins: options.preact ? [preact({ devToolsEnabled: false })] : [],
    worker: { format: 'es' },
    build: { target: 'es2022' },
    preview: { headers: securityHeaders('production') },
  });
}
