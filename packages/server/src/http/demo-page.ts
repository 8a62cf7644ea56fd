/** The demo page's own styles (a stylesheet, not inline: the page's CSP allows no inline style). */
export const DEMO_CSS = `  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1c1e21; }
  header { background: #1f3a5f; color: #fff; padding: 1.5rem 1rem; }
  main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
  code { background: #eceff3; padding: 0.1rem 0.3rem; border-radius: 4px; overflow-wrap: anywhere; }
`;

/** The page served at `/`: what a brand's page looks like with the two-line embed. */
export function demoPage(publicUrl: string, community: string): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport demo</title>
<link rel="stylesheet" href="/demo.css">
</head>
<body>
<header><main><h1>Acme Outdoor — community</h1><p>This page embeds Rapport with two lines:</p>
<code>&lt;script type="module" src="${esc(publicUrl)}/widget.js"&gt;&lt;/script&gt;</code><br>
<code>&lt;rapport-community community="${esc(community)}" endpoint="${esc(publicUrl)}/graphql"&gt;&lt;/rapport-community&gt;</code>
</main></header>
<main>
<script type="module" src="/widget.js"></script>
<rapport-community community="${esc(community)}" endpoint="${esc(publicUrl)}/graphql"></rapport-community>
<p><a href="/admin">Admin console</a></p>
</main>
</body>
</html>
`;
}
