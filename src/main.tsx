import { render } from 'preact';
import { App } from './ui/shell/App';
import { startOfflineBridge } from './state/offline-model';
import { startFrameLoop } from './ui/shell/frame-loop';
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/connect.css';
import './ui/styles/live.css';
import './ui/styles/exercises.css';
import './ui/cues/cues.css';
import './ui/signal-check/signal-check.css';
import './ui/styles/modes.css';
import './ui/styles/history.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
startOfflineBridge();
startFrameLoop();

