import { describe, expect, it } from 'vitest';
import { decoderCampaigns, importCampaigns } from '../fuzz/campaigns';

// A slice of `npm run fuzz` (1,000,000 frames per decoder, 10,000 files per format there).
describe('fuzz slice', () => {
  it('never lets an exception escape a decoder, and rejects hostile frames with a reason', () => {
    for (const result of decoderCampaigns(7, 20_000)) {
      expect(result.exceptions, result.name).toBe(0);
      expect(Object.keys(result.outcomes).some((o) => o.startsWith('rejected:')), result.name).toBe(true);
    }
  });

  it('never lets an exception escape an import parser', async () => {
    for (const result of await importCampaigns(7, 300)) {
      expect(result.exceptions, result.name).toBe(0);
      expect(Object.keys(result.outcomes).some((o) => o.startsWith('rejected:')), result.name).toBe(true);
    }
  });
});
