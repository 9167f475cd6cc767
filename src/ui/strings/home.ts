// The patient home (issue 7, patient mode): what is due today, this week's progress, the last
// session. Short, friendly words: patients read this at home.

export const homeText = {
  loading: 'Checking your sessions…',
  noProgramHeading: 'No exercise program yet',
  noProgramBody: 'Your therapist sets up your program. Ask them to share it with you as a link or QR code, then open it on this device.',
  due: (sessions: number) => (sessions === 1 ? '1 session due today' : `${sessions} sessions due today`),
  doneSoFar: (done: number, perDay: number) => `${done} of ${perDay} done today. Keep going!`,
  doneToday: 'All done for today — well done!',
  rest: 'Rest day',
  restNote: 'You have reached this week’s goal. Rest today, or ask your therapist what else you can do.',
  start: 'Start exercises',
  weekHeading: 'This week',
  weekProgress: (done: number, target: number) => `${Math.min(done, target)} of ${target} ${target === 1 ? 'day' : 'days'}`,
  weekGoalReached: 'Goal reached for this week.',
  onlyRealCount: 'Only sessions with your sensor count. Demo sessions do not.',
  lastHeading: 'Last session',
  lastNone: 'No sessions with your sensor yet (demo sessions do not count). Your first one will show here.',
  freeRecording: 'Free recording',
  lastLine: (exercise: string, when: string) => `${exercise}, ${when}`,
  lastSeparator: ': ',
  lastHolds: (done: number, total: number) => `${done} of ${total} holds reached`,
  today: 'today',
  yesterday: 'yesterday',
  history: 'See all sessions',
  unavailable: 'This browser does not let Quadcue read its storage (private browsing may block it), so your progress cannot be shown.',
};
