import { escapeHtml } from './escape.js';

/**
 * A complete HTML page around `body` (already escaped): no scripts, no
 * external resources, a strict CSP, and never framed (clickjacking). Forms
 * may post only to this origin, and redirect onward only to `formTargets`
 * (browsers apply `form-action` to the redirects after a submission).
 */
export const htmlPage = (title: string, body: string, status = 200, formTargets: readonly string[] = []): Response =>
  new Response(
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.4rem}code{overflow-wrap:anywhere}ul{padding-left:1.2rem}
.actions{display:flex;gap:1rem;margin-top:1.5rem}
button{font:inherit;padding:.6rem 1.2rem;border-radius:.4rem;border:2px solid #1a1a1a;background:#fff;color:#1a1a1a;cursor:pointer}
button.primary{background:#1a1a1a;color:#fff}button:focus-visible{outline:3px solid #0a58ca;outline-offset:2px}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`,
    {
      status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${["'self'", ...formTargets].join(' ')}; frame-ancestors 'none'`,
        'x-frame-options': 'DENY',
        // same-origin, not no-referrer: with no-referrer browsers post `Origin: null`, which the consent check refuses.
        'referrer-policy': 'same-origin',
      },
    },
  );

/** A page telling the user why sign-in stopped (used when redirecting back to the client would be unsafe). */
export const errorPage = (status: number, message: string): Response =>
  htmlPage('Sign-in failed', `<h1>Sign-in failed</h1>\n<p role="alert">${escapeHtml(message)}</p>`, status);
