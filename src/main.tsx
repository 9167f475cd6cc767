import { render } from 'preact';
import { App } from './ui/shell/App';
import { startOfflineBridge } from './state/offline-model';
import { startFrameLoop } from './ui/shell/frame-loop';
import { loadAnnouncer } from './ui/shell/Announcer';
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/connect.css';
import './ui/styles/live.css';
import './ui/styles/exercises.css';
import './ui/cues/cues.css';
import './ui/signal-check/signal-check.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
startOfflineBridge();
startFrameLoop();
// The announcer region is in place from the start; its cue player arrives right after.
loadAnnouncer();
