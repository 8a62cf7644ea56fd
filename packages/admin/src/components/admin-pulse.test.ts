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
  waitFor,
} from '../testing/harness.ts';

const today = () => new Date().toISOString().slice(0, 10);
const rows = (admin: Element) => findAll(admin, 'admin-pulse >> .table tbody tr');
// The period is written out in the console's language; its <time> carries the day.
const rowOf = (admin: Element, day: string) =>
  rows(admin).find((tr) => tr.querySelector('th time')?.getAttribute('datetime') === day);

describe('<admin-pulse>: the community over time', () => {
  afterEach(cleanup);

  it('shows today’s volume, feeling, answered share and topics, as charts and as numbers', async () => {
    const c = await newCommunity();
    const first = await server<string>('post', {
      slug: c.slug,
      title: 'Checkout keeps failing',
      body: 'The checkout fails every time, terrible and frustrating',
      as: 'Alma',
    });
    await server('post', {
      slug: c.slug,
      title: 'Checkout with gift cards',
      body: 'Love the new checkout',
      as: 'Bruno',
    });
    await server('reply', { slug: c.slug, threadId: first, as: 'staff', body: 'Sorry about that, we are on it.' });
    await signIn(c);
    const admin = await mountAdmin('/admin/pulse');
    const row = await waitFor(() => rowOf(admin, today()), 'today’s row');
    // Period, threads, replies, new members, sentiment, answered, first reply.
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent?.trim());
    expect(cells.slice(0, 3)).to.deep.equal(['2', '1', '2']);
    expect(cells[4]).to.equal('50%');
    expect(cells[5]).to.not.equal('—');
    // Thirty days, one row each; four charts drawn on canvases.
    expect(rows(admin).length).to.equal(30);
    await waitFor(() => findAll(admin, 'admin-pulse >> admin-chart >> canvas').length === 4, 'four charts');
    expect(deepText(find(admin, 'admin-pulse >> .topics')!)).to.contain('checkout (');
    // The first reply came within a minute: the axis counts seconds, not "0" hours on every tick.
    const firstReply = findAll(admin, 'admin-pulse >> admin-chart').at(-1) as unknown as Element & { yTicks: string[] };
    expect(firstReply.shadowRoot?.textContent).to.contain('(seconds)');
    await waitFor(() => firstReply.yTicks.length > 1, 'the axis');
    expect(new Set(firstReply.yTicks).size).to.equal(firstReply.yTicks.length);
    expect(firstReply.yTicks.every((t) => t.endsWith(' s'))).to.equal(true);
    expect(cells[5]).to.match(/ s$/);
  });

  it('changes the range and groups by week', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'Weekly idea', as: 'Alma' });
    await signIn(c);
    const admin = await mountAdmin('/admin/pulse');
    await waitFor(() => rows(admin).length === 30, 'thirty days');
    byText(admin, 'admin-pulse >> button', 'Last 90 days')!.click();
    await waitFor(() => rows(admin).length === 90, 'ninety days');
    const bucket = find(admin, 'admin-pulse >> #bucket') as HTMLSelectElement;
    bucket.value = 'WEEK';
    bucket.dispatchEvent(new Event('change'));
    await waitFor(() => rows(admin).length <= 14 && rows(admin).length >= 13, 'about thirteen weeks');
    const total = rows(admin).reduce((sum, tr) => sum + Number(tr.querySelector('td')?.textContent), 0);
    expect(total).to.equal(1);
  });

  it('says so when nothing happened', async () => {
    const c = await newCommunity();
    await signIn(c);
    const admin = await mountAdmin('/admin/pulse');
    await waitFor(
      () => deepText(find(admin, 'admin-pulse')!).includes('Nothing happened in this period.'),
      'the quiet',
    );
    expect(findAll(admin, 'admin-pulse >> admin-chart').length).to.equal(0);
  });
});
