/**
 * Headers on every answer of the proxy: never cached (it carries account data), never
 * content-sniffed, and never run as a page on the app's origin (an upstream HTML error page is
 * passed through as it is).
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
};

/**
 * An answer of the proxy: `headers` plus the security headers every answer carries.
 * @internal
 */
export function proxyResponse(status: number, body: BodyInit | null, headers: Readonly<Record<string, string>>): Response {
  return new Response(body, { status, headers: { ...headers, ...SECURITY_HEADERS } });
}
