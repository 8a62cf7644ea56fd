import { AppError } from '../core/errors.ts';
import type { MessageId } from '../i18n/say.ts';
import type { Action, RateLimitRules } from './rules.ts';
import type { RateLimitStore } from './store.ts';

export interface Who {
  /** The member acting, for per-member limits (absent for anonymous actions). */
  memberId?: string | undefined;
  /** The community API key calling, for per-key limits. */
  apiKeyId?: string | undefined;
  ip: string;
}

function tooMany(resetInMs: number, why: MessageId): AppError {
  const retryAfter = Math.max(1, Math.ceil(resetInMs / 1000));
  const wait =
    retryAfter < 90
      ? { id: 'error.wait.seconds' as const, values: { count: retryAfter } }
      : { id: 'error.wait.minutes' as const, values: { count: Math.ceil(retryAfter / 60) } };
  return new AppError('RATE_LIMITED', ['error.rateLimited', { why: { id: why }, wait }], { retryAfter });
}

/** Applies the rules: `check` counts an action and refuses it with RATE_LIMITED past a limit. */
export function createLimiter(store: RateLimitStore, rules: RateLimitRules) {
  return {
    async check(action: Action, who: Who): Promise<void> {
      for (const [i, rule] of rules[action].entries()) {
        const subject = rule.per === 'member' ? who.memberId : rule.per === 'apiKey' ? who.apiKeyId : who.ip;
        if (!subject) continue;
        const { count, resetInMs } = await store.hit(`${action}:${i}:${rule.per}:${subject}`, rule.windowMs);
        if (count > rule.limit) throw tooMany(resetInMs, 'error.rate.tooOften');
      }
    },

    /**
     * Refuses sign-in to an account locked after repeated failures (known or not: no enumeration):
     * from the address that failed, or from everywhere after very many failures.
     */
    async assertNotLocked(community: string, email: string, ip: string): Promise<void> {
      const here = await store.peek(failureKey(community, email, ip));
      if (here.count >= rules.signInFailures.limit) {
        throw tooMany(here.resetInMs, 'error.rate.signInHere');
      }
      const everywhere = await store.peek(failureKey(community, email));
      if (everywhere.count >= rules.signInAccountFailures.limit) {
        throw tooMany(everywhere.resetInMs, 'error.rate.signInEverywhere');
      }
    },

    async signInFailed(community: string, email: string, ip: string): Promise<void> {
      await store.hit(failureKey(community, email, ip), rules.signInFailures.windowMs);
      await store.hit(failureKey(community, email), rules.signInAccountFailures.windowMs);
    },

    async signInSucceeded(community: string, email: string, ip: string): Promise<void> {
      await store.reset(failureKey(community, email, ip));
    },

    /** Lifts the lock on an account for everyone (its password was just set with a one-time link). */
    async unlock(community: string, email: string): Promise<void> {
      await store.reset(failureKey(community, email));
    },

    close: () => store.close(),
  };
}

const failureKey = (community: string, email: string, ip?: string) =>
  `signin-failures:${community}:${email.trim().toLowerCase()}${ip ? `:${sourceOf(ip)}` : ''}`;

/** Where failures come from: an IPv4 address, or an IPv6 /64 (one network hands out the rest). */
function sourceOf(ip: string): string {
  if (!ip.includes(':') || ip.startsWith('::ffff:')) return ip;
  const [head, tail = ''] = ip.split('::');
  const left = (head ?? '').split(':').filter(Boolean);
  const right = tail.split(':').filter(Boolean);
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export type Limiter = ReturnType<typeof createLimiter>;
