import { expect } from 'chai';
import {
  byText,
  cleanup,
  find,
  findAll,
  mount,
  newCommunity,
  openThread,
  server,
  type,
  waitFor,
} from '../testing/harness.ts';

const voteButton = (root: Element) => find(root, 'rapport-thread-list >> rapport-vote >> button') as HTMLButtonElement;

describe('<rapport-vote>', () => {
  afterEach(cleanup);

  it('asks a visitor for a guest name first, then votes at once and keeps the vote', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'Vote for me' });
    const widget = await mount(c);
    await waitFor(() => voteButton(widget), 'the vote button');
    voteButton(widget).click();
    const dialog = await waitFor(() => find(widget, 'rapport-guest-dialog >> dialog[open]'), 'the guest dialog');
    type(find(dialog, 'input'), 'Val');
    byText(dialog, 'button', 'Continue')?.click();
    await waitFor(() => voteButton(widget)?.getAttribute('aria-pressed') === 'true', 'the vote to show');
    expect(voteButton(widget).textContent).to.contain('1');
    expect(localStorage.getItem(`rapport:guest:${c.slug}`)).to.match(/^rg_/);
    // Where they joined from is known (hashed), should they ever be suspended.
    expect(await server('guest-origin', { slug: c.slug, name: 'Val' })).to.deep.equal({ address: true, browser: true });
  });

  it('stays a guest across page loads (token kept per community)', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'Remember me' });
    const first = await mount(c);
    await waitFor(() => voteButton(first), 'the vote button');
    voteButton(first).click();
    const dialog = await waitFor(() => find(first, 'rapport-guest-dialog >> dialog[open]'), 'the guest dialog');
    type(find(dialog, 'input'), 'Remy');
    byText(dialog, 'button', 'Continue')?.click();
    // Saved, not just shown (the optimistic state comes first): only then leave the page.
    await waitFor(
      () =>
        voteButton(first)?.getAttribute('aria-pressed') === 'true' &&
        voteButton(first)?.getAttribute('aria-busy') === 'false',
      'the saved vote',
    );
    const token = localStorage.getItem(`rapport:guest:${c.slug}`);
    first.remove();

    const second = await mount(c);
    expect(localStorage.getItem(`rapport:guest:${c.slug}`)).to.equal(token);
    await waitFor(() => voteButton(second)?.getAttribute('aria-pressed') === 'true', 'the remembered vote');
    expect(find(second, 'header')?.textContent).to.contain('Posting as Remy');
  });

  it('puts the count back and says why when the server refuses', async () => {
    const c = await newCommunity();
    const thread = await server<string>('post', { slug: c.slug, title: 'About to vanish' });
    const widget = await mount(c);
    await waitFor(() => voteButton(widget), 'the vote button');
    // Join first, so the next click goes straight to the server.
    voteButton(widget).click();
    const dialog = await waitFor(() => find(widget, 'rapport-guest-dialog >> dialog[open]'), 'the guest dialog');
    type(find(dialog, 'input'), 'Ola');
    byText(dialog, 'button', 'Continue')?.click();
    // Saved, not just shown: the button is no longer busy.
    await waitFor(
      () =>
        voteButton(widget)?.getAttribute('aria-pressed') === 'true' &&
        voteButton(widget)?.getAttribute('aria-busy') === 'false',
      'the saved vote',
    );
    await server('hide', { threadId: thread });
    // Record every state the button shows: first the optimistic change, then the rollback.
    const shown: (string | null)[] = [];
    const button = voteButton(widget);
    new MutationObserver(() => shown.push(button.getAttribute('aria-pressed'))).observe(button, {
      attributeFilter: ['aria-pressed'],
    });
    button.click();
    const alert = await waitFor(() => find(widget, 'rapport-vote >> [role=alert]'), 'the error');
    expect(shown).to.deep.equal(['false', 'true']);
    expect(alert.textContent).to.contain('not found');
    expect(voteButton(widget).getAttribute('aria-pressed')).to.equal('true');
    expect(voteButton(widget).textContent).to.contain('1');
    expect(findAll(widget, 'rapport-vote')).to.have.length(1);
  });

  it('shows a vote cast inside a thread on the list after going back, without a reload', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'Vote inside' });
    const token = await server<string>('sso-token', { slug: c.slug, sub: 'inside-voter', name: 'Ivo' });
    const widget = await mount(c, { 'sso-token': token });
    await openThread(widget, 'Vote inside');
    const inThread = () => find(widget, 'rapport-thread-view >> rapport-vote >> button') as HTMLButtonElement;
    inThread().click();
    await waitFor(
      () => inThread()?.getAttribute('aria-pressed') === 'true' && inThread()?.getAttribute('aria-busy') === 'false',
      'the saved vote in the thread',
    );
    byText(widget, 'rapport-thread-view >> button', 'Back to all posts')?.click();
    await waitFor(() => find(widget, 'rapport-thread-list')?.hidden === false, 'the list');
    expect(voteButton(widget).getAttribute('aria-pressed')).to.equal('true');
    expect(voteButton(widget).textContent).to.contain('1');
  });
});
