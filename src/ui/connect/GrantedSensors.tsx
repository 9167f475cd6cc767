import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { bluetoothAvailable } from '../../state/platform-model';
import type { SensorsModel } from '../../state/sensors-model';
import { connect } from '../strings';

/**
 * Sensors this site was allowed to use before (navigator.bluetooth.getDevices(), where the
 * browser keeps such permissions): one tap reconnects without the chooser. Browsers without it
 * show nothing here; a lost sensor's card offers "Reconnect", which reopens the chooser.
 */
export function GrantedSensors({ model }: { model: SensorsModel }) {
  const granted = useSignal<BluetoothDevice[]>([]);
  useEffect(() => {
    if (!bluetoothAvailable || typeof navigator.bluetooth.getDevices !== 'function') return;
    navigator.bluetooth.getDevices().then(
      (devices) => (granted.value = devices),
      () => (granted.value = []),
    );
  }, []);
  const inUse = new Set(model.sensors.value.map((s) => s.link.info.value?.deviceId));
  const available = granted.value.filter((device) => !inUse.has(device.id));
  if (available.length === 0) return null;
  return (
    <section aria-labelledby="granted-heading">
      <h2 id="granted-heading" class="section-heading">
        {connect.grantedHeading}
      </h2>
      <div class="action-row">
        {available.map((device) => (
          <button key={device.id} type="button" class="button" disabled={!model.canAddSensor.value} onClick={() => model.connectBluetooth(device)}>
            {connect.reconnectNamed(device.name ?? device.id)}
          </button>
        ))}
      </div>
    </section>
  );
}
