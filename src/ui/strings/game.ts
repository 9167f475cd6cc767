// Every word the kite game shows or speaks Plain language: patients
// read these at home, often mid-exercise, so cues are two or three words.

import type { Difficulty } from '../../game/kite-config';
import type { KiteCue } from '../../game/kite-game';

const unitText = { '%MVC': '% MVC', N: 'N' } as const;

export const kiteGame = {
  title: 'Kite flight',
  intro:
    'Squeeze to fly the kite through the gap in the clouds, and hold it there. When the clouds clear, ' +
    'relax to bring the kite down to the meadow. Time in the gap and on the meadow scores points, ' +
    'and each squeeze or rest in a row that stays on target adds a bonus.',
  difficultyLabel: 'Difficulty',
  difficulties: { easy: 'Easy', medium: 'Medium', hard: 'Hard' } satisfies Record<Difficulty, string>,
  difficultyHints: {
    easy: 'A wide gap, a little beyond your target band, and more time to get there.',
    medium: 'The gap is exactly your target band.',
    hard: 'A narrow gap inside your band that drifts in the wind, and less time to react.',
  } satisfies Record<Difficulty, string>,
  start: 'Start round',
  stop: 'Stop round',
  score: 'Score',
  best: 'Best',
  timeLeft: 'Time left',
  streak: 'Streak',
  seconds: (s: number) => `${s} s`,
  cues: {
    ready: 'Get ready',
    'too-low': 'Too low — squeeze',
    'in-zone': 'In the zone',
    'too-high': 'Too high — ease off',
    relax: 'Relax',
    relaxed: 'Relaxed — rest',
    over: 'Round over',
  } satisfies Record<KiteCue, string>,
  practice: 'Practice: the kite follows your muscle. Press Start when you are ready.',
  canvasLabel: (low: number, high: number, unit: keyof typeof unitText) =>
    `Kite game. The gap in the clouds is your target, ${formatLevel(low)} to ${formatLevel(high)} ${unitText[unit]}; the meadow is rest.`,
  roundOver: (score: number, isNewBest: boolean) => (isNewBest ? `Round over: ${score} points — a new best!` : `Round over: ${score} points.`),
  stopped: 'Round stopped. Stopped rounds do not count toward your best.',
  cannotPlay: (reason: string) => `This exercise cannot be played as a game: ${reason}`,
};

function formatLevel(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
