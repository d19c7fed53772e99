import { describe, expect, it } from 'vitest';
import { parseErrorText } from '../src/http/error-body.js';

/** Every error body shape of ecs-api.md §5.1, and the bodies proxies send instead. */
const cases = [
  {
    name: 'ECS {"error": {message, code}}',
    body: '{"error":{"message":"The ECS status does not meet requirements.","code":"Ecs.0100"}}',
    expected: { code: 'Ecs.0100', message: 'The ECS status does not meet requirements.' },
  },
  {
    name: 'ECS with details',
    body: '{"error":{"message":"Invalid parameter values.","code":"Ecs.0005","details":[{"message":"flavorRef","code":"Ecs.0005"}]}}',
    expected: { code: 'Ecs.0005', message: 'Invalid parameter values.', details: [{ code: 'Ecs.0005', message: 'flavorRef' }] },
  },
  {
    name: 'API gateway {error_msg, error_code, request_id}',
    body: '{"error_msg":"The throttling threshold has been reached","error_code":"APIG.0308","request_id":"abc123"}',
    expected: { code: 'APIG.0308', message: 'The throttling threshold has been reached', requestId: 'abc123' },
  },
  {
    name: 'IAM {error_msg, error_code}',
    body: '{"error_msg":"The request is invalid.","error_code":"AS.0001"}',
    expected: { code: 'AS.0001', message: 'The request is invalid.' },
  },
  {
    name: 'job query {code, message}',
    body: '{"code":"Common.0011","message":"Failed to query system tasks."}',
    expected: { code: 'Common.0011', message: 'Failed to query system tasks.' },
  },
  {
    name: 'classic Nova {"badRequest": {message, code: 400}}',
    body: '{"badRequest":{"message":"Invalid flavorRef provided.","code":400}}',
    expected: { code: '400', message: 'Invalid flavorRef provided.' },
  },
  {
    name: 'Huawei error_code with error_message spelling',
    body: '{"error_code":"Ecs.0029","error_message":"The flavor does not exist."}',
    expected: { code: 'Ecs.0029', message: 'The flavor does not exist.' },
  },
  {
    name: 'an nginx HTML page: its title',
    body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
    expected: { message: '502 Bad Gateway' },
  },
  { name: 'an empty body', body: '', expected: {} },
  { name: 'truncated JSON', body: '{"error":{"message":"cut', expected: {} },
  { name: 'JSON without an error', body: '{"servers":[]}', expected: {} },
  { name: 'a JSON array', body: '[1,2,3]', expected: {} },
];

describe('parseErrorText', () => {
  for (const { name, body, expected } of cases) {
    it(name, () => {
      const parsed = parseErrorText(body);
      expect(Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined))).toEqual(expected);
    });
  }

  it('does not recurse without bound into a deeply nested body', () => {
    const deep = '{"a":'.repeat(5000) + '{"code":"X","message":"deep"}' + '}'.repeat(5000);
    expect(parseErrorText(deep)).toEqual({});
  });
});
