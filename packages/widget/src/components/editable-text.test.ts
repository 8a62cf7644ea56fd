import { expect } from 'chai';
import {
  byText,
  cleanup,
  deepText,
  find,
  findAll,
  listedTitles,
  mount,
  newCommunity,
  openThread,
  server,
  type,
  waitFor,
} from '../testing/harness.ts';

const replyItems = (widget: Element) => findAll(widget, 'rapport-thread-view >> ol li');

describe('<rapport-editable-text>', () => {
  afterEach(cleanup);

  it('lets the author edit and delete their reply; others see no such buttons', async () => {
    const c = await newCommunity();
    const token = await server<string>('sso-token', { slug: c.slug, sub: 'author-1', name: 'Ada Author' });
    await server('post', { slug: c.slug, title: 'Editable thread' });
    const widget = await mount(c, { 'sso-token': token });
    await openThread(widget, 'Editable thread');
    const form = await waitFor(() => find(widget, 'rapport-reply-form'), 'the reply form');
    type(find(form, 'textarea'), 'Frist post');
    byText(form, 'button', 'Reply')?.click();
    const mine = await waitFor(() => replyItems(widget).find((li) => deepText(li).includes('Frist post')), 'my reply');
    byText(mine, 'rapport-editable-text >> button', 'Edit')?.click();
    const editor = await waitFor(() => find(mine, 'rapport-editable-text >> textarea'), 'the editor');
    type(editor, 'First post');
    byText(mine, 'rapport-editable-text >> button', 'Save')?.click();
    await waitFor(
      () => deepText(mine).includes('First post') && deepText(mine).includes('(edited)'),
      'the edited reply',
    );

    byText(mine, 'rapport-editable-text >> button', 'Delete')?.click();
    await waitFor(() => deepText(mine).includes('Delete it for good?'), 'the confirmation');
    byText(mine, 'rapport-editable-text >> .actions button', 'Delete')?.click();
    await waitFor(() => !replyItems(widget).some((li) => deepText(li).includes('First post')), 'the reply to go');

    // The thread was posted by someone else: no Edit on it for this customer.
    const threadText = find(widget, 'rapport-thread-view >> article > rapport-editable-text') as Element;
    expect(byText(threadText, 'button', 'Edit')).to.equal(undefined);
  });

  it('lets the author delete their thread, which leaves the list', async () => {
    const c = await newCommunity();
    const token = await server<string>('sso-token', { slug: c.slug, sub: 'author-2', name: 'Tom Thread' });
    const widget = await mount(c, { 'sso-token': token });
    byText(widget, 'button', 'New post')?.click();
    const form = await waitFor(() => find(widget, 'rapport-post-form'), 'the form');
    type(find(form, 'input#title'), 'Posted by mistake');
    byText(form, 'button', 'Post')?.click();
    await waitFor(() => find(widget, 'rapport-thread-view >> h2')?.textContent === 'Posted by mistake', 'the thread');
    const text = await waitFor(
      () => find(widget, 'rapport-thread-view >> article > rapport-editable-text'),
      'its text',
    );
    await waitFor(() => byText(text, 'button', 'Delete'), 'the Delete button');
    byText(text, 'button', 'Delete')?.click();
    await waitFor(() => deepText(text).includes('Delete it for good?'), 'the confirmation');
    byText(text, '.actions button', 'Delete')?.click();
    await waitFor(
      () => deepText(find(widget, 'rapport-thread-view') as Element).includes('not available'),
      'the thread gone',
    );
    byText(widget, 'rapport-thread-view >> button', 'Back to all posts')?.click();
    await waitFor(() => !listedTitles(widget).includes('Posted by mistake'), 'the list without it');
  });

  it('shows links in posts as links that carry no credit and no access to the page', async () => {
    const c = await newCommunity();
    const id = await server<string>('post', { slug: c.slug, title: 'With a link' });
    await server('reply', {
      slug: c.slug,
      threadId: id,
      as: 'staff',
      body: 'See https://help.example/returns (section 2).',
    });
    const widget = await mount(c);
    await openThread(widget, 'With a link');
    const link = await waitFor(() => find(widget, 'rapport-thread-view >> rapport-editable-text >> a'), 'the link');
    expect(link.getAttribute('href')).to.equal('https://help.example/returns');
    expect(link.getAttribute('rel')).to.equal('nofollow ugc noopener noreferrer');
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(link.textContent).to.equal('https://help.example/returns');
  });

  it('withdraws, not deletes, a thread others have voted on: the conversation stays', async () => {
    const c = await newCommunity();
    localStorage.setItem(
      `rapport:guest:${c.slug}`,
      await server<string>('guest-token', { slug: c.slug, name: 'Wendy' }),
    );
    const id = await server<string>('post', { slug: c.slug, as: 'Wendy', title: 'Liked idea', body: 'My first text' });
    await server('vote', { slug: c.slug, threadId: id });
    const widget = await mount(c);
    await openThread(widget, 'Liked idea');
    const text = () => find(widget, 'rapport-thread-view >> article > rapport-editable-text') as Element;
    const withdraw = await waitFor(() => byText(text(), 'button', 'Withdraw'), 'Withdraw');
    expect(byText(text(), 'button', 'Delete')).to.equal(undefined);
    withdraw.click();
    await waitFor(() => deepText(text()).includes('the conversation stays'), 'the confirmation');
    byText(text(), '.actions button', 'Withdraw')?.click();
    await waitFor(() => deepText(text()).includes('Withdrawn by its author.'), 'shown as withdrawn');
    expect(deepText(text())).not.to.contain('My first text');
    expect(byText(text(), 'button', 'Edit')).to.equal(undefined);
    expect(find(widget, 'rapport-thread-view >> h2')?.textContent).to.equal('Liked idea');
  });
});
