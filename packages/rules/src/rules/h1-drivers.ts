import { isConfirmed } from '../facts/is-confirmed.js';
import { createBuiltInRule } from './create-built-in-rule.js';
import { isOldGenerationToH1 } from './transitions.js';

/**
 * S1/C1/C2/M1 → H1 needs a driver installed first, which the API cannot see: the operator
 * confirms it with `confirmations.h1Drivers: true`.
 */
export const h1Drivers = createBuiltInRule({
  name: 'h1-drivers',
  meta: {
    type: 'problem',
    docs: {
      description: 'S1, C1, C2 and M1 servers need the H1 driver installed before changing to H1, confirmed by the operator.',
      recommended: true,
    },
    // No error code: the resize succeeds, and the guest may not boot.
    refusal: 'late',
    errorCodes: [],
    confirmation: { key: 'h1Drivers', name: 'h1-drivers', label: 'The driver H1 needs is installed in the guest' },
    messages: {
      driversNotConfirmed:
        'Changing {{fromGeneration}} ({{from}}) to H1 ({{to}}) needs the H1 driver installed in the guest first, or the server may not boot. Install it, then confirm that it is installed.',
      unverified:
        'Could not tell whether {{from}} → {{to}} is S1/C1/C2/M1 → H1, which needs a driver first: a flavor generation is unknown. If the H1 driver is installed, confirm that it is; else check the generation of both flavors.',
    },
  },
  check(facts) {
    if (isConfirmed(facts, 'h1Drivers')) return [];
    const verdict = isOldGenerationToH1(facts);
    if (verdict === false) return [];
    const data = { from: facts.server.flavor.id, to: facts.target.id };
    if (!verdict) return [{ messageId: 'unverified', data, unverified: true }];
    return [
      {
        messageId: 'driversNotConfirmed',
        data: { ...data, fromGeneration: (facts.server.flavor.generation ?? '').toUpperCase() },
      },
    ];
  },
});
