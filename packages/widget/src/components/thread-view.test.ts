import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import {
  byText,
  cleanup,
  deepText,
  find,
  findAll,
  holdRequests,
  mount,
  newCommunity,
  openThread,
  server,
  type,
  waitFor,
} from '../testing/harness.ts';

const replies = (widget: Element) => findAll(widget, 'rapport-thread-view >> ol li');

/**
 * The next answer to `operation` comes as a first part holding everything, and its last part (the
 * end of the answer) only on `release()`: as when a deferred part is slow, and the visitor already
 * acts on what is shown. (The server answers at once when every part is ready, as it is here.)
 */
function holdAnswerEnd(operation: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const previous = window.fetch;
  let taken = false;
  window.fetch = async (input, init) => {
    const response = await previous(input, init);
    if (taken || typeof init?.body !== 'string' || !init.body.includes(operation)) return response;
    taken = true;
    // As the server sends an answer in parts to a client that accepts events (the widget's).
    const first = { ...(await response.json()), hasNext: true };
    const event = (json: unknown) => `event: next\ndata: ${JSON.stringify(json)}\n\n`;
    const encode = (text: string) => new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encode(event(first)));
        await released;
        controller.enqueue(encode(`${event({ hasNext: false })}event: complete\ndata:\n\n`));
        controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
  return { release };
}

describe('<rapport-thread-view>', () => {
  afterEach(cleanup);

  it('shows the post, the status with the staff note, and staff replying as themselves', async () => {
    const c = await newCommunity();
    const id = await server<string>('post', { slug: c.slug, title: 'Bigger tents', body: 'Room for\ntwo dogs' });
    await server('reply', { slug: c.slug, threadId: id, as: 'Cara', body: 'Me too!' });
    await server('reply', { slug: c.slug, threadId: id, as: 'staff', body: 'On our list.' });
    await server('reply', { slug: c.slug, threadId: id, as: 'agency', body: 'Happy to help.' });
    await server('status', { slug: c.slug, threadId: id, status: 'PLANNED', note: 'Next spring' });
    const widget = await mount(c);
    const heading = await openThread(widget, 'Bigger tents');
    expect(heading.textContent).to.equal('Bigger tents');
    expect(find(widget, 'rapport-thread-list')?.hidden).to.equal(true);
    await waitFor(() => replies(widget).length === 3, 'three replies');
    const view = find(widget, 'rapport-thread-view') as Element;
    // Its line break kept, as the author wrote it.
    const text = find(view, 'rapport-editable-text >> .text p') as HTMLElement;
    expect(text.textContent).to.equal('Room fortwo dogs');
    expect(text.querySelector('br')).not.to.equal(null);
    const note = find(view, '.status-note');
    expect(note?.textContent).to.contain('Planned — update from Sam');
    expect(note?.textContent).to.contain('Next spring');
    const [customer, staff, agency] = replies(widget);
    expect(deepText(customer as Element)).to.contain('Cara');
    expect(find(customer as Element, '.badge')).to.equal(undefined);
    expect(deepText(staff as Element)).to.contain('Sam');
    expect(deepText(staff as Element)).to.contain('Support Lead');
    expect(find(staff as Element, '[part=staff-badge]')?.textContent).to.equal('Staff');
    expect(deepText(agency as Element)).to.contain('Ari');
    expect(find(agency as Element, '[part=staff-badge]')?.textContent).to.equal(`Agency for ${c.brand}`);
  });

  it('receives replies, status changes and votes live, and announces new replies', async () => {
    const c = await newCommunity();
    const id = await server<string>('post', { slug: c.slug, title: 'Live one' });
    const widget = await mount(c);
    await openThread(widget, 'Live one');
    await waitFor(() => find(widget, 'rapport-thread-view >> .live')?.textContent?.includes('Live'), 'the live stream');
    await server('reply', { slug: c.slug, threadId: id, as: 'staff', body: 'Answer from staff' });
    await waitFor(() => replies(widget).some((li) => deepText(li).includes('Answer from staff')), 'the staff reply');
    expect(find(widget, 'rapport-thread-view >> .sr-only[role=status]')?.textContent).to.contain('New reply from Sam');
    await server('status', { slug: c.slug, threadId: id, status: 'IN_PROGRESS', note: 'Building it' });
    await waitFor(
      () => find(widget, 'rapport-thread-view >> .status-note')?.textContent?.includes('Building it'),
      'the status note',
    );
    await server('vote', { slug: c.slug, threadId: id, voters: 2 });
    await waitFor(
      () => find(widget, 'rapport-thread-view >> rapport-vote >> button')?.textContent?.includes('2'),
      'the vote count',
    );
  });

  it('shows a reply posted after the thread was read and before its live updates took hold', async () => {
    const c = await newCommunity();
    const id = await server<string>('post', { slug: c.slug, title: 'Slow line' });
    const widget = await mount(c);
    const subscription = holdRequests('WidgetThreadEvents', 'request');
    await openThread(widget, 'Slow line');
    await waitFor(() => subscription.held === 1, 'the subscription, held back');
    await server('reply', { slug: c.slug, threadId: id, as: 'staff', body: 'Posted meanwhile' });
    subscription.release();
    await waitFor(() => replies(widget).some((li) => deepText(li).includes('Posted meanwhile')), 'the reply');
  });

  it('replies and follows as the visitor, and shows limits and errors in place', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'Talk to me' });
    const widget = await mount(c);
    await openThread(widget, 'Talk to me');
    const form = await waitFor(() => find(widget, 'rapport-reply-form'), 'the reply form');
    byText(form, 'button', 'Reply')?.click();
    await waitFor(() => find(form, '[role=alert]')?.textContent?.includes('at least 1'), 'the empty-reply message');
    type(find(form, 'textarea'), 'x'.repeat(10_001));
    await waitFor(() => find(form, '.count')?.textContent === '10,001 / 10,000', 'the character count');
    expect(find(form, '.count')?.classList.contains('over')).to.equal(true);
    type(find(form, 'textarea'), 'Count me in');
    byText(form, 'button', 'Reply')?.click();
    const dialog = await waitFor(() => find(widget, 'rapport-guest-dialog >> dialog[open]'), 'the guest dialog');
    type(find(dialog, 'input'), 'Rory');
    byText(dialog, 'button', 'Continue')?.click();
    // Joining does not lose the reply: it is sent as soon as the visitor has a name, once.
    await waitFor(() => replies(widget).some((li) => deepText(li).includes('Count me in')), 'the reply');
    await new Promise((r) => setTimeout(r, 300));
    expect(replies(widget).filter((li) => deepText(li).includes('Count me in'))).to.have.length(1);
    expect((find(form, 'textarea') as HTMLTextAreaElement).value).to.equal('');
    // Focus stays in the form (not dropped to the page) for the next reply.
    expect(form.shadowRoot?.activeElement?.tagName).to.equal('TEXTAREA');
    const follow = byText(widget, 'rapport-thread-view >> button', /Follow/);
    await waitFor(() => follow?.getAttribute('aria-pressed') === 'true', 'following after replying');
    follow?.click();
    await waitFor(() => follow?.getAttribute('aria-pressed') === 'false', 'unfollowed');
  });

  it('goes back to the list with focus on the thread it came from', async () => {
    const c = await newCommunity();
    await server('post', { slug: c.slug, title: 'First' });
    await server('post', { slug: c.slug, title: 'Second' });
    const widget = await mount(c);
    await openThread(widget, 'Second');
    byText(widget, 'rapport-thread-view >> button', 'Back to all posts')?.click();
    await waitFor(() => find(widget, 'rapport-thread-list')?.hidden === false, 'the list');
    const list = find(widget, 'rapport-thread-list') as Element;
    await waitFor(() => list.shadowRoot?.activeElement?.textContent === 'Second', 'focus on "Second"');
    // And it shows: the title's reset style must not take the focus ring away.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    const focused = list.shadowRoot?.activeElement as HTMLElement;
    expect(focused.textContent).to.equal('Second');
    expect(focused.matches(':focus-visible')).to.equal(true);
    expect(getComputedStyle(focused).outlineStyle).to.equal('solid');
  });

  it('closes the reply form as soon as a moderator locks the thread', async () => {
    const c = await newCommunity();
    const id = await server<string>('post', { slug: c.slug, title: 'Heated topic' });
    const widget = await mount(c);
    await openThread(widget, 'Heated topic');
    await waitFor(() => find(widget, 'rapport-thread-view >> .live')?.textContent?.includes('Live'), 'the live stream');
    expect(find(widget, 'rapport-reply-form')).not.to.equal(undefined);
    await server('lock', { slug: c.slug, threadId: id });
    await waitFor(() => !find(widget, 'rapport-reply-form'), 'the reply form to go');
    expect(deepText(find(widget, 'rapport-thread-view')!)).to.contain('closed to new replies');
  });

  it('lets a visitor report a reply to the moderators, with a reason', async () => {
    const c = await newCommunity();
    const id = await server<string>('post', { slug: c.slug, title: 'Reported place', as: 'Ann' });
    await server('reply', { slug: c.slug, threadId: id, as: 'Troll', body: 'Nasty words' });
    const widget = await mount(c, {
      'sso-token': await server<string>('sso-token', { slug: c.slug, sub: 'rep', name: 'Reporter Rae' }),
    });
    await openThread(widget, 'Reported place');
    await waitFor(() => replies(widget).length === 1, 'the reply');
    const report = find(replies(widget)[0]!, 'rapport-report >> button') as HTMLElement;
    expect(report.getAttribute('aria-label')).to.equal('Report this reply to the moderators');
    report.click();
    const reason = await waitFor(() => find(replies(widget)[0]!, 'rapport-report >> input'), 'the reason field');
    // Focus moves there once the field is drawn. Read from its shadow root: `:focus` is false in a
    // page without window focus, as when the runner has several test pages open at once.
    await waitFor(() => (reason.getRootNode() as ShadowRoot).activeElement === reason, 'the focus on the reason field');
    type(reason, 'no');
    byText(replies(widget)[0]!, 'rapport-report >> button', 'Send report')?.click();
    await waitFor(() => find(replies(widget)[0]!, 'rapport-report >> #reason-error'), 'the length problem');
    type(find(replies(widget)[0]!, 'rapport-report >> input'), 'Insults other customers');
    byText(replies(widget)[0]!, 'rapport-report >> button', 'Send report')?.click();
    await waitFor(() => deepText(replies(widget)[0]!).includes('the moderators will look at it'), 'the thanks');
    const queue = await server<{ reason: string; thread: string; reply: string | null }[]>('reports', { slug: c.slug });
    expect(queue).to.deep.equal([
      { reason: 'Insults other customers', thread: 'Reported place', reply: 'Nasty words' },
    ]);
  });

  it('keeps the focus where the visitor put it when the rest of the thread arrives late', async () => {
    const c = await newCommunity();
    const id = await server<string>('post', { slug: c.slug, title: 'Slow place', as: 'Ann' });
    await server('reply', { slug: c.slug, threadId: id, as: 'Troll', body: 'Nasty words' });
    const widget = await mount(c, {
      'sso-token': await server<string>('sso-token', { slug: c.slug, sub: 'slow', name: 'Slow Sid' }),
    });
    const late = holdAnswerEnd('query WidgetThread(');
    await openThread(widget, 'Slow place');
    // The heading has the focus as soon as the thread is drawn.
    const heading = await waitFor(() => find(widget, 'rapport-thread-view >> h2'), 'the heading');
    await waitFor(() => (heading.getRootNode() as ShadowRoot).activeElement === heading, 'the focus on the heading');
    await waitFor(() => replies(widget).length === 1, 'the reply');
    (find(replies(widget)[0]!, 'rapport-report >> button') as HTMLElement).click();
    const reason = await waitFor(() => find(replies(widget)[0]!, 'rapport-report >> input'), 'the reason field');
    await waitFor(() => (reason.getRootNode() as ShadowRoot).activeElement === reason, 'the focus on the reason field');
    late.release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((reason.getRootNode() as ShadowRoot).activeElement).to.equal(reason);
    expect((heading.getRootNode() as ShadowRoot).activeElement).to.not.equal(heading);
  });

  it('offers no Report on what the viewer wrote themselves', async () => {
    const c = await newCommunity();
    localStorage.setItem(
      `rapport:guest:${c.slug}`,
      await server<string>('guest-token', { slug: c.slug, name: 'Owen' }),
    );
    const id = await server<string>('post', { slug: c.slug, title: 'My own thread', as: 'Owen' });
    await server('reply', { slug: c.slug, threadId: id, as: 'Owen', body: 'My own reply' });
    await server('reply', { slug: c.slug, threadId: id, as: 'Pia', body: 'Someone else' });
    const widget = await mount(c);
    await openThread(widget, 'My own thread');
    await waitFor(() => replies(widget).length === 2, 'the replies');
    await waitFor(() => find(replies(widget)[1]!, 'rapport-report'), "Report on someone else's reply");
    await waitFor(() => !find(widget, 'rapport-thread-view >> .meta rapport-report'), 'no Report on the own thread');
    expect(find(replies(widget)[0]!, 'rapport-report')).to.equal(undefined);
  });

  it('marks replies staff found helpful, and members the team flagged as ambassadors', async () => {
    const c = await newCommunity();
    const id = await server<string>('post', { slug: c.slug, title: 'Best trail shoes?', as: 'Ann' });
    const helpful = await server<string>('reply', {
      slug: c.slug,
      threadId: id,
      as: 'Hugo',
      body: 'The Trail 3 fits wide feet',
    });
    await server('reply', { slug: c.slug, threadId: id, as: 'Ivy', body: 'No idea, sorry' });
    await server('helpful', { slug: c.slug, replyId: helpful });
    await server('flag', { slug: c.slug, name: 'Hugo' });
    const widget = await mount(c);
    await openThread(widget, 'Best trail shoes?');
    await waitFor(() => replies(widget).length === 2, 'two replies');
    const [hugo, ivy] = replies(widget) as unknown as [Element, Element];
    expect(find(hugo, '[part~=helpful]')?.textContent).to.contain('Helpful');
    expect(deepText(hugo)).to.contain('Ambassador');
    expect(find(ivy, '[part~=helpful]')).to.equal(undefined);
    expect(deepText(ivy)).to.not.contain('Ambassador');
  });
});
