import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostPageOptions {
  /** Where Rapport runs (widget.js and /graphql). */
  rapportUrl: () => string;
  community: () => string;
  /**
   * Signs an SSO token for the page's visitor, as a brand's server would; none for anonymous.
   * `customer`: who signed in to the brand's site in this browser (/login/<sub>), if anyone.
   */
  ssoToken?: (path: string, customer: string | undefined) => Promise<string | undefined>;
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
 * The brand's own single-page app around the widget (pages under /app/): its links move with the
 * History API and it keeps its own state there, as React Router or Vue Router do. The widget must
 * leave its routing, its parameters and its state alone.
 */
const HOST_ROUTER = `
const view = document.getElementById('host-view');
const show = () => {
  view.textContent = 'Host page: ' + location.pathname + ' (' + JSON.stringify(history.state) + ')';
};
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[data-host-link]');
  if (!link) return;
  event.preventDefault();
  history.pushState({ hostRoute: link.getAttribute('href') }, '', link.getAttribute('href'));
  show();
});
addEventListener('popstate', show);
history.replaceState({ hostRoute: location.pathname }, '');
show();
`;

/**
 * A brand's page on another origin: a strict Content-Security-Policy that allows scripts and
 * connections only to Rapport's origin (no inline script, no eval), hostile CSS, and exactly the
 * two-line embed from the README. Pages under /app/ are the brand's own app with its router.
 * /login/<sub>?next=<path> signs a customer in to the brand's site in this browser (a cookie).
 */
export async function startHostPage(options: HostPageOptions): Promise<HostPage> {
  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    const login = /^\/login\/(\w+)/.exec(path);
    if (login) {
      const next = new URL(path, 'http://host').searchParams.get('next') ?? '/';
      res.writeHead(302, { 'set-cookie': `customer=${login[1]}; Path=/; SameSite=Lax`, location: next });
      res.end();
      return;
    }
    if (path === '/router.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(HOST_ROUTER);
      return;
    }
    if (path === '/hostile.css' || path === '/theme.css') {
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(path === '/theme.css' ? THEME_CSS : HOSTILE_CSS);
      return;
    }
    const rapport = options.rapportUrl();
    const customer = /(?:^|;\s*)customer=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
    const token = await options.ssoToken?.(path, customer);
    const app = path.startsWith('/app/');
    const csp = [
      "default-src 'none'",
      `script-src ${rapport}${app ? " 'self'" : ''}`,
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
<h1>Brand shop</h1>${
      app
        ? `
<nav><a data-host-link href="/app/community">Community</a> <a data-host-link href="/app/about">About us</a></nav>
<p id="host-view"></p>
<script type="module" src="/router.js"></script>`
        : ''
    }
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
