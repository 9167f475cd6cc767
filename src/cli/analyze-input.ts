// File name + text → report, the whole analysis without I/O: what the shell runs and the tests call.
import type { AnalysisReport } from './analysis-report';
import { analyzeRecording, type AnalysisOptions } from './analyze-recording';
import { recordingFromInput, type InputOptions } from './input-recording';
import type { InputError } from './recording';

export function analyzeInput(fileName: string, input: string | Uint8Array, options: AnalysisOptions & InputOptions): AnalysisReport | InputError {
  const recording = recordingFromInput(fileName, input, options);
  return 'kind' in recording ? recording : analyzeRecording(recording, options);
}
