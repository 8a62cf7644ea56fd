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

const card = (admin: Element, name: string) =>
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
    const nora = await waitFor(() => card(admin, 'Nora New'), 'Nora in the team');
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
    const sam = await waitFor(() => card(admin, account.name), 'the staff member');
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
    const sam = await waitFor(() => card(admin, leaving.name), 'the leaving member');
    byText(sam, 'button', 'Deactivate')?.click();
    const confirm = await waitFor(() => byText(sam, 'form button', 'Deactivate and hand over'), 'the confirmation');
    confirm.click();
    await waitFor(
      () => find(sam, '#deactivate-problem')?.textContent?.includes('Choose who takes over'),
      'the successor is required',
    );
    expect(find(sam, '#successor')?.getAttribute('aria-invalid')).to.equal('true');

    const select = find(sam, '#successor') as HTMLSelectElement;
    select.value = [...select.options].find((o) => o.text === successor.name)!.value;
    select.dispatchEvent(new Event('change'));
    byText(sam, 'form button', 'Deactivate and hand over')?.click();
    await waitFor(
      () => deepText(card(admin, leaving.name) ?? sam).includes('Former staff'),
      'the member marked former',
    );
    const done = find(card(admin, leaving.name)!, '[role=status]')?.textContent;
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
    byText(card(admin, leaving.name)!, 'a', 'Read the handover brief')?.click();
    const handovers = await waitFor(() => find(admin, 'admin-handovers >> details[open]'), 'the handover, open');
    const text = await waitFor(() => deepText(handovers).includes('Cleo') && deepText(handovers), 'the brief');
    expect(text)
      .to.contain(`${leaving.name} → ${successor.name}`)
      .and.contain('1 open thread, 0 followed, 0 customers');
    expect(text).to.contain('Still waiting for an answer').and.contain('Waiting on Sam');
    expect(location.pathname).to.match(/^\/admin\/handovers\/.+/);
  });

  it('offers no deactivation of oneself', async () => {
    const community = await newCommunity();
    const me = await signIn(community, 'manager');
    const admin = await mountAdmin('/admin/staff');
    const mine = await waitFor(() => card(admin, me.name), 'my own card');
    expect(deepText(mine)).to.contain('(you)');
    expect(byText(mine, 'button', 'Deactivate')).to.equal(undefined);
  });
});
