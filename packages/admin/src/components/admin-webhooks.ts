import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate, problemFor } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import {
  CREATE_WEBHOOK,
  DELETE_WEBHOOK,
  REDELIVER,
  UPDATE_WEBHOOK,
  WEBHOOKS,
  type Webhook,
  type WebhookDelivery,
} from '../documents/webhooks.ts';
import type { WebhookEvent, WebhookFormat } from '../generated/graphql.ts';
import { currentLocale, listOf, t } from '../i18n/localize.ts';
import { adminStyles } from '../styles.ts';

/** Where deliveries go: the brand's systems (signed JSON), or a team's chat as alerts. */
const formatNames = (): Record<WebhookFormat, string> => ({
  JSON: msg('Your systems (signed JSON)'),
  SLACK: msg('Slack alerts'),
  DISCORD: msg('Discord alerts'),
  TEAMS: msg('Microsoft Teams alerts'),
});

/** The events a webhook can be sent, by name. */
const eventNames = (): Record<WebhookEvent, string> => ({
  THREAD_CREATED: msg('New thread'),
  REPLY_CREATED: msg('New reply'),
  STATUS_CHANGED: msg('Status changed'),
  MEMBER_FLAGGED: msg('Ambassador flagged'),
  CONSENT_CHANGED: msg('Consent changed'),
  MEMBER_ERASED: msg('Member erased'),
  CHANGELOG_PUBLISHED: msg("What's new published"),
  ASK_PUBLISHED: msg('Ask published'),
  ASK_ANSWERED: msg('Ask answered'),
  IDEA_CREATED: msg('New idea'),
  AMBASSADOR_POSTED: msg('An ambassador posts'),
  CRITIC_POSTED: msg('A critic posts'),
  IDEA_VOTES_PASSED: msg('An idea passes a number of votes'),
  ASK_CLOSED: msg('Ask closed'),
});

/** "failed, 3 attempts, answered 500": how a delivery went. */
function deliveryLine(d: WebhookDelivery): string {
  const statuses: Record<string, string> = {
    DELIVERED: msg('delivered', { desc: 'A webhook delivery' }),
    FAILED: msg('failed', { desc: 'A webhook delivery' }),
    PENDING: msg('pending', { desc: 'A webhook delivery' }),
  };
  const values = { status: statuses[d.status] ?? d.status, attempts: d.attempts, code: String(d.lastStatusCode) };
  return d.lastStatusCode
    ? t(msg('{status}, {attempts, plural, one {# attempt} other {# attempts}}, answered {code}'), values)
    : t(msg('{status}, {attempts, plural, one {# attempt} other {# attempts}}'), values);
}

/**
 * The community's webhooks, for managers (on the settings page): add one (the secret is shown
 * once), turn it off and on, remove it, and read its recent deliveries, sending a failed one again.
 * A webhook sent as Slack, Discord or Teams alerts tells the team in its chat.
 */
export class AdminWebhooks extends LitElement {
  static override properties = {
    app: { attribute: false },
    url: { state: true },
    events: { state: true },
    format: { state: true },
    voteThreshold: { state: true },
    secret: { state: true },
    problem: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      :host {
        display: block;
      }
      input[type='url'] {
        width: 100%;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 0.75em;
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em 1em;
      }
      .hook {
        border-top: 1px solid var(--_border);
        padding-top: 0.6em;
        margin-top: 0.6em;
      }
      code {
        overflow-wrap: anywhere;
      }
    `,
  ];

  declare app: AdminApp;
  url = '';
  events: WebhookEvent[] = ['THREAD_CREATED', 'REPLY_CREATED', 'STATUS_CHANGED'];
  format: WebhookFormat = 'JSON';
  voteThreshold = '10';
  secret = '';
  problem: Problem | undefined;

  readonly #hooks = new QueryController(this, WEBHOOKS, () => ({ community: this.app.community }));

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  async #add(event: Event): Promise<void> {
    event.preventDefault();
    const outcome = await mutate(this.app, CREATE_WEBHOOK, {
      url: this.url.trim(),
      events: this.events,
      format: this.format,
      voteThreshold: this.events.includes('IDEA_VOTES_PASSED') ? Number(this.voteThreshold) : null,
    });
    this.problem = outcome.problem;
    if (outcome.problem) return;
    this.secret = outcome.data.createWebhook.secret;
    this.url = '';
    void this.#hooks.refresh();
  }

  async #act(work: Promise<{ problem?: Problem }>): Promise<void> {
    const outcome = await work;
    this.problem = outcome.problem;
    void this.#hooks.refresh();
  }

  #toggle(kind: WebhookEvent, on: boolean): void {
    this.events = on ? [...this.events, kind] : this.events.filter((e) => e !== kind);
  }

  #hook(h: Webhook) {
    const events = eventNames();
    const deliveries = h.deliveries.edges.map((e) => e.node);
    return html`<section class="hook" aria-label=${h.url}>
      <p><code>${h.url}</code> <span class="muted">${formatNames()[h.format]}</span>
        ${h.active ? nothing : html`<span class="badge">${msg('Turned off')}</span>`}</p>
      <p class="muted">${listOf(
        h.events.map((e) =>
          e === 'IDEA_VOTES_PASSED'
            ? t(msg('An idea passes {count, plural, one {# vote} other {# votes}}'), { count: h.voteThreshold })
            : (events[e] ?? e),
        ),
        'unit',
      )}</p>
      <span class="row">
        <button class="btn" @click=${() => this.#act(mutate(this.app, UPDATE_WEBHOOK, { id: h.id, active: !h.active }))}>
          ${h.active ? msg('Turn off') : msg('Turn on')}</button>
        <button class="btn" @click=${() => this.#act(mutate(this.app, DELETE_WEBHOOK, { id: h.id }))}>${msg('Remove')}</button>
      </span>
      <h3>${msg('Recent deliveries')}</h3>
      ${
        deliveries.length
          ? html`<ul class="plain">${deliveries.map(
              (d) => html`<li>${events[d.event] ?? d.event}: ${deliveryLine(d)}
                <span class="muted">${timeAgo(d.createdAt, Date.now(), currentLocale())}</span>
                ${d.lastError && d.status !== 'DELIVERED' ? html`<span class="muted">(${d.lastError})</span>` : nothing}
                ${
                  d.status === 'FAILED'
                    ? html`<button class="btn" @click=${() => this.#act(mutate(this.app, REDELIVER, { id: d.id }))}>${msg('Send again')}</button>`
                    : nothing
                }</li>`,
            )}</ul>`
          : html`<p class="muted">${msg('Nothing sent yet.')}</p>`
      }
    </section>`;
  }

  override render() {
    const intro = msg(
      'Your systems hear of what happens here: each event is POSTed as JSON, signed ({header}: sha256=HMAC of "{signed}" with the secret), and retried until it is answered with 2xx.',
    );
    return html`<section class="panel" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">${msg('Webhooks')}</h2>
      <p class="muted">${t(intro, { header: 'X-Rapport-Signature', signed: '<X-Rapport-Timestamp>.<body>' })}</p>
      <form @submit=${this.#add} novalidate aria-label=${msg('Add webhook')}>
        <div class="field"><label for="webhook-url">${msg('Endpoint URL')}</label>
          <input id="webhook-url" type="url" .value=${this.url} placeholder="https://" @input=${(e: Event) => {
            this.url = (e.target as HTMLInputElement).value;
          }} aria-invalid=${problemFor(this.problem, 'url') ? 'true' : 'false'} aria-describedby="webhook-problem" /></div>
        <div class="field"><label for="webhook-format">${msg('Sent as')}</label>
          <select id="webhook-format" @change=${(e: Event) => {
            this.format = (e.target as HTMLSelectElement).value as WebhookFormat;
          }}>${Object.entries(formatNames()).map(
            ([format, label]) => html`<option value=${format} ?selected=${format === this.format}>${label}</option>`,
          )}</select></div>
        <fieldset aria-invalid=${problemFor(this.problem, 'events') ? 'true' : 'false'}>
          <legend class="muted">${msg('Events')}</legend>
          ${(Object.entries(eventNames()) as [WebhookEvent, string][]).map(
            ([kind, label]) => html`<label class="row"><input type="checkbox" .checked=${this.events.includes(kind)}
              @change=${(e: Event) => this.#toggle(kind, (e.target as HTMLInputElement).checked)} /> ${label}</label>`,
          )}
        </fieldset>
        ${
          this.events.includes('IDEA_VOTES_PASSED')
            ? html`<div class="field"><label for="webhook-votes">${msg('Votes an idea passes')}</label>
                <input id="webhook-votes" type="number" min="1" .value=${this.voteThreshold}
                  aria-invalid=${problemFor(this.problem, 'voteThreshold') ? 'true' : 'false'}
                  @input=${(e: Event) => {
                    this.voteThreshold = (e.target as HTMLInputElement).value;
                  }} /></div>`
            : nothing
        }
        <p class="error" id="webhook-problem" role="alert">${this.problem?.message ?? ''}</p>
        <button class="btn primary">${msg('Add webhook')}</button>
      </form>
      ${this.secret ? html`<p>${msg('The signing secret, shown this once. Keep it with the receiving system:')}</p><p><code class="webhook-secret">${this.secret}</code></p>` : nothing}
      ${this.#hooks.render((data) => {
        const hooks = data.community?.webhooks ?? [];
        return hooks.length ? hooks.map((h) => this.#hook(h)) : html`<p class="muted">${msg('No webhooks yet.')}</p>`;
      })}
    </section>`;
  }
}
