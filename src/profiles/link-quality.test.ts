import { describe, expect, it } from 'vitest';
import { createLinkQualityMeter, qualityLevel } from './link-quality';

describe('link quality', () => {
  it('grades loss and silence with the issue thresholds', () => {
    expect(qualityLevel(0, 10)).toBe('good');
    expect(qualityLevel(0.99, 10)).toBe('good');
    expect(qualityLevel(1, 10)).toBe('some-loss');
    expect(qualityLevel(4.99, 10)).toBe('some-loss');
    expect(qualityLevel(5, 10)).toBe('heavy-loss');
    expect(qualityLevel(0, 1999)).toBe('good');
    expect(qualityLevel(0, 2000)).toBe('no-data');
    expect(qualityLevel(0, null)).toBe('no-data');
  });

  it('measures rates and loss over the last five seconds of arrivals', () => {
    // 1000 samples/s in 50 packets/s of 20 samples for 10 s; in the last 5 s one packet in 25 is lost.
    const meter = createLinkQualityMeter(1000);
    for (let packet = 0; packet < 500; packet++) {
      const arrivalMs = packet * 20;
      const lostBefore = packet >= 250 && packet % 25 === 0;
      if (lostBefore) continue; // this packet never arrives…
      const lostSamples = packet >= 250 && packet % 25 === 1 ? 20 : 0; // …and the next one reveals it
      meter.recordPacket(arrivalMs, 20, lostSamples);
    }
    const quality = meter.read(9_999);
    expect(quality.lossPercent).toBeCloseTo(4, 5);
    expect(quality.level).toBe('some-loss');
    expect(quality.packetsPerS).toBeCloseTo(48, 5);
    expect(quality.samplesPerS).toBeCloseTo(960, 5);
    expect(quality.nominalSamplesPerS).toBe(1000);
    expect(quality.lastPacketAgeMs).toBe(19);
  });

  it('says no data two seconds after the last packet', () => {
    const meter = createLinkQualityMeter(80);
    meter.recordPacket(1000, 1, 0);
    expect(meter.read(2999).level).toBe('good');
    expect(meter.read(3000).level).toBe('no-data');
    expect(createLinkQualityMeter(80).read(0)).toMatchObject({ level: 'no-data', lastPacketAgeMs: null, packetsPerS: 0 });
  });
});
