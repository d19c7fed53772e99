/**
 * The confirmations the help offers are read from the built-in rules' meta without building a
 * rule engine (start-up): they are those of the default engine, in its order, and stay so when
 * the built-in rules or `recommended` change.
 */
import { createRuleEngine, listConfirmations } from '@ecs-resize/rules';
import { describe, expect, it } from 'vitest';
import { builtInConfirmations, confirmationHelp } from '../src/args/confirmations.js';

describe('builtInConfirmations', () => {
  it("equals the default engine's listConfirmations, in order", () => {
    expect(builtInConfirmations()).toEqual(listConfirmations(createRuleEngine()));
  });

  it.each(['xen-to-kvm-drivers', 'h1-drivers'])('offers %s, and the help names it', (name) => {
    expect(builtInConfirmations().map((confirmation) => confirmation.name)).toContain(name);
    expect(confirmationHelp()).toContain(`  ${name}: `);
  });
});
