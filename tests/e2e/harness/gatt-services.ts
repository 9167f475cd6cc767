// GATT services of the emulated sensors, written once for every browser test that needs them.
import { CONTROL_CHAR_UUID, DATA_CHAR_UUID, DESCRIPTION_CHAR_UUID, QUADCUE_SERVICE_UUID } from '../../../firmware-protocol/src/index';
import type { ReferencePeripheral } from '../../../firmware-protocol/sim/index';
import type { ServiceSpec } from './bluetooth-peripheral';

/** The Quadcue sensor service (PROTOCOL.md): its description is read from the reference peripheral. */
export function quadcueService(sim: ReferencePeripheral): ServiceSpec {
  return {
    uuid: QUADCUE_SERVICE_UUID,
    characteristics: [
      { uuid: DATA_CHAR_UUID, properties: { notify: true } },
      { uuid: CONTROL_CHAR_UUID, properties: { write: true, notify: true } },
      { uuid: DESCRIPTION_CHAR_UUID, properties: { read: true }, readValue: () => sim.readDescription() },
    ],
  };
}

/** The standard Battery Service (0x180F) with its Battery Level (0x2A19), in percent. */
export function batteryService(percent: number): ServiceSpec {
  return { uuid: 0x180f, characteristics: [{ uuid: 0x2a19, properties: { read: true }, readValue: Uint8Array.of(percent) }] };
}
