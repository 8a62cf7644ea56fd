import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Orm } from '../db/orm.ts';
import { Community } from '../entities/index.ts';
import { CONSENT_TEXTS, consentsOf, recordConsent } from '../services/consent.ts';
import { bindEm } from '../services/scope.ts';
import { readUnsubscribeToken } from '../services/signed-links.ts';
import { PAGE_SECURITY_HEADERS } from './security-headers.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    ...PAGE_SECURITY_HEADERS,
  });
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><link rel="stylesheet" href="/demo.css"></head>
<body><main><h1>${esc(title)}</h1>${body}</main></body></html>`);
}

/**
 * The unsubscribe link of every email, without signing in. GET shows what it will do and a button
 * (mail scanners that open links must not unsubscribe anyone); POST, from that button or from a
 * mail client's one-click unsubscribe (RFC 8058), withdraws the consent at once, in the ledger.
 */
export async function unsubscribe(orm: Orm, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
  const link = token ? await readUnsubscribeToken(orm.em.fork(), token) : null;
  if (!link) {
    return page(
      res,
      400,
      'This link does not work',
      '<p>The unsubscribe link is incomplete or was changed. Use the link from the email as it is.</p>',
    );
  }
  const em = bindEm(orm.em, link.communityId);
  const community = await em.findOne(Community, { id: link.communityId });
  const brand = esc(community?.name ?? 'this community');
  const what = esc(CONSENT_TEXTS[link.purpose]);
  if (req.method === 'POST') {
    await em.transactional(async (tx) => {
      const current = (await consentsOf(tx, link.memberId)).find((c) => c.purpose === link.purpose);
      if (current?.granted === false) return; // withdrawn already: nothing new to record
      recordConsent(tx, {
        communityId: link.communityId,
        memberId: link.memberId,
        purpose: link.purpose,
        granted: false,
        source: 'UNSUBSCRIBE_LINK',
        textShown: `Unsubscribe page: stop "${CONSENT_TEXTS[link.purpose]}"`,
      });
    });
    return page(
      res,
      200,
      'You are unsubscribed',
      `<p>${brand} will not send you these emails any more: <q>${what}</q></p><p>You can turn them on again in the community, under your notification settings.</p>`,
    );
  }
  page(
    res,
    200,
    'Stop these emails?',
    `<p>From ${brand}: <q>${what}</q></p><form method="post"><button type="submit">Unsubscribe</button></form>`,
  );
}
