// Decoder throughput of each device profile on notifications built from its documented format.
import { DATA_CHAR_UUID, DESCRIPTION_CHAR_UUID } from '../../firmware-protocol/src/index';
import { ReferencePeripheral, type DeviceSpec } from '../../firmware-protocol/sim/index';
import { SOFTWARE_REVISION_UUID, openbciGanglionProfile } from '../../src/profiles/openbci-ganglion';
import { quadcueProfile } from '../../src/profiles/quadcue';
import { tindeqProgressorProfile } from '../../src/profiles/tindeq-progressor';
import type { ConnectInfo, Decoder, DeviceProfile } from '../../src/profiles/types';
import { ganglionFw3Session, tindeqSession } from '../e2e/harness/device-frames';
import { bestSecondsPerCall, perSecond } from './timing';

interface DecoderCase {
  name: string;
  decoder: Decoder;
  frames: Uint8Array[];
  characteristic?: string;
}

function decoderOf(profile: DeviceProfile, info: ConnectInfo): Decoder {
  const created = profile.createDecoder(info);
  if ('kind' in created) throw new Error(`${profile.id}: ${created.detail}`);
  return created;
}

function quadcueCase(device: DeviceSpec, rateHz: number): DecoderCase {
  const peripheral = new ReferencePeripheral({ seed: 1, device, rateHz, scenario: 'quadSets' });
  const info = { reads: new Map([[DESCRIPTION_CHAR_UUID, peripheral.readDescription()]]) };
  peripheral.write(quadcueProfile.commands.start!(info));
  const frames = peripheral.advance(10_000_000).flatMap((e) => (e.kind === 'notify' ? [e.bytes] : []));
  return { name: `quadcue (${device.channels.length} ch int16, ${rateHz} Hz)`, decoder: decoderOf(quadcueProfile, info), frames, characteristic: DATA_CHAR_UUID };
}

function cases(device4x2k: DeviceSpec): DecoderCase[] {
  const ganglionInfo = { reads: new Map([[SOFTWARE_REVISION_UUID, new TextEncoder().encode('3.1.2')]]) };
  return [
    quadcueCase(device4x2k, 2000),
    // 80 Hz, 2 records per notification, a 50 kg pull: the vendor's layout (devices.md).
    { name: 'tindeq-progressor (1 ch, ~80 Hz)', decoder: decoderOf(tindeqProgressorProfile, { reads: new Map() }), frames: tindeqSession(60, 80, 2, 50) },
    { name: 'openbci-ganglion fw3 (4 ch, 200 Hz)', decoder: decoderOf(openbciGanglionProfile, ganglionInfo), frames: ganglionFw3Session(6000) },
  ];
}

/** Rows: decoder, sample values/s (all channels), notifications/s. */
export function decoderRows(device4x2k: DeviceSpec): string[][] {
  return cases(device4x2k).map(({ name, decoder, frames, characteristic }) => {
    let values = 0;
    for (const frame of frames) {
      const result = decoder.decode(frame, characteristic);
      if (result.kind !== 'samples') throw new Error(`${name}: a benchmark frame did not decode (${result.kind})`);
      values += result.block.values.length;
    }
    const seconds = bestSecondsPerCall(() => {
      for (const frame of frames) decoder.decode(frame, characteristic);
    });
    return [name, perSecond(values, seconds), perSecond(frames.length, seconds)];
  });
}
