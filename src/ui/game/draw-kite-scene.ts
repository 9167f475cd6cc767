// Paints one frame of the kite game on a 2D canvas: sky, the phases ahead scrolling in from the
// right (cloud walls with a gap while squeezing, a lit meadow while getting ready and relaxing), the kite with its
// string and tail. State in, pixels out — the round itself lives in src/game.

import type { Difficulty, LevelBand, ResolvedKiteConfig } from '../../game/kite-config';
import { contractZone, phaseAt, phaseSpan, type PhaseSpan } from '../../game/kite-schedule';

/** Colours from the theme (game.css custom properties), read once per theme change. */
export interface SceneColours {
  skyTop: string;
  skyBottom: string;
  cloud: string;
  cloudEdge: string;
  zone: string;
  ground: string;
  groundZone: string;
  ok: string;
  off: string;
  ink: string;
  mark: string;
}

const colourProperties: Record<keyof SceneColours, string> = {
  skyTop: '--kite-sky-top',
  skyBottom: '--kite-sky-bottom',
  cloud: '--kite-cloud',
  cloudEdge: '--kite-cloud-edge',
  zone: '--kite-zone',
  ground: '--kite-ground',
  groundZone: '--kite-ground-zone',
  ok: '--kite-ok',
  off: '--kite-off',
  ink: '--kite-ink',
  mark: '--kite-mark',
};

export function readSceneColours(element: Element): SceneColours {
  const style = getComputedStyle(element);
  const colours = {} as SceneColours;
  for (const key of Object.keys(colourProperties) as (keyof SceneColours)[]) colours[key] = style.getPropertyValue(colourProperties[key]).trim() || '#888';
  return colours;
}

/**
 * Seconds of round time across the canvas width. Harder levels scroll faster — the phases ahead
 * arrive with less warning — which is the "speeds up" of difficulty on screen.
 */
const VIEW_S: Record<Difficulty, number> = { easy: 10, medium: 8, hard: 6 };
/** The kite flies at this fraction of the width: most of the view shows what is coming. */
const KITE_X_OF_WIDTH = 0.3;
/** Kite tail samples, one per frame, newest first. */
export const TAIL_FRAMES = 24;

export interface SceneFrame {
  config: ResolvedKiteConfig;
  skyTop: number;
  /** Round time now, s (the preview passes its own clock for the scenery). */
  nowS: number;
  /** False: practice preview, the squeeze gap across the whole view. */
  running: boolean;
  reducedMotion: boolean;
  kiteLevel: number;
  zone: LevelBand;
  inZone: boolean;
  windOffset: number;
  /** Recent kite levels, newest first (TAIL_FRAMES long). */
  tail: Float32Array;
}

export function drawKiteScene(ctx: CanvasRenderingContext2D, widthPx: number, heightPx: number, colours: SceneColours, frame: SceneFrame): void {
  const padPx = 8;
  const yOf = (level: number) => heightPx - padPx - (Math.min(Math.max(level, 0), frame.skyTop) / frame.skyTop) * (heightPx - 2 * padPx);
  const viewS = VIEW_S[frame.config.difficulty];
  const kiteX = widthPx * KITE_X_OF_WIDTH;
  const xOf = (tS: number) => kiteX + ((tS - frame.nowS) * widthPx) / viewS;
  const groundY = yOf(frame.config.relaxBelow);

  const sky = ctx.createLinearGradient(0, 0, 0, heightPx);
  sky.addColorStop(0, colours.skyTop);
  sky.addColorStop(1, colours.skyBottom);
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, widthPx, heightPx);
  if (!frame.reducedMotion) drawFarClouds(ctx, widthPx, heightPx, frame.nowS, colours.cloud);

  ctx.fillStyle = colours.ground;
  ctx.fillRect(0, groundY, widthPx, heightPx - groundY);

  if (!frame.running) {
    drawCloudWalls(ctx, 0, widthPx, yOf(frame.skyTop), yOf(frame.zone.high), yOf(frame.zone.low), groundY, colours);
  } else {
    // Every phase in view, from the one at the left edge to the one past the right edge.
    let span: PhaseSpan = phaseAt(frame.config, frame.nowS - KITE_X_OF_WIDTH * viewS);
    const rightS = frame.nowS + (1 - KITE_X_OF_WIDTH) * viewS;
    const ahead: LevelBand = { low: 0, high: 0 };
    while (span.startS < rightS && span.phase !== 'over') {
      const x0 = Math.max(0, xOf(span.startS));
      const x1 = Math.min(widthPx, xOf(span.endS));
      const current = frame.nowS >= span.startS && frame.nowS < span.endS;
      if (span.phase === 'contract') {
        const zone = current ? frame.zone : contractZone(frame.config, 0, ahead);
        drawCloudWalls(ctx, x0, x1, yOf(frame.skyTop), yOf(zone.high), yOf(zone.low), groundY, colours);
      } else {
        drawMeadowTarget(ctx, x0, x1, groundY, heightPx, colours);
      }
      span = phaseSpan(frame.config, span.index + 1);
    }
  }

  const kiteY = yOf(frame.kiteLevel);
  const sway = frame.reducedMotion ? 0 : frame.windOffset * 0.25;
  const sizePx = Math.max(28, Math.min(widthPx, heightPx) * 0.1);
  // The kite's colour and mark follow the zone at once (the spoken cue waits out flicker).
  const state = frame.inZone ? 'ok' : frame.kiteLevel < frame.zone.low ? 'up' : 'down';
  drawStringAndTail(ctx, kiteX, kiteY, sizePx, frame, yOf, heightPx, colours.ink);
  drawKite(ctx, kiteX, kiteY, sizePx, sway, state, colours);
}

/** Decorative clouds far behind, drifting slowly (parallax); not drawn with reduced motion. */
function drawFarClouds(ctx: CanvasRenderingContext2D, widthPx: number, heightPx: number, nowS: number, colour: string): void {
  ctx.save();
  ctx.globalAlpha = 0.35;
  ctx.fillStyle = colour;
  const spanPx = widthPx + 160;
  for (let i = 0; i < 3; i++) {
    const x = ((((i * spanPx) / 3 - nowS * 14) % spanPx) + spanPx) % spanPx - 80;
    const y = heightPx * (0.12 + 0.1 * i);
    puff(ctx, x, y, 18 + 6 * i);
  }
  ctx.restore();
}

function puff(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.arc(x + r, y - r * 0.4, r * 0.9, 0, Math.PI * 2);
  ctx.arc(x + 2 * r, y, r * 0.8, 0, Math.PI * 2);
  ctx.fill();
}

/**
 * Clouds above and below the gap between x0 and x1, with puffy edges facing the gap and a dashed
 * line on each edge: the gap reads by shape and outline, not by colour alone.
 */
function drawCloudWalls(ctx: CanvasRenderingContext2D, x0: number, x1: number, topY: number, gapTopY: number, gapBottomY: number, groundY: number, colours: SceneColours): void {
  if (x1 <= x0) return;
  const r = 10;
  ctx.fillStyle = colours.cloud;
  ctx.strokeStyle = colours.cloudEdge;
  ctx.lineWidth = 1.5;
  ctx.fillRect(x0, topY - 8, x1 - x0, Math.max(0, gapTopY - r - topY + 8));
  ctx.fillRect(x0, gapBottomY + r, x1 - x0, Math.max(0, groundY - gapBottomY - r));
  ctx.beginPath();
  for (let x = x0 + r; x < x1; x += 2 * r) {
    ctx.moveTo(x + r, gapTopY - r);
    ctx.arc(x, gapTopY - r, r, 0, Math.PI * 2);
    ctx.moveTo(x + r, gapBottomY + r);
    ctx.arc(x, gapBottomY + r, r, 0, Math.PI * 2);
  }
  ctx.fill();
  ctx.save();
  ctx.setLineDash([8, 6]);
  ctx.strokeStyle = colours.zone;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(x0, gapTopY);
  ctx.lineTo(x1, gapTopY);
  ctx.moveTo(x0, gapBottomY);
  ctx.lineTo(x1, gapBottomY);
  ctx.stroke();
  ctx.restore();
}

/** The meadow lit up as the target while relaxing, its top edge dashed like the gap's edges. */
function drawMeadowTarget(ctx: CanvasRenderingContext2D, x0: number, x1: number, groundY: number, heightPx: number, colours: SceneColours): void {
  if (x1 <= x0) return;
  ctx.fillStyle = colours.groundZone;
  ctx.fillRect(x0, groundY, x1 - x0, heightPx - groundY);
  ctx.save();
  ctx.setLineDash([8, 6]);
  ctx.strokeStyle = colours.zone;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(x0, groundY);
  ctx.lineTo(x1, groundY);
  ctx.stroke();
  ctx.restore();
}

function drawStringAndTail(ctx: CanvasRenderingContext2D, kiteX: number, kiteY: number, sizePx: number, frame: SceneFrame, yOf: (level: number) => number, heightPx: number, ink: string): void {
  ctx.strokeStyle = ink;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(kiteX * 0.35, heightPx);
  ctx.quadraticCurveTo(kiteX * 0.55, (kiteY + heightPx) / 2 + 20, kiteX, kiteY + sizePx * 0.3);
  ctx.stroke();
  // The tail trails behind: older kite heights further left, with small bows along it.
  const stepPx = (kiteX * 0.6) / frame.tail.length;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(kiteX, kiteY + sizePx * 0.7);
  for (let i = 0; i < frame.tail.length; i++) {
    const wave = frame.reducedMotion ? 0 : Math.sin(frame.nowS * 8 + i * 0.7) * 3;
    ctx.lineTo(kiteX - (i + 1) * stepPx, yOf(frame.tail[i]!) + sizePx * 0.7 + wave);
  }
  ctx.stroke();
}

/** Diamond kite; `state` adds a mark — a tick in the zone, an arrow for the way to go. */
function drawKite(ctx: CanvasRenderingContext2D, x: number, y: number, sizePx: number, swayRad: number, state: 'ok' | 'up' | 'down', colours: SceneColours): void {
  const w = sizePx * 0.7;
  const h = sizePx;
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate(swayRad);
  ctx.beginPath();
  ctx.moveTo(0, -h * 0.7);
  ctx.lineTo(w / 2, -h * 0.1);
  ctx.lineTo(0, h * 0.7);
  ctx.lineTo(-w / 2, -h * 0.1);
  ctx.closePath();
  ctx.fillStyle = state === 'ok' ? colours.ok : colours.off;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = colours.ink;
  ctx.stroke();
  ctx.strokeStyle = colours.mark;
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.beginPath();
  if (state === 'ok') {
    ctx.moveTo(-w * 0.2, -h * 0.05);
    ctx.lineTo(-w * 0.03, h * 0.15);
    ctx.lineTo(w * 0.22, -h * 0.25);
  } else {
    const dir = state === 'up' ? -1 : 1;
    ctx.moveTo(0, -dir * h * 0.3);
    ctx.lineTo(0, dir * h * 0.3);
    ctx.moveTo(-w * 0.2, dir * h * 0.1);
    ctx.lineTo(0, dir * h * 0.3);
    ctx.lineTo(w * 0.2, dir * h * 0.1);
  }
  ctx.stroke();
  ctx.restore();
}
