import { setViewport } from '@web/test-runner-commands';
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
  type,
  waitFor,
} from '../testing/harness.ts';

const navLabels = (admin: Element) => findAll(admin, 'nav a').map((a) => a.textContent?.trim());

describe('<rapport-admin>', () => {
  afterEach(cleanup);

  it('signs staff in with e-mail and password, and out again', async () => {
    const community = await newCommunity();
    const account = await server<{ email: string; password: string; name: string }>('staff-account', {
      slug: community.slug,
    });
    const admin = await mountAdmin();
    type(find(admin, 'admin-sign-in >> #community'), community.slug);
    type(find(admin, 'admin-sign-in >> #email'), account.email);
    type(find(admin, 'admin-sign-in >> #password'), 'not the password');
    byText(admin, 'admin-sign-in >> button', 'Sign in')?.click();
    const problem = await waitFor(() => find(admin, 'admin-sign-in >> #problem')?.textContent?.trim(), 'the error');
    expect(problem).to.match(/email or password/i);
    expect(find(admin, 'admin-sign-in >> #password')?.getAttribute('aria-invalid')).to.equal('true');

    type(find(admin, 'admin-sign-in >> #password'), account.password);
    byText(admin, 'admin-sign-in >> button', 'Sign in')?.click();
    await waitFor(() => find(admin, 'admin-inbox >> h1'), 'the inbox');
    expect(deepText(find(admin, 'header')!))
      .to.contain(account.name)
      .and.contain(community.brand);

    byText(admin, 'header button', 'Sign out')?.click();
    await waitFor(() => find(admin, 'admin-sign-in'), 'the sign-in form');
    // The community is remembered for next time.
    expect((find(admin, 'admin-sign-in >> #community') as HTMLInputElement).value).to.equal(community.slug);
  });

  it('shows staff only what staff may do, and managers the rest', async () => {
    const community = await newCommunity();
    await signIn(community, 'staff');
    let admin = await mountAdmin();
    await waitFor(() => find(admin, 'nav'), 'the navigation');
    // The ranking, segments, demand and the pulse are for the whole team; flagging ambassadors
    // and saving segments are for managers.
    expect(navLabels(admin)).to.deep.equal([
      'Inbox',
      'Members',
      'Ambassadors',
      'Segments',
      'Demand',
      'Asks',
      'Pulse',
      'Handovers',
      "What's new",
      'My profile',
    ]);
    admin.remove();
    await cleanup();

    await signIn(community, 'manager');
    admin = await mountAdmin();
    await waitFor(() => find(admin, 'nav'), 'the navigation');
    expect(navLabels(admin)).to.deep.equal([
      'Inbox',
      'Members',
      'Ambassadors',
      'Segments',
      'Demand',
      'Asks',
      'Pulse',
      'Handovers',
      "What's new",
      'Moderation',
      'Staff',
      'Settings',
      'Audit log',
      'My profile',
    ]);
  });

  it('has an address for every screen: links navigate without reloading, and Back returns', async () => {
    const community = await newCommunity();
    await signIn(community, 'manager');
    const admin = await mountAdmin('/admin/members');
    await waitFor(() => find(admin, 'admin-members >> h1'), 'the members screen');
    expect(find(admin, 'nav a[aria-current="page"]')?.textContent).to.equal('Members');
    byText(admin, 'nav a', 'Settings')?.click();
    await waitFor(() => find(admin, 'admin-settings >> h1'), 'the settings screen');
    expect(location.pathname).to.equal('/admin/settings');
    history.back();
    await waitFor(() => find(admin, 'admin-members >> h1'), 'the members screen again');
  });

  it('asks a signed-out visitor to sign in, whatever the address', async () => {
    await newCommunity();
    const admin = await mountAdmin('/admin/settings');
    expect(find(admin, 'admin-sign-in >> h1')?.textContent).to.contain('Sign in');
  });

  it('keeps the navigation on one row on a laptop, and behind a Menu button on a phone', async () => {
    const community = await newCommunity();
    await signIn(community, 'manager');
    try {
      await setViewport({ width: 1280, height: 800 });
      const admin = await mountAdmin();
      await waitFor(() => find(admin, 'nav'), 'the navigation');
      const links = () => findAll(admin, 'nav a') as HTMLElement[];
      const rows = () => new Set(links().map((a) => Math.round(a.getBoundingClientRect().top))).size;
      expect(rows()).to.equal(1);
      const menu = byText(admin, 'header button', 'Menu') as HTMLElement;
      expect(getComputedStyle(menu).display).to.equal('none');
      // Every link visible, none scrolled away.
      expect(links().every((a) => a.getBoundingClientRect().right <= 1280)).to.equal(true);
      const header = find(admin, 'header') as HTMLElement;
      expect(header.getBoundingClientRect().height).to.be.below(110);

      await setViewport({ width: 375, height: 740 });
      await waitFor(() => getComputedStyle(menu).display !== 'none', 'the Menu button');
      expect(links().every((a) => a.getBoundingClientRect().height === 0)).to.equal(true);
      expect(header.getBoundingClientRect().height).to.be.below(60); // one row: brand, Menu, Sign out
      expect(menu.getAttribute('aria-expanded')).to.equal('false');
      menu.click();
      await waitFor(() => menu.getAttribute('aria-expanded') === 'true', 'the menu open');
      // Open, one link per line, all on screen.
      const lefts = new Set(links().map((a) => Math.round(a.getBoundingClientRect().left)));
      expect(lefts.size).to.equal(1);
      expect(links().every((a) => a.getBoundingClientRect().right <= 375)).to.equal(true);
      byText(admin, 'nav a', 'Settings')?.click();
      await waitFor(() => find(admin, 'admin-settings >> h1'), 'the settings screen');
      expect(menu.getAttribute('aria-expanded')).to.equal('false');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
