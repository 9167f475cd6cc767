// Where the electrodes go on the drawing of a right thigh seen from the front (the drawing's
// left is the outer, lateral side). Computed from the landmarks the way a therapist measures it:
// a line from the hip bone (ASIS) to a knee landmark, the sensor a fixed fraction along it.

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type PlacementMuscle = 'vmo' | 'vl';

/** Landmarks in drawing units (viewBox 0 0 200 420). */
export const LANDMARKS = {
  asis: { x: 58, y: 28 },
  /** Medial knee joint space, in front of the medial collateral ligament. */
  medialJointSpace: { x: 138, y: 352 },
  patellaCentre: { x: 104, y: 318 },
  /** Lateral border of the patella. */
  lateralPatella: { x: 85, y: 318 },
} as const;

/** ASIS to knee joint, ~400 mm in an adult thigh, spans 324 units in the drawing. */
const UNITS_PER_MM = (LANDMARKS.medialJointSpace.y - LANDMARKS.asis.y) / 400;
/** SENIAM: bipolar electrodes 20 mm apart, centre to centre (Hermens et al. 2000). */
export const INTER_ELECTRODE_UNITS = 20 * UNITS_PER_MM;
/** SENIAM: electrode size at most 10 mm in the fibre direction. */
export const ELECTRODE_RADIUS_UNITS = 5 * UNITS_PER_MM;

/**
 * SENIAM sensor locations (Hermens et al. 2000; clinical.md "Electrode sites"):
 * VMO at 80 % of the line ASIS → medial joint space, orientation almost perpendicular to that
 * line (along the oblique fibres); VL at two-thirds of the line ASIS → lateral patella, in the
 * fibre direction, i.e. along the line.
 */
export const PLACEMENTS: Readonly<Record<PlacementMuscle, { from: Point; to: Point; fraction: number; angleToLineDeg: number }>> = {
  vmo: { from: LANDMARKS.asis, to: LANDMARKS.medialJointSpace, fraction: 0.8, angleToLineDeg: -80 },
  vl: { from: LANDMARKS.asis, to: LANDMARKS.lateralPatella, fraction: 2 / 3, angleToLineDeg: 0 },
};

export interface ElectrodeSite {
  readonly line: { readonly from: Point; readonly to: Point };
  readonly centre: Point;
  readonly electrodes: readonly [Point, Point];
  /** Reference electrode on the kneecap: bone, electrically quiet, and close to both sites. */
  readonly reference: Point;
}

export function electrodeSite(muscle: PlacementMuscle): ElectrodeSite {
  const { from, to, fraction, angleToLineDeg } = PLACEMENTS[muscle];
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  const centre = { x: from.x + fraction * dx, y: from.y + fraction * dy };
  const angle = (angleToLineDeg * Math.PI) / 180;
  // Unit vector along the line, turned by the orientation angle (screen coordinates, y down).
  const ux = (Math.cos(angle) * dx - Math.sin(angle) * dy) / length;
  const uy = (Math.sin(angle) * dx + Math.cos(angle) * dy) / length;
  const half = INTER_ELECTRODE_UNITS / 2;
  return {
    line: { from, to },
    centre,
    electrodes: [
      { x: centre.x - ux * half, y: centre.y - uy * half },
      { x: centre.x + ux * half, y: centre.y + uy * half },
    ],
    reference: LANDMARKS.patellaCentre,
  };
}
