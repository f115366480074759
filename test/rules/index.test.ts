import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAMILY_FILES } from '../../src/knowledge/families/index.js';
import { FAMILIES_DIR } from '../support/families.js';

describe('the bundled family index', () => {
  it('lists every rule file of src/knowledge/families', () => {
    const onDisk = readdirSync(FAMILIES_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(Object.keys(FAMILY_FILES).sort()).toEqual(onDisk);
  });
});
