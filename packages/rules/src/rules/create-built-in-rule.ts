import { ruleCreator } from '../rule-creator.js';

/**
 * Where the built-in rules' documentation lives: `packages/rules/docs/rules/<id>.md` of the
 * ecs-resize repository, also shipped in the package under `docs/rules/`.
 */
const DOCS_BASE_URL = 'https://github.com/ecs-resize/ecs-resize/blob/main/packages/rules/docs/rules/';

/** Defines a built-in rule: its `name` is its id, and its docs URL is built from it. */
export const createBuiltInRule = ruleCreator((name) => `${DOCS_BASE_URL}${name}.md`);
