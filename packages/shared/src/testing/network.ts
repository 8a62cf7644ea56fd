/**
 * Browser-side helpers for component tests (widget and admin console) that make a slow network's
 * races happen every time: GraphQL requests held back, answers read along as they stream in.
 */
const realFetch = window.fetch;

/** Undoes holdRequests and watchAnswers (between tests). */
export function restoreFetch(): void {
  window.fetch = realFetch;
}

/**
 * Makes the page's requests come from another address, as another person's would: the test
 * server trusts one proxy, so X-Forwarded-For names the client. Undone by restoreFetch.
 */
export function comeFrom(address: string): void {
  const previous = window.fetch;
  window.fetch = (input, init) =>
    previous(input, {
      ...init,
      headers: { ...Object.fromEntries(new Headers(init?.headers)), 'x-forwarded-for': address },
    });
}

/**
 * Holds the page's next `times` GraphQL requests whose body names `request` (an operation, e.g.
 * AdminThreadEvents, or a pattern that also looks at the variables) until `release()`: before they
 * are sent, or with their answer already in (an event between a read and the subscription taking
 * hold). `held` counts those held so far (at the `answer` stage, once their answer is in).
 */
export function holdRequests(request: string | RegExp, stage: 'request' | 'answer', times = 1) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const hold = { held: 0, release };
  let taken = 0;
  const previous = window.fetch;
  window.fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    if (taken >= times || !(typeof request === 'string' ? body.includes(request) : request.test(body))) {
      return previous(input, init);
    }
    taken++;
    if (stage === 'request') {
      hold.held++;
      await released;
      return previous(input, init);
    }
    const response = await previous(input, init);
    hold.held++;
    await released;
    return response;
  };
  return hold;
}

/**
 * Reads along the answers to the page's requests naming `operation` (a subscription's stream
 * as it arrives): `saw(text)` resolves once `text` has come in; `started` and `open` count the
 * answers begun and those still streaming.
 */
export function watchAnswers(operation: string) {
  let received = '';
  const counts = { started: 0, open: 0 };
  const waiting = new Set<{ text: string; resolve: () => void }>();
  const previous = window.fetch;
  window.fetch = async (input, init) => {
    const response = await previous(input, init);
    if (typeof init?.body !== 'string' || !init.body.includes(operation) || !response.body) return response;
    const reader = response.clone().body!.pipeThrough(new TextDecoderStream()).getReader();
    counts.started++;
    counts.open++;
    void (async () => {
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (chunk.done) {
          counts.open--;
          return;
        }
        received += chunk.value;
        for (const w of waiting) {
          if (!received.includes(w.text)) continue;
          waiting.delete(w);
          w.resolve();
        }
      }
    })();
    return response;
  };
  return {
    get started() {
      return counts.started;
    },
    get open() {
      return counts.open;
    },
    saw: (text: string) =>
      received.includes(text) ? Promise.resolve() : new Promise<void>((resolve) => waiting.add({ text, resolve })),
  };
}
