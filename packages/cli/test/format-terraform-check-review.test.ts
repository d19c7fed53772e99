import { describe, expect, it } from 'vitest';
import { colorsFor } from '../src/output/colors.js';
import { formatTerraformCheckEnd } from '../src/output/format-terraform-check.js';

const plain = colorsFor({ isTTY: false, write: () => undefined }, {});

describe('a plan with no flavor change says what it holds', () => {
  it.each([
    {
      name: 'nothing changes (no resource_changes)',
      skipped: 0,
      says: 'No flavor change to check: the plan changes no resource.',
    },
    { name: 'one other change', skipped: 1, says: 'No flavor change to check; 1 resource change skipped.' },
    { name: 'two other changes', skipped: 2, says: 'No flavor change to check; 2 resource changes skipped.' },
  ])('$name', ({ skipped, says }) => {
    expect(formatTerraformCheckEnd({ verdicts: [], notes: [], skipped }, plain)).toBe(says);
  });
});
