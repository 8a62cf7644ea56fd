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

const names = (admin: Element) =>
  findAll(admin, 'admin-ambassadors >> tbody tr td:nth-child(2) button').map((b) => b.textContent?.trim());
const tab = (admin: Element, label: string) => byText(admin, 'admin-ambassadors >> [role=tab]', label);

describe('<admin-ambassadors>: the ranking, a member’s breakdown, flagging', () => {
  afterEach(cleanup);

  /** Alma posts and draws votes and a reply; Bruno replies once; three voters only vote. */
  async function community() {
    const c = await newCommunity();
    const idea = await server<string>('post', { slug: c.slug, title: 'Dark mode for the app', as: 'Alma' });
    await server('post', { slug: c.slug, title: 'Export to spreadsheet', as: 'Alma' });
    await server('vote', { slug: c.slug, threadId: idea, voters: 3 });
    await server('reply', { slug: c.slug, threadId: idea, as: 'Bruno', body: 'Yes please, this would be great' });
    return c;
  }

  it('ranks members by score, with their parts and trend, and explains a score on click', async () => {
    const c = await community();
    await signIn(c);
    const admin = await mountAdmin('/admin/ambassadors');
    await waitFor(() => names(admin).length === 5, 'five ranked members');
    expect(names(admin).slice(0, 2)).to.deep.equal(['Alma', 'Bruno']);
    const alma = find(admin, 'admin-ambassadors >> tbody tr')!;
    const cells = findAll(alma, 'td').map((td) => td.textContent?.trim() ?? '');
    expect(cells[0]).to.equal('1');
    expect(Number(cells[2])).to.be.greaterThan(
      Number(findAll(admin, 'admin-ambassadors >> tbody tr')[1]?.querySelectorAll('td')[2]?.textContent),
    );
    // A new community: nothing counted a month ago, so everyone is new, not "up" by their whole score.
    expect(deepText(alma)).to.contain('new in the last 30 days').and.not.contain('up ');

    find(admin, 'admin-ambassadors >> tbody tr td:nth-child(2) button')!.click();
    const breakdown = await waitFor(() => find(admin, 'admin-score-breakdown >> section'), 'the breakdown');
    await waitFor(() => deepText(breakdown).includes('Why Alma ranks here'), 'the title');
    const text = deepText(breakdown);
    expect(text).to.contain('Dark mode for the app').and.contain('Love').and.contain('Reach');
    expect(findAll(breakdown, 'ol li').length).to.be.greaterThan(2);
    // Three votes on one thread are one line, not the same thread three times.
    const votes = findAll(breakdown, 'ol li').filter((li) => li.textContent?.includes('Voted'));
    expect(votes).to.have.length(1);
    expect(votes[0]?.textContent).to.contain('×3').and.contain('Dark mode for the app');
    // Staff see the explanation but cannot flag.
    expect(byText(admin, 'admin-score-breakdown >> button', 'Flag as ambassador')).to.equal(undefined);
  });

  it('lets a manager flag a member with a reason, then lists them under Ambassadors; and unflag', async () => {
    const c = await community();
    await signIn(c, 'manager');
    const admin = await mountAdmin('/admin/ambassadors');
    await waitFor(() => names(admin)[0] === 'Alma', 'Alma first');
    find(admin, 'admin-ambassadors >> tbody tr td:nth-child(2) button')!.click();
    (await waitFor(() => byText(admin, 'admin-score-breakdown >> button', 'Flag as ambassador'), 'flag')).click();
    const confirm = (label: string) =>
      waitFor(() => byText(admin, 'admin-score-breakdown >> admin-reason-action >> form button', label), label);
    // The reason needs a few words: the server says so, in place.
    type(await waitFor(() => find(admin, 'admin-score-breakdown >> admin-reason-action >> input'), 'the reason'), 'no');
    (await confirm('Flag as ambassador')).click();
    await waitFor(
      () => find(admin, 'admin-score-breakdown >> admin-reason-action >> #problem')?.textContent?.trim(),
      'the problem with the reason',
    );
    type(find(admin, 'admin-score-breakdown >> admin-reason-action >> input'), 'Answers others every week');
    (await confirm('Flag as ambassador')).click();
    await waitFor(
      () => deepText(find(admin, 'admin-score-breakdown')!).includes('Alma is an ambassador now'),
      'the confirmation',
    );
    await waitFor(
      () => deepText(find(admin, 'admin-ambassadors >> tbody tr')!).includes('Ambassador'),
      'the badge in the table',
    );

    tab(admin, 'Ambassadors')!.click();
    await waitFor(() => names(admin).join() === 'Alma', 'only Alma under Ambassadors');
    const { community: audited } = await graphql(
      'query ($s: String!) { community(slug: $s) { auditLog(action: "member.", first: 5) { edges { node { action after } } } } }',
      { s: c.slug },
    );
    expect(audited.auditLog.edges.map((e: { node: { after: unknown } }) => e.node.after)).to.deep.include({
      ambassador: true,
      reason: 'Answers others every week',
    });

    find(admin, 'admin-ambassadors >> tbody tr td:nth-child(2) button')!.click();
    (
      await waitFor(() => byText(admin, 'admin-score-breakdown >> button', 'Remove ambassador badge'), 'unflag')
    ).click();
    type(
      await waitFor(() => find(admin, 'admin-score-breakdown >> admin-reason-action >> input'), 'the reason'),
      'Asked not to be featured',
    );
    (await confirm('Remove ambassador badge')).click();
    await waitFor(
      () => deepText(find(admin, 'admin-ambassadors')!).includes('No ambassadors yet'),
      'the empty Ambassadors tab',
    );
  });

  it('moves between segment tabs with the arrow keys', async () => {
    const c = await community();
    await signIn(c);
    const admin = await mountAdmin('/admin/ambassadors');
    await waitFor(() => names(admin).length > 0, 'the ranking');
    const first = tab(admin, 'Everyone')!;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await waitFor(() => tab(admin, 'Suggested')?.getAttribute('aria-selected') === 'true', 'Suggested selected');
    const active = find(admin, 'admin-ambassadors')!.shadowRoot!.activeElement;
    expect(active?.textContent?.trim()).to.equal('Suggested');
    tab(admin, 'Suggested')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true }),
    );
    await waitFor(() => tab(admin, 'Everyone')?.getAttribute('aria-selected') === 'true', 'back to Everyone');
  });

  it("explains each segment's rule with the community's numbers", async () => {
    const c = await community();
    await signIn(c);
    const admin = await mountAdmin('/admin/ambassadors');
    await waitFor(() => names(admin).length > 0, 'the ranking');
    tab(admin, 'Critics')!.click();
    await waitFor(
      () =>
        deepText(find(admin, 'admin-ambassadors >> .rule') ?? document.body).includes(
          'reach in the top 25% of the community, at least 3 posts or replies, and sentiment of -0.15 or lower',
        ),
      'the critics rule',
    );
    expect(deepText(find(admin, 'admin-ambassadors >> .rule')!)).to.contain('level with the cut-off');
  });
});
