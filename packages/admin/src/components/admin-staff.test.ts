import { expect } from 'chai';
import {
  byText,
  cleanup,
  deepText,
  find,
  findAll,
  graphql,
  mountAdmin,
  newCommunity,
  server,
  signIn,
  type,
  waitFor,
} from '../testing/harness.ts';

const cardOf = (admin: Element, name: string) =>
  findAll(admin, 'admin-staff-member').find((el) => find(el, 'h2')?.textContent?.includes(name));

describe('<admin-staff>', () => {
  afterEach(cleanup);

  it('invites a staff member and shows the one-time link to pass on', async () => {
    const community = await newCommunity();
    await signIn(community, 'manager');
    const admin = await mountAdmin('/admin/staff');
    await waitFor(() => findAll(admin, 'admin-staff-member').length >= 4, 'the team');
    type(find(admin, 'admin-staff >> #invite-name'), 'Nora New');
    type(find(admin, 'admin-staff >> #invite-email'), `nora-${community.slug}@brand.example`);
    type(find(admin, 'admin-staff >> #invite-title'), 'Support lead');
    byText(admin, 'admin-staff >> button', 'Create account')?.click();
    const link = await waitFor(() => find(admin, 'admin-staff >> code.invite-link')?.textContent, 'the link');
    expect(link).to.match(/\/admin\/set-password#token=.+/);
    const nora = await waitFor(() => cardOf(admin, 'Nora New'), 'Nora in the team');
    expect(deepText(nora)).to.contain('Invited').and.contain('Support lead');
    expect((find(admin, 'admin-staff >> #invite-name') as HTMLInputElement).value).to.equal('');
  });

  it('asks for the agency name of an agency member, next to it', async () => {
    const community = await newCommunity();
    await signIn(community, 'manager');
    const admin = await mountAdmin('/admin/staff');
    const role = (await waitFor(() => find(admin, 'admin-staff >> #invite-role'), 'the form')) as HTMLSelectElement;
    role.value = 'AGENCY';
    role.dispatchEvent(new Event('change'));
    await waitFor(() => find(admin, 'admin-staff >> #invite-agencyName'), 'the agency name field');
    type(find(admin, 'admin-staff >> #invite-name'), 'Axel Agent');
    type(find(admin, 'admin-staff >> #invite-email'), `axel-${community.slug}@agency.example`);
    byText(admin, 'admin-staff >> button', 'Create account')?.click();
    await waitFor(() => find(admin, 'admin-staff >> #invite-problem')?.textContent?.trim(), 'the problem');
    expect(find(admin, 'admin-staff >> #invite-agencyName')?.getAttribute('aria-invalid')).to.equal('true');
  });

  it('changes a role', async () => {
    const community = await newCommunity();
    await signIn(community, 'owner');
    const admin = await mountAdmin('/admin/staff');
    const account = await server<{ name: string }>('staff-account', { slug: community.slug, role: 'staff' });
    const sam = await waitFor(() => cardOf(admin, account.name), 'the staff member');
    const select = find(sam, 'select') as HTMLSelectElement;
    select.value = 'MANAGER';
    select.dispatchEvent(new Event('change'));
    byText(sam, 'button', 'Save')?.click();
    await waitFor(() => find(sam, '[role=status]')?.textContent?.includes('is now Manager'), 'the change');
  });

  it('deactivates only with a successor, who then looks after the open threads', async () => {
    const community = await newCommunity();
    const leaving = await server<{ name: string }>('staff-account', { slug: community.slug, role: 'staff' });
    const successor = await server<{ name: string }>('staff-account', { slug: community.slug, role: 'agency' });
    const thread = await server<string>('post', { slug: community.slug, title: 'Waiting on Sam', as: 'Cleo' });
    await signIn(community, 'manager');
    // Sam looks after the thread.
    const staff = await graphql<{ community: { staffMembers: { id: string; name: string }[] } }>(
      'query ($s: String!) { community(slug: $s) { staffMembers { id name } } }',
      { s: community.slug },
    );
    const samId = staff.community.staffMembers.find((m) => m.name === leaving.name)!.id;
    await graphql('mutation ($t: ID!, $s: ID) { assignThread(threadId: $t, staffId: $s) { id } }', {
      t: thread,
      s: samId,
    });

    const admin = await mountAdmin('/admin/staff');
    const sam = await waitFor(() => cardOf(admin, leaving.name), 'the leaving member');
    byText(sam, 'button', 'Deactivate')?.click();
    const confirm = await waitFor(() => byText(sam, 'form button', 'Deactivate and hand over'), 'the confirmation');
    confirm.click();
    await waitFor(
      () => find(sam, '#deactivate-problem')?.textContent?.includes('Choose who takes over'),
      'the successor is required',
    );
    expect(find(sam, '#successors')?.getAttribute('aria-invalid')).to.equal('true');

    const tick = (card: Element, name: string) =>
      findAll(card, '#successors label')
        .find((l) => l.textContent?.includes(name))
        ?.querySelector('input')
        ?.click();
    tick(sam, successor.name);
    byText(sam, 'form button', 'Deactivate and hand over')?.click();
    await waitFor(
      () => deepText(cardOf(admin, leaving.name) ?? sam).includes('Former staff'),
      'the member marked former',
    );
    const done = find(cardOf(admin, leaving.name)!, '[role=status]')?.textContent;
    expect(done).to.contain('1 open thread and 0 customer relationships go to').and.contain(successor.name);
    const after = await graphql(
      'query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { assignee { name } } } }',
      {
        s: community.slug,
        id: thread,
      },
    );
    expect(after.community.thread.assignee.name).to.equal(successor.name);

    // The brief the successor starts from: Cleo waits in the thread that moved.
    byText(cardOf(admin, leaving.name)!, 'a', 'Read the handover brief')?.click();
    const handovers = await waitFor(() => find(admin, 'admin-handovers >> details[open]'), 'the handover, open');
    const text = await waitFor(() => deepText(handovers).includes('Cleo') && deepText(handovers), 'the brief');
    expect(text)
      .to.contain(`${leaving.name} → ${successor.name}`)
      .and.contain('1 open thread, 0 followed · 1 customer in the brief, 0 now looked after by');
    // How long Cleo has waited, as the inbox says it (not "waiting 9 minutes ago").
    expect(text)
      .to.match(/waiting \d+ minutes?/)
      .and.not.match(/waiting \d+ minutes? ago/);
    expect(text).to.contain('Still waiting for an answer').and.contain('Waiting on Sam');
    expect(location.pathname).to.match(/^\/admin\/handovers\/.+/);
  });

  it('shares the work among several successors, with a brief for each', async () => {
    const community = await newCommunity();
    const leaving = await server<{ name: string }>('staff-account', { slug: community.slug, role: 'staff' });
    const first = await server<{ name: string }>('staff-account', { slug: community.slug, role: 'agency' });
    const second = await server<{ name: string }>('staff-account', { slug: community.slug, role: 'owner' });
    await signIn(community, 'manager');
    const staff = await graphql<{ community: { staffMembers: { id: string; name: string }[] } }>(
      'query ($s: String!) { community(slug: $s) { staffMembers { id name } } }',
      { s: community.slug },
    );
    const leavingId = staff.community.staffMembers.find((m) => m.name === leaving.name)!.id;
    for (const [title, as] of [
      ['Ann waits', 'Ann'],
      ['Ben waits', 'Ben'],
    ]) {
      const thread = await server<string>('post', { slug: community.slug, title, as });
      await graphql('mutation ($t: ID!, $s: ID) { assignThread(threadId: $t, staffId: $s) { id } }', {
        t: thread,
        s: leavingId,
      });
    }

    const admin = await mountAdmin('/admin/staff');
    const card = await waitFor(() => cardOf(admin, leaving.name), 'the leaving member');
    byText(card, 'button', 'Deactivate')?.click();
    await waitFor(() => find(card, '#successors'), 'the successors');
    for (const name of [first.name, second.name]) {
      findAll(card, '#successors label')
        .find((l) => l.textContent?.includes(name))
        ?.querySelector('input')
        ?.click();
    }
    byText(card, 'form button', 'Deactivate and hand over')?.click();
    // The list reloads after the change: look the card up again.
    const status = () => find(cardOf(admin, leaving.name) ?? card, '[role=status]')?.textContent ?? '';
    const done = await waitFor(() => status().includes('shared among') && status(), 'the result');
    expect(done).to.contain('2 open threads').and.contain(`${first.name} and ${second.name}`);
    const links = findAll(cardOf(admin, leaving.name) ?? card, 'a').map((a) => a.textContent?.trim());
    expect(links).to.deep.equal([`Read ${first.name}’s handover brief`, `Read ${second.name}’s handover brief`]);
  });

  it('offers no deactivation of oneself', async () => {
    const community = await newCommunity();
    const me = await signIn(community, 'manager');
    const admin = await mountAdmin('/admin/staff');
    const mine = await waitFor(() => cardOf(admin, me.name), 'my own card');
    expect(deepText(mine)).to.contain('(you)');
    expect(byText(mine, 'button', 'Deactivate')).to.equal(undefined);
  });

  it('names each Deactivate button for its person, for screen readers', async () => {
    const community = await newCommunity();
    await signIn(community, 'manager');
    const admin = await mountAdmin('/admin/staff');
    await waitFor(() => findAll(admin, 'admin-staff-member').length >= 4, 'the team');
    const names = findAll(admin, 'admin-staff-member')
      .map((card) => byText(card, 'button', 'Deactivate')?.getAttribute('aria-label'))
      .filter(Boolean);
    expect(names.length).to.equal(3); // everyone but oneself
    expect(new Set(names).size).to.equal(names.length);
    expect(names.every((n) => n?.startsWith('Deactivate '))).to.equal(true);
  });

  it("ends an agency's work with a button: its accounts are deactivated and handed over", async () => {
    const community = await newCommunity();
    const agent = await server<{ name: string }>('staff-account', { slug: community.slug, role: 'agency' });
    const successor = await server<{ name: string }>('staff-account', { slug: community.slug, role: 'staff' });
    await signIn(community, 'manager');
    const admin = await mountAdmin('/admin/staff');
    const agency = await waitFor(() => find(admin, 'admin-staff >> admin-agency-end'), 'the agency');
    expect(deepText(agency)).to.contain('Northwind').and.contain('1 active account');
    byText(agency, 'button', 'End Northwind’s work')?.click();
    (
      await waitFor(
        () => byText(agency, 'form button', 'Deactivate every Northwind account and hand over'),
        'the confirmation',
      )
    ).click();
    await waitFor(() => deepText(agency).includes('at least one person'), 'a successor asked for');
    const pick = findAll(agency, 'label').find((l) => l.textContent?.includes(successor.name));
    expect(findAll(agency, 'label').some((l) => l.textContent?.includes(agent.name))).to.equal(false);
    pick?.querySelector('input')?.click();
    byText(agency, 'form button', 'Deactivate every Northwind account and hand over')?.click();
    await waitFor(
      () =>
        find(agency, '[role=status]')?.textContent?.includes(
          `Northwind’s work has ended: ${agent.name} is deactivated`,
        ),
      'the agency ended',
    );
    await waitFor(() => deepText(cardOf(admin, agent.name) ?? agency).includes('Former staff'), 'the agent former');
    expect(byText(agency, 'a', new RegExp(`Read ${agent.name} → ${successor.name}`))).to.not.equal(undefined);
  });
});
