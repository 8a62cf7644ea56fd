import { richText } from '@rapport/shared/ui/rich-text.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { ListController } from '../client/query.ts';
import { REPORTS, RESOLVE_REPORT } from '../graphql.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

interface Report {
  id: string;
  reason: string;
  createdAt: string;
  reporter: { displayName: string };
  thread: { id: string; title: string; body: string };
  reply: { id: string; body: string; author: { displayName: string } | null } | null;
}

type ReportsData = {
  community: {
    reports: { edges: { node: Report }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  } | null;
};

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

  readonly #reports = new ListController<ReportsData, Report, { community: string; after?: string | null }>(
    this,
    REPORTS,
    () => ({ community: this.app.community }),
    (data) => data.community?.reports,
  );

  async #resolve(report: Report, resolution: 'HIDDEN' | 'DISMISSED'): Promise<void> {
    const outcome = await mutate(this.app, RESOLVE_REPORT, { id: report.id, resolution });
    if (outcome.problem) {
      this.problems = { ...this.problems, [report.id]: outcome.problem };
      return;
    }
    this.resolved = resolution === 'HIDDEN' ? strings.reportHidden : strings.reportDismissed;
    void this.#reports.refresh();
  }

  #report(report: Report) {
    const s = strings;
    const what = report.reply
      ? s.reportedReply(report.reply.author?.displayName ?? '', report.thread.title)
      : s.reportedThread(report.thread.title);
    return html`<article class="panel" aria-label=${what}>
      <p><a href="/admin/threads/${encodeURIComponent(report.thread.id)}">${what}</a></p>
      <blockquote>${richText(report.reply?.body ?? report.thread.body)}</blockquote>
      <p><strong>${s.reason}:</strong> ${report.reason}</p>
      <p class="muted">${s.reportedBy(report.reporter.displayName, timeAgo(report.createdAt))}</p>
      <div class="row">
        <button class="btn primary" @click=${() => this.#resolve(report, 'HIDDEN')}>${s.hideIt}</button>
        <button class="btn" @click=${() => this.#resolve(report, 'DISMISSED')}>${s.dismiss}</button>
      </div>
      <p class="error" role="alert">${this.problems[report.id]?.message ?? ''}</p>
    </article>`;
  }

  override render() {
    return html`<h1>${strings.moderationTitle}</h1>
      <p class="ok" role="status">${this.resolved}</p>
      ${this.#reports.renderList(
        (reports) =>
          html`<ol class="reports" aria-label=${strings.moderationTitle}>${reports.map((r) => html`<li>${this.#report(r)}</li>`)}</ol>`,
        html`<p class="panel">${strings.moderationEmpty}</p>`,
      )}`;
  }
}
