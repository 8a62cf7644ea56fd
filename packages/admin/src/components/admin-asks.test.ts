import { expect } from 'chai';
import {
  byText,
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

/** A customer answers an ask through the API, as the widget does. */
async function answer(token: string, id: string, choices: number[], text?: string) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation ($id: ID!, $c: [Int!], $t: String) { answerAsk(id: $id, choices: $c, text: $t) { id } }',
      variables: { id, c: choices, t: text },
    }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

const rowOf = (admin: Element, who: string) =>
  findAll(admin, 'admin-ask >> table.results tbody tr').find(
    (tr) => tr.querySelector('th')?.textContent?.trim() === who,
  );
const cells = (row: Element | undefined) =>
  [...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent?.trim());

describe('<admin-asks> and <admin-ask>', () => {
  afterEach(cleanup);

  it('writes a poll to a segment, publishes it, and shows the answers live by segment and attribute', async () => {
    const c = await newCommunity();
    const ada = await customer(c.slug, 'Ada', { plan: 'enterprise', country: 'DE' });
    const bob = await customer(c.slug, 'Bob', { plan: 'enterprise', country: 'FR' });
    await server('ask', { slug: c.slug, input: { question: 'Unrelated draft' }, publish: false });
    await signIn(c, 'manager');
    // The segment the poll is for.
    await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'include',
      body: JSON.stringify({
        query:
          'mutation { saveSegment(name: "Enterprise", rules: { attributes: [{ key: "plan", equals: "enterprise" }] }) { id } }',
      }),
    });
    const admin = await mountAdmin('/admin/asks');
    await waitFor(() => byText(admin, 'admin-asks >> td a', 'Unrelated draft'), 'the list');

    type(find(admin, 'admin-ask-form >> #ask-question'), 'Would you pay for offline maps?');
    type(find(admin, 'admin-ask-form >> #ask-choices'), 'Yes\nNo');
    const target = find(admin, 'admin-ask-form >> #ask-segment') as HTMLSelectElement;
    target.value = [...target.options].find((o) => o.textContent === 'Enterprise')?.value ?? '';
    target.dispatchEvent(new Event('change'));
    const words = findAll(admin, 'admin-ask-form >> label').find((l) =>
      l.textContent?.includes('also answer in words'),
    );
    words?.querySelector('input')?.click();
    byText(admin, 'admin-ask-form >> button', 'Save as a draft')?.click();
    await waitFor(() => find(admin, 'admin-ask >> h1')?.textContent === 'Would you pay for offline maps?', 'the ask');
    expect(deepText(find(admin, 'admin-ask') as Element))
      .to.contain('Draft')
      .and.contain('Enterprise');

    byText(admin, 'admin-ask >> button', 'Publish: ask them now')?.click();
    await waitFor(
      () => deepText(find(admin, 'admin-ask') as Element).includes('0 answers from 2 members asked.'),
      'published',
    );
    const id = location.pathname.split('/').pop() as string;

    // Answers arrive while the screen is open.
    await answer(ada, id, [0], 'On trips');
    await answer(bob, id, [1]);
    await waitFor(() => cells(rowOf(admin, 'Everyone who answered'))[0] === '2', 'the answers, live');
    expect(cells(rowOf(admin, 'Everyone who answered'))).to.deep.equal(['2', '1 (50%)', '1 (50%)']);
    expect(find(admin, 'admin-ask >> admin-bar-chart')).to.not.equal(undefined);
    expect(deepText(find(admin, 'admin-ask') as Element)).to.contain('On trips');

    // Broken down by segment and by country.
    const box = findAll(admin, 'admin-ask >> fieldset label').find((l) => l.textContent?.includes('Enterprise'));
    box?.querySelector('input')?.click();
    type(find(admin, 'admin-ask >> #ask-attribute'), 'country');
    byText(admin, 'admin-ask >> button', 'Show')?.click();
    await waitFor(() => rowOf(admin, 'country: DE'), 'by country');
    expect(cells(rowOf(admin, 'Enterprise'))).to.deep.equal(['2', '1 (50%)', '1 (50%)']);
    expect(cells(rowOf(admin, 'country: DE'))).to.deep.equal(['1', '1 (100%)', '0 (0%)']);
    expect(cells(rowOf(admin, 'country: FR'))).to.deep.equal(['1', '0 (0%)', '1 (100%)']);

    // Followed up in public.
    byText(admin, 'admin-ask >> button', 'Open the thread')?.click();
    await waitFor(() => byText(admin, 'admin-ask >> a', 'Would you pay for offline maps?'), 'the follow-up link');
    byText(admin, 'admin-ask >> button', 'Close it now')?.click();
    await waitFor(() => deepText(find(admin, 'admin-ask') as Element).includes('Closed'), 'closed');
  });

  it('says what is wrong with an ask being written', async () => {
    const c = await newCommunity();
    await signIn(c);
    const admin = await mountAdmin('/admin/asks');
    await waitFor(() => find(admin, 'admin-ask-form >> #ask-question'), 'the form');
    type(find(admin, 'admin-ask-form >> #ask-question'), 'Pick one');
    type(find(admin, 'admin-ask-form >> #ask-choices'), 'Only one');
    byText(admin, 'admin-ask-form >> button', 'Save as a draft')?.click();
    const alert = await waitFor(
      () => find(admin, 'admin-ask-form >> [role=alert]')?.textContent?.trim() || null,
      'the error',
    );
    expect(alert).to.contain('from 2 to 10 different choices');
    expect(find(admin, 'admin-ask-form >> #ask-choices')?.getAttribute('aria-invalid')).to.equal('true');
  });
});
