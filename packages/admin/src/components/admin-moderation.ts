import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { richText } from '@rapport/shared/ui/rich-text.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { ListController } from '../client/query.ts';
import { REPORTS, RESOLVE_REPORT, type Report } from '../documents/moderation.ts';
import type { ReportResolution } from '../generated/graphql.ts';
import { currentLocale, t } from '../i18n/localize.ts';
import { adminStyles } from '../styles.ts';

/**
 * The moderation queue: what customers reported, oldest first. Hide it (the report's reason goes
 * to the audit log) or dismiss the report; either way it leaves the queue.
 */
export class AdminModeration extends LitElement {
  static override properties = {
    app: { attribute: false },
    problems: { state: true },
    resolved: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      .reports {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.6em;
      }
      blockquote {
        margin: 0.4em 0;
        padding-inline-start: 0.8em;
        border-inline-start: 3px solid var(--_border);
      }
    `,
  ];

  declare app: AdminApp;
  problems: Record<string, Problem> = {};
  resolved = '';

  readonly #reports = new ListController(
    this,
    REPORTS,
    () => ({ community: this.app.community }),
    (data) => data.community?.reports,
  );

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  async #resolve(report: Report, resolution: ReportResolution): Promise<void> {
    const outcome = await mutate(this.app, RESOLVE_REPORT, { id: report.id, resolution });
    if (outcome.problem) {
      this.problems = { ...this.problems, [report.id]: outcome.problem };
      return;
    }
    this.resolved =
      resolution === 'HIDDEN' ? msg('Hidden; the report is resolved.') : msg('Report dismissed; the content stays.');
    void this.#reports.refresh();
  }

  #report(report: Report) {
    const title = report.thread.title;
    const what = report.reply
      ? t(msg('A reply by {author} in “{title}”'), { author: report.reply.author?.displayName ?? '', title })
      : t(msg('The thread “{title}”'), { title });
    const when = timeAgo(report.createdAt, Date.now(), currentLocale());
    return html`<article class="panel" aria-label=${what}>
      <p><a href="/admin/threads/${encodeURIComponent(report.thread.id)}">${what}</a></p>
      <blockquote>${richText(report.reply?.body ?? report.thread.body)}</blockquote>
      <p><strong>${msg('Reason')}:</strong> ${report.reason}</p>
      <p class="muted">${t(msg('Reported by {name} {when}', { desc: 'e.g. "Reported by Ann 3 days ago"' }), { name: report.reporter.displayName, when })}</p>
      <div class="row">
        <button class="btn primary" @click=${() => this.#resolve(report, 'HIDDEN')}>${msg('Hide it')}</button>
        <button class="btn" @click=${() => this.#resolve(report, 'DISMISSED')}>${msg('Dismiss')}</button>
      </div>
      <p class="error" role="alert">${this.problems[report.id]?.message ?? ''}</p>
    </article>`;
  }

  override render() {
    return html`<h1>${msg('Reported content')}</h1>
      <p class="ok" role="status">${this.resolved}</p>
      ${this.#reports.renderList(
        (reports) =>
          html`<ol class="reports" aria-label=${msg('Reported content')}>${reports.map((r) => html`<li>${this.#report(r)}</li>`)}</ol>`,
        html`<p class="panel">${msg('No open reports.')}</p>`,
      )}`;
  }
}
