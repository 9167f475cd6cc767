import { signal, useComputed, useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { loadBestScores, recordBestScore, type ScoreStorage } from '../../game/best-scores';
import { DIFFICULTIES, KiteConfigError, resolveKiteConfig, ROUND_MAX_S, type Difficulty, type LevelBand, type ResolvedKiteConfig } from '../../game/kite-config';
import { KiteRound, type KiteCue, type KiteState } from '../../game/kite-game';
import { followCriticallyDamped, type Follower } from '../../game/kite-physics';
import { contractZone, skyTop } from '../../game/kite-schedule';
import { kiteGame } from '../strings';
import { useWakeLock } from '../live/use-wake-lock';
import { onFrame } from '../shell/frame-loop';
import { drawKiteScene, readSceneColours, TAIL_FRAMES, type SceneFrame } from './draw-kite-scene';
import { useReducedMotion } from './use-reduced-motion';
import './game.css';

export interface KiteGameProps {
  /** Reads the current activation in the band's unit; called once per animation frame. NaN = no data (the kite holds). */
  level: () => number;
  /** The therapist's target band, in `unit`. */
  band: LevelBand;
  unit: '%MVC' | 'N';
  /** Squeeze-and-hold time per rep, s (≥ 2). */
  contractS: number;
  /** Rest between reps, s (≥ 2). */
  relaxS: number;
  /** Round length, s, at most 120 (the default); the round ends after the last whole rep that fits. */
  roundS?: number;
  /** Top of the relaxed (ground) zone in `unit`; default 25 % of band.low. Pass bandThresholds(band).relax to match the rep engine. */
  relaxBelow?: number;
  initialDifficulty?: Difficulty;
  /** Where best scores are kept; default localStorage, null to remember nothing. */
  storage?: ScoreStorage | null;
}

/** Which way the cue points, for the cue's colour and icon (shape and colour together). */
const cueTone: Record<KiteCue, 'ok' | 'up' | 'down' | 'neutral'> = {
  ready: 'neutral',
  'too-low': 'up',
  'in-zone': 'ok',
  'too-high': 'down',
  relax: 'down',
  relaxed: 'ok',
  over: 'neutral',
};
const cueIcon = { ok: '✓', up: '↑', down: '↓' } as const;

function defaultStorage(): ScoreStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Reading localStorage itself throws when site data is blocked.
  }
}

/**
 * The kite biofeedback game: squeeze to fly the kite through the gap in the clouds (the target
 * band), relax to land it on the meadow, in rounds of at most two minutes at three difficulties.
 * Before Start the kite follows the muscle as practice. Draws on the app's one animation-frame loop.
 */
export function KiteGame(props: KiteGameProps) {
  const { band, unit, contractS, relaxS, roundS = ROUND_MAX_S, relaxBelow } = props;
  const difficulty = useSignal<Difficulty>(props.initialDifficulty ?? 'easy');
  const running = useSignal(false);
  const score = useSignal(0);
  const timeLeftS = useSignal(0);
  const streak = useSignal(0);
  const cue = useSignal<KiteCue | null>(null);
  const message = useSignal('');
  const storage = useMemo(() => (props.storage !== undefined ? props.storage : defaultStorage()), [props.storage]);
  const best = useMemo(() => signal(loadBestScores(storage)), [storage]);
  const timeText = useComputed(() => kiteGame.seconds(timeLeftS.value));
  const reducedMotion = useReducedMotion();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const playRef = useRef<HTMLDivElement>(null);
  const roundRef = useRef<KiteRound | null>(null);
  const levelRef = useRef(props.level);
  levelRef.current = props.level;
  const reducedMotionRef = useRef(reducedMotion);
  reducedMotionRef.current = reducedMotion;
  useWakeLock(running.value);

  const setup = useMemo((): { config: ResolvedKiteConfig; problem: null } | { config: null; problem: string } => {
    try {
      return { config: resolveKiteConfig({ band, contractS, relaxS, roundS, relaxBelow, difficulty: difficulty.value }), problem: null };
    } catch (error) {
      if (error instanceof KiteConfigError) return { config: null, problem: error.reason };
      throw error;
    }
  }, [band.low, band.high, contractS, relaxS, roundS, relaxBelow, difficulty.value]);
  const configRef = useRef(setup.config);
  configRef.current = setup.config;

  function endRound(text: string): void {
    roundRef.current = null;
    running.value = false;
    cue.value = null;
    message.value = text;
  }

  function start(): void {
    const config = setup.config;
    if (!config) return;
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]!; // a fresh wind each round
    roundRef.current = new KiteRound({ ...config, seed, reducedMotion });
    running.value = true;
    message.value = '';
    score.value = 0;
    streak.value = 0;
    timeLeftS.value = Math.ceil(config.durationS);
    // On a phone the game sits below the picker: bring the kite, the score and Stop into view.
    playRef.current?.scrollIntoView({ block: 'start', behavior: reducedMotion ? 'auto' : 'smooth' });
  }

  // A round does not run on in a hidden tab: nobody is watching the kite.
  useEffect(() => {
    const onVisibility = () => {
      if (document.hidden && roundRef.current) endRound(kiteGame.stopped);
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let colours = readSceneColours(canvas);
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => (colours = readSceneColours(canvas));
    scheme.addEventListener('change', onScheme);
    let widthPx = 0;
    let heightPx = 0;
    const resize = new ResizeObserver(() => {
      const ratio = devicePixelRatio || 1;
      widthPx = canvas.clientWidth;
      heightPx = canvas.clientHeight;
      canvas.width = Math.round(widthPx * ratio);
      canvas.height = Math.round(heightPx * ratio);
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    });
    resize.observe(canvas);

    const practice: Follower = { position: 0, velocity: 0 };
    const state = { zone: { low: 0, high: 0 } } as KiteState;
    const tail = new Float32Array(TAIL_FRAMES);
    let lastMs: number | null = null;
    let practiceClockS = 0;

    const stop = onFrame((nowMs) => {
      const dtMs = lastMs === null ? 0 : nowMs - lastMs;
      lastMs = nowMs;
      const config = configRef.current;
      if (!config || widthPx === 0 || heightPx === 0) return;
      const level = levelRef.current();
      const round = roundRef.current;
      let frame: SceneFrame;
      if (round) {
        for (const event of round.step({ dtMs, level })) {
          if (event.type !== 'round-over') continue;
          const { best: updated, isNewBest } = recordBestScore(storage, round.config.difficulty, event.score);
          best.value = updated;
          endRound(kiteGame.roundOver(event.score, isNewBest));
        }
        round.state(state);
        score.value = state.score;
        streak.value = state.streak;
        timeLeftS.value = Math.ceil(state.timeLeftS);
        if (roundRef.current) cue.value = state.cue;
        practice.position = state.kiteLevel; // practice picks up where the round leaves the kite
        practice.velocity = 0;
        frame = { config: round.config, skyTop: round.skyTop, nowS: state.elapsedS, running: true, reducedMotion: reducedMotionRef.current, kiteLevel: state.kiteLevel, zone: state.zone, inZone: state.inZone, windOffset: state.windOffset, tail };
      } else {
        // Practice: the kite follows the muscle under the squeeze gap; nothing scores.
        const top = skyTop(config);
        practiceClockS += dtMs / 1000;
        followCriticallyDamped(practice, Math.min(Math.max(Number.isFinite(level) ? level : practice.position, 0), top), dtMs / 1000);
        const zone = contractZone(config, 0, state.zone);
        const inZone = practice.position >= zone.low && practice.position <= zone.high;
        frame = { config, skyTop: top, nowS: practiceClockS, running: false, reducedMotion: reducedMotionRef.current, kiteLevel: practice.position, zone, inZone, windOffset: 0, tail };
      }
      tail.copyWithin(1, 0);
      tail[0] = frame.kiteLevel;
      drawKiteScene(ctx, widthPx, heightPx, colours, frame);
    });
    return () => {
      stop();
      resize.disconnect();
      scheme.removeEventListener('change', onScheme);
    };
  }, [storage]);

  const tone = running.value && cue.value ? cueTone[cue.value] : 'neutral';
  const liveText = running.value ? (cue.value ? kiteGame.cues[cue.value] : '') : message.value;
  return (
    <section class="kite-game" aria-labelledby="kite-game-title">
      <h2 id="kite-game-title" class="section-heading">
        {kiteGame.title}
      </h2>
      <p class="kite-intro">{kiteGame.intro}</p>
      <fieldset class="segmented" disabled={running.value} aria-describedby="kite-difficulty-hint">
        <legend class="field-label">{kiteGame.difficultyLabel}</legend>
        {DIFFICULTIES.map((d) => (
          <label key={d} class={difficulty.value === d ? 'is-selected' : ''}>
            <input type="radio" name="kite-difficulty" value={d} checked={difficulty.value === d} onChange={() => (difficulty.value = d)} />
            {kiteGame.difficulties[d]}
          </label>
        ))}
      </fieldset>
      <p id="kite-difficulty-hint" class="hint kite-hint">
        {kiteGame.difficultyHints[difficulty.value]}
      </p>
      {setup.problem !== null && (
        <p class="alert" role="alert">
          {kiteGame.cannotPlay(setup.problem)}
        </p>
      )}
      <div class="kite-play" ref={playRef}>
        <div class="kite-bar">
          <button type="button" class="button button--primary kite-start" disabled={!setup.config} onClick={() => (running.value ? endRound(kiteGame.stopped) : start())}>
            {running.value ? kiteGame.stop : kiteGame.start}
          </button>
          <dl class="kite-stats">
            <div>
              <dt>{kiteGame.score}</dt>
              <dd>{score}</dd>
            </div>
            <div>
              <dt>{kiteGame.best}</dt>
              <dd>{best.value[difficulty.value]}</dd>
            </div>
            <div>
              <dt>{kiteGame.timeLeft}</dt>
              <dd>{running.value || !setup.config ? timeText : kiteGame.seconds(Math.ceil(setup.config.durationS))}</dd>
            </div>
            <div>
              <dt>{kiteGame.streak}</dt>
              <dd>{streak}</dd>
            </div>
          </dl>
        </div>
        <div class="kite-stage">
          <canvas ref={canvasRef} class="kite-canvas" role="img" aria-label={kiteGame.canvasLabel(band.low, band.high, unit)} />
          {/* One polite live region: the cue during a round (over the sky), else the last result or the practice note (below it). */}
          <p class={running.value ? `kite-cue kite-cue--${tone}` : 'kite-note'} role="status">
            {tone !== 'neutral' && (
              <span class="kite-cue-icon" aria-hidden="true">
                {cueIcon[tone]}
              </span>
            )}
            {liveText || (running.value ? '' : kiteGame.practice)}
          </p>
        </div>
      </div>
    </section>
  );
}
