/**
 * What to do after a request that got no answer and may have reached the server: a resize
 * (any request that changes something) must not be sent again blindly; a read can simply be
 * tried again.
 * @param method The request's method.
 */
export function uncertainRequestAdvice(method: string): string {
  return method === 'GET'
    ? 'Nothing was changed by it: try again, the problem may pass.'
    : 'The server may have received it: before sending a resize again, check the server status and its jobs.';
}
