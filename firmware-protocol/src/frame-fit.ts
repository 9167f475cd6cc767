// The app-side check of PROTOCOL.md §5.5: a frame that decodes cleanly must also agree with the
// device description read at connect time, or its counts cannot be turned into µV or N.

import type { ProtocolError } from './errors';
import type { DataFrame } from './data-frame';
import type { DeviceDescription } from './device-description';

/** Null when every channel the frame names exists, has the frame's sample format, and all share one rate. */
export function frameFitsDescription(frame: DataFrame, description: DeviceDescription): ProtocolError | null {
  let rateHz: number | undefined;
  for (let channel = 0; channel < 8; channel++) {
    if ((frame.channelMask & (1 << channel)) === 0) continue;
    const described = description.channels[channel];
    if (described === undefined) {
      return { code: 'descriptionMismatch', message: `Data frame carries channel ${channel}, but the sensor describes only ${description.channels.length}` };
    }
    if (described.format !== frame.format) {
      return { code: 'descriptionMismatch', message: `Data frame carries channel ${channel} as ${frame.format}; the description says ${described.format}` };
    }
    if (rateHz !== undefined && described.sampleRateHz !== rateHz) {
      return { code: 'descriptionMismatch', message: `Data frame mixes channels sampled at ${rateHz} Hz and ${described.sampleRateHz} Hz` };
    }
    rateHz = described.sampleRateHz;
  }
  return null;
}
