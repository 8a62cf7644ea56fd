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
  type,
  waitFor,
  watchAnswers,
} from '../testing/harness.ts';

async function openThread(role: 'staff' | 'manager' | 'agency' = 'staff', title = 'Dark mode please') {
  const community = await newCommunity();
  const id = await server<string>('post', { slug: community.slug, title, body: 'My eyes hurt at night.', as: 'Nina' });
  const staff = await signIn(community, role);
  const admin = await mountAdmin(`/admin/threads/${encodeURIComponent(id)}`);
  await waitFor(() => find(admin, 'admin-thread >> h1')?.textContent === title, 'the thread');
  return { community, id, admin, staff };
}

const replies = (admin: Element) => findAll(admin, 'admin-thread >> ol.replies > li');

/** A thread with `count` replies ("Reply 1"…), a staff member signed in, and a way to add one more. */
async function busyThread(count: number) {
  const community = await newCommunity();
  const id = await server<string>('post', { slug: community.slug, title: 'Busy thread', as: 'Nina' });
  const reply = (body: string) => server('reply', { slug: community.slug, threadId: id, as: 'Chatty', body });
  for (let i = 1; i <= count; i++) await reply(`Reply ${i}`);
  await signIn(community);
  return { path: `/admin/threads/${encodeURIComponent(id)}`, reply };
}

describe('<admin-thread>', () => {
  afterEach(cleanup);

  it('shows a merged duplicate as merged: nobody waits there and replies go where it was merged', async () => {
    const community = await newCommunity();
    const original = await server<string>('post', { slug: community.slug, title: 'Original', as: 'Olga' });
    const duplicate = await server<string>('post', { slug: community.slug, title: 'Duplicate', as: 'Dina' });
    await server('merge', { slug: community.slug, threadId: duplicate, intoThreadId: original });
    await signIn(community);
    const admin = await mountAdmin(`/admin/threads/${encodeURIComponent(duplicate)}`);
    const view = await waitFor(
      () => (find(admin, 'admin-thread >> h1')?.textContent === 'Duplicate' ? find(admin, 'admin-thread') : undefined),
      'the duplicate',
    );
    const text = deepText(view);
    expect(text).not.to.contain('The customer is waiting for you');
    expect(find(view, '.waiting')).to.equal(undefined);
    expect(find(view, 'admin-reply-form')).to.equal(undefined);
    expect(text).to.contain('Replies go to the thread it was merged into');
  });

  it('shows staff the text of a thread its author withdrew, and says so', async () => {
    const community = await newCommunity();
    const id = await server<string>('post', {
      slug: community.slug,
      title: 'Withdrawn idea',
      body: 'Kept for staff',
      as: 'Nina',
    });
    await server('vote', { slug: community.slug, threadId: id });
    await server('withdraw', { slug: community.slug, threadId: id, as: 'Nina' });
    await signIn(community);
    const admin = await mountAdmin(`/admin/threads/${encodeURIComponent(id)}`);
    const article = await waitFor(() => find(admin, 'admin-thread >> article'), 'the thread');
    await waitFor(() => deepText(article).includes('Its author withdrew it'), 'the withdrawn notice');
    expect(deepText(article)).to.contain('Kept for staff');
  });

  it('shows the thread, how long the customer waits, and who they are', async () => {
    const { admin } = await openThread();
    const thread = deepText(find(admin, 'admin-thread >> article')!);
    expect(thread)
      .to.contain('Nina')
      .and.contain('My eyes hurt at night.')
      .and.match(/waiting \d+ minutes?/);
    const brief = await waitFor(() => find(admin, 'admin-customer-panel >> section'), 'the relationship brief');
    // One thread, in the singular (an ICU plural).
    await waitFor(() => deepText(brief).includes('1 thread ·'), 'the activity counts');
    expect(deepText(brief))
      .to.contain('Nina')
      .and.contain('Guest')
      .and.contain('No staff member has talked with them yet');
  });

  it('previews a reply as customers will see it, then sends it as the staff member', async () => {
    const { admin, staff } = await openThread();
    type(find(admin, 'admin-reply-form >> textarea'), 'Good news: see https://example.com/dark');
    const preview = await waitFor(() => find(admin, 'admin-reply-form >> .preview'), 'the preview');
    expect(deepText(preview)).to.contain(staff.name).and.contain('Staff');
    expect(find(preview, 'a')?.getAttribute('href')).to.equal('https://example.com/dark');
    byText(admin, 'admin-reply-form >> button', 'Send reply')?.click();
    await waitFor(() => replies(admin).length === 1, 'the reply in the conversation');
    expect(deepText(replies(admin)[0]!))
      .to.contain(staff.name)
      .and.contain('Good news');
    expect((find(admin, 'admin-reply-form >> textarea') as HTMLTextAreaElement).value).to.equal('');
    // Answered: nobody waits any more, and the brief knows who talked with the customer.
    await waitFor(() => !deepText(find(admin, 'admin-thread >> article')!).includes('waiting'), 'the wait to end');
  });

  it("lets staff edit and delete their own sent reply, and not a customer's", async () => {
    const { admin, community, id } = await openThread();
    await server('reply', { slug: community.slug, threadId: id, as: 'Nina', body: 'Any news?' });
    type(find(admin, 'admin-reply-form >> textarea'), 'Soon, I promise');
    byText(admin, 'admin-reply-form >> button', 'Send reply')?.click();
    await waitFor(() => replies(admin).length === 2, 'both replies');
    const customer = replies(admin)[0]!;
    expect(find(customer, 'admin-own-reply')).to.equal(undefined);
    const own = () => replies(admin)[1]!;
    byText(own(), 'admin-own-reply >> button', 'Edit')?.click();
    const editor = await waitFor(() => find(own(), 'admin-own-reply >> textarea'), 'the editor');
    expect((editor as HTMLTextAreaElement).value).to.equal('Soon, I promise');
    type(editor, 'Next week, I promise');
    byText(own(), 'admin-own-reply >> button', 'Save')?.click();
    await waitFor(() => deepText(own()).includes('Next week, I promise'), 'the edited reply');
    byText(own(), 'admin-own-reply >> button', 'Delete')?.click();
    await waitFor(() => deepText(own()).includes('Delete your reply for everyone?'), 'the confirmation');
    byText(own(), 'admin-own-reply >> button', 'Delete')?.click();
    await waitFor(() => replies(admin).length === 1, 'the reply gone');
    expect(deepText(replies(admin)[0]!)).to.contain('Any news?');
  });

  it('labels an agency reply as the agency for the brand in the preview', async () => {
    const { admin, community } = await openThread('agency');
    type(find(admin, 'admin-reply-form >> textarea'), 'On it.');
    const preview = await waitFor(() => find(admin, 'admin-reply-form >> .preview'), 'the preview');
    expect(deepText(preview)).to.contain(`Agency for ${community.brand}`);
  });

  it('refuses an empty reply next to the reply field', async () => {
    const { admin } = await openThread();
    byText(admin, 'admin-reply-form >> button', 'Send reply')?.click();
    const error = await waitFor(() => find(admin, 'admin-reply-form >> #reply-error'), 'the error');
    expect(error.textContent).to.contain('at least 1');
    expect(find(admin, 'admin-reply-form >> textarea')?.getAttribute('aria-invalid')).to.equal('true');
  });

  it('changes the status with a note for followers', async () => {
    const { admin } = await openThread();
    const select = find(admin, 'admin-thread-actions >> #status') as HTMLSelectElement;
    select.value = 'PLANNED';
    select.dispatchEvent(new Event('change'));
    type(find(admin, 'admin-thread-actions >> #note'), 'Coming in the spring release.');
    byText(admin, 'admin-thread-actions >> button', 'Update status')?.click();
    await waitFor(
      () => deepText(find(admin, 'admin-thread >> article')!).includes('Coming in the spring release.'),
      'the note',
    );
    expect(deepText(find(admin, 'admin-thread >> article')!)).to.contain('Planned');
    expect(find(admin, 'admin-thread-actions >> [role=status]')?.textContent).to.contain('followers will see it');
  });

  it('gives the thread to a colleague', async () => {
    const { admin } = await openThread();
    const select = find(admin, 'admin-thread-actions >> #assignee') as HTMLSelectElement;
    const option = [...select.options].find((o) => o.value && !o.selected)!;
    select.value = option.value;
    select.dispatchEvent(new Event('change'));
    await waitFor(
      () => find(admin, 'admin-thread-actions >> [role=status]')?.textContent?.includes(`Assigned to ${option.text}`),
      'the assignment',
    );
  });

  it('merges a duplicate into the original, found by its words', async () => {
    const { admin, community, id } = await openThread('staff', 'Night theme');
    await server('post', { slug: community.slug, title: 'Dark mode for the app', as: 'Olga' });
    type(find(admin, 'admin-merge-form >> input[type=search]'), 'dark mode');
    const option = await waitFor(
      () => byText(admin, 'admin-merge-form >> label', 'Dark mode for the app'),
      'the original',
    );
    expect(
      findAll(admin, 'admin-merge-form >> input[type=radio]').map((r) => (r as HTMLInputElement).value),
    ).not.to.include(id);
    expect(option.textContent).to.contain('Olga');
    find(option, 'input')!.click();
    byText(admin, 'admin-merge-form >> button', 'Merge')?.click();
    const notice = await waitFor(() => byText(admin, 'admin-thread >> article a', 'Merged into'), 'the merged notice');
    notice.click();
    await waitFor(
      () => find(admin, 'admin-thread >> h1')?.textContent === 'Dark mode for the app',
      'the original thread',
    );
  });

  it('offers the threads most like this one as possible duplicates, before any words are typed', async () => {
    const community = await newCommunity();
    await server('post', { slug: community.slug, title: 'Dark theme for night reading', as: 'Olga' });
    await server('post', { slug: community.slug, title: 'Gift cards', as: 'Olga' });
    const id = await server<string>('post', { slug: community.slug, title: 'Dark mode please', as: 'Nina' });
    await signIn(community, 'staff');
    const admin = await mountAdmin(`/admin/threads/${encodeURIComponent(id)}`);
    const heading = await waitFor(() => find(admin, 'admin-merge-form >> #similar-title'), 'the possible duplicates');
    expect(heading.textContent).to.equal('Possible duplicates');
    const offered = findAll(admin, 'admin-merge-form >> label.row').map((l) =>
      l.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(offered).to.have.length(1);
    // Who wrote it and when: threads with the same title can be told apart.
    expect(offered[0]).to.contain('Dark theme for night reading').and.contain('Open').and.contain('Olga');
    expect(find(admin, 'admin-merge-form >> label.row time')?.getAttribute('datetime')).to.match(/^\d{4}-/);
  });

  it('lets managers hide a reply with a reason, and restore it', async () => {
    const { admin, community, id } = await openThread('manager');
    await server('reply', { slug: community.slug, threadId: id, as: 'Spammer', body: 'Buy cheap watches' });
    await waitFor(() => replies(admin).length === 1, 'the reply (live)');
    byText(replies(admin)[0]!, 'admin-reason-action >> button', 'Hide')?.click();
    const reason = await waitFor(() => find(replies(admin)[0]!, 'admin-reason-action >> input'), 'the reason field');
    expect(reason.matches(':focus'), 'focus moves to the reason').to.equal(true);
    type(reason, 'Spam');
    byText(replies(admin)[0]!, 'admin-reason-action >> form button', 'Hide')?.click();
    await waitFor(() => deepText(replies(admin)[0]!).includes('Hidden from customers: Spam'), 'the hidden notice');
    byText(replies(admin)[0]!, 'button', 'Restore')?.click();
    await waitFor(() => !deepText(replies(admin)[0]!).includes('Hidden from customers'), 'the reply restored');
  });

  it('lets managers lock a thread, and not staff', async () => {
    const { admin } = await openThread('manager');
    byText(admin, 'admin-thread-actions >> button', 'Lock')?.click();
    await waitFor(() => deepText(find(admin, 'admin-thread >> article')!).includes('Locked'), 'the locked notice');
    await cleanup();
    const staffView = await openThread('staff');
    expect(find(staffView.admin, 'admin-thread-actions >> #moderation-title')).to.equal(undefined);
  });

  it('says so when the thread does not exist', async () => {
    const community = await newCommunity();
    await signIn(community);
    const admin = await mountAdmin(`/admin/threads/${btoa('Thread:nope')}`);
    await waitFor(() => deepText(find(admin, 'admin-thread')!).includes('does not exist'), 'the missing notice');
  });
});

describe('<admin-thread> with a long conversation', () => {
  afterEach(cleanup);

  it('shows a hundred replies, then the rest on request, and keeps them when a new one arrives live', async () => {
    const { path, reply } = await busyThread(102);
    const admin = await mountAdmin(path);
    await waitFor(() => replies(admin).length === 100, 'the first hundred');
    byText(admin, 'admin-thread >> button', 'Show more replies')?.click();
    await waitFor(() => replies(admin).length === 102, 'all replies');
    await reply('Reply 103');
    await waitFor(() => replies(admin).length === 103, 'the new reply, live, after the others');
    expect(deepText(replies(admin)[102]!)).to.contain('Reply 103');
  });
});

describe('<admin-thread> on a slow network', () => {
  afterEach(cleanup);

  async function aThread() {
    const community = await newCommunity();
    const id = await server<string>('post', { slug: community.slug, title: 'Slow line', as: 'Nina' });
    await signIn(community);
    const reply = () => server('reply', { slug: community.slug, threadId: id, as: 'Olga', body: 'Me too' });
    return { path: `/admin/threads/${encodeURIComponent(id)}`, reply };
  }

  it('shows a reply posted after the thread was read and before its live updates took hold', async () => {
    const { path, reply } = await aThread();
    const subscription = holdRequests('AdminThreadEvents', 'request');
    const admin = await mountAdmin(path);
    await waitFor(() => deepText(find(admin, 'admin-thread')!).includes('No replies'), 'the empty conversation');
    await waitFor(() => subscription.held === 1, 'the subscription, held back');
    await reply();
    subscription.release();
    await waitFor(() => replies(admin).length === 1, 'the reply, caught up as the subscription took hold');
  });

  it('shows a live reply while an older answer to the same query is still on its way', async () => {
    const { path, reply } = await aThread();
    // The conversation's first answer (no replies) arrives late; the live reply comes meanwhile.
    // urql would hand a refresh sent now that same old answer.
    const firstAnswer = holdRequests('AdminThreadReplies', 'answer');
    const stream = watchAnswers('AdminThreadEvents');
    const admin = await mountAdmin(path);
    await waitFor(() => firstAnswer.held === 1, 'the first answer, held back');
    await stream.saw('SubscriptionStartedEvent');
    await reply();
    await stream.saw('ReplyAddedEvent');
    // Let the console act on the event (it asks for a refresh) before the old answer lands.
    await new Promise((resolve) => setTimeout(resolve, 100));
    firstAnswer.release();
    await waitFor(() => replies(admin).length === 1, 'the live reply');
  });

  it('leaves no live stream open when closed while an answer is on its way', async () => {
    const { path } = await aThread();
    const stream = watchAnswers('AdminThreadEvents');
    const thread = holdRequests('"AdminThread"', 'answer');
    const admin = await mountAdmin(path);
    const element = await waitFor(() => find(admin, 'admin-thread'), 'the thread screen');
    await waitFor(() => thread.held === 1, 'the thread, held back');
    await stream.saw('SubscriptionStartedEvent');
    admin.remove();
    thread.release();
    // The late answer still renders in the removed element; it must not subscribe again.
    await waitFor(() => find(element, 'h1'), 'the late answer');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.started, 'streams begun').to.equal(1);
    await waitFor(() => stream.open === 0, 'the stream to close');
  });

  it('keeps the page "Show more" is fetching when a live reply comes meanwhile', async () => {
    const { path, reply } = await busyThread(101);
    const stream = watchAnswers('AdminThreadEvents');
    const admin = await mountAdmin(path);
    await waitFor(() => replies(admin).length === 100, 'the first hundred');
    await stream.saw('SubscriptionStartedEvent');
    const nextPage = holdRequests(/AdminThreadReplies[\s\S]*"after":"/, 'answer');
    byText(admin, 'admin-thread >> button', 'Show more replies')?.click();
    await waitFor(() => nextPage.held === 1, 'the next page, held back');
    await reply('Reply 102');
    await stream.saw('ReplyAddedEvent');
    await new Promise((resolve) => setTimeout(resolve, 100));
    nextPage.release();
    await waitFor(() => replies(admin).length === 102, 'every reply, the live one last');
    expect(deepText(replies(admin)[101]!)).to.contain('Reply 102');
  });
});
