// The demo sensor's frames for the recording test, made the same way in the probe page (which
// sends them) and in the test (which knows what the sensor sent): a seeded reference peripheral.
import { DESCRIPTION_CHAR_UUID, decodeDataFrame } from '../../../firmware-protocol/src/index';
import { EMG_SCALE_UV, ReferencePeripheral } from '../../../firmware-protocol/sim/index';
import { quadcueProfile } from '../../../src/profiles/quadcue';

const SEED = 5;

export interface DemoFrames {
  description: Uint8Array;
  startReply: Uint8Array;
  frames: { bytes: Uint8Array; atMs: number }[];
}

/** `seconds` of a two-channel EMG demo sensor at 1000 Hz (the reference peripheral's defaults). */
export function demoFrames(seconds: number): DemoFrames {
  const sim = new ReferencePeripheral({ seed: SEED, scenario: 'quadSets', loop: true });
  const description = sim.readDescription();
  const startReply = sim.write(quadcueProfile.commands.start!({ reads: new Map([[DESCRIPTION_CHAR_UUID, description]]) }));
  const frames = sim.advance(seconds * 1e6).flatMap((e) => (e.kind === 'notify' ? [{ bytes: e.bytes, atMs: e.atUs / 1000 }] : []));
  return { description, startReply, frames };
}

/**
 * What the sensor sent, decoded with the protocol's own codec (not the app's decoder), in µV
 * per channel, one entry per stream index; NaN for the samples of `withheld` frames.
 */
export function sentSamples(frames: DemoFrames['frames'], withheld: ReadonlySet<number>, channels: number): number[][] {
  const out: number[][] = Array.from({ length: channels }, () => []);
  frames.forEach(({ bytes }, index) => {
    const frame = decodeDataFrame(bytes);
    if (!frame.ok) throw new Error(frame.error.message);
    const { samples, samplesPerChannel } = frame.value;
    for (let s = 0; s < samplesPerChannel; s++) {
      for (let c = 0; c < channels; c++) out[c]!.push(withheld.has(index) ? NaN : samples[s * channels + c]! * EMG_SCALE_UV);
    }
  });
  return out;
}
