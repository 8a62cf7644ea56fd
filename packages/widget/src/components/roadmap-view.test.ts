import { expect } from 'chai';
import { byText, cleanup, deepText, find, findAll, mount, newCommunity, server, waitFor } from '../testing/harness.ts';

const columnTitles = (widget: Element, index: number) => {
  const roadmap = find(widget, 'rapport-roadmap');
  return roadmap
    ? findAll(roadmap, `section:nth-of-type(${index + 1}) button.title`).map((b) => b.textContent?.trim())
    : [];
};

describe('<rapport-roadmap>', () => {
  afterEach(cleanup);

  it('shows planned, in progress and shipped threads; a card takes a vote and opens its thread', async () => {
    const c = await newCommunity();
    const planned = await server<string>('post', { slug: c.slug, title: 'Lighter tent' });
    const building = await server<string>('post', { slug: c.slug, title: 'Solar lantern' });
    const shipped = await server<string>('post', { slug: c.slug, title: 'Repair service' });
    await server('post', { slug: c.slug, title: 'Still only an idea' });
    await server('status', { slug: c.slug, threadId: planned, status: 'PLANNED' });
    await server('status', { slug: c.slug, threadId: building, status: 'IN_PROGRESS' });
    await server('status', { slug: c.slug, threadId: shipped, status: 'SHIPPED' });
    const token = await server<string>('customer-token', { slug: c.slug, sub: 'rita', name: 'Rita Roadmap' });
    const widget = await mount(c, { 'sso-token': token });
    byText(widget, 'nav button', 'Roadmap')?.click();
    await waitFor(() => columnTitles(widget, 0).length === 1, 'the planned column');
    expect(columnTitles(widget, 0)).to.deep.equal(['Lighter tent']);
    expect(columnTitles(widget, 1)).to.deep.equal(['Solar lantern']);
    expect(columnTitles(widget, 2)).to.deep.equal(['Repair service']);
    expect(deepText(find(widget, 'rapport-roadmap') as Element)).not.to.contain('Still only an idea');
    expect(byText(widget, 'nav button', 'Roadmap')?.getAttribute('aria-current')).to.equal('page');

    const vote = find(widget, 'rapport-roadmap >> rapport-vote >> button') as HTMLButtonElement;
    vote.click();
    await waitFor(() => vote.getAttribute('aria-pressed') === 'true', 'the vote');
    byText(widget, 'rapport-roadmap >> button.title', 'Lighter tent')?.click();
    await waitFor(() => find(widget, 'rapport-thread-view >> h2')?.textContent === 'Lighter tent', 'the thread');
  });

  it('becomes tabs on a narrow screen, moved through with the arrow keys', async () => {
    const c = await newCommunity();
    const shipped = await server<string>('post', { slug: c.slug, title: 'Shipped already' });
    await server('status', { slug: c.slug, threadId: shipped, status: 'SHIPPED' });
    const widget = await mount(c);
    widget.style.display = 'block';
    widget.style.width = '360px';
    byText(widget, 'nav button', 'Roadmap')?.click();
    const tabs = await waitFor(() => {
      const found = findAll(widget, 'rapport-roadmap >> [role=tab]');
      return found.length === 3 ? found : undefined;
    }, 'the tabs');
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['true', 'false', 'false']);
    expect(deepText(find(widget, 'rapport-roadmap >> [role=tabpanel]') as Element)).to.contain('Nothing planned yet.');
    (tabs[0] as HTMLElement).focus();
    (tabs[0] as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    await waitFor(
      () => find(widget, 'rapport-roadmap >> [role=tab][aria-selected=true]')?.textContent?.startsWith('Shipped'),
      'the shipped tab',
    );
    expect(deepText(find(widget, 'rapport-roadmap >> [role=tabpanel]') as Element)).to.contain('Shipped already');
  });

  it('is not offered when the brand turned it off', async () => {
    const c = await newCommunity();
    await server('outreach', { slug: c.slug, input: { roadmapEnabled: false } });
    const widget = await mount(c);
    expect(byText(widget, 'nav button', 'Roadmap')).to.equal(undefined);
    expect(byText(widget, 'nav button', "What's new")).not.to.equal(undefined);
  });
});
