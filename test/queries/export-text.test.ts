import { describe, expect, it } from 'vitest';
import { queryToText } from '../../src/index.js';
import { draftFor } from './helpers.js';

describe('queryToText', () => {
  it('renders a query as a plain-text inbox message', () => {
    const { query } = draftFor('Vitals: BMI 42.3 kg/m2.');
    expect(queryToText(query)).toBe([
      'Clinical indicators without a documented diagnosis',
      '',
      'The clinical indicators below are documented in this note. Based on your clinical judgment, please clarify the diagnosis, if any, that they represent.',
      '',
      'Clinical indicators from the note:',
      '  - "BMI 42.3 kg/m2"',
      '',
      'Diagnosis:',
      '  [ ] a. Obesity, class 3',
      '  [ ] b. Morbid (severe) obesity',
      '  [ ] c. Other (please specify): ____________',
      '  [ ] d. Clinically undetermined',
      '  [ ] e. Not clinically significant',
      '',
      'Please document your response in the medical record.',
      '',
    ].join('\n'));
  });
});
