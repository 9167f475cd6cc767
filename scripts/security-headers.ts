// HTTP headers every Quadcue page must be served with. One definition, used by the dev server,
// the preview server (`npm start`) and the browser tests that check them.
//
// - COOP same-origin + COEP require-corp make the page cross-origin isolated, which is what
//   unlocks SharedArrayBuffer for the sample ring between the pipeline worker and the chart
//   (https://web.dev/articles/coop-coep).
// - The CSP allows only our own origin: no inline script, no eval, no third-party request.
//   Health data must never leave the device unless the user exports it.

export type HeaderMode = 'dev' | 'production';

function contentSecurityPolicy(mode: HeaderMode): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    // Vite's dev server injects CSS through <style> elements for hot reload; the production
    // build links CSS files, so only dev needs inline styles.
    mode === 'dev' ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // Dev needs a WebSocket back to Vite for hot reload; production talks to nobody but itself.
    mode === 'dev' ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
    "manifest-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

export function securityHeaders(mode: HeaderMode): Record<string, string> {
  return {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': contentSecurityPolicy(mode),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Bluetooth for this origin only; no camera, microphone or location is ever needed.
    'Permissions-Policy': 'bluetooth=(self), camera=(), microphone=(), geolocation=(), payment=()',
  };
}
