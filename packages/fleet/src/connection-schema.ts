import type { EcsConnection } from '@ecs-resize/core';
import * as v from 'valibot';

/**
 * A connection from `createEcsConnection`, or a client from `createEcsClient` (a client is a
 * connection too), recognised by its transport.
 */
export const ConnectionSchema = v.custom<EcsConnection>(
  (value) => typeof (value as EcsConnection | undefined)?.transport?.send === 'function',
  'must be a connection from createEcsConnection (or a client from createEcsClient)',
);
