// A test-only page (never part of the app's build): the modes, patients, storage and backup
// components with the app's own CSS, mounted the way the shell will mount them (header and
// Settings), so tests/e2e/modes.test.ts can drive them before the shell does.
import { render } from 'preact';
import { startModes } from '../../../src/state/mode-app';
import { BackupSettings } from '../../../src/ui/modes/BackupSettings';
import { ModeSwitch } from '../../../src/ui/modes/ModeSwitch';
import { PatientsPanel } from '../../../src/ui/modes/PatientsPanel';
import { PinSettings } from '../../../src/ui/modes/PinSettings';
import { StorageSettings } from '../../../src/ui/modes/StorageSettings';
import '../../../src/ui/styles/tokens.css';
import '../../../src/ui/styles/base.css';
import '../../../src/ui/styles/connect.css';
import '../../../src/ui/styles/exercises.css';
import '../../../src/ui/styles/modes.css';

function Probe() {
  return (
    <div class="app">
      <header class="header">
        <span class="brand">Quadcue</span>
        <ModeSwitch />
      </header>
      <main id="main" class="main">
        <h1 class="screen-title">Settings</h1>
        <StorageSettings />
        <PinSettings />
        <PatientsPanel />
        <BackupSettings />
      </main>
    </div>
  );
}

startModes(window);
const root = document.getElementById('app');
if (root) render(<Probe />, root);
