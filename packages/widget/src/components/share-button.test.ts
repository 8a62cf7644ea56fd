import { expect } from 'chai';
import {
  byText,
  cleanup,
  comeFrom,
  find,
  mount,
  newCommunity,
  openThread,
  server,
  waitFor,
} from '../testing/harness.ts';

describe('<rapport-share> and arriving through a shared link', () => {
  const page = location.href;
  let shared: ShareData | undefined;

  beforeEach(() => {
    shared = undefined;
    // The device's share sheet: record what the widget hands it.
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data: ShareData) => {
        shared = data;
      },
    });
  });

  afterEach(() => {
    cleanup();
    Reflect.deleteProperty(navigator, 'share');
    history.replaceState(null, '', page);
  });

  it('shares a link to the thread with the sharer’s code; a visit through it opens the thread and adds to their reach', async () => {
    const c = await newCommunity();
    const id = await server<string>('post', { slug: c.slug, title: 'Solar charger', as: 'Alma' });
    localStorage.setItem(
      `rapport:guest:${c.slug}`,
      await server<string>('guest-token', { slug: c.slug, name: 'Alma' }),
    );
    const widget = await mount(c);
    await openThread(widget, 'Solar charger');
    byText(widget, 'rapport-thread-view >> rapport-share >> button', 'Share')!.click();
    await waitFor(() => shared, 'the share sheet');
    expect(shared?.title).to.equal('Solar charger');
    const link = new URL(shared!.url!);
    expect(link.searchParams.get('rapport')).to.equal(`thread-${atob(id).split(':')[1]}`);
    const code = link.searchParams.get('rapport-ref');
    expect(code).to.match(/^[A-Za-z0-9_-]{6,}$/);
    await waitFor(
      () => find(widget, 'rapport-thread-view >> rapport-share >> [role=status]')?.textContent === 'Shared.',
      'the confirmation',
    );
    const before = await server<{ reach: number }>('standing', { slug: c.slug, name: 'Alma' });

    // Someone else opens the link (from their own address): the thread opens at once, and the
    // visit counts for Alma. From Alma's own address it would not.
    cleanup();
    comeFrom('203.0.113.77');
    history.replaceState(null, '', link.toString());
    const visitor = document.createElement('rapport-community');
    visitor.setAttribute('community', c.slug);
    visitor.setAttribute('endpoint', c.endpoint);
    document.body.append(visitor);
    await waitFor(
      () => find(visitor, 'rapport-thread-view >> h2')?.textContent === 'Solar charger',
      'the shared thread',
    );
    let after = before;
    for (let tries = 0; tries < 40 && after.reach <= before.reach; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await server<{ reach: number }>('standing', { slug: c.slug, name: 'Alma' });
    }
    expect(after.reach).to.be.greaterThan(before.reach);
  });

  it('shares a plain link, without a code, for someone not signed in', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'Lighter tent poles', as: 'Alma' });
    const widget = await mount(c);
    await openThread(widget, 'Lighter tent poles');
    byText(widget, 'rapport-thread-view >> rapport-share >> button', 'Share')!.click();
    await waitFor(() => shared, 'the share sheet');
    const link = new URL(shared!.url!);
    expect(link.searchParams.get('rapport')).to.match(/^thread-[0-9a-f-]{36}$/);
    expect(link.searchParams.has('rapport-ref')).to.equal(false);
  });
});
