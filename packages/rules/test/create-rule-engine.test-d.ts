import { describe, expectTypeOf, it } from 'vitest';
import { createRuleEngine, type EngineCheckOptions, type Finding, type Report, type ResizeFacts } from '../src/index.js';

describe('createRuleEngine: check', () => {
  it('takes the facts and, optionally, whether the caller vouches for them', () => {
    const engine = createRuleEngine();
    expectTypeOf(engine.check).parameter(1).toEqualTypeOf<EngineCheckOptions | undefined>();
    expectTypeOf<EngineCheckOptions>().toEqualTypeOf<{ trusted?: boolean | undefined }>();
    expectTypeOf(engine.check).toBeCallableWith({} as ResizeFacts, { trusted: true });
    // @ts-expect-error trusted is a boolean, not a word
    void engine.check({} as ResizeFacts, { trusted: 'yes' });
    // @ts-expect-error a misspelt option does not compile
    void engine.check({} as ResizeFacts, { trust: true });
    expectTypeOf(engine.check).returns.toEqualTypeOf<Promise<Report>>();
  });

  it('a finding message is read, not assigned: the engine formats it when read', () => {
    expectTypeOf<Finding>().toHaveProperty('message').toEqualTypeOf<string>();
    const finding = {} as Finding;
    // @ts-expect-error message is read-only
    finding.message = 'changed';
  });
});
