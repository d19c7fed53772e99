import { DEFAULT_PROJECT_ID } from '@ecs-resize/emulator';
import { describe, expect, it } from 'vitest';
import { EcsInputError } from '../src/index.js';
import { createProxyHandler, type ProxyOptions } from '../src/proxy/index.js';

const SECRET = 'the-very-secret-value';
const valid: ProxyOptions = {
  endpoint: 'https://ecs.eu-de.otc.t-systems.com',
  projectId: DEFAULT_PROJECT_ID,
  auth: { accessKey: 'AK', secretKey: SECRET },
};

/** The error `createProxyHandler` throws for these options. */
function errorOf(options: unknown): EcsInputError {
  try {
    createProxyHandler(options as ProxyOptions);
  } catch (error) {
    if (error instanceof EcsInputError) return error;
    throw error;
  }
  throw new Error('expected createProxyHandler to throw');
}

describe('createProxyHandler options', () => {
  it('accepts the required options alone, and every option', () => {
    expect(createProxyHandler(valid)).toBeTypeOf('function');
    const all: Required<ProxyOptions> = {
      ...valid,
      evsEndpoint: 'https://evs.eu-de.otc.t-systems.com/',
      auth: { token: SECRET },
      basePath: '/api/ecs-proxy',
      fetch,
      timeout: 5000,
      maxBodyBytes: 1024,
      maxResponseBytes: 4096,
    };
    expect(createProxyHandler(all)).toBeTypeOf('function');
  });

  const bad: { name: string; options: unknown; path: string }[] = [
    { name: 'no options', options: undefined, path: 'input' },
    { name: 'a relative endpoint', options: { ...valid, endpoint: '/ecs' }, path: 'endpoint' },
    { name: 'an ftp endpoint', options: { ...valid, endpoint: 'ftp://ecs.example.com' }, path: 'endpoint' },
    { name: 'an endpoint with a query', options: { ...valid, endpoint: 'https://ecs.example.com/?x=1' }, path: 'endpoint' },
    {
      name: 'an endpoint with a password',
      options: { ...valid, endpoint: `https://user:${SECRET}@ecs.example.com` },
      path: 'endpoint',
    },
    { name: 'a bad evsEndpoint', options: { ...valid, evsEndpoint: 'evs.example.com' }, path: 'evsEndpoint' },
    { name: 'a project id that changes the path', options: { ...valid, projectId: '../other' }, path: 'projectId' },
    { name: 'no auth', options: { endpoint: valid.endpoint, projectId: valid.projectId }, path: 'auth' },
    { name: 'a bare token as auth', options: { ...valid, auth: SECRET }, path: 'auth' },
    { name: 'an empty token', options: { ...valid, auth: { token: '' } }, path: 'auth.token' },
    {
      name: 'AK/SK with an unknown key',
      options: { ...valid, auth: { accessKey: 'AK', secretKey: SECRET, region: 'eu-de' } },
      path: 'auth',
    },
    { name: 'a basePath without a leading slash', options: { ...valid, basePath: 'ecs-proxy' }, path: 'basePath' },
    { name: 'a basePath with a trailing slash', options: { ...valid, basePath: '/ecs-proxy/' }, path: 'basePath' },
    { name: 'a basePath with a dot segment', options: { ...valid, basePath: '/a/../b' }, path: 'basePath' },
    { name: 'a basePath with an empty segment', options: { ...valid, basePath: '/a//b' }, path: 'basePath' },
    { name: 'a timeout of 0', options: { ...valid, timeout: 0 }, path: 'timeout' },
    { name: 'a fractional timeout', options: { ...valid, timeout: 1.5 }, path: 'timeout' },
    { name: 'maxBodyBytes of 0', options: { ...valid, maxBodyBytes: 0 }, path: 'maxBodyBytes' },
    { name: 'maxBodyBytes over 12 MiB', options: { ...valid, maxBodyBytes: 12 * 1024 * 1024 + 1 }, path: 'maxBodyBytes' },
    { name: 'a fetch that is not a function', options: { ...valid, fetch: 'fetch' }, path: 'fetch' },
    { name: 'an unknown option', options: { ...valid, retry: 2 }, path: 'retry' },
  ];

  it.each(bad)('refuses $name, naming $path and never a secret', ({ options, path }) => {
    const error = errorOf(options);
    expect(error.name).toBe('EcsInputError');
    expect(error.issues.map((issue) => issue.path)).toContain(path);
    expect(error.message).toContain('createProxyHandler');
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error.issues)).not.toContain(SECRET);
  });

  it('sends EVS calls to the evs. host beside an ecs. endpoint by default', async () => {
    const sent: string[] = [];
    const capture = async (request: Request) => {
      sent.push(new URL(request.url).host);
      return Response.json({ volumes: [] });
    };
    const handler = createProxyHandler({ ...valid, fetch: capture as typeof fetch });
    await handler(
      new Request(`https://console.example/v2/${DEFAULT_PROJECT_ID}/cloudvolumes/detail?ids=${encodeURIComponent("['a']")}`),
    );
    await handler(new Request(`https://console.example/v1/${DEFAULT_PROJECT_ID}/cloudservers/flavors`));
    expect(sent).toEqual(['evs.eu-de.otc.t-systems.com', 'ecs.eu-de.otc.t-systems.com']);
  });
});
