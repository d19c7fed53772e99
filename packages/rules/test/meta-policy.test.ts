import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtInRules } from '../src/rules/index.js';

/** The ids issue 11 added (contract): their docs quote the documented constraint and its source. */
const NEW_IDS = ['prepaid-auto-pay', 'nic-limit', 'resizable-source', 'same-family', 'same-architecture', 'dedicated-host'];

/** An ECS error code, e.g. `Ecs.0807`. */
const ERROR_CODE = /^Ecs\.\d{4}$/;

const rules = Object.entries(builtInRules);

/** A rule's docs page. */
const docsOf = (id: string): string => readFileSync(fileURLToPath(new URL(`../docs/rules/${id}.md`, import.meta.url)), 'utf8');

/** `xenToKvmDrivers` → `xen-to-kvm-drivers`. */
const kebab = (key: string): string => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

describe('built-in rules declare the unknown-fact policy and the codes they prevent', () => {
  it('include the ids of issue 11', () => {
    expect(Object.keys(builtInRules)).toEqual(expect.arrayContaining(NEW_IDS));
  });

  it.each(rules)('%s declares when the cloud refuses, and its docs say the same', (id, rule) => {
    expect(['at-once', 'late']).toContain(rule.meta.refusal);
    const said = rule.meta.refusal === 'at-once' ? 'Refused: at once' : 'Refused: late';
    expect(docsOf(id)).toContain(`\n${said}`);
    expect(docsOf(id)).toContain(rule.meta.refusal === 'at-once' ? 'gives a warning' : 'gives an error');
  });

  it.each(rules)('%s names the error codes it prevents, on its docs page too', (id, rule) => {
    expect(Array.isArray(rule.meta.errorCodes)).toBe(true);
    const refused =
      docsOf(id)
        .split('\n')
        .find((line) => line.startsWith('Refused: ')) ?? '';
    for (const code of rule.meta.errorCodes ?? []) {
      expect(code).toMatch(ERROR_CODE);
      expect(refused).toContain(`\`${code}\``);
    }
    if (rule.meta.errorCodes?.length === 0) expect(refused).toMatch(/no (error )?code/);
  });

  it.each(NEW_IDS)('%s: its docs point at the constraints and their sources', (id) => {
    expect(docsOf(id)).toContain('../shared/ecs-api.md');
  });

  it.each(rules.filter(([, rule]) => rule.meta.confirmation !== undefined))(
    '%s: its confirmation has a camelCase key, its kebab-case name and a label, on its docs page too',
    (id, rule) => {
      const { key, name, label } = rule.meta.confirmation!;
      expect(key).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(name).toBe(kebab(key));
      expect(label).toMatch(/^[A-Z].*[^.]$/);
      expect(docsOf(id)).toContain(`--confirm ${name}`);
    },
  );
});
