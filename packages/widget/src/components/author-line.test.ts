import { authorLine, authorStyles } from '@rapport/shared/ui/author.ts';
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { waitFor } from '../testing/harness.ts';

const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const labels = {
  staff: 'Staff',
  agencyFor: (b: string) => `Agency for ${b}`,
  formerStaff: 'Former staff',
  ambassador: 'Ambassador',
};

/** The author line in a shadow root with its styles, as the widget shows it. */
class AuthorHost extends LitElement {
  static override properties = { avatarUrl: {} };
  static override styles = [authorStyles];
  avatarUrl: string | null = null;
  override render() {
    const author = {
      __typename: 'StaffMember' as const,
      displayName: 'sam',
      avatarUrl: this.avatarUrl,
      badge: 'STAFF' as const,
    };
    return html`${authorLine(author, 'Brand', new Date().toISOString(), labels)}`;
  }
}
customElements.define('test-author-host', AuthorHost);

async function show(avatarUrl: string | null): Promise<ShadowRoot> {
  const host = document.createElement('test-author-host') as AuthorHost;
  host.avatarUrl = avatarUrl;
  document.body.append(host);
  await host.updateComplete;
  return host.shadowRoot as ShadowRoot;
}

describe('authorLine', () => {
  afterEach(() => {
    for (const host of document.querySelectorAll('test-author-host')) host.remove();
  });

  it("shows the staff member's initial when their picture does not load, not a broken image", async () => {
    const root = await show(`${location.origin}/no-such-picture-${Date.now()}.png`);
    const img = root.querySelector('img') as HTMLImageElement;
    await waitFor(() => img.hidden, 'the picture to give up');
    expect(getComputedStyle(img).display).to.equal('none');
    const initial = root.querySelector('.initial') as HTMLElement;
    expect(initial.textContent).to.equal('S');
    expect(initial.getBoundingClientRect().width).to.equal(32);
  });

  it('shows a picture that loads over the initial', async () => {
    const root = await show(PIXEL);
    const img = root.querySelector('img') as HTMLImageElement;
    await waitFor(() => img.complete && img.naturalWidth === 1, 'the picture');
    expect(img.hidden).to.equal(false);
    expect(getComputedStyle(img).display).not.to.equal('none');
  });
});
