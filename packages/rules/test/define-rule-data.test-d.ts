import * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import { createBuiltInRule } from '../src/rules/create-built-in-rule.js';
import type { PlaceholdersOf } from '../src/typed-reports.js';
import { defineRule, ruleCreator, type Rule } from '../src/index.js';

const docs = { description: 'x', url: 'https://example.com/x', recommended: false };
const namedDocs = { description: 'x', recommended: false };
/** Messages declared apart from the rule: `as const` keeps their text, which the types read. */
const messages = {
  tooBig: 'Server {{serverId}} has {{ vcpus }} vCPUs. Pick a smaller flavor than {{to}}.',
  unverified: 'Could not tell. Look.',
} as const;

describe('PlaceholdersOf', () => {
  it('names each {{placeholder}} of a template once, spaces trimmed', () => {
    expectTypeOf<PlaceholdersOf<'Server {{serverId}} is {{ status }}; {{serverId}} again.'>>().toEqualTypeOf<
      'serverId' | 'status'
    >();
    expectTypeOf<PlaceholdersOf<'No placeholder.'>>().toEqualTypeOf<never>();
  });
});

describe('defineRule types data against the placeholders of its message', () => {
  it('exactly the placeholders of the message; none for a message without any', () => {
    const rule = defineRule({
      meta: { type: 'problem', docs, messages },
      check: ({ server, target }) =>
        server.flavor.vcpus === undefined
          ? [{ messageId: 'unverified', unverified: true }]
          : [{ messageId: 'tooBig', data: { serverId: server.id, vcpus: server.flavor.vcpus, to: target.id } }],
    });
    expectTypeOf(rule).toEqualTypeOf<Rule<undefined, 'tooBig' | 'unverified'>>();
  });

  it('data built beforehand, several returns, and an async check', () => {
    defineRule({
      meta: { type: 'problem', docs, messages },
      async check({ server, target }) {
        const data = { serverId: server.id, to: target.id };
        if (server.flavor.vcpus === undefined) return [];
        return [{ messageId: 'tooBig', data: { ...data, vcpus: server.flavor.vcpus } }];
      },
    });
  });

  it('a placeholder missing from the data does not compile', () => {
    defineRule({
      meta: { type: 'problem', docs, messages },
      check: ({ server }) => [
        // @ts-expect-error `to` and `vcpus` are missing
        { messageId: 'tooBig', data: { serverId: server.id } },
      ],
    });
    defineRule({
      meta: { type: 'problem', docs, messages },
      // @ts-expect-error a message with placeholders needs its data
      check: () => [{ messageId: 'tooBig' }],
    });
  });

  it('a key no placeholder names does not compile: in the literal, built beforehand, or async', () => {
    // @ts-expect-error `size` is no placeholder of tooBig
    defineRule({
      meta: { type: 'problem', docs, messages },
      check: () => [{ messageId: 'tooBig', data: { serverId: 's', vcpus: 2, to: 't', size: 1 } }],
    });
    // @ts-expect-error `from` is no placeholder of tooBig
    defineRule({
      meta: { type: 'problem', docs, messages },
      check({ server, target }) {
        const data = { serverId: server.id, vcpus: 2, to: target.id, from: server.flavor.id };
        return [{ messageId: 'tooBig', data }];
      },
    });
    // @ts-expect-error `size` is no placeholder of tooBig
    defineRule({
      meta: { type: 'problem', docs, messages },
      check: async () => [{ messageId: 'tooBig', data: { serverId: 's', vcpus: 2, to: 't', size: 1 } }],
    });
    defineRule({
      meta: { type: 'problem', docs, messages },
      // @ts-expect-error unverified has no placeholder: no data
      check: () => [{ messageId: 'unverified', data: { serverId: 's' } }],
    });
  });

  it('a misspelt messageId, or a value that is not a string or number, does not compile', () => {
    defineRule({
      meta: { type: 'problem', docs, messages },
      // @ts-expect-error toBig is no message id
      check: () => [{ messageId: 'toBig', data: { serverId: 's', vcpus: 2, to: 't' } }],
    });
    defineRule({
      meta: { type: 'problem', docs, messages },
      // @ts-expect-error data values are strings or numbers
      check: () => [{ messageId: 'tooBig', data: { serverId: 's', vcpus: true, to: 't' } }],
    });
  });

  it('options still flow from the schema beside typed data', () => {
    defineRule({
      meta: {
        type: 'problem',
        docs,
        messages: { small: '{{n}} is small. Grow it.' },
        schema: v.strictObject({ limit: v.number() }),
        defaultOptions: { limit: 1 },
      },
      check(_facts, { options }) {
        expectTypeOf(options).toEqualTypeOf<{ limit: number }>();
        return [{ messageId: 'small', data: { n: options.limit } }];
      },
    });
  });

  it('type arguments given by hand widen message ids and data, as documented', () => {
    const rule = defineRule<undefined>({
      meta: { type: 'problem', docs, messages },
      check: () => [{ messageId: 'anything', data: { any: 'key' } }],
    });
    expectTypeOf(rule).toEqualTypeOf<Rule<undefined, string>>();
  });
});

describe('ruleCreator and the built-ins type data the same way', () => {
  const createRule = ruleCreator((name) => `https://example.com/rules/${name}.md`);

  it('ruleCreator: exact data compiles; a missing or extra placeholder does not', () => {
    createRule({
      name: 'too-big',
      meta: { type: 'problem', docs: namedDocs, messages },
      check: () => [{ messageId: 'tooBig', data: { serverId: 's', vcpus: 2, to: 't' } }],
    });
    createRule({
      name: 'too-big',
      meta: { type: 'problem', docs: namedDocs, messages },
      // @ts-expect-error `vcpus` is missing
      check: () => [{ messageId: 'tooBig', data: { serverId: 's', to: 't' } }],
    });
    // @ts-expect-error `size` is no placeholder of tooBig
    createRule({
      name: 'too-big',
      meta: { type: 'problem', docs: namedDocs, messages },
      check: () => [{ messageId: 'tooBig', data: { serverId: 's', vcpus: 2, to: 't', size: 1 } }],
    });
  });

  it('createBuiltInRule: a missing or extra placeholder does not compile', () => {
    createBuiltInRule({
      name: 'too-big',
      meta: { type: 'problem', docs: namedDocs, messages },
      // @ts-expect-error `serverId` is missing
      check: () => [{ messageId: 'tooBig', data: { vcpus: 2, to: 't' } }],
    });
    // @ts-expect-error `from` is no placeholder of tooBig
    createBuiltInRule({
      name: 'too-big',
      meta: { type: 'problem', docs: namedDocs, messages },
      check: () => [{ messageId: 'tooBig', data: { serverId: 's', vcpus: 2, to: 't', from: 'f' } }],
    });
  });
});
