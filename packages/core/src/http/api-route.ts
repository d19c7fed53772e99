/** One API call: how the client sends it, and so all that the proxy forwards of it. */
export interface ApiRoute {
  /** Its HTTP method. */
  readonly method: 'GET' | 'POST';
  /** Its path: literal segments and `{name}` parameters (see `PATH_PARAMS` in `routes.ts`). */
  readonly path: string;
  /** The query keys the client may send with it, each at most once; no other key is sent. */
  readonly query: readonly string[];
  /** The endpoint that serves it. */
  readonly service: 'ecs' | 'evs';
}
