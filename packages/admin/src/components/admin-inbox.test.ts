import { expect } from 'chai';
import {
  byText,
  cleanup,
  deepText,
  find,
  findAll,
  holdRequests,
  mountAdmin,
  newCommunity,
  server,
  signIn,
  waitFor,
} from '../testing/harness.ts';

const titles = (admin: Element) => findAll(admin, 'admin-inbox >> ol a.title').map((a) => a.textContent?.trim());

describe('<admin-inbox>', () => {
  afterEach(cleanup);

  it('lists customers waiting for an answer, the longest wait first, with how long', async () => {
    const community = await newCommunity();
    await server('post', { slug: community.slug, title: 'First waiting idea', as: 'Ann' });
    const answered = await server<string>('post', { slug: community.slug, title: 'Answered idea', as: 'Bob' });
    await server('reply', { slug: community.slug, threadId: answered, as: 'staff', body: 'Thanks!' });
    await server('post', { slug: community.slug, kind: 'QUESTION', title: 'Second waiting question', as: 'Cy' });
    await signIn(community);
    const admin = await mountAdmin();
    await waitFor(() => titles(admin).length === 2, 'two waiting threads');
    expect(titles(admin)).to.deep.equal(['First waiting idea', 'Second waiting question']);
    const first = deepText(find(admin, 'admin-inbox >> ol li')!);
    expect(first)
      .to.match(/waiting \d+ minutes?/)
      .and.contain('Ann')
      .and.contain('Idea')
      .and.contain('Unassigned');
  });

  it('filters by kind, and shows when nothing matches', async () => {
    const community = await newCommunity();
    await server('post', { slug: community.slug, title: 'An idea', as: 'Ann' });
    await server('post', { slug: community.slug, kind: 'PROBLEM', title: 'A problem', as: 'Bob' });
    await signIn(community);
    const admin = await mountAdmin();
    await waitFor(() => titles(admin).length === 2, 'both threads');
    const kind = find(admin, 'admin-inbox >> #kind') as HTMLSelectElement;
    kind.value = 'PROBLEM';
    kind.dispatchEvent(new Event('change'));
    await waitFor(() => titles(admin).length === 1, 'one problem');
    expect(titles(admin)).to.deep.equal(['A problem']);
    kind.value = 'PRAISE';
    kind.dispatchEvent(new Event('change'));
    await waitFor(() => deepText(find(admin, 'admin-inbox')!).includes('Nobody is waiting'), 'the empty state');
  });

  it('shows threads assigned to me when asked', async () => {
    const community = await newCommunity();
    await server('post', { slug: community.slug, title: 'Not mine', as: 'Ann' });
    await signIn(community);
    const admin = await mountAdmin();
    await waitFor(() => titles(admin).length === 1, 'the thread');
    (find(admin, 'admin-inbox >> input[type=checkbox]') as HTMLInputElement).click();
    await waitFor(
      () => deepText(find(admin, 'admin-inbox')!).includes('Nobody is waiting'),
      'no thread assigned to me',
    );
  });

  it('is live: a new thread and a customer reply appear without a reload', async () => {
    const community = await newCommunity();
    await signIn(community);
    const admin = await mountAdmin();
    await waitFor(
      () => find(admin, 'admin-inbox >> [role=status]')?.textContent?.includes('Live'),
      'the live connection',
    );
    await waitFor(() => deepText(find(admin, 'admin-inbox')!).includes('Nobody is waiting'), 'the empty inbox');
    const id = await server<string>('post', { slug: community.slug, title: 'Fresh idea', as: 'Dee' });
    await waitFor(() => titles(admin).includes('Fresh idea'), 'the new thread to appear');
    await server('reply', { slug: community.slug, threadId: id, as: 'Eve', body: 'Me too!' });
    await waitFor(
      () => deepText(find(admin, 'admin-inbox >> ol li')!).includes('1 reply'),
      'the reply count to change',
    );
  });

  it('shows a thread posted after the inbox was read and before its live updates took hold', async () => {
    const community = await newCommunity();
    await signIn(community);
    const subscription = holdRequests('AdminCommunityEvents', 'request');
    const admin = await mountAdmin();
    await waitFor(() => deepText(find(admin, 'admin-inbox')!).includes('Nobody is waiting'), 'the empty inbox');
    await waitFor(() => subscription.held === 1, 'the subscription, held back');
    await server('post', { slug: community.slug, title: 'Posted meanwhile', as: 'Dee' });
    subscription.release();
    await waitFor(
      () => titles(admin).includes('Posted meanwhile'),
      'the thread, caught up as the subscription took hold',
    );
  });

  it('opens a thread from the list', async () => {
    const community = await newCommunity();
    await server('post', { slug: community.slug, title: 'Open me', as: 'Ann' });
    await signIn(community);
    const admin = await mountAdmin();
    const link = await waitFor(() => byText(admin, 'admin-inbox >> a.title', 'Open me'), 'the thread link');
    link.click();
    await waitFor(() => find(admin, 'admin-thread >> h1')?.textContent === 'Open me', 'the thread view');
    expect(location.pathname).to.match(/^\/admin\/threads\//);
  });
});
