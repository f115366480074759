import type { Analysis, AnalyzeOptions } from './types.js';

/** Analyses a clinical note. Never throws on user text. (Pipeline being written.) */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return { findings: [], mentions: [], sections: [], setting: options.setting ?? 'inpatient' };
}
