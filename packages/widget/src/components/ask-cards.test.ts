import { expect } from 'chai';
import { byText, cleanup, deepText, find, findAll, mount, newCommunity, server, waitFor } from '../testing/harness.ts';

const cards = (widget: Element) => findAll(widget, 'rapport-ask-cards >> form.card');

describe('<rapport-ask-cards>: the brand asks first', () => {
  afterEach(cleanup);

  it('shows a poll only to the segment asked, from the staff member who asks, and keeps a changed answer', async () => {
    const c = await newCommunity();
    await server('ask', {
      slug: c.slug,
      input: {
        question: 'Would you pay for <b>offline</b> maps?',
        details: 'We are thinking about it.',
        choices: ['Yes', 'Maybe', 'No'],
        allowText: true,
      },
      segment: { attributes: [{ key: 'plan', equals: 'enterprise' }] },
    });
    // Someone outside the segment sees no card.
    const starter = await server<string>('sso-token', {
      slug: c.slug,
      sub: 'starter-1',
      name: 'Sal',
      attributes: { plan: 'starter' },
    });
    const outside = await mount(c, { 'sso-token': starter });
    await waitFor(() => find(outside, 'rapport-thread-list'), 'the list');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(cards(outside)).to.have.length(0);
    cleanup();

    const token = await server<string>('sso-token', {
      slug: c.slug,
      sub: 'ent-1',
      name: 'Eva',
      attributes: { plan: 'enterprise' },
    });
    const widget = await mount(c, { 'sso-token': token });
    const [card] = await waitFor(() => (cards(widget).length ? cards(widget) : null), 'the ask card');
    const form = card as HTMLFormElement;
    // Text stays text, and the staff member signs it.
    expect(find(form, 'h3')?.textContent).to.equal('Would you pay for <b>offline</b> maps?');
    expect(find(form, 'b')).to.equal(undefined);
    expect(deepText(form)).to.contain('Mia').and.contain('Community Manager').and.contain('We are thinking about it.');
    const radios = findAll(form, 'input[type=radio]') as HTMLInputElement[];
    expect(radios).to.have.length(3);
    (radios[1] as HTMLInputElement).click();
    const words = find(form, 'textarea') as HTMLTextAreaElement;
    words.value = 'If it works abroad';
    words.dispatchEvent(new Event('input'));
    byText(form, 'button', 'Send my answer')?.click();
    await waitFor(() => deepText(form).includes('Thank you: your answer was sent.'), 'the thanks');

    // Back later: the answer is there, and can be changed.
    cleanup();
    const again = await mount(c, { 'sso-token': token });
    const [back] = await waitFor(() => (cards(again).length ? cards(again) : null), 'the card again');
    const checked = (findAll(back as Element, 'input[type=radio]') as HTMLInputElement[]).map((r) => r.checked);
    expect(checked).to.deep.equal([false, true, false]);
    expect((find(back as Element, 'textarea') as HTMLTextAreaElement).value).to.equal('If it works abroad');
    (findAll(back as Element, 'input[type=radio]')[2] as HTMLInputElement).click();
    byText(back as Element, 'button', 'Change my answer')?.click();
    await waitFor(() => deepText(back as Element).includes('Thank you'), 'the change saved');
  });

  it('says clearly why an answer was not taken', async () => {
    const c = await newCommunity();
    const id = await server<string>('ask', {
      slug: c.slug,
      input: { question: 'Which colours?', choices: ['Red', 'Blue'], multiple: true },
    });
    const token = await server<string>('sso-token', { slug: c.slug, sub: 'm-1', name: 'Max' });
    const widget = await mount(c, { 'sso-token': token });
    const [card] = await waitFor(() => (cards(widget).length ? cards(widget) : null), 'the ask card');
    const form = card as HTMLFormElement;
    expect(findAll(form, 'input[type=checkbox]')).to.have.length(2);
    // Nothing chosen.
    byText(form, 'button', 'Send my answer')?.click();
    const alert = await waitFor(() => find(form, '[role=alert]'), 'the error');
    expect(alert.textContent).to.equal('Choose an answer, or write one.');
    // Closed meanwhile.
    await server('close-ask', { slug: c.slug, id });
    (findAll(form, 'input[type=checkbox]')[0] as HTMLInputElement).click();
    byText(form, 'button', 'Send my answer')?.click();
    await waitFor(() => find(form, '[role=alert]')?.textContent === 'This ask is closed.', 'the closed error');
  });
});
