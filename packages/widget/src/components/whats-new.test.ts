import { expect } from 'chai';
import { byText, cleanup, deepText, find, findAll, mount, newCommunity, server, waitFor } from '../testing/harness.ts';

const dot = (widget: Element) => find(widget, 'nav .dot');

describe("<rapport-whats-new> and the widget's place in the page's address", () => {
  afterEach(cleanup);

  it('shows entries by their author with formatted text and the threads they ship; the dot goes once seen', async () => {
    const c = await newCommunity();
    const tent = await server<string>('post', { slug: c.slug, title: 'Lighter tent' });
    await server('changelog', {
      slug: c.slug,
      title: 'Trail season release',
      body: "The **Ridge 2** is lighter.\n\n- new fabric\n- <img src=x onerror=console.log('XSS')>",
      threadIds: [tent],
    });
    const widget = await mount(c);
    await waitFor(() => dot(widget), 'the unread dot');
    byText(widget, 'nav button', "What's new")?.click();
    const entry = await waitFor(() => find(widget, 'rapport-whats-new >> article'), 'the entry');
    expect(find(entry, 'h3')?.textContent).to.equal('Trail season release');
    expect(find(entry, 'strong')?.textContent).to.equal('Ridge 2');
    expect(findAll(entry, 'li').map((li) => li.textContent?.trim())).to.include(
      "<img src=x onerror=console.log('XSS')>",
    );
    expect(find(entry, 'img:not(.avatar)')).to.equal(undefined);
    expect(deepText(entry)).to.contain('Sam');
    await waitFor(() => !dot(widget), 'the dot to go');
    // Remembered in this browser for a visitor: not back on the next visit.
    widget.remove();
    const again = await mount(c);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dot(again)).to.equal(undefined);
    // The shipped thread opens from the entry, and says where it shipped.
    byText(again, 'nav button', "What's new")?.click();
    (await waitFor(() => byText(again, 'rapport-whats-new >> button.thread', 'Lighter tent'), 'the link')).click();
    const note = await waitFor(() => find(again, 'rapport-thread-view >> .status-note'), 'the status note');
    expect(deepText(note)).to.contain('Shipped in “Trail season release”');
  });

  it('puts a thread, the roadmap and What’s new in the page’s address, leaving the page’s own parameters', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'Addressable thread' });
    history.replaceState(
      { hostRouter: 'state' },
      '',
      `${location.pathname}${location.search}${location.search ? '&' : '?'}tab=ideas#top`,
    );
    const widget = await mount(c);
    (
      await waitFor(
        () => byText(widget, 'rapport-thread-list >> button.title', 'Addressable thread'),
        'the thread in the list',
      )
    ).click();
    await waitFor(() => find(widget, 'rapport-thread-view >> h2'), 'the thread');
    const url = new URL(location.href);
    expect(url.searchParams.get('rapport')).to.match(/^thread-[0-9a-f-]{36}$/);
    expect(url.searchParams.get('tab')).to.equal('ideas');
    expect(url.hash).to.equal('#top');
    expect(history.state).to.deep.equal({ hostRouter: 'state' });

    // A reload (a new widget on the same address) shows the same thread.
    const address = location.href;
    cleanup();
    history.replaceState(null, '', address);
    const reloaded = await mount(c);
    await waitFor(
      () => find(reloaded, 'rapport-thread-view >> h2')?.textContent === 'Addressable thread',
      'the thread again',
    );

    // Back returns to where the visitor was.
    byText(reloaded, 'rapport-thread-view >> button', 'Back to all posts')?.click();
    await waitFor(() => !new URL(location.href).searchParams.has('rapport'), 'the list in the address');
    byText(reloaded, 'nav button', 'Roadmap')?.click();
    await waitFor(() => new URL(location.href).searchParams.get('rapport') === 'roadmap', 'the roadmap in the address');
    history.back();
    await waitFor(
      () => find(reloaded, 'rapport-roadmap') === undefined && !find(reloaded, 'rapport-thread-list')?.hidden,
      'the list after Back',
    );
    expect(new URL(location.href).searchParams.get('tab')).to.equal('ideas');
  });

  it('opens a merged thread with where the conversation went, and leads there', async () => {
    const c = await newCommunity();
    const original = await server<string>('post', { slug: c.slug, title: 'Original idea' });
    const duplicate = await server<string>('post', { slug: c.slug, title: 'Same idea again', as: 'Dora' });
    await server('merge', { slug: c.slug, threadId: duplicate, intoThreadId: original });
    const uuid = atob(duplicate).split(':')[1];
    const url = new URL(location.href);
    url.searchParams.set('rapport', `thread-${uuid}`);
    history.replaceState(null, '', url);
    const widget = await mount(c);
    const merged = await waitFor(() => find(widget, 'rapport-thread-view >> .merged'), 'the merged note');
    expect(merged.textContent).to.contain('This post was merged into');
    (find(merged, 'button') as HTMLButtonElement).click();
    await waitFor(() => find(widget, 'rapport-thread-view >> h2')?.textContent === 'Original idea', 'the original');
  });

  it("updates a signed-in member's badge live when they are told of something", async () => {
    const c = await newCommunity();
    const thread = await server<string>('post', { slug: c.slug, title: 'Voted and waiting' });
    const token = await server<string>('customer-token', { slug: c.slug, sub: 'lia', name: 'Lia Live' });
    const widget = await mount(c, { 'sso-token': token });
    await waitFor(() => find(widget, 'header')?.textContent?.includes('Posting as Lia Live'), 'the member');
    const vote = await waitFor(
      () => find(widget, 'rapport-thread-list >> rapport-vote >> button') as HTMLButtonElement | undefined,
      'the vote button',
    );
    vote.click();
    await waitFor(() => vote.getAttribute('aria-pressed') === 'true', 'the vote');
    await server('changelog', { slug: c.slug, title: 'It shipped', threadIds: [thread] });
    await waitFor(() => find(widget, 'header .badge')?.textContent === '1', 'the live badge');
    await waitFor(() => dot(widget), 'the live dot');
  });
});
