import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostPageOptions {
  /** Where Rapport runs (widget.js and /graphql). */
  rapportUrl: () => string;
  community: () => string;
  /** Signs an SSO token for the page's visitor, as a brand's server would; none for anonymous. */
  ssoToken?: (path: string) => Promise<string | undefined>;
}

export interface HostPage {
  url: string;
  close(): Promise<void>;
}

/** CSS a careless or hostile host page might have; none of it may reach inside the widget. */
export const HOSTILE_CSS = `
* { all: unset; }
html, body { display: block; }
div, li, section, p, button { display: none !important; }
button { color: red !important; font-size: 40px !important; }
rapport-community { display: block; font-family: "Comic Sans MS", cursive; color: lime; }
`;

/** A brand theming the widget the documented way: custom properties and parts. */
export const THEME_CSS = `
rapport-community { --rapport-accent: rgb(10, 110, 70); --rapport-radius: 0px; }
rapport-community::part(container) { outline: 3px solid rgb(10, 110, 70); }
`;

/**
 * A brand's page on another origin: a strict Content-Security-Policy that allows scripts and
 * connections only to Rapport's origin (no inline script, no eval), hostile CSS, and exactly the
 * two-line embed from the README.
 */
export async function startHostPage(options: HostPageOptions): Promise<HostPage> {
  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    if (path === '/hostile.css' || path === '/theme.css') {
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(path === '/theme.css' ? THEME_CSS : HOSTILE_CSS);
      return;
    }
    const rapport = options.rapportUrl();
    const token = await options.ssoToken?.(path);
    const csp = [
      "default-src 'none'",
      `script-src ${rapport}`,
      `connect-src ${rapport}`,
      "style-src 'self'",
      `img-src ${rapport} data:`,
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');
    // /no-csp: the same page without a CSP, so that a test can see whether injected code would
    // run at all rather than being stopped by the policy. /themed: the brand's theme stylesheet.
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
    if (!path.startsWith('/no-csp')) headers['content-security-policy'] = csp;
    res.writeHead(200, headers);
    res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Brand shop</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/hostile.css">${path.startsWith('/themed') ? '\n<link rel="stylesheet" href="/theme.css">' : ''}
</head><body>
<h1>Brand shop</h1>
<script type="module" src="${rapport}/widget.js"></script>
<rapport-community community="${options.community()}" endpoint="${rapport}/graphql"${token ? ` sso-token="${token}"` : ''}></rapport-community>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
