import { expect } from 'chai';
import { byText, cleanup, deepText, find, findAll, mount, newCommunity, server, waitFor } from '../testing/harness.ts';

/** The signed-in member's own view of the API, with their token. */
async function asMember(c: { endpoint: string; slug: string }, token: string, query: string) {
  // As the widget does: the community in the address, for CORS.
  const url = new URL(c.endpoint);
  url.searchParams.set('community', c.slug);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()).data;
}

/** Waits until an asynchronous check holds (what the server says). */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the Account button and <rapport-account>', () => {
  afterEach(cleanup);

  it('shows new notifications as a badge, lists them (read once shown) and opens their thread', async () => {
    const c = await newCommunity();
    const id = await server<string>('post', { slug: c.slug, title: 'Solar charger', as: 'Alma' });
    await server('reply', { slug: c.slug, threadId: id, as: 'Bruno', body: 'With USB-C please' });
    await server('status', { slug: c.slug, threadId: id, status: 'PLANNED' });
    const token = await server<string>('guest-token', { slug: c.slug, name: 'Alma' });
    localStorage.setItem(`rapport:guest:${c.slug}`, token);
    const widget = await mount(c);

    const button = await waitFor(() => byText(widget, 'header button', 'Account'), 'the Account button');
    expect(button.getAttribute('aria-label')).to.equal('Your account: 2 new notifications');
    expect(find(button, '.badge')?.textContent).to.equal('2');
    button.click();
    const panel = await waitFor(() => find(widget, 'rapport-account'), 'the account panel');
    await waitFor(() => findAll(panel, 'li').length === 2, 'the notifications');
    const items = findAll(panel, 'li').map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    expect(items[0]).to.contain('“Solar charger” is now Planned');
    expect(items[1]).to.contain('Bruno replied in “Solar charger”');
    // Shown, so read: the badge is gone, on the server too.
    await eventually(
      async () =>
        (await asMember(c, token, '{ viewer { unreadNotificationCount } }')).viewer.unreadNotificationCount === 0,
      'read',
    );
    byText(panel, 'button', 'Bruno replied in “Solar charger”')?.click();
    await waitFor(() => find(widget, 'rapport-thread-view >> h2')?.textContent === 'Solar charger', 'the thread');
    const again = await waitFor(() => byText(widget, 'header button', 'Account'), 'the button again');
    expect(again.getAttribute('aria-label')).to.equal('Your account');
  });

  it('changes which emails come and how often, downloads the data, and deletes the account (or not)', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'Tent pegs', as: 'Cleo' });
    const token = await server<string>('guest-token', { slug: c.slug, name: 'Cleo' });
    localStorage.setItem(`rapport:guest:${c.slug}`, token);
    const widget = await mount(c);
    (await waitFor(() => byText(widget, 'header button', 'Account'), 'the Account button')).click();
    const panel = await waitFor(() => find(widget, 'rapport-account'), 'the panel');
    const follow = await waitFor(
      () => findAll(panel, 'label').find((l) => l.textContent?.includes('the threads I posted, voted for or follow')),
      'the followed-threads choice',
    );
    const box = find(follow, 'input') as HTMLInputElement;
    expect(box.checked).to.equal(true);
    box.click();
    await waitFor(() => find(panel, '[role=status]')?.textContent === 'Saved.', 'saved');
    const consents = (await asMember(c, token, '{ viewer { consents { purpose granted source } } }')).viewer.consents;
    expect(consents[0]).to.deep.equal({ purpose: 'THREAD_NOTIFICATIONS', granted: false, source: 'WIDGET' });
    const digest = find(panel, '#digest') as HTMLSelectElement;
    digest.value = 'DAILY';
    digest.dispatchEvent(new Event('change'));
    await eventually(
      async () => (await asMember(c, token, '{ viewer { emailDigest } }')).viewer.emailDigest === 'DAILY',
      'daily',
    );
    // Whether voting brings a thread's status updates: on, until they turn it off.
    const onVote = findAll(panel, 'label').find((l) => l.textContent?.includes('Voting for an idea also sends me'));
    const onVoteBox = find(onVote as Element, 'input') as HTMLInputElement;
    expect(onVoteBox.checked).to.equal(true);
    onVoteBox.click();
    await eventually(
      async () => (await asMember(c, token, '{ viewer { followOnVote } }')).viewer.followOnVote === false,
      'voting no longer subscribes',
    );

    // The download: a JSON file with what they wrote.
    const clicked: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      byText(panel, 'button', 'Download my data')?.click();
      await waitFor(() => clicked[0], 'the download');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(clicked[0]?.download).to.equal(`${c.slug}-my-data.json`);
    const data = await (await fetch(clicked[0]!.href)).json();
    expect(data.threads.map((t: { title: string }) => t.title)).to.deep.equal(['Tent pegs']);

    byText(panel, 'button', 'Delete my account')?.click();
    (await waitFor(() => byText(panel, 'button', 'Yes, delete my account'), 'the confirmation')).click();
    await waitFor(() => deepText(panel).includes('Your account will be erased on'), 'the date');
    expect((await asMember(c, token, '{ viewer { deletionDueAt } }')).viewer.deletionDueAt).to.be.a('string');
    byText(panel, 'button', 'Keep my account')?.click();
    await waitFor(() => byText(panel, 'button', 'Delete my account'), 'kept');
    expect((await asMember(c, token, '{ viewer { deletionDueAt } }')).viewer.deletionDueAt).to.equal(null);
  });

  it('is not offered to a visitor who has not joined', async () => {
    const c = await newCommunity();
    const widget = await mount(c);
    expect(byText(widget, 'header button', 'Account')).to.equal(undefined);
  });
});
