import { expect } from 'chai';
import {
  cleanup,
  deepText,
  find,
  findAll,
  graphql,
  mountAdmin,
  newCommunity,
  server,
  signIn,
  waitFor,
} from '../testing/harness.ts';

const rows = (admin: Element) => findAll(admin, 'admin-audit >> tbody tr').map((tr) => deepText(tr));

describe('<admin-audit>', () => {
  afterEach(cleanup);

  it('shows who did what, to what, with before and after; filterable by kind of action and by person', async () => {
    const community = await newCommunity();
    const thread = await server<string>('post', { slug: community.slug, title: 'Audit me', as: 'Ann' });
    const me = await signIn(community, 'manager');
    await graphql('mutation ($t: ID!) { hideThread(threadId: $t, reason: "Off topic") { id } }', { t: thread });
    await graphql('mutation { updateCommunity(input: { name: "Audited Brand" }) { id } }');
    const admin = await mountAdmin('/admin/audit');
    await waitFor(() => rows(admin).length >= 2, 'the entries');
    const [newest, hide] = rows(admin);
    expect(newest).to.contain(me.name).and.contain('community.update').and.contain('Audited Brand');
    expect(hide).to.contain('thread.hide').and.contain('Off topic');
    // The thread by its title, not "Thread 0190…".
    expect(hide)
      .to.contain('Audit me')
      .and.not.match(/Thread [0-9a-f]{8}-/);
    expect(find(find(admin, 'admin-audit >> tbody tr:nth-child(2)')!, 'a')?.getAttribute('href')).to.equal(
      `/admin/threads/${encodeURIComponent(thread)}`,
    );

    const action = find(admin, 'admin-audit >> #action') as HTMLSelectElement;
    action.value = 'thread.';
    action.dispatchEvent(new Event('change'));
    await waitFor(() => rows(admin).every((r) => r.includes('thread.')), 'only thread actions');

    const actor = find(admin, 'admin-audit >> #actor') as HTMLSelectElement;
    actor.value = [...actor.options].find((o) => o.value && o.text !== me.name)!.value;
    actor.dispatchEvent(new Event('change'));
    await waitFor(
      () => deepText(find(admin, 'admin-audit')!).includes('Nothing recorded yet'),
      'nothing by someone else',
    );
  });

  it("names people, not ids, and shows a member's own request as theirs", async () => {
    const community = await newCommunity();
    const leaving = await server<{ name: string; id: string }>('staff-account', {
      slug: community.slug,
      role: 'staff',
    });
    const successor = await server<{ name: string; id: string }>('staff-account', {
      slug: community.slug,
      role: 'owner',
    });
    await server('request-deletion', { slug: community.slug, as: 'Dana' });
    await signIn(community, 'manager');
    await graphql(
      'mutation ($a: ID!, $b: [ID!]!) { deactivateStaff(staffId: $a, successorIds: $b) { movedThreads } }',
      {
        a: leaving.id,
        b: [successor.id],
      },
    );
    const admin = await mountAdmin('/admin/audit');
    await waitFor(() => rows(admin).some((r) => r.includes('staff.handover')), 'the handover');
    const handover = rows(admin).find((r) => r.includes('staff.handover')) as string;
    expect(handover).to.contain(leaving.name).and.contain(successor.name);
    expect(handover).not.to.match(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const request = rows(admin).find((r) => r.includes('member.deletion-requested')) as string;
    expect(request).to.contain('Dana (the member)').and.not.contain('System');
  });
});
