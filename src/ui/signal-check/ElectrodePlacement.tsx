import { useId } from 'preact/hooks';
import { signalCheckText } from '../strings';
import { electrodeSite, ELECTRODE_RADIUS_UNITS, LANDMARKS, type PlacementMuscle, type Point } from './placement-geometry';

/** Right thigh from the front, hip cut to knee and the top of the shin (drawing's left = outer side). */
const THIGH_OUTLINE =
  'M30 18 C20 80 22 160 36 240 C46 290 58 320 64 345 C68 370 70 390 72 414 L140 414 ' +
  'C142 390 144 372 146 356 C156 330 164 300 160 270 C156 200 168 100 178 18 Z';

/** Text beside a point: offset in drawing units, anchored so it grows away from the leg. */
function Label({ at, dx, dy, anchor, children }: { at: Point; dx: number; dy: number; anchor: 'start' | 'middle' | 'end'; children: string }) {
  return (
    <text class="placement-label" x={at.x + dx} y={at.y + dy} text-anchor={anchor}>
      {children}
    </text>
  );
}

/**
 * A drawn (not photographed) guide to one muscle's electrode site, computed from the landmarks
 * in placement-geometry.ts. The <title> names it; the <desc> says the same in words.
 */
export function ElectrodePlacement({ muscle }: { muscle: PlacementMuscle }) {
  const id = useId();
  const words = signalCheckText.placement;
  const muscleWords = words[muscle];
  const site = electrodeSite(muscle);
  const [a, b] = site.electrodes;
  const targetLabel = muscle === 'vmo' ? { dx: 10, dy: 18, anchor: 'start' as const } : { dx: -26, dy: 5, anchor: 'end' as const };
  const fractionLabel = muscle === 'vmo' ? { dx: 0, dy: -12, anchor: 'middle' as const } : { dx: 12, dy: 4, anchor: 'start' as const };
  return (
    <figure class="placement">
      <svg class="placement-drawing" viewBox="-120 0 390 430" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <title id={`${id}-title`}>{muscleWords.title}</title>
        <desc id={`${id}-desc`}>{muscleWords.description}</desc>
        <path class="placement-skin" d={THIGH_OUTLINE} />
        <ellipse class="placement-patella" cx={LANDMARKS.patellaCentre.x} cy={LANDMARKS.patellaCentre.y} rx={19} ry={24} />
        <line class="placement-line" x1={site.line.from.x} y1={site.line.from.y} x2={site.line.to.x} y2={site.line.to.y} />
        <circle class="placement-landmark" cx={site.line.from.x} cy={site.line.from.y} r={4} />
        <circle class="placement-landmark" cx={site.line.to.x} cy={site.line.to.y} r={4} />
        <line class="placement-sensor" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
        <circle class="placement-electrode" cx={a.x} cy={a.y} r={ELECTRODE_RADIUS_UNITS} />
        <circle class="placement-electrode" cx={b.x} cy={b.y} r={ELECTRODE_RADIUS_UNITS} />
        <circle class="placement-reference" cx={site.reference.x} cy={site.reference.y} r={ELECTRODE_RADIUS_UNITS} />
        <Label at={site.line.from} dx={10} dy={4} anchor="start">
          {words.asis}
        </Label>
        <Label at={site.line.to} {...targetLabel}>
          {muscleWords.target}
        </Label>
        <Label at={site.centre} {...fractionLabel}>
          {muscleWords.fraction}
        </Label>
        <Label at={LANDMARKS.patellaCentre} dx={0} dy={56} anchor="middle">
          {words.kneecap}
        </Label>
        <Label at={{ x: 20, y: 13 }} dx={0} dy={0} anchor="end">
          {words.outer}
        </Label>
        <Label at={{ x: 190, y: 13 }} dx={0} dy={0} anchor="start">
          {words.inner}
        </Label>
      </svg>
      <figcaption class="placement-legend">
        <span>
          <svg class="placement-key" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <circle class="placement-electrode" cx={6} cy={6} r={5} />
          </svg>{' '}
          {words.electrodes}
        </span>
        <span>
          <svg class="placement-key" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <circle class="placement-reference" cx={6} cy={6} r={4.5} />
          </svg>{' '}
          {words.reference}
        </span>
        <span>{words.leftLeg}</span>
      </figcaption>
    </figure>
  );
}
