import { toJsonSchema } from '@valibot/to-json-schema';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiskFactsSchema, FlavorFactsSchema, ResizeFactsSchema } from '../src/facts/facts-schema.js';

/** The shipped file, `@ecs-resize/rules/facts.schema.json`. */
const SHIPPED = '../src/facts/facts.schema.json';

/**
 * The facts JSON Schema, generated from the valibot schema: what tools in any language produce.
 * The confirmations' transform only narrows a type, so it is left out.
 */
function generateFactsJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = toJsonSchema(ResizeFactsSchema, {
    target: 'draft-2020-12',
    typeMode: 'input',
    ignoreActions: ['transform'],
    definitions: { FlavorFacts: FlavorFactsSchema, DiskFacts: DiskFactsSchema },
  });
  return {
    $schema,
    title: 'ResizeFacts',
    description:
      'The facts of one ECS resize that the @ecs-resize/rules engine checks: the server, the target flavor, the request and what the operator attests. Generated from ResizeFactsSchema; see ResizeFacts in @ecs-resize/rules.',
    ...schema,
  };
}

/** The shipped schema, parsed. */
const shipped = (): Record<string, any> =>
  JSON.parse(readFileSync(new URL(SHIPPED, import.meta.url), 'utf8')) as Record<string, any>;

describe('facts.schema.json', () => {
  it('is the JSON Schema generated from ResizeFactsSchema (regenerate with vitest -u)', async () => {
    await expect(`${JSON.stringify(generateFactsJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(SHIPPED);
  });

  it('is exported by the package as ./facts.schema.json', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, string>;
    };
    expect(manifest.exports['./facts.schema.json']).toBe('./src/facts/facts.schema.json');
  });

  it.each([
    ['the facts', [], ['server', 'target']],
    ['the server', ['properties', 'server'], ['id', 'status', 'flavor', 'disks']],
    ['a flavor', ['$defs', 'FlavorFacts'], ['id']],
    ['a disk', ['$defs', 'DiskFacts'], ['id', 'type']],
  ])('requires the keys valibot requires of %s', (_, path, required) => {
    const node = path.reduce((value: Record<string, any>, key) => value[key] as Record<string, any>, shipped());
    expect(node['required']).toEqual(required);
  });

  it.each([
    [
      'server.chargingMode',
      (schema: Record<string, any>) => schema.properties.server.properties.chargingMode,
      ['postPaid', 'prePaid', 'spot'],
    ],
    [
      'flavor.virtualization',
      (schema: Record<string, any>) => schema.$defs.FlavorFacts.properties.virtualization,
      ['xen', 'kvm'],
    ],
    ['flavor.architecture', (schema: Record<string, any>) => schema.$defs.FlavorFacts.properties.architecture, ['x86', 'arm']],
    ['disk.type', (schema: Record<string, any>) => schema.$defs.DiskFacts.properties.type, ['VBD', 'SCSI']],
  ])('lists the values of %s', (_, pick, values) => {
    expect(pick(shipped()).enum).toEqual(values);
  });

  it('refers to one definition for the server flavor and the target, keeps loose objects open and confirmations boolean', () => {
    const schema = shipped();
    expect(schema['properties'].server.properties.flavor).toEqual({ $ref: '#/$defs/FlavorFacts' });
    expect(schema['properties'].target).toEqual({ $ref: '#/$defs/FlavorFacts' });
    expect(schema['additionalProperties']).toBeUndefined();
    expect(schema['properties'].confirmations.additionalProperties).toEqual({ type: 'boolean' });
    expect(schema['properties'].mode).toEqual({ const: 'withStopServer' });
  });
});
