import { expect } from 'chai';
import {
  cleanup,
  customer,
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

/** A customer the brand signed in, with attributes, voting for ideas through the API. */
async function voter(slug: string, name: string, attributes: Record<string, unknown>, threadIds: string[]) {
  const token = await customer(slug, name, attributes);
  for (const id of threadIds) {
    await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation ($t: ID!) { vote(threadId: $t) { id } }', variables: { t: id } }),
    });
  }
}

const titles = (admin: Element) =>
  findAll(admin, 'admin-demand >> table.ideas tbody tr td:first-child a').map((a) => a.textContent?.trim());

describe('<admin-demand>', () => {
  afterEach(cleanup);

  it('ranks ideas by voters, then by the revenue of their voters, with a chart', async () => {
    const c = await newCommunity();
    const sso = await server<string>('post', { slug: c.slug, title: 'SAML sign-in', as: 'Pia' });
    const dark = await server<string>('post', { slug: c.slug, title: 'Dark mode', as: 'Pia' });
    await voter(c.slug, 'Ada', { mrr: 900 }, [sso]);
    await voter(c.slug, 'Bo', { mrr: 20 }, [dark]);
    await voter(c.slug, 'Cy', { mrr: 30 }, [dark]);
    await signIn(c);
    const admin = await mountAdmin('/admin/demand');
    await waitFor(() => titles(admin).length === 2, 'the ideas');
    expect(titles(admin)).to.deep.equal(['Dark mode', 'SAML sign-in']);
    expect(find(admin, 'admin-demand >> admin-chart')).to.not.equal(undefined);

    const order = find(admin, 'admin-demand >> #demand-order') as HTMLSelectElement;
    order.value = 'WEIGHT';
    order.dispatchEvent(new Event('change'));
    type(find(admin, 'admin-demand >> #demand-weight'), 'mrr');
    await waitFor(() => titles(admin)[0] === 'SAML sign-in', 'by revenue');
    expect(deepText(find(admin, 'admin-demand >> table.ideas')!))
      .to.contain('Sum of mrr')
      .and.contain('900');
  });
});
