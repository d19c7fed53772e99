import { describe, expect, it } from 'vitest';
import { createRuleEngine, plugin, ruleCreator } from '../src/index.js';
import { buildFacts } from '../src/testing/index.js';

const createRule = ruleCreator((name) => `https://example.com/rules/${name}.md`);

describe('ruleCreator', () => {
  it.each(['no-downsize', 'keep-zone'])('builds the docs URL of %s from its name, once', (name) => {
    const rule = createRule({
      name,
      meta: { type: 'problem', docs: { description: 'x', recommended: false }, messages: { bad: 'Bad. Fix.' } },
      check: () => [{ messageId: 'bad' }],
    });
    expect(rule.meta.docs).toEqual({ description: 'x', recommended: false, url: `https://example.com/rules/${name}.md` });
    expect(rule).not.toHaveProperty('name');
  });

  it('gives findings the built URL', async () => {
    const rule = createRule({
      name: 'no-downsize',
      meta: { type: 'problem', docs: { description: 'x', recommended: false }, messages: { bad: 'Bad. Fix.' } },
      check: () => [{ messageId: 'bad' }],
    });
    const engine = createRuleEngine({ rules: { 'acme/no-downsize': rule }, config: { rules: { 'acme/no-downsize': 'error' } } });
    const [finding] = (await engine.check(buildFacts())).findings;
    expect(finding?.docsUrl).toBe('https://example.com/rules/no-downsize.md');
  });

  it.each(Object.entries(plugin.rules))('the built-in %s is made by the built-in creator from its id', (id, rule) => {
    expect(rule.meta.docs.url).toBe(`https://github.com/ecs-resize/ecs-resize/blob/main/packages/rules/docs/rules/${id}.md`);
  });
});
