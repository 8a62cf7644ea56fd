import { expect } from 'chai';
import {
  byText,
  cleanup,
  find,
  findAll,
  listedTitles,
  mount,
  newCommunity,
  server,
  type,
  waitFor,
} from '../testing/harness.ts';

describe('<rapport-thread-list>', () => {
  afterEach(cleanup);

  it('lists threads with votes, replies and a mark on staff-answered ones, and sorts them', async () => {
    const c = await newCommunity();
    const loved = await server<string>('post', { slug: c.slug, title: 'Loved idea', kind: 'QUESTION' });
    const quiet = await server<string>('post', { slug: c.slug, title: 'Quiet idea' });
    await server('vote', { slug: c.slug, threadId: loved, voters: 3 });
    await server('reply', { slug: c.slug, threadId: loved, as: 'staff', body: 'We hear you' });
    await server('vote', { slug: c.slug, threadId: quiet, voters: 1 });
    const widget = await mount(c);
    await waitFor(() => listedTitles(widget).length === 2, 'two threads');
    expect(listedTitles(widget)).to.deep.equal(['Loved idea', 'Quiet idea']);
    const rows = findAll(widget, 'rapport-thread-list >> li');
    expect(rows[0]?.textContent).to.contain('Answered by staff');
    expect(rows[0]?.textContent).to.contain('1 reply');
    expect(find(rows[0] as Element, 'rapport-vote >> button')?.textContent).to.contain(
      '3 votes, vote for “Loved idea”',
    );
    expect(rows[1]?.textContent).not.to.contain('Answered by staff');

    byText(widget, 'rapport-thread-list >> .sorts button', 'New')?.click();
    await waitFor(() => listedTitles(widget)[0] === 'Quiet idea', 'newest first');
    byText(widget, 'rapport-thread-list >> .sorts button', 'Unanswered')?.click();
    await waitFor(() => listedTitles(widget).join() === 'Quiet idea', 'only the unanswered thread');
  });

  it('filters by kind and status, and searches as one types', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'Dark mode please', body: 'for night owls' });
    const question = await server<string>('post', { slug: c.slug, title: 'Where is my parcel?', kind: 'QUESTION' });
    await server('status', { slug: c.slug, threadId: question, status: 'UNDER_REVIEW' });
    const widget = await mount(c);
    await waitFor(() => listedTitles(widget).length === 2, 'both threads');

    const kind = find(widget, 'rapport-thread-list >> select#kind') as HTMLSelectElement;
    kind.value = 'QUESTION';
    kind.dispatchEvent(new Event('change'));
    await waitFor(() => listedTitles(widget).join() === 'Where is my parcel?', 'questions only');
    kind.value = '';
    kind.dispatchEvent(new Event('change'));
    const status = find(widget, 'rapport-thread-list >> select#status') as HTMLSelectElement;
    status.value = 'UNDER_REVIEW';
    status.dispatchEvent(new Event('change'));
    await waitFor(() => listedTitles(widget).join() === 'Where is my parcel?', 'under review only');
    status.value = 'SHIPPED';
    status.dispatchEvent(new Event('change'));
    await waitFor(
      () => find(widget, 'rapport-thread-list')?.shadowRoot?.textContent?.includes('No posts with this status'),
      'an empty status, not called a search',
    );
    status.value = '';
    status.dispatchEvent(new Event('change'));
    await waitFor(() => listedTitles(widget).length === 2, 'both again');

    type(find(widget, 'rapport-thread-list >> input#search'), 'night');
    await waitFor(() => listedTitles(widget).join() === 'Dark mode please', 'search result');
    type(find(widget, 'rapport-thread-list >> input#search'), 'nothing like this');
    await waitFor(
      () => find(widget, 'rapport-thread-list')?.shadowRoot?.textContent?.includes('No posts match'),
      'no results',
    );
  });

  it('searches most relevant first, showing where the words were found, marked, as text', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'Tent poles snap in the wind' });
    const pack = await server<string>('post', {
      slug: c.slug,
      title: 'Lighter backpack',
      body: 'One that fits my tent.',
    });
    await server('vote', { slug: c.slug, threadId: pack, voters: 5 });
    const cards = await server<string>('post', { slug: c.slug, title: 'Gift cards', kind: 'QUESTION' });
    (window as any).xssFired = false;
    await server('reply', {
      slug: c.slug,
      threadId: cards,
      as: 'staff',
      body: 'We sell a fabric repair kit <img src=x onerror="window.xssFired=true"> too',
    });
    const widget = await mount(c);
    await waitFor(() => listedTitles(widget).length === 3, 'the list');
    expect(listedTitles(widget)[0], 'most votes first before searching').to.equal('Lighter backpack');
    const input = find(widget, 'rapport-thread-list >> input#search');

    type(input, 'tent');
    await waitFor(
      () => listedTitles(widget).join() === 'Tent poles snap in the wind,Lighter backpack',
      'the title first',
    );
    expect(findAll(widget, 'rapport-thread-list >> .sorts'), 'no sort while searching').to.have.length(0);
    const marked = () => findAll(widget, 'rapport-thread-list >> .excerpt mark').map((m) => m.textContent);
    expect(marked()).to.deep.equal(['Tent', 'tent']);

    type(input, 'fabric rep');
    await waitFor(() => listedTitles(widget).join() === 'Gift cards', 'a reply’s words, the last one as typed');
    const excerpt = find(widget, 'rapport-thread-list >> .excerpt') as HTMLElement;
    expect(excerpt.textContent).to.contain('In a reply');
    expect(excerpt.textContent).to.contain('<img src=x');
    expect(marked()).to.deep.equal(['fabric', 'repair']);
    expect(findAll(widget, 'img')).to.have.length(0);

    // The list's filters keep to what they ask for while searching.
    type(input, 'tent');
    await waitFor(() => listedTitles(widget).length === 2, 'both tent threads');
    const kind = find(widget, 'rapport-thread-list >> select#kind') as HTMLSelectElement;
    kind.value = 'QUESTION';
    kind.dispatchEvent(new Event('change'));
    await waitFor(
      () => find(widget, 'rapport-thread-list')?.shadowRoot?.textContent?.includes('No posts match'),
      'no question about tents',
    );
    kind.value = '';
    kind.dispatchEvent(new Event('change'));
    type(input, '');
    await waitFor(
      () => listedTitles(widget).length === 3 && findAll(widget, 'rapport-thread-list >> .sorts').length === 1,
      'the list again',
    );
    expect(findAll(widget, 'rapport-thread-list >> .excerpt')).to.have.length(0);
    expect((window as any).xssFired).to.equal(false);
  });

  it('loads more threads page by page', async () => {
    const c = await newCommunity();
    for (let i = 1; i <= 23; i++) await server('post', { slug: c.slug, title: `Idea number ${i}` });
    const widget = await mount(c);
    await waitFor(() => listedTitles(widget).length === 20, 'the first page');
    byText(widget, 'rapport-thread-list >> button', 'Load more')?.click();
    await waitFor(() => listedTitles(widget).length === 23, 'all threads');
    expect(new Set(listedTitles(widget)).size).to.equal(23);
    expect(byText(widget, 'rapport-thread-list >> button', 'Load more')).to.equal(undefined);
  });

  it('shows what people wrote as text, never as markup', async () => {
    const c = await newCommunity();
    (window as any).xssFired = false;
    const payload = '<img src=x onerror="window.xssFired=true"><script>window.xssFired=true</script>';
    await server('post', { slug: c.slug, title: payload.slice(0, 140) });
    const widget = await mount(c);
    await waitFor(() => listedTitles(widget).length === 1, 'the thread');
    expect(listedTitles(widget)[0]).to.equal(payload.slice(0, 140));
    expect(findAll(widget, 'img')).to.have.length(0);
    await new Promise((r) => setTimeout(r, 200));
    expect((window as any).xssFired).to.equal(false);
  });
});
