import { expect } from 'chai';
import {
  byText,
  cleanup,
  deepText,
  find,
  findAll,
  mountAdmin,
  newCommunity,
  server,
  signIn,
  waitFor,
} from '../testing/harness.ts';

const reports = (admin: Element) => findAll(admin, 'admin-moderation >> ol.reports > li');

describe('<admin-moderation>', () => {
  afterEach(cleanup);

  it('queues reported content; hiding it or dismissing the report empties the queue', async () => {
    const community = await newCommunity();
    const thread = await server<string>('post', { slug: community.slug, title: 'Cheap watches here', as: 'Spammer' });
    const fine = await server<string>('post', { slug: community.slug, title: 'A fine idea', as: 'Alma' });
    const reply = await server<string>('reply', {
      slug: community.slug,
      threadId: fine,
      as: 'Troll',
      body: 'You are all idiots',
    });
    await server('report', { slug: community.slug, threadId: thread, reason: 'Advertising' });
    await server('report', { slug: community.slug, threadId: fine, replyId: reply, reason: 'Insulting' });
    await server('report', { slug: community.slug, threadId: fine, reason: 'I just disagree' });
    await signIn(community, 'manager');
    const admin = await mountAdmin('/admin/moderation');
    await waitFor(() => reports(admin).length === 3, 'three reports');
    const [first, second] = reports(admin).map((r) => deepText(r));
    expect(first).to.contain('Cheap watches here').and.contain('Advertising').and.contain('Reported by Rita Reporter');
    expect(second).to.contain('A reply by Troll').and.contain('You are all idiots').and.contain('Insulting');

    byText(reports(admin)[0]!, 'button', 'Hide it')?.click();
    await waitFor(() => reports(admin).length === 2, 'the first report resolved');
    expect(find(admin, 'admin-moderation >> [role=status]')?.textContent).to.contain('Hidden');
    byText(reports(admin)[0]!, 'button', 'Hide it')?.click();
    await waitFor(() => reports(admin).length === 1, 'the reply report resolved');
    byText(reports(admin)[0]!, 'button', 'Dismiss')?.click();
    await waitFor(() => deepText(find(admin, 'admin-moderation')!).includes('No open reports'), 'an empty queue');

    // The hidden thread and reply are marked for staff; the dismissed thread is not.
    const hidden = await server<boolean>('thread-hidden', { slug: community.slug, threadId: thread });
    expect(hidden).to.equal(true);
    expect(await server<boolean>('thread-hidden', { slug: community.slug, threadId: fine })).to.equal(false);
  });

  it('is for managers: staff who open the address see no queue', async () => {
    const community = await newCommunity();
    await signIn(community, 'staff');
    const admin = await mountAdmin('/admin/moderation');
    await waitFor(() => find(admin, 'nav'), 'the console');
    expect(find(admin, 'admin-moderation')).to.equal(undefined);
    expect(find(admin, 'main [role=alert]')?.textContent).to.contain('for community managers');
  });
});
