import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import { MEMBER, SUSPEND } from '../graphql.ts';
import { SET_OWNER } from '../graphql-relationships.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

interface Member {
  id: string;
  displayName: string;
  avatarUrl: string | null;
  email: string | null;
  emailBouncedAt: string | null;
  kind: 'GUEST' | 'SSO' | null;
  externalId: string | null;
  isAmbassador: boolean;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  threadCount: number | null;
  replyCount: number | null;
  voteCount: number | null;
  isSuspended: boolean | null;
  suspendedReason: string | null;
  standing: {
    rank: number;
    score: number;
    love: number;
    reach: number;
    sentiment: number;
    isSuggested: boolean;
    isCritic: boolean;
  } | null;
  staffContacts: { staff: { name: string; title: string | null }; replies: number; lastAt: string }[] | null;
  owner: { id: string; name: string } | null;
  contactHistory:
    | { id: string; createdAt: string; author: { displayName: string } | null; thread: { id: string; title: string } }[]
    | null;
  consents: { purpose: string; granted: boolean; source: string | null; since: string | null }[] | null;
  threads: { edges: { node: { id: string; title: string; status: string; createdAt: string } }[] } | null;
}

const when = (iso: string | null) =>
  iso ? html`<time datetime=${iso} title=${new Date(iso).toLocaleString()}>${timeAgo(iso)}</time>` : '—';

/**
 * The relationship brief: who this customer is to the brand, for whoever answers them next. Beside
 * every thread (brief), and as the member's own page (`full`: with moderation and more history).
 */
export class AdminCustomerPanel extends LitElement {
  static override properties = {
    app: { attribute: false },
    memberId: { attribute: false },
    full: { type: Boolean, reflect: true },
    ownerProblem: { state: true },
    ownerDone: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3em 0.8em;
        margin: 0;
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      ul {
        padding-inline-start: 1.2em;
        margin: 0.3em 0;
      }
    `,
  ];

  declare app: AdminApp;
  declare memberId: string;
  full = false;
  ownerProblem = '';
  ownerDone = '';

  readonly #member = new QueryController<
    { community: { member: Member | null; staffMembers: { id: string; name: string }[] } | null },
    { community: string; id: string }
  >(this, MEMBER, () => ({ community: this.app.community, id: this.memberId }));

  #suspension(m: Member) {
    if (!this.full || !this.app.isManager) return nothing;
    if (m.isSuspended) {
      return html`<button class="btn" @click=${async () => {
        const outcome = await mutate(this.app, SUSPEND, { id: m.id, reason: '', suspend: false });
        if (!outcome.problem) void this.#member.refresh();
      }}>${strings.unsuspend}</button>`;
    }
    const suspend = async (reason: string, hide: boolean): Promise<Problem | undefined> => {
      const outcome = await mutate(this.app, SUSPEND, { id: m.id, reason, suspend: true, hide });
      if (!outcome.problem) void this.#member.refresh();
      return outcome.problem;
    };
    return html`<admin-reason-action label=${strings.suspend} option-label=${strings.hideTheirPosts}
      .action=${suspend}></admin-reason-action>`;
  }

  /** Managers, on the member's page: who looks after this customer. */
  #ownerChoice(m: Member) {
    const staff = this.#member.data?.community?.staffMembers ?? [];
    if (!this.full || !this.app.isManager || staff.length === 0) return nothing;
    const change = async (event: Event) => {
      const owner = (event.target as HTMLSelectElement).value || null;
      const outcome = await mutate(this.app, SET_OWNER, { member: m.id, owner });
      this.ownerProblem = outcome.problem?.message ?? '';
      this.ownerDone = outcome.problem
        ? ''
        : strings.ownerChanged(staff.find((x) => x.id === owner)?.name ?? strings.noOwner);
      if (!outcome.problem) void this.#member.refresh();
    };
    return html`<div class="field">
      <label for="owner">${strings.changeOwner}</label>
      <select id="owner" @change=${change}>
        <option value="" ?selected=${!m.owner}>${strings.noOwner}</option>
        ${staff.map((x) => html`<option value=${x.id} ?selected=${x.id === m.owner?.id}>${x.name}</option>`)}
      </select>
      <p class="error" role="alert">${this.ownerProblem}</p>
      <p class="ok" role="status">${this.ownerDone}</p>
    </div>`;
  }

  /** Every staff contact, newest first (the member's page). */
  #history(m: Member) {
    const s = strings;
    const contacts = m.contactHistory ?? [];
    return html`<h3>${s.contactHistory}</h3>
      ${
        contacts.length
          ? html`<ul>${contacts.map(
              (c) => html`<li>${s.contactLine(c.author?.displayName ?? s.someone)}
                <a href="/admin/threads/${encodeURIComponent(c.thread.id)}">${c.thread.title}</a>
                <span class="muted">· ${when(c.createdAt)}</span></li>`,
            )}</ul>`
          : html`<p class="muted">${s.noContact}</p>`
      }`;
  }

  #brief(m: Member) {
    const s = strings;
    const contacts = m.staffContacts ?? [];
    const threads = m.threads?.edges.map((e) => e.node) ?? [];
    return html`<section class="panel" aria-labelledby="who">
      ${
        this.full
          ? html`<h1 id="who">${m.displayName}</h1>`
          : html`<h2 id="who"><span class="sr-only">${s.customer}: </span><a href="/admin/members/${encodeURIComponent(m.id)}">${m.displayName}</a></h2>`
      }
      <div class="row">
        ${m.isAmbassador ? html`<span class="badge">${s.ambassador}</span>` : nothing}
        ${m.isSuspended ? html`<span class="badge error">${s.suspended(m.suspendedReason ?? '')}</span>` : nothing}
      </div>
      <dl>
        <dt>${s.identity}</dt><dd>${m.kind === 'SSO' ? s.sso(m.externalId ?? '') : s.guest}</dd>
        ${
          m.email
            ? html`<dt>${s.email}</dt><dd>${m.email}${
                m.emailBouncedAt
                  ? html` <span class="badge error">${s.emailBounced(timeAgo(m.emailBouncedAt))}</span>`
                  : nothing
              }</dd>`
            : nothing
        }
        <dt>${s.firstSeen}</dt><dd>${when(m.firstSeenAt)}</dd>
        <dt>${s.lastSeen}</dt><dd>${when(m.lastSeenAt)}</dd>
        <dt>${s.activityLabel}</dt><dd>${s.activity(m.threadCount ?? 0, m.replyCount ?? 0, m.voteCount ?? 0)}</dd>
        <dt>${s.owner}</dt><dd>${m.owner?.name ?? s.noOwner}</dd>
        <dt>${s.consent}</dt><dd>${
          m.consents?.length
            ? html`<ul class="plain">${m.consents.map(
                (c) =>
                  html`<li>${s.consentPurposes[c.purpose] ?? c.purpose}: ${s.consentState(c.granted, c.source, c.since ? timeAgo(c.since) : null)}</li>`,
              )}</ul>`
            : s.consentUnknown
        }</dd>
        <dt>${s.score}</dt><dd>${
          m.standing
            ? html`${s.standingLine(m.standing.rank, m.standing.score, m.standing.love, m.standing.reach)}
                <span class="muted">${s.sentiment} ${s.feeling(m.standing.sentiment)}</span>
                ${m.standing.isSuggested ? html`<span class="badge">${s.suggestedBadge}</span>` : nothing}
                ${m.standing.isCritic ? html`<span class="badge">${s.criticBadge}</span>` : nothing}`
            : s.noStanding
        }</dd>
      </dl>
      <h3>${s.talkedWith}</h3>
      ${
        contacts.length
          ? html`<ul>${contacts.map(
              (
                c,
              ) => html`<li><strong>${c.staff.name}</strong>${c.staff.title ? html` <span class="muted">(${c.staff.title})</span>` : nothing}:
                ${s.contact(c.replies, timeAgo(c.lastAt))}</li>`,
            )}</ul>`
          : html`<p class="muted">${s.noContact}</p>`
      }
      ${this.full ? this.#history(m) : nothing}
      <h3>${s.theirThreads}</h3>
      ${
        threads.length
          ? html`<ul>${threads.map(
              (t) => html`<li><a href="/admin/threads/${encodeURIComponent(t.id)}">${t.title}</a>
                <span class="muted">${s.statuses[t.status] ?? t.status} · ${timeAgo(t.createdAt)}</span></li>`,
            )}</ul>`
          : html`<p class="muted">${s.noThreads}</p>`
      }
      ${this.#ownerChoice(m)}
      ${
        this.full && this.app.isManager
          ? html`<admin-consent-record .app=${this.app} .memberId=${m.id}
              @rapport-changed=${() => void this.#member.refresh()}></admin-consent-record>`
          : nothing
      }
      <div class="row">${this.#suspension(m)}</div>
    </section>`;
  }

  override render() {
    return html`${this.full ? html`<p><a href="/admin/members">${strings.backToMembers}</a></p>` : nothing}
      ${this.#member.render((data) => {
        const member = data.community?.member;
        return member ? this.#brief(member) : html`<p class="panel" role="alert">${strings.memberMissing}</p>`;
      })}`;
  }
}
