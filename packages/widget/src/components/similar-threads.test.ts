import { expect } from 'chai';
import { byText, cleanup, find, mount, newCommunity, server, type, waitFor } from '../testing/harness.ts';

/** Opens the post form, types `title`, and waits for what it suggests. */
async function suggestionsFor(widget: Element, title: string): Promise<Element> {
  byText(widget, 'button', 'New post')?.click();
  const form = await waitFor(() => find(widget, 'rapport-post-form'), 'the form');
  type(find(form, 'input#title'), title);
  return waitFor(
    () => (find(form, 'rapport-similar-threads >> li') ? find(form, 'rapport-similar-threads') : undefined),
    'the suggestions',
  );
}

describe('<rapport-similar-threads> in the post form', () => {
  afterEach(cleanup);

  it('offers threads that may already be it as one types, and votes for and follows one instead', async () => {
    const c = await newCommunity();
    const boots = await server<string>('post', {
      slug: c.slug,
      as: 'Bea',
      title: 'Boots leak after 3 months',
      body: '',
    });
    await server('post', { slug: c.slug, as: 'Bea', title: 'Gift cards', body: '' });
    const token = await server<string>('sso-token', { slug: c.slug, sub: 'sim-1', name: 'Sim Customer' });
    const widget = await mount(c, { 'sso-token': token });
    const similar = await suggestionsFor(widget, 'My boots are leaking');
    expect(find(similar, 'h3')?.textContent).to.equal('Is it one of these?');
    const items = [...(similar.shadowRoot?.querySelectorAll('li') ?? [])].map((li) =>
      li.textContent?.replace(/\s+/g, ' '),
    );
    expect(items).to.have.length(1);
    expect(items[0]).to.contain('Boots leak after 3 months').and.contain('Open').and.contain('0 votes');

    byText(similar, 'button', 'That’s it: vote')?.click();
    await waitFor(
      () => find(widget, 'rapport-thread-view >> h2')?.textContent === 'Boots leak after 3 months',
      'the thread it is',
    );
    await waitFor(
      () => find(widget, 'rapport-thread-view >> button[aria-pressed="true"][title^="Get updates"]'),
      'following it',
    );
    const votes = await server<{ voteCount: number; viewerHasVoted: boolean }>('thread-votes', {
      slug: c.slug,
      threadId: boots,
      token,
    });
    expect(votes).to.deep.equal({ voteCount: 1, viewerHasVoted: true });
  });

  it('offers a customer’s own thread to open, not to vote for', async () => {
    const c = await newCommunity();
    const token = await server<string>('sso-token', { slug: c.slug, sub: 'sim-own', name: 'Own Customer' });
    const boots = await server<string>('post', { slug: c.slug, token, title: 'Boots leak after 3 months', body: '' });
    const before = await server<{ voteCount: number }>('thread-votes', { slug: c.slug, threadId: boots, token });
    const widget = await mount(c, { 'sso-token': token });
    const similar = await suggestionsFor(widget, 'My boots are leaking');
    expect(byText(similar, 'button', 'That’s it: vote')).to.equal(undefined);
    const open = byText(similar, 'button', 'Open your earlier post') as HTMLElement;
    // Which post it opens, for a screen reader: the title it stands beside.
    const described = similar.shadowRoot?.getElementById(open.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).to.equal('Boots leak after 3 months');
    open.click();
    await waitFor(
      () => find(widget, 'rapport-thread-view >> h2')?.textContent === 'Boots leak after 3 months',
      'their thread',
    );
    const after = await server<{ voteCount: number }>('thread-votes', { slug: c.slug, threadId: boots, token });
    expect(after.voteCount).to.equal(before.voteCount);
  });

  it('offers nothing for a title too short, or with nothing like it', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, as: 'Bea', title: 'Boots leak after 3 months', body: '' });
    const widget = await mount(c);
    byText(widget, 'button', 'New post')?.click();
    const form = await waitFor(() => find(widget, 'rapport-post-form'), 'the form');
    type(find(form, 'input#title'), 'Umbrella stand please');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(find(form, 'rapport-similar-threads >> li')).to.equal(undefined);
  });
});
