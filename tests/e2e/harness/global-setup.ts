import type { TestProject } from 'vitest/node';
import { buildAndServe } from '../../../scripts/serve-build';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    servedDir: string;
  }
}

// Build the app once for the whole browser suite and serve it on a free port.
export default async function setup(project: TestProject) {
  const served = await buildAndServe();
  project.provide('baseUrl', served.url);
  project.provide('servedDir', served.dir);
  return async () => served.close();
}
