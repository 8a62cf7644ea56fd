import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement } from 'lit';
import type { App } from '../app.ts';
import { shareUrl } from '../client/share.ts';

/**
 * "Share": a link to the thread on this page, carrying the sharer's referral code. Uses the
 * device's share sheet where there is one, else copies the link; says what it did.
 */
export class ShareButton extends LitElement {
  static override properties = {
    app: { attribute: false },
    threadId: { attribute: false },
    threadTitle: { attribute: false },
    done: { state: true },
  };

  static override styles = [
    theme,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: 0.4em;
      }
    `,
  ];

  declare app: App;
  declare threadId: string;
  threadTitle = '';
  done = '';

  async #share(): Promise<void> {
    const url = await shareUrl(this.app, this.threadId);
    try {
      if (navigator.share) {
        await navigator.share({ title: this.threadTitle, url });
        this.done = msg('Shared.');
        return;
      }
      await navigator.clipboard.writeText(url);
      this.done = msg('Link copied.');
    } catch {
      // No share sheet and no clipboard (or the person cancelled): show the link to copy by hand.
      this.done = url;
    }
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`<button class="btn" part="button" @click=${this.#share}>${msg('Share')}</button>
      <span class="muted" role="status">${this.done}</span>`;
  }
}
