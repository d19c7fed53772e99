import * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createRuleEngine,
  defineRule,
  listConfirmations,
  type Report,
  type ResizeFacts,
  type Rule,
  type RuleReport,
  type RuleConfirmation,
} from '../src/index.js';

const docs = { description: 'x', url: 'https://example.com/x', recommended: false };

describe('defineRule', () => {
  it('types messageId against meta.messages', () => {
    const rule = defineRule({
      meta: { type: 'problem', docs, messages: { tooBig: 'Too big. Shrink it.', unverified: 'Could not tell. Look.' } },
      check: () => [{ messageId: 'tooBig' }, { messageId: 'unverified', unverified: true }],
    });
    expectTypeOf(rule).toEqualTypeOf<Rule<undefined, 'tooBig' | 'unverified'>>();
    defineRule({
      meta: { type: 'problem', docs, messages: { tooBig: 'Too big. Shrink it.' } },
      // @ts-expect-error a misspelt messageId does not compile
      check: () => [{ messageId: 'toBig' }],
    });
  });

  it('types options from the schema, and data as strings or numbers', () => {
    expectTypeOf<NonNullable<RuleReport['data']>>().toEqualTypeOf<Readonly<Record<string, string | number>>>();
    defineRule({
      meta: {
        type: 'problem',
        docs,
        messages: { small: '{{n}} is small. Grow it.' },
        schema: v.strictObject({ limit: v.number() }),
        defaultOptions: { limit: 1 },
      },
      check(facts, { options }) {
        expectTypeOf(facts).toEqualTypeOf<ResizeFacts>();
        expectTypeOf(options).toEqualTypeOf<{ limit: number }>();
        return [{ messageId: 'small', data: { n: options.limit } }];
      },
    });
  });

  it('a typed rule fits wherever a rule is taken', () => {
    const rule = defineRule({ meta: { type: 'problem', docs, messages: { a: 'A. B.' } }, check: () => [] });
    expectTypeOf(rule).toExtend<Rule<unknown>>();
    createRuleEngine({ rules: { 'acme/a': rule } });
  });

  it('meta.refusal and meta.confirmation are checked', () => {
    defineRule({
      // @ts-expect-error refusal is 'at-once' or 'late'
      meta: { type: 'problem', docs, messages: { a: 'A. B.' }, refusal: 'soon' },
      check: () => [],
    });
    defineRule({
      // @ts-expect-error a confirmation needs a key, a name and a label
      meta: { type: 'problem', docs, messages: { a: 'A. B.' }, confirmation: { key: 'x' } },
      check: () => [],
    });
  });
});

describe('createRuleEngine', () => {
  it('check takes facts and resolves to a report', () => {
    const engine = createRuleEngine();
    expectTypeOf(engine.check).parameter(0).toEqualTypeOf<ResizeFacts>();
    expectTypeOf(engine.check).returns.toEqualTypeOf<Promise<Report>>();
    expectTypeOf(listConfirmations(engine)).toEqualTypeOf<RuleConfirmation[]>();
  });

  it('refuses a severity that does not exist', () => {
    // @ts-expect-error severities are 'off', 'warn' and 'error'
    createRuleEngine({ config: { rules: { 'server-stopped': 'fatal' } } });
  });
});
