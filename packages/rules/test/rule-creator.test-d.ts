import { describe, expectTypeOf, it } from 'vitest';
import { createRuleEngine, ruleCreator, type Rule } from '../src/index.js';

const createRule = ruleCreator((name) => `https://example.com/rules/${name}.md`);
const docs = { description: 'x', recommended: false };

describe('ruleCreator', () => {
  it('types messageId against meta.messages, as defineRule does', () => {
    const rule = createRule({
      name: 'too-big',
      meta: { type: 'problem', docs, messages: { tooBig: 'Too big. Shrink it.', unverified: 'Could not tell. Look.' } },
      check: () => [{ messageId: 'tooBig' }, { messageId: 'unverified', unverified: true }],
    });
    expectTypeOf(rule).toEqualTypeOf<Rule<undefined, 'tooBig' | 'unverified'>>();
    createRule({
      name: 'too-big',
      meta: { type: 'problem', docs, messages: { tooBig: 'Too big. Shrink it.' } },
      // @ts-expect-error a misspelt messageId does not compile
      check: () => [{ messageId: 'toBig' }],
    });
  });

  it('takes a name and no docs URL: the creator builds it', () => {
    createRule({
      // @ts-expect-error the URL is the creator's
      meta: { type: 'problem', docs: { ...docs, url: 'https://example.com/own' }, messages: { a: 'A. B.' } },
      name: 'a',
      check: () => [],
    });
    // @ts-expect-error a rule made by a creator needs its name
    createRule({ meta: { type: 'problem', docs, messages: { a: 'A. B.' } }, check: () => [] });
  });

  it('makes rules the engine takes', () => {
    const rule = createRule({ name: 'a', meta: { type: 'problem', docs, messages: { a: 'A. B.' } }, check: () => [] });
    expectTypeOf(rule).toExtend<Rule<unknown>>();
    createRuleEngine({ rules: { 'acme/a': rule } });
  });
});
