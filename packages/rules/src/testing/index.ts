export { RuleTester, type ExpectedError, type InvalidCase, type TestFramework, type ValidCase } from './rule-tester.js';
export { buildFacts, type FactsOverrides } from './build-facts.js';
export { LIBRARY_IDENTIFIER } from './library-identifier.js';
