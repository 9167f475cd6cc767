import { dynamometer, mainsHz, setDynamometerField } from '../../state/settings-model';
import { CueSettings } from '../cues/CueSettings';
import { canSpeak, canVibrate, cueSettings } from '../cues/app-cue-player';
import { BackupSettings } from '../modes/BackupSettings';
import { CalibrationsPanel } from '../modes/CalibrationsPanel';
import { PatientsPanel } from '../modes/PatientsPanel';
import { PinSettings } from '../modes/PinSettings';
import { StorageSettings } from '../modes/StorageSettings';
import { loadModes } from '../shell/ModeSlot';
import { ScreenTitle } from '../common/ScreenTitle';
import { screens, settingsText } from '../strings';

// Settings holds the therapist's parts (PIN, patients, backup): their models start with it.
loadModes();

export function SettingsScreen() {
  return (
    <>
      <ScreenTitle>{screens.settings.title}</ScreenTitle>
      <section class="settings-group">
        <label class="field">
          <span class="field-label">{settingsText.mainsLabel}</span>
          <select value={String(mainsHz.value)} onChange={(e) => (mainsHz.value = Number((e.currentTarget as HTMLSelectElement).value) as 50 | 60)}>
            {[50, 60].map((hz) => (
              <option key={hz} value={hz}>
                {settingsText.mainsOption(hz)}
              </option>
            ))}
          </select>
        </label>
        <p class="hint">{settingsText.mainsHint}</p>
      </section>
      <section class="settings-group" aria-labelledby="dynamometer-heading">
        <h2 id="dynamometer-heading" class="section-heading">
          {settingsText.dynamometerHeading}
        </h2>
        <label class="field">
          <span class="field-label">{settingsText.leverArm}</span>
          <input type="number" inputMode="decimal" min="0.05" max="1" step="0.01" value={dynamometer.value.leverArmM ?? ''} onChange={(e) => setDynamometerField('leverArmM', (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span class="field-label">{settingsText.bodyMass}</span>
          <input type="number" inputMode="decimal" min="10" max="400" step="0.5" value={dynamometer.value.bodyMassKg ?? ''} onChange={(e) => setDynamometerField('bodyMassKg', (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <p class="hint">{settingsText.dynamometerHint}</p>
      </section>
      <section class="settings-group">
        <CueSettings settings={cueSettings} canVibrate={canVibrate} canSpeak={canSpeak.value} />
      </section>
      <StorageSettings />
      <PinSettings />
      <PatientsPanel />
      <CalibrationsPanel />
      <BackupSettings />
    </>
  );
}
