import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { dateTime, timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import { MEMBER, type Member, SET_OWNER, SUSPEND } from '../documents/members.ts';
import { currentLocale, formatNumber, t } from '../i18n/localize.ts';
import { consentPurposes, feeling, statusName } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';
import { attributeList } from './member-attributes.ts';

const noOwner = () => msg('Nobody yet (the next staff member to answer them)');
const noContact = () => msg('No staff member has talked with them yet.');
const ago = (iso: string) => timeAgo(iso, Date.now(), currentLocale());

const when = (iso: string | null) =>
  iso ? html`<time datetime=${iso} title=${dateTime(iso, currentLocale())}>${ago(iso)}</time>` : '—';

/** How a consent came to be recorded (the ledger's source). */
const consentSources = (): Record<string, string> => ({
  ADMIN: msg('admin', { desc: 'How a consent was recorded: by staff in this console' }),
  IMPORT: msg('import', { desc: 'How a consent was recorded: imported from the brand' }),
  SSO: msg('sso', { desc: "How a consent was recorded: from the brand's sign-in (SSO)" }),
  UNSUBSCRIBE_LINK: msg('unsubscribe link', { desc: 'How a consent was recorded: the link in an email' }),
  WIDGET: msg('widget', { desc: 'How a consent was recorded: by the customer in the widget' }),
});

/** "Product updates: yes (admin, 3 days ago)". */
function consentLine(c: { purpose: string; granted: boolean; source: string | null; since: string | null }) {
  const granted = c.granted ? 'yes' : 'no';
  const source = c.source && (consentSources()[c.source] ?? c.source);
  const answer = !source
    ? t(msg('{granted, select, yes {yes} other {no}} (default)'), { granted })
    : c.since
      ? t(msg('{granted, select, yes {yes} other {no}} ({source}, {since})'), { granted, source, since: ago(c.since) })
      : t(msg('{granted, select, yes {yes} other {no}} ({source})'), { granted, source });
  const purpose = consentPurposes()[c.purpose] ?? c.purpose;
  return t(msg('{purpose}: {answer}', { desc: 'A consent: what for, and the answer' }), { purpose, answer });
}

/** "#3 · 12.5 (love 10.0, reach 2.5)": where a member ranks, and why. */
function standingLine(s: { rank: number; score: number; love: number; reach: number }) {
  const oneDecimal = (n: number) => formatNumber(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return t(msg('#{rank, number} · {score} (love {love}, reach {reach})'), {
    rank: s.rank,
    score: oneDecimal(s.score),
    love: oneDecimal(s.love),
    reach: oneDecimal(s.reach),
  });
}

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

  readonly #member = new QueryController(this, MEMBER, () => ({ community: this.app.community, id: this.memberId }));

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  #suspension(m: Member) {
    if (!this.full || !this.app.isManager) return nothing;
    if (m.isSuspended) {
      return html`<button class="btn" @click=${async () => {
        const outcome = await mutate(this.app, SUSPEND, { id: m.id, reason: '', suspend: false });
        if (!outcome.problem) void this.#member.refresh();
      }}>${msg('Lift suspension')}</button>`;
    }
    const suspend = async (reason: string, hide: boolean): Promise<Problem | undefined> => {
      const outcome = await mutate(this.app, SUSPEND, { id: m.id, reason, suspend: true, hide });
      if (!outcome.problem) void this.#member.refresh();
      return outcome.problem;
    };
    return html`<admin-reason-action label=${msg('Suspend')}
      option-label=${msg('Also hide everything they posted (spam); lifting the suspension shows it again')}
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
      const name = staff.find((x) => x.id === owner)?.name ?? noOwner();
      this.ownerDone = outcome.problem ? '' : t(msg('{name} now looks after this customer.'), { name });
      if (!outcome.problem) void this.#member.refresh();
    };
    return html`<div class="field">
      <label for="owner">${msg('Change who looks after them')}</label>
      <select id="owner" @change=${change}>
        <option value="" ?selected=${!m.owner}>${noOwner()}</option>
        ${staff.map((x) => html`<option value=${x.id} ?selected=${x.id === m.owner?.id}>${x.name}</option>`)}
      </select>
      <p class="error" role="alert">${this.ownerProblem}</p>
      <p class="ok" role="status">${this.ownerDone}</p>
    </div>`;
  }

  /** Every staff contact, newest first (the member's page). */
  #history(m: Member) {
    const contacts = m.contactHistory ?? [];
    return html`<h3>${msg('Every contact')}</h3>
      ${
        contacts.length
          ? html`<ul>${contacts.map(
              (
                c,
              ) => html`<li>${t(msg('{name} replied in', { desc: 'Followed by the thread they replied in' }), { name: c.author?.displayName ?? msg('Someone') })}
                <a href="/admin/threads/${encodeURIComponent(c.thread.id)}">${c.thread.title}</a>
                <span class="muted">· ${when(c.createdAt)}</span></li>`,
            )}</ul>`
          : html`<p class="muted">${noContact()}</p>`
      }`;
  }

  #brief(m: Member) {
    const contacts = m.staffContacts ?? [];
    const threads = m.threads?.edges.map((e) => e.node) ?? [];
    return html`<section class="panel" aria-labelledby="who">
      ${
        this.full
          ? html`<h1 id="who">${m.displayName}</h1>`
          : html`<h2 id="who"><span class="sr-only">${msg('Customer')}: </span><a href="/admin/members/${encodeURIComponent(m.id)}">${m.displayName}</a></h2>`
      }
      <div class="row">
        ${m.isAmbassador ? html`<span class="badge">${msg('Ambassador')}</span>` : nothing}
        ${m.isSuspended ? html`<span class="badge error">${t(msg('Suspended: {reason}'), { reason: m.suspendedReason ?? '' })}</span>` : nothing}
      </div>
      <dl>
        <dt>${msg('Who', { id: 'customer-who', desc: 'Who a customer is: a guest, or signed in by the brand' })}</dt>
        <dd>${m.kind === 'SSO' ? t(msg('Signed in by the brand (id {id})'), { id: m.externalId ?? '' }) : msg('Guest (no account with the brand)')}</dd>
        ${
          m.email
            ? html`<dt>${msg('E-mail')}</dt><dd>${m.email}${
                m.emailBouncedAt
                  ? html` <span class="badge error">${t(msg('refused by their mail server {when}: nothing is sent to it'), { when: ago(m.emailBouncedAt) })}</span>`
                  : nothing
              }</dd>`
            : nothing
        }
        ${m.attributes && Object.keys(m.attributes).length ? html`<dt>${msg('What the brand says')}</dt><dd>${attributeList(m.attributes as Record<string, string | number | boolean>)}</dd>` : nothing}
        <dt>${msg('First seen')}</dt><dd>${when(m.firstSeenAt)}</dd>
        <dt>${msg('Last seen')}</dt><dd>${when(m.lastSeenAt)}</dd>
        <dt>${msg('Activity')}</dt><dd>${t(
          msg(
            '{threads, plural, one {# thread} other {# threads}} · {replies, plural, one {# reply} other {# replies}} · {votes, plural, one {# vote} other {# votes}}',
          ),
          { threads: m.threadCount ?? 0, replies: m.replyCount ?? 0, votes: m.voteCount ?? 0 },
        )}</dd>
        <dt>${msg('Looks after them')}</dt><dd>${m.owner?.name ?? noOwner()}</dd>
        <dt>${msg('Contact consent')}</dt><dd>${
          m.consents?.length
            ? html`<ul class="plain">${m.consents.map((c) => html`<li>${consentLine(c)}</li>`)}</ul>`
            : msg('Not recorded')
        }</dd>
        <dt>${msg('Score')}</dt><dd>${
          m.standing
            ? html`${standingLine(m.standing)}
                <span class="muted">${t(msg('Sentiment {feeling}', { desc: 'e.g. "Sentiment positive"' }), { feeling: feeling(m.standing.sentiment) })}</span>
                ${m.standing.isSuggested ? html`<span class="badge">${msg('Suggested')}</span>` : nothing}
                ${m.standing.isCritic ? html`<span class="badge">${msg('Critic')}</span>` : nothing}`
            : msg('Nothing they did counts toward the ranking yet.')
        }</dd>
      </dl>
      <h3>${msg('Talked with the brand')}</h3>
      ${
        contacts.length
          ? html`<ul>${contacts.map(
              (
                c,
              ) => html`<li><strong>${c.staff.name}</strong>${c.staff.title ? html` <span class="muted">(${c.staff.title})</span>` : nothing}:
                ${t(msg('{replies, plural, one {# reply} other {# replies}}, last {last}'), { replies: c.replies, last: ago(c.lastAt) })}</li>`,
            )}</ul>`
          : html`<p class="muted">${noContact()}</p>`
      }
      ${this.full ? this.#history(m) : nothing}
      <h3>${msg('Their threads')}</h3>
      ${
        threads.length
          ? html`<ul>${threads.map(
              (thread) => html`<li><a href="/admin/threads/${encodeURIComponent(thread.id)}">${thread.title}</a>
                <span class="muted">${statusName(thread.status)} · ${ago(thread.createdAt)}</span></li>`,
            )}</ul>`
          : html`<p class="muted">${msg('No threads yet.')}</p>`
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
    return html`${this.full ? html`<p><a href="/admin/members">${msg('← Members')}</a></p>` : nothing}
      ${this.#member.render((data) => {
        const member = data.community?.member;
        return member
          ? this.#brief(member)
          : html`<p class="panel" role="alert">${msg('This member does not exist (any more).')}</p>`;
      })}`;
  }
}
