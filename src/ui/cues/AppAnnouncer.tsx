import { cuePlayer } from './app-cue-player';
import { LiveAnnouncer } from './LiveAnnouncer';

/** The app's one announcer, fed by the app's one cue player. */
export function AppAnnouncer() {
  return <LiveAnnouncer announcements={cuePlayer.announcements} />;
}
