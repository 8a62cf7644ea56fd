import { directionOf } from '@rapport/shared/i18n/locales.ts';
import { say } from '../../../i18n/say.ts';
import { escapeHtml } from './html.ts';
import { type EmailContext, type Section, sectionOf } from './sections.ts';

/** One message of the outbox, as a section of an email (a daily digest has several). */
export interface EmailItem {
  template: string | null;
  data: Record<string, unknown> | null;
  /** The text of messages written before templates. */
  body: string;
}

export interface EmailFooter {
  /** Why they get it, e.g. "You get this because you follow this thread." */
  reason: string;
  unsubscribeUrl: string;
  /** Replying to the email posts the answer in the thread. */
  replyable: boolean;
}

export interface ComposedEmail {
  html: string;
  text: string;
}

/**
 * An email in the brand's colours, in HTML (MJML: tables and inline styles that hold up in mail
 * clients) and plain text with the same words. Everything a person wrote is escaped (html.ts).
 */
export async function composeEmail(items: EmailItem[], ctx: EmailContext, footer: EmailFooter): Promise<ComposedEmail> {
  const sections: Section[] = items.map((item) => sectionOf(item.template, item.data, item.body, ctx));
  const divider = '<mj-divider border-width="1px" border-color="#d5d9e0" padding="8px 0 16px" />';
  const replyLine = footer.replyable ? `${say(ctx.locale, 'email.replyHint')} ` : '';
  const stop = say(ctx.locale, 'email.stop');
  const markup = `<mjml lang="${ctx.locale}" dir="${directionOf(ctx.locale)}">
  <mj-head>
    <mj-title>${escapeHtml(ctx.brand)}</mj-title>
    <mj-attributes><mj-all font-family="-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif" color="#1c1e21" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f6f9">
    <mj-section background-color="${ctx.colours.accent}" padding="12px 24px">
      <mj-column><mj-text color="${ctx.colours.accentText}" font-size="16px" font-weight="bold" padding="0">${escapeHtml(ctx.brand)}</mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="20px 24px 4px">
      <mj-column>${sections.map((s) => s.mjml).join(divider)}</mj-column>
    </mj-section>
    <mj-section padding="12px 24px">
      <mj-column>
        <mj-text font-size="12px" color="#5b6270" padding="0">${escapeHtml(replyLine + footer.reason)} <a href="${escapeHtml(footer.unsubscribeUrl)}" style="color:#5b6270">${escapeHtml(stop)}</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
  // Imported when first needed: most requests never write an email (build.ts keeps it external).
  const { default: mjml2html } = await import('mjml');
  const { html, errors } = await mjml2html(markup, { validationLevel: 'soft' });
  if (errors.length) throw new Error(`email template: ${errors.map((e) => e.formattedMessage).join('; ')}`);
  const text = `${sections.map((s) => s.text).join('\n\n———\n\n')}\n\n—\n${replyLine}${footer.reason} ${say(ctx.locale, 'email.stopAt', { url: footer.unsubscribeUrl })}`;
  return { html, text };
}
