import { expect } from 'chai';
import {
  byText,
  cleanup,
  customer,
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
  findAll(admin, 'admin-members >> tbody tr td:first-child a').map((a) => a.textContent?.trim());

describe('<admin-members> and the relationship brief', () => {
  afterEach(cleanup);

  async function community() {
    const c = await newCommunity();
    const first = await server<string>('post', { slug: c.slug, title: 'Idea from Alma', as: 'Alma' });
    await server('post', { slug: c.slug, title: 'Another from Alma', as: 'Alma' });
    await server('reply', { slug: c.slug, threadId: first, as: 'Bruno', body: 'Agreed' });
    await server('reply', { slug: c.slug, threadId: first, as: 'staff', body: 'Thanks, Alma!' });
    return c;
  }

  it('lists members with their activity, searchable and sortable', async () => {
    const c = await community();
    await signIn(c);
    const admin = await mountAdmin('/admin/members');
    await waitFor(() => names(admin).includes('Alma') && names(admin).includes('Bruno'), 'the members');
    const order = find(admin, 'admin-members >> #order') as HTMLSelectElement;
    order.value = 'THREADS';
    order.dispatchEvent(new Event('change'));
    await waitFor(() => names(admin)[0] === 'Alma', 'Alma first by threads');
    const alma = find(admin, 'admin-members >> tbody tr')!;
    expect(findAll(alma, 'td.num').map((td) => td.textContent)).to.deep.equal(['2', '0', '0']);
    type(find(admin, 'admin-members >> #search'), 'brun');
    await waitFor(() => names(admin).join() === 'Bruno', 'only Bruno');
    type(find(admin, 'admin-members >> #search'), 'nobody-like-this');
    await waitFor(() => deepText(find(admin, 'admin-members')!).includes('Nobody matches'), 'the empty state');
  });

  it('opens a member’s full relationship brief: activity, staff who talked with them, their threads', async () => {
    const c = await community();
    const staff = await signIn(c);
    const admin = await mountAdmin('/admin/members');
    const link = await waitFor(() => byText(admin, 'admin-members >> tbody a', 'Alma'), 'Alma');
    link.click();
    const brief = await waitFor(() => find(admin, 'admin-customer-panel >> section'), 'the brief');
    await waitFor(() => deepText(brief).includes('2 threads'), 'the counts');
    const text = deepText(brief);
    expect(find(admin, 'admin-customer-panel >> h1')?.textContent).to.equal('Alma');
    expect(text)
      .to.contain(staff.name)
      .and.contain('1 reply, last')
      .and.contain('Idea from Alma')
      .and.contain('Another from Alma');
    expect(text).to.contain('Contact consent').and.contain('Emails about threads they follow: yes (default)');
    expect(text).to.contain('Product updates: no (default)');
    // Every contact: who, in which thread.
    expect(text.replace(/\s+/g, ' '))
      .to.contain('Every contact')
      .and.contain(`${staff.name} replied in Idea from Alma`);
    // The staff member who answered her first looks after the relationship.
    const owner = findAll(admin, 'admin-customer-panel >> dt').find((dt) => dt.textContent === 'Looks after them');
    expect(owner?.nextElementSibling?.textContent).to.equal(staff.name);
    // Only managers choose who does.
    expect(find(admin, 'admin-customer-panel >> #owner')).to.equal(undefined);
    // Staff (not managers) cannot suspend.
    expect(byText(admin, 'admin-customer-panel >> button', 'Suspend')).to.equal(undefined);
  });

  it('shows what the brand says about a customer, as text', async () => {
    const c = await community();
    const attributes = { plan: 'enterprise', mrr: 12500, beta: true, company: '<img src=x onerror="window.hacked=1">' };
    await customer(c.slug, 'Dana', attributes);
    await signIn(c);
    const admin = await mountAdmin('/admin/members');
    (await waitFor(() => byText(admin, 'admin-members >> tbody a', 'Dana'), 'Dana')).click();
    const says = await waitFor(
      () => findAll(admin, 'admin-customer-panel >> dt').find((dt) => dt.textContent === 'What the brand says'),
      'the attributes',
    );
    const items = findAll(says.nextElementSibling as Element, 'li').map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(items).to.deep.equal([
      'beta: yes',
      'company: <img src=x onerror="window.hacked=1">',
      'mrr: 12,500',
      'plan: enterprise',
    ]);
    expect(find(admin, 'admin-customer-panel >> dd img')).to.equal(undefined);
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('lets managers choose who looks after a customer', async () => {
    const c = await community();
    const manager = await signIn(c, 'manager');
    const admin = await mountAdmin('/admin/members');
    (await waitFor(() => byText(admin, 'admin-members >> tbody a', 'Bruno'), 'Bruno')).click();
    const select = (await waitFor(
      () => find(admin, 'admin-customer-panel >> #owner'),
      'the choice',
    )) as HTMLSelectElement;
    expect(select.value).to.equal('');
    select.value = [...select.options].find((o) => o.text === manager.name)!.value;
    select.dispatchEvent(new Event('change'));
    await waitFor(
      () =>
        find(admin, 'admin-customer-panel >> [role=status]')?.textContent?.includes(`${manager.name} now looks after`),
      'the change',
    );
    const owner = await waitFor(
      () =>
        findAll(admin, 'admin-customer-panel >> dt').find((dt) => dt.textContent === 'Looks after them')
          ?.nextElementSibling?.textContent === manager.name,
      'the owner shown',
    );
    expect(owner).to.equal(true);
  });

  it('lets managers suspend a member with a reason, hiding their posts, and lift it', async () => {
    const c = await community();
    const spam = await server<string>('post', { slug: c.slug, title: 'CHEAP BOOTS 90% OFF!!!', as: 'Bruno' });
    await signIn(c, 'manager');
    const admin = await mountAdmin('/admin/members');
    (await waitFor(() => byText(admin, 'admin-members >> tbody a', 'Bruno'), 'Bruno')).click();
    const suspend = await waitFor(
      () => byText(admin, 'admin-customer-panel >> button', 'Suspend'),
      'the suspend button',
    );
    suspend.click();
    type(await waitFor(() => find(admin, 'admin-reason-action >> #reason'), 'the reason'), 'Spamming boots');
    (find(admin, 'admin-reason-action >> input[type=checkbox]') as HTMLInputElement).click();
    byText(admin, 'admin-reason-action >> form button', 'Suspend')?.click();
    await waitFor(
      () => deepText(find(admin, 'admin-customer-panel')!).includes('Suspended: Spamming boots'),
      'the suspension',
    );
    expect(await server<boolean>('thread-hidden', { slug: c.slug, threadId: spam })).to.equal(true);
    byText(admin, 'admin-customer-panel >> button', 'Lift suspension')?.click();
    await waitFor(
      () => !deepText(find(admin, 'admin-customer-panel')!).includes('Suspended:'),
      'the suspension lifted',
    );
    expect(await server<boolean>('thread-hidden', { slug: c.slug, threadId: spam })).to.equal(false);
  });

  it('lets managers record consent given elsewhere, into the ledger, with the words agreed to', async () => {
    const c = await community();
    await signIn(c, 'manager');
    const admin = await mountAdmin('/admin/members');
    (await waitFor(() => byText(admin, 'admin-members >> tbody a', 'Bruno'), 'Bruno')).click();
    const form = await waitFor(() => find(admin, 'admin-customer-panel >> admin-consent-record'), 'the form');
    const consentLine = () =>
      findAll(admin, 'admin-customer-panel >> dt').find((dt) => dt.textContent === 'Contact consent')
        ?.nextElementSibling?.textContent ?? '';
    expect(consentLine()).to.contain('Product updates: no (default)');

    // Without the words they agreed to, nothing is recorded.
    byText(form, 'button', 'Record it')?.click();
    await waitFor(() => find(form, '#consent-text-error')?.textContent?.includes('What they were told'), 'the problem');
    expect(find(form, '#consent-text')?.getAttribute('aria-invalid')).to.equal('true');

    type(find(form, '#consent-text') as HTMLTextAreaElement, 'Agreed on the phone to hear about new tents.');
    byText(form, 'button', 'Record it')?.click();
    await waitFor(
      () => find(form, '[role=status]')?.textContent?.includes('Recorded: Product updates, agreed'),
      'done',
    );
    await waitFor(() => /Product updates: yes \(admin/.test(consentLine()), 'the ledger shown');
    const ledger = await graphql(
      'query ($s: String!, $id: ID!) { community(slug: $s) { member(id: $id) { consentHistory { purpose granted source textShown recordedBy { name } } } } }',
      { s: c.slug, id: (form as unknown as { memberId: string }).memberId },
    );
    expect(ledger.community.member.consentHistory).to.deep.include({
      purpose: 'PRODUCT_UPDATES',
      granted: true,
      source: 'ADMIN',
      textShown: 'Agreed on the phone to hear about new tents.',
      recordedBy: { name: 'Mia' },
    });
  });

  it('shows staff who are not managers no consent form', async () => {
    const c = await community();
    await signIn(c);
    const admin = await mountAdmin('/admin/members');
    (await waitFor(() => byText(admin, 'admin-members >> tbody a', 'Bruno'), 'Bruno')).click();
    await waitFor(() => find(admin, 'admin-customer-panel >> h1'), 'the page');
    expect(find(admin, 'admin-customer-panel >> admin-consent-record')).to.equal(undefined);
    expect(deepText(find(admin, 'admin-customer-panel')!)).to.contain('Contact consent');
  });

  it('explains a refused reason next to it', async () => {
    const c = await community();
    await signIn(c, 'manager');
    const admin = await mountAdmin('/admin/members');
    (await waitFor(() => byText(admin, 'admin-members >> tbody a', 'Bruno'), 'Bruno')).click();
    (await waitFor(() => byText(admin, 'admin-customer-panel >> button', 'Suspend'), 'the suspend button')).click();
    const input = await waitFor(() => find(admin, 'admin-reason-action >> input') as HTMLInputElement, 'the reason');
    input.removeAttribute('required');
    input.removeAttribute('minlength');
    type(input, 'x');
    byText(admin, 'admin-reason-action >> form button', 'Suspend')?.click();
    const problem = await waitFor(
      () => find(admin, 'admin-reason-action >> #problem')?.textContent?.trim(),
      'the problem',
    );
    expect(problem).to.match(/reason/i);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
  });
});

describe('<admin-cleanup>', () => {
  afterEach(cleanup);

  it('previews who a rule takes, schedules exactly them, and undoes it', async () => {
    const c = await newCommunity();
    const quiet = await graphql<{ startGuestSession: { token: string } }>(
      'mutation ($c: String!) { startGuestSession(community: $c, displayName: "Quentin Quiet") { token } }',
      { c: c.slug },
    );
    await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${quiet.startGuestSession.token}` },
      body: JSON.stringify({
        query: 'mutation { setConsent(purpose: THREAD_NOTIFICATIONS, granted: false) { granted } }',
      }),
    });
    await signIn(c, 'manager');
    // A segment Quentin is not in: who still gets emails about threads.
    await graphql(
      'mutation { saveSegment(name: "Still subscribed", rules: { consent: { purpose: THREAD_NOTIFICATIONS, granted: true } }) { id } }',
    );
    const admin = await mountAdmin('/admin/members');
    const rule = (await waitFor(
      () => find(admin, 'admin-cleanup >> #cleanup-rule'),
      'the clean-up',
    )) as HTMLSelectElement;
    // A bad number of days is explained next to the field.
    type(find(admin, 'admin-cleanup >> #cleanup-days'), '3');
    byText(admin, 'admin-cleanup >> form button', 'Preview')?.click();
    await waitFor(() => find(admin, 'admin-cleanup >> #cleanup-problem')?.textContent?.includes('30'), 'the problem');
    expect(find(admin, 'admin-cleanup >> #cleanup-days')?.getAttribute('aria-invalid')).to.equal('true');

    type(find(admin, 'admin-cleanup >> #cleanup-days'), '');
    rule.value = 'UNSUBSCRIBED';
    rule.dispatchEvent(new Event('change'));
    // Turning emails off is not leaving: nobody is proposed while they are active.
    byText(admin, 'admin-cleanup >> form button', 'Preview')?.click();
    await waitFor(() => deepText(find(admin, 'admin-cleanup')!).includes('Nobody matches this rule.'), 'nobody yet');
    await server('go-quiet', { slug: c.slug, days: 100 });
    // Within a segment he is not in, nobody.
    const among = (await waitFor(
      () =>
        (find(admin, 'admin-cleanup >> #cleanup-segment') as HTMLSelectElement | undefined)?.options.length === 2 &&
        find(admin, 'admin-cleanup >> #cleanup-segment'),
      'the segments',
    )) as HTMLSelectElement;
    among.value = [...among.options].find((o) => o.textContent === 'Still subscribed')?.value ?? '';
    among.dispatchEvent(new Event('change'));
    // The earlier answer goes first, so the wait below sees only the new one.
    await waitFor(() => !deepText(find(admin, 'admin-cleanup')!).includes('Nobody matches'), 'the old preview gone');
    byText(admin, 'admin-cleanup >> form button', 'Preview')?.click();
    await waitFor(
      () => deepText(find(admin, 'admin-cleanup')!).includes('Nobody matches this rule.'),
      'nobody in the segment',
    );
    among.value = '';
    among.dispatchEvent(new Event('change'));
    byText(admin, 'admin-cleanup >> form button', 'Preview')?.click();
    const list = await waitFor(() => find(admin, 'admin-cleanup >> ul.cleanup-preview'), 'the preview');
    expect(deepText(list)).to.contain('Quentin Quiet');
    expect(deepText(list)).to.contain('Turned off emails, and inactive');
    expect(deepText(list)).to.contain('last active 3 months ago');
    byText(admin, 'admin-cleanup >> button', 'Erase this member after the grace period')?.click();
    await waitFor(
      () => find(admin, 'admin-cleanup >> [role=status]')?.textContent?.includes('1 member is erased in 7 days'),
      'scheduled',
    );
    const undo = await waitFor(() => byText(admin, 'admin-cleanup >> button', 'Undo'), 'the undo button');
    undo.click();
    await waitFor(() => deepText(find(admin, 'admin-cleanup')!).includes('Undone'), 'undone');

    // A slow answer to an earlier preview (within the segment: nobody) never replaces the later one.
    const realFetch = window.fetch;
    let released: Promise<unknown> = Promise.resolve();
    window.fetch = (input, init) => {
      const slow = String(init?.body ?? '').includes(among.options[1]!.value);
      const answer = realFetch(input, init);
      if (!slow) return answer;
      released = new Promise((r) => setTimeout(r, 600));
      return released.then(() => answer);
    };
    try {
      among.value = among.options[1]!.value;
      among.dispatchEvent(new Event('change'));
      byText(admin, 'admin-cleanup >> form button', 'Preview')?.click();
      among.value = '';
      among.dispatchEvent(new Event('change'));
      byText(admin, 'admin-cleanup >> form button', 'Preview')?.click();
      await waitFor(() => find(admin, 'admin-cleanup >> ul.cleanup-preview'), 'the later preview');
      await released;
      await new Promise((r) => setTimeout(r, 100));
      expect(deepText(find(admin, 'admin-cleanup')!)).to.contain('Quentin Quiet');
      expect(deepText(find(admin, 'admin-cleanup')!)).not.to.contain('Nobody matches');
    } finally {
      window.fetch = realFetch;
    }
  });
});
