// Every generated file and its content, keyed by path relative to firmware-protocol/. Pure, so the
// sync test can compare it with what is committed and the CLI can write it.

import { controlRequestVectors, controlResponseVectors } from './control-vectors';
import { dataFrameVectors } from './data-frame-vectors';
import { descriptionVectors } from './description-vectors';
import { renderCVectors, type VectorSets } from './c-vectors';

export const VECTOR_SETS: VectorSets = {
  dataFrame: dataFrameVectors,
  deviceDescription: descriptionVectors,
  controlRequest: controlRequestVectors,
  controlResponse: controlResponseVectors,
};

const FILES: Record<keyof VectorSets, { path: string; section: string }> = {
  dataFrame: { path: 'vectors/data-frames.json', section: 'PROTOCOL.md §5' },
  deviceDescription: { path: 'vectors/device-descriptions.json', section: 'PROTOCOL.md §4' },
  controlRequest: { path: 'vectors/control-requests.json', section: 'PROTOCOL.md §6.1' },
  controlResponse: { path: 'vectors/control-responses.json', section: 'PROTOCOL.md §6.2' },
};

/** Keeps number lists (samples, rates) on one line so a reader sees a vector at a glance. */
function compactNumberArrays(json: string): string {
  return json.replace(/\[\s*(-?\d+(?:,\s*-?\d+)*)\s*\]/g, (_, list: string) => `[${list.split(/,\s*/).join(', ')}]`);
}

export function vectorFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of Object.keys(FILES) as (keyof VectorSets)[]) {
    const { path, section } = FILES[kind];
    const body = {
      message: kind,
      specification: section,
      generatedBy: 'firmware-protocol/scripts/generate-vectors.ts',
      conventions: 'hex: the bytes on the wire. expect: decoded values (scale compared after rounding to float32). error: the decode error code. canonical: encoding expect must give back hex.',
      vectors: VECTOR_SETS[kind],
    };
    files.set(path, `${compactNumberArrays(JSON.stringify(body, null, 2))}\n`);
  }
  files.set('c/test/golden_vectors.h', renderCVectors(VECTOR_SETS));
  return files;
}
