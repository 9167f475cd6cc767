// The CLI's golden cases: one input per kind, the options it is analysed with, its expected output.
import type { AnalysisOptions } from '../../src/cli/analyze-recording';
import type { InputOptions } from '../../src/cli/input-recording';

export interface GoldenCase {
  readonly input: 'quadcue-emg-force.jsonl' | 'tindeq-progressor.jsonl' | 'biosppy-emg-force.csv';
  readonly output: string;
  readonly options: AnalysisOptions & InputOptions;
}

const defaults: AnalysisOptions & InputOptions = { notchHz: null, tare: false, rateHz: null };

export const goldenCases: readonly GoldenCase[] = [
  { input: 'quadcue-emg-force.jsonl', output: 'quadcue-emg-force.json', options: defaults },
  { input: 'tindeq-progressor.jsonl', output: 'tindeq-progressor.json', options: { ...defaults, tare: true } },
  { input: 'biosppy-emg-force.csv', output: 'biosppy-emg-force.json', options: defaults },
];
