import { describe, expect, it } from 'vitest';
import { electrodeSite, INTER_ELECTRODE_UNITS, LANDMARKS } from './placement-geometry';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
/** Angle in degrees between the electrode pair's axis and the landmark line. */
function angleToLine(muscle: 'vmo' | 'vl'): number {
  const site = electrodeSite(muscle);
  const [a, b] = site.electrodes;
  const ex = b.x - a.x;
  const ey = b.y - a.y;
  const lx = site.line.to.x - site.line.from.x;
  const ly = site.line.to.y - site.line.from.y;
  return (Math.acos(Math.abs(ex * lx + ey * ly) / (Math.hypot(ex, ey) * Math.hypot(lx, ly))) * 180) / Math.PI;
}

describe('electrode placement drawing', () => {
  it('puts VMO at 80 % of ASIS → medial joint space, almost perpendicular to that line', () => {
    const site = electrodeSite('vmo');
    expect(distance(LANDMARKS.asis, site.centre) / distance(LANDMARKS.asis, LANDMARKS.medialJointSpace)).toBeCloseTo(0.8, 9);
    expect(angleToLine('vmo')).toBeCloseTo(80, 6);
    expect(site.centre.x).toBeGreaterThan(LANDMARKS.patellaCentre.x); // medial side of the knee
  });

  it('puts VL at two-thirds of ASIS → lateral patella, along the line', () => {
    const site = electrodeSite('vl');
    expect(distance(LANDMARKS.asis, site.centre) / distance(LANDMARKS.asis, LANDMARKS.lateralPatella)).toBeCloseTo(2 / 3, 9);
    expect(angleToLine('vl')).toBeCloseTo(0, 6);
    expect(site.centre.x).toBeLessThan(LANDMARKS.patellaCentre.x); // lateral side
  });

  it('spaces each pair 20 mm apart, centred on the site', () => {
    for (const muscle of ['vmo', 'vl'] as const) {
      const { electrodes, centre } = electrodeSite(muscle);
      expect(distance(electrodes[0], electrodes[1])).toBeCloseTo(INTER_ELECTRODE_UNITS, 9);
      expect(distance(electrodes[0], centre)).toBeCloseTo(distance(electrodes[1], centre), 9);
    }
  });
});
