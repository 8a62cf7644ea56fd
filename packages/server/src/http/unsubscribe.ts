import type { IncomingMessage, ServerResponse } from 'node:http';
import { directionOf, type Locale } from '@rapport/shared/i18n/locales.ts';
import { bindEm } from '../core/scope.ts';
import type { Orm } from '../db/em.ts';
import { acceptedLanguages } from '../i18n/accepted-languages.ts';
import { localeOr, say } from '../i18n/say.ts';
import { consentText, unsubscribeReader, unsubscribeWithLink } from '../services/consent.ts';
import { readUnsubscribeToken } from '../services/signed-links.ts';
import { PAGE_SECURITY_HEADERS } from './security-headers.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, title: string, body: string, locale: Locale): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    ...PAGE_SECURITY_HEADERS,
  });
  res.end(`<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
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
    // No member to ask: the language the browser asks for.
    const locale = localeOr(...acceptedLanguages(req.headers['accept-language']));
    return page(
      res,
      400,
      say(locale, 'unsubscribe.broken.title'),
      `<p>${esc(say(locale, 'unsubscribe.broken.text'))}</p>`,
      locale,
    );
  }
  const em = bindEm(orm.em, link.communityId);
  const reader = await unsubscribeReader(em, link);
  const { locale } = reader;
  const brand = reader.brand ?? say(locale, 'unsubscribe.thisCommunity');
  const what = esc(consentText(link.purpose, locale));
  if (req.method === 'POST') {
    await unsubscribeWithLink(em, link, locale);
    return page(
      res,
      200,
      say(locale, 'unsubscribe.done.title'),
      `<p>${esc(say(locale, 'unsubscribe.done.text', { brand }))} <q>${what}</q></p><p>${esc(say(locale, 'unsubscribe.done.again'))}</p>`,
      locale,
    );
  }
  page(
    res,
    200,
    say(locale, 'unsubscribe.ask.title'),
    `<p>${esc(say(locale, 'unsubscribe.ask.from', { brand }))} <q>${what}</q></p><form method="post"><button type="submit">${esc(say(locale, 'unsubscribe.button'))}</button></form>`,
    locale,
  );
}
