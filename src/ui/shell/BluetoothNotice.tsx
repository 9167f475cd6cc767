import { bluetoothAvailable } from '../../state/platform-model';
import { bluetoothMissing } from '../strings';

export function BluetoothNotice() {
  if (bluetoothAvailable) return null;
  return (
    <aside class="notice" role="note" aria-labelledby="bt-missing-title">
      <h2 id="bt-missing-title" class="notice-title">
        {bluetoothMissing.title}
      </h2>
      <p>{bluetoothMissing.body}</p>
    </aside>
  );
}
