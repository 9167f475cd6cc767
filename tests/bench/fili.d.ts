// The part of fili 2 (npm, MIT, no bundled types) the benchmark uses: its IIR cascade. A stage is
// direct form II with a gain k: w = k·x − a1·w1 − a2·w2; y = b0·w + b1·w1 + b2·w2
// (node_modules/fili/src/iirFilter.js, runStage).
declare module 'fili' {
  export interface FiliBiquad {
    k: number;
    /** [a1, a2] (a0 = 1 implied). */
    a: [number, number];
    b: [number, number, number];
  }
  export interface FiliIirFilter {
    /** Filters the whole array; with overwrite, in place (its fastest mode). State carries over. */
    multiStep(input: ArrayLike<number>, overwrite?: boolean): number[] | Float64Array;
    singleStep(input: number): number;
    reinit(): void;
  }
  export interface FiliCascadeParams {
    order: number;
    characteristic: 'butterworth' | 'bessel';
    Fs: number;
    Fc: number;
    BW?: number;
  }
  export interface FiliCalcCascades {
    lowpass(params: FiliCascadeParams): FiliBiquad[];
    highpass(params: FiliCascadeParams): FiliBiquad[];
    bandstop(params: FiliCascadeParams): FiliBiquad[];
  }
  const Fili: {
    IirFilter: new (cascade: FiliBiquad[]) => FiliIirFilter;
    CalcCascades: new () => FiliCalcCascades;
  };
  export default Fili;
}
