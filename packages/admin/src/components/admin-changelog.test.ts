import '@rapport/widget/src/index.ts';
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

const THREAD = 'query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { status } } }';

describe("<admin-changelog>: What's new in the console", () => {
  afterEach(cleanup);

  it('writes an entry with a preview, links a thread found by search, and publishing ships it', async () => {
    const community = await newCommunity();
    const thread = await server<string>('post', { slug: community.slug, title: 'Offline trail maps' });
    await signIn(community, 'staff');
    const admin = await mountAdmin('/admin/whats-new');
    (await waitFor(() => byText(admin, 'admin-changelog >> a', 'New entry'), 'the New entry link')).click();
    const editor = await waitFor(() => find(admin, 'admin-changelog-entry'), 'the editor');
    type(find(editor, '#entry-title'), 'Maps work offline');
    type(find(editor, '#entry-body'), 'Download a region, then **go**.\n\n- no signal needed');
    await waitFor(() => find(editor, '.preview strong')?.textContent === 'go', 'the formatted preview');
    expect(findAll(editor, '.preview li').map((li) => li.textContent)).to.deep.equal(['no signal needed']);

    type(find(editor, '#entry-search'), 'trail maps');
    (await waitFor(() => byText(editor, 'button', 'Add'), 'the search result')).click();
    await waitFor(
      () => deepText(find(editor, 'section[aria-labelledby=ships-title]') as Element).includes('Offline trail maps'),
      'the linked thread',
    );

    byText(editor, 'button', 'Save draft')?.click();
    const saved = await waitFor(() => {
      const e = find(admin, 'admin-changelog-entry');
      return e && find(e, '[role=status]')?.textContent?.includes('Draft') ? e : undefined;
    }, 'the saved draft');
    expect(find(saved, 'h1')?.textContent).to.equal('Maps work offline');
    expect((await graphql(THREAD, { s: community.slug, id: thread })).community.thread.status).to.equal('OPEN');

    byText(saved, 'button', 'Publish now')?.click();
    await waitFor(() => find(saved, '[role=status]')?.textContent?.startsWith('Published'), 'published');
    expect((await graphql(THREAD, { s: community.slug, id: thread })).community.thread.status).to.equal('SHIPPED');
    expect(byText(saved, 'button', 'Unpublish')).not.to.equal(undefined);

    // The list shows it with its author and what it ships.
    (find(saved, 'a[href="/admin/whats-new"]') as HTMLAnchorElement).click();
    const list = await waitFor(() => {
      const found = find(admin, 'admin-changelog');
      return found && deepText(found).includes('Maps work offline') ? found : undefined;
    }, 'the list');
    expect(deepText(list)).to.contain('Offline trail maps');
  });

  it('explains a title that is too short next to the field', async () => {
    const community = await newCommunity();
    await signIn(community, 'staff');
    const admin = await mountAdmin('/admin/whats-new/new');
    const editor = await waitFor(() => find(admin, 'admin-changelog-entry'), 'the editor');
    type(find(editor, '#entry-title'), 'x');
    byText(editor, 'button', 'Save draft')?.click();
    await waitFor(() => find(editor, '#entry-problem')?.textContent?.includes('at least 3'), 'the problem');
    expect(find(editor, '#entry-title')?.getAttribute('aria-invalid')).to.equal('true');
  });
});

describe('<admin-outreach>: roadmap and email settings', () => {
  afterEach(cleanup);

  it('turns the roadmap off, sets the community page and shows a new inbound secret once', async () => {
    const community = await newCommunity();
    await signIn(community, 'manager');
    const admin = await mountAdmin('/admin/settings');
    const panel = await waitFor(() => find(admin, 'admin-settings >> admin-outreach'), 'the outreach settings');
    await waitFor(() => find(panel, '#page-url'), 'the form');
    (find(panel, 'input[type=checkbox]') as HTMLInputElement).click();
    type(find(panel, '#page-url'), 'https://elsewhere.example/c');
    byText(panel, 'button', 'Save')?.click();
    await waitFor(() => find(panel, '#page-url')?.getAttribute('aria-invalid') === 'true', 'the refused page');
    type(find(panel, '#page-url'), `${location.origin}/community`);
    byText(panel, 'button', 'Save')?.click();
    await waitFor(() => find(panel, '[role=status]')?.textContent === 'Saved.', 'saved');
    const data = await graphql(
      'query ($s: String!) { community(slug: $s) { roadmapEnabled outreach { communityPageUrl } } }',
      {
        s: community.slug,
      },
    );
    expect(data.community).to.deep.equal({
      roadmapEnabled: false,
      outreach: { communityPageUrl: `${location.origin}/community` },
    });
    byText(panel, 'button', 'Make a new secret')?.click();
    const secret = await waitFor(() => find(panel, '.inbound-secret')?.textContent, 'the secret');
    expect(secret).to.match(/^rin_/);
  });
});
