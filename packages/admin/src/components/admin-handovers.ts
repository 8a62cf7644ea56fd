import { theme } from '@rapport/shared/ui/theme.ts';
import { durationSince, timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { QueryController } from '../client/query.ts';
import { HANDOVERS } from '../graphql-relationships.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

interface BriefEntry {
  displayName: string;
  email: string | null;
  summary: string;
  topics: string[];
  sentiment: number | null;
  member: { id: string } | null;
  openQuestions: { title: string; waitingSince: string; thread: { id: string } | null }[];
}

interface Handover {
  id: string;
  reason: string;
  createdAt: string;
  from: { name: string };
  to: { name: string };
  by: { name: string } | null;
  followedThreadCount: number;
  threads: { id: string; title: string }[];
  members: { id: string }[];
  brief: BriefEntry[];
}

/**
 * Every handover, newest first: who passed their work to whom, exactly what moved, and the brief
 * the successor starts from (per customer: who they are, what they talk about, how they feel, what
 * they still wait for). `openId` opens one (the link after a deactivation).
 */
export class AdminHandovers extends LitElement {
  static override properties = {
    app: { attribute: false },
    openId: { attribute: false },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      details {
        margin-block: 0.75em;
      }
      summary {
        cursor: pointer;
      }
      .entry {
        border-top: 1px solid var(--_border);
        padding-block: 0.5em;
      }
      ul {
        padding-inline-start: 1.2em;
        margin: 0.3em 0;
      }
    `,
  ];

  declare app: AdminApp;
  openId: string | undefined;

  readonly #handovers = new QueryController<{ community: { handovers: Handover[] } | null }, { community: string }>(
    this,
    HANDOVERS,
    () => ({ community: this.app.community }),
  );

  #entry(e: BriefEntry) {
    const s = strings;
    const name = e.member
      ? html`<a href="/admin/members/${encodeURIComponent(e.member.id)}">${e.displayName}</a>`
      : e.displayName;
    return html`<section class="entry" aria-label=${e.displayName}>
      <h4>${name} ${e.email ? html`<span class="muted">${e.email}</span>` : nothing}</h4>
      <p>${e.summary}</p>
      ${e.topics.length ? html`<p><span class="muted">${s.topics}:</span> ${e.topics.join(', ')}</p>` : nothing}
      ${e.sentiment === null ? nothing : html`<p><span class="muted">${s.sentiment}:</span> ${s.feeling(e.sentiment)} (${e.sentiment.toFixed(2)})</p>`}
      <p class="muted">${s.openQuestions}:</p>
      ${
        e.openQuestions.length
          ? html`<ul>${e.openQuestions.map(
              (q) =>
                html`<li>${q.thread ? html`<a href="/admin/threads/${encodeURIComponent(q.thread.id)}">${q.title}</a>` : q.title}
                  <span class="muted">${s.waiting(durationSince(q.waitingSince))}</span></li>`,
            )}</ul>`
          : html`<p>${s.noOpenQuestions}</p>`
      }
    </section>`;
  }

  #handover(h: Handover) {
    const s = strings;
    return html`<details class="panel" ?open=${h.id === this.openId} id="handover-${h.id}">
      <summary><strong>${s.handoverHeading(h.from.name, h.to.name)}</strong>
        <span class="muted">${s.handoverReason[h.reason] ?? h.reason}, ${s.handoverBy(h.by?.name ?? null, timeAgo(h.createdAt))} ·
        ${s.handoverMoved(h.threads.length, h.followedThreadCount, h.brief.length, h.members.length, h.to.name)}</span></summary>
      ${
        h.threads.length
          ? html`<h3>${s.movedThreads}</h3><ul>${h.threads.map(
              (t) => html`<li><a href="/admin/threads/${encodeURIComponent(t.id)}">${t.title}</a></li>`,
            )}</ul>`
          : nothing
      }
      <h3>${s.briefTitle}</h3>
      ${h.brief.length ? h.brief.map((e) => this.#entry(e)) : html`<p class="muted">${s.briefEmpty}</p>`}
    </details>`;
  }

  override render() {
    return html`<h1>${strings.handoversTitle}</h1>
      <p class="muted">${strings.handoversIntro}</p>
      ${this.#handovers.render((data) => {
        const list = data.community?.handovers ?? [];
        return list.length ? list.map((h) => this.#handover(h)) : html`<p class="panel">${strings.handoversEmpty}</p>`;
      })}`;
  }
}
