import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { plugin, recommended } from '../src/index.js';
import { builtInRules } from '../src/rules/index.js';
import type { Rule } from '../src/index.js';

/** The ids the design names as contract: outside checks call them exactly. */
const CONTRACT_IDS = [
  'server-stopped',
  'no-kvm-to-xen',
  'xen-vbd-limit',
  'xen-to-kvm-drivers',
  'h1-drivers',
  'target-allowed',
  'flavor-changes',
];

/** A built-in rule id: kebab-case, lower case letters and digits. */
const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** A message id: camelCase. */
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

/** The end of a sentence: `.`, `!` or `?` before white space or the end of the text. */
const SENTENCE_END = /[.!?](?=\s|$)/g;

const rules = Object.entries(builtInRules);

/** `no-kvm-to-xen` → `noKvmToXen`: the name a rule is exported under. */
const exportName = (id: string): string => id.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/** A file of this package, by its path from the package root. */
const packageFile = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Whether a value has the shape of a rule: `meta` and `check()`. */
const isRule = (value: unknown): value is Rule<unknown> =>
  typeof value === 'object' && value !== null && 'meta' in value && typeof (value as { check?: unknown }).check === 'function';

describe('built-in rules', () => {
  it('include every contract id', () => {
    expect(Object.keys(builtInRules)).toEqual(expect.arrayContaining(CONTRACT_IDS));
  });

  it.each(rules.map(([id]) => id))('%s has a kebab-case id', (id) => {
    expect(id).toMatch(KEBAB_CASE);
  });

  it.each(rules)('%s has a test file that runs it under its id', (id) => {
    const path = packageFile(`test/rules/${id}.test.ts`);
    expect(existsSync(path), `missing test/rules/${id}.test.ts`).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain(`.run('${id}', ${exportName(id)}, {`);
  });

  it.each(rules)('%s has a docs page titled with its id, with the sections of a rule page', (id) => {
    const path = packageFile(`docs/rules/${id}.md`);
    expect(existsSync(path), `missing docs/rules/${id}.md`).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${id}`);
    for (const heading of ['## Rule details', '## What to do', '## When not to use it']) expect(text).toContain(`\n${heading}\n`);
  });

  it.each(rules)('%s has a docs url ending in /<id>.md', (id, rule) => {
    expect(rule.meta.docs.url.endsWith(`/${id}.md`)).toBe(true);
    expect(new URL(rule.meta.docs.url).protocol).toBe('https:');
  });

  it.each(rules)('%s has a type and a one-sentence description', (_id, rule) => {
    expect(['problem', 'suggestion']).toContain(rule.meta.type);
    expect(rule.meta.docs.description).toMatch(/^[A-Z].*\.$/);
  });

  it.each(rules)('%s has messages that say what is wrong and what to do', (_id, rule) => {
    const messages = Object.entries(rule.meta.messages);
    expect(messages.length).toBeGreaterThan(0);
    for (const [messageId, message] of messages) {
      expect(messageId).toMatch(CAMEL_CASE);
      expect(message.trim(), messageId).toBe(message);
      expect(message, messageId).toMatch(/\.$/);
      expect(message.match(SENTENCE_END)?.length ?? 0, `${messageId} should have at least two sentences`).toBeGreaterThanOrEqual(
        2,
      );
      // Every placeholder is well formed: `{{name}}`, and no brace is left over.
      expect(message.replace(/\{\{\w+\}\}/g, ''), messageId).not.toMatch(/[{}]/);
    }
  });
});

describe('exports', () => {
  it.each(rules)('%s is exported by its own module under its camelCase name', async (id, rule) => {
    const module = (await import(/* @vite-ignore */ new URL(`../src/rules/${id}.ts`, import.meta.url).href)) as Record<
      string,
      unknown
    >;
    expect(module[exportName(id)]).toBe(rule);
  });

  it('the public API exports no rule object: the built-ins are reached by id through plugin.rules', () => {
    expect(Object.values(api).filter(isRule)).toEqual([]);
    expect(Object.keys(plugin.rules)).toEqual(Object.keys(builtInRules));
  });

  it('the public API is the lean list the CLI, the browser bundle and plugin authors use', () => {
    expect(Object.keys(api).sort()).toEqual([
      'InvalidFactsError',
      'ResizeFactsSchema',
      'RuleConfigError',
      'configs',
      'createRuleEngine',
      'defineRule',
      'isConfirmed',
      'listConfirmations',
      'plugin',
      'recommended',
      'ruleCreator',
    ]);
  });
});

describe('configs and plugin', () => {
  it('recommended turns on exactly the rules whose docs say recommended, at error', () => {
    const expected = Object.fromEntries(rules.filter(([, rule]) => rule.meta.docs.recommended).map(([id]) => [id, 'error']));
    expect(recommended.rules).toStrictEqual(expected);
  });

  it('recommended turns every built-in rule on, as the design says, the contract ones included', () => {
    for (const [id, rule] of rules) expect(rule.meta.docs.recommended, id).toBe(true);
    for (const id of CONTRACT_IDS) expect(recommended.rules[id], id).toBe('error');
  });

  it('the plugin exposes the built-in rules and the recommended config themselves', () => {
    expect(plugin.rules).toBe(builtInRules);
    expect(plugin.configs?.['recommended']).toBe(recommended);
    expect(api.configs.recommended).toBe(recommended);
  });
});
