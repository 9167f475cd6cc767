import { describe, expect, it } from 'vitest';
import { announcementFor, spokenFor, visualFor } from '../../state/cue-mapping';
import { cueWords, signalCheckText } from '../strings';
import { adviseSignal } from '../signal-check/signal-advice';

describe('cue words users see and hear', () => {
  it('reads ▲ Squeeze, ● Hold 3…2…1, ▼ Relax, ★ Well done', () => {
    const hold2 = visualFor({ kind: 'hold-countdown', count: 2 }, null, cueWords);
    expect(hold2).toEqual({ tone: 'hold', shape: 'circle', words: 'Hold 2' });
    expect(visualFor({ kind: 'squeeze', repNumber: 1, repsTotal: 3 }, null, cueWords)?.words).toBe('Squeeze');
    expect(visualFor({ kind: 'relax' }, hold2, cueWords)?.words).toBe('Relax');
    expect(visualFor({ kind: 'session-complete' }, null, cueWords)?.words).toBe('Well done');
  });

  it('announces rep counts in full sentences and speaks bare numbers when counting', () => {
    expect(announcementFor({ kind: 'rep-complete', repNumber: 3, repsTotal: 10, achieved: true }, cueWords)).toBe('Rep 3 of 10 done.');
    expect(announcementFor({ kind: 'rep-complete', repNumber: 3, repsTotal: 10, achieved: false }, cueWords)).toBe('Rep 3 of 10: hold not reached.');
    expect(spokenFor({ kind: 'hold-countdown', count: 1 }, cueWords)).toBe('1');
  });

  it('shows signal-check values in µV and kΩ with their limits', () => {
    const [noise, hum, impedance] = adviseSignal({ restRmsUv: 3.26, humUv: 55, impedanceOhms: 42_000 }).checks;
    expect(signalCheckText.value(noise!.value, noise!.unit)).toBe('3.3 µV');
    expect(signalCheckText.value(impedance!.value, impedance!.unit)).toBe('42 kΩ');
    expect(signalCheckText.value(7_500, 'ohm')).toBe('7.5 kΩ');
    expect(signalCheckText.limits(hum!.goodMax, hum!.okMax, hum!.unit)).toBe('Good up to 5.0 µV, acceptable up to 42 µV');
  });
});
