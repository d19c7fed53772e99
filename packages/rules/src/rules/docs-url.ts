/**
 * Where the built-in rules' documentation lives: `packages/rules/docs/rules/<id>.md` of the
 * ecs-resize repository, also shipped in the package under `docs/rules/`.
 */
const DOCS_BASE_URL = 'https://github.com/ecs-resize/ecs-resize/blob/main/packages/rules/docs/rules/';

/** The documentation URL of a built-in rule. */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
