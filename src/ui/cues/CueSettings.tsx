import { cueSettingNames, type CueSettings as CueSettingsModel } from '../../state/cue-settings';
import { cueSettingsText as text } from '../strings';

/**
 * One real checkbox per cue, each with its label and a hint tied to it by aria-describedby.
 * `canVibrate` / `canSpeak` add a note where this device cannot honour the switch; the switch
 * stays usable, since the choice is remembered for a device that can.
 */
export function CueSettings({ settings, canVibrate, canSpeak }: { settings: CueSettingsModel; canVibrate: boolean; canSpeak: boolean }) {
  const notes: Partial<Record<(typeof cueSettingNames)[number], string>> = {
    ...(canVibrate ? {} : { vibration: text.noVibration }),
    ...(canSpeak ? {} : { spokenCounting: text.noVoice }),
  };
  return (
    <fieldset class="cue-settings">
      <legend class="cue-settings-legend">{text.heading}</legend>
      <p class="cue-switch-hint">{text.intro}</p>
      {cueSettingNames.map((name) => {
        const id = `cue-setting-${name}`;
        const note = notes[name];
        return (
          <div key={name} class="cue-switch">
            <input
              type="checkbox"
              id={id}
              checked={settings[name].value}
              aria-describedby={`${id}-hint`}
              onChange={(e) => (settings[name].value = e.currentTarget.checked)}
            />
            <label for={id}>{text.switches[name].label}</label>
            <p id={`${id}-hint`} class="cue-switch-hint">
              {text.switches[name].hint}
              {note !== undefined && <strong class="cue-switch-note"> {note}</strong>}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
