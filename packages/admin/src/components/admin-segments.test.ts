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
  signIn,
  type,
  waitFor,
} from '../testing/harness.ts';

describe('<admin-segments>', () => {
  afterEach(cleanup);

  it('lets a manager build a segment with a live count, save, change and remove it', async () => {
    const c = await newCommunity();
    await customer(c.slug, 'Ada', { plan: 'enterprise', mrr: 990 });
    await customer(c.slug, 'Cy', { plan: 'enterprise', mrr: 120 });
    await customer(c.slug, 'Bo', { plan: 'pro', mrr: 490 });
    await signIn(c, 'manager');
    const admin = await mountAdmin('/admin/segments');
    const page = () => deepText(find(admin, 'admin-segments')!);
    await waitFor(() => page().includes('No segments yet.'), 'the empty list');
    const status = () => find(admin, 'admin-segments >> admin-segment-form >> [role=status]')?.textContent ?? '';
    await waitFor(() => status().includes('3 members'), 'everyone counted');

    type(find(admin, 'admin-segments >> admin-segment-form >> #segment-name'), 'Enterprise');
    type(find(admin, 'admin-segments >> admin-segment-form >> [aria-label="Attribute 1"]'), 'plan');
    type(find(admin, 'admin-segments >> admin-segment-form >> [aria-label="Value 1"]'), 'enterprise');
    await waitFor(() => status().includes('2 members'), 'the live count');
    expect(status()).to.contain('Ada').and.contain('Cy').and.not.contain('Bo');

    byText(admin, 'admin-segments >> admin-segment-form >> button', 'Save segment')?.click();
    const saved = await waitFor(() => find(admin, 'admin-segments >> section.segment'), 'the saved segment');
    await waitFor(() => deepText(saved).includes('2 members'), 'its count');
    expect(findAll(saved, 'a').map((a) => a.textContent)).to.have.members(['Ada', 'Cy']);

    // Change it to a range: those paying 400 or more.
    byText(admin, 'admin-segments >> button', 'Change')?.click();
    const test = find(admin, 'admin-segments >> admin-segment-form >> [aria-label="Test 1"]') as HTMLSelectElement;
    await waitFor(() => test.value === 'equals', 'the form filled');
    type(find(admin, 'admin-segments >> admin-segment-form >> [aria-label="Attribute 1"]'), 'mrr');
    test.value = 'range';
    test.dispatchEvent(new Event('change'));
    const from = await waitFor(
      () => find(admin, 'admin-segments >> admin-segment-form >> [aria-label="From 1"]'),
      'From',
    );
    type(from, '400');
    await waitFor(() => status().includes('2 members') && status().includes('Bo'), 'Ada and Bo');
    byText(admin, 'admin-segments >> admin-segment-form >> button', 'Save segment')?.click();
    await waitFor(() => page().includes('Bo'), 'the changed segment');
    expect(findAll(admin, 'admin-segments >> section.segment')).to.have.length(1);

    byText(admin, 'admin-segments >> button', 'Remove')?.click();
    await waitFor(() => page().includes('No segments yet.'), 'removed');
  });

  it('shows other staff the segments, without the form', async () => {
    const c = await newCommunity();
    await signIn(c, 'staff');
    const admin = await mountAdmin('/admin/segments');
    await waitFor(() => deepText(find(admin, 'admin-segments')!).includes('No segments yet.'), 'the list');
    expect(find(admin, 'admin-segments >> admin-segment-form')).to.equal(undefined);
  });
});
