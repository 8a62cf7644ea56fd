/**
 * How often people may do things. Customer actions are limited per member and per IP address (a
 * flood from one address with many guest names is still one address); staff answering for the
 * brand are not limited here. Sign-in is limited per address. Failed sign-ins lock an account
 * for the address they came from (an IPv6 /64 counts as one); only many failures from everywhere
 * lock it for everyone, until the window passes or its password is set again with a manager's
 * link: locking someone out from afar takes many addresses, and is undone at once.
 */
export interface Limit {
  per: 'member' | 'ip' | 'apiKey';
  limit: number;
  windowMs: number;
}

export type Action =
  | 'post'
  | 'reply'
  | 'vote'
  | 'guest'
  | 'guestAfterSuspension'
  | 'signIn'
  | 'share'
  | 'search'
  | 'apiCall'
  | 'answer';

export type RateLimitRules = Record<Action, Limit[]> & {
  /** Failed sign-ins allowed per account from one address before it is locked there for `windowMs`. */
  signInFailures: { limit: number; windowMs: number };
  /** Failed sign-ins allowed per account from all addresses before it is locked everywhere. */
  signInAccountFailures: { limit: number; windowMs: number };
};

const MINUTE = 60_000;

/** The rules with every limit multiplied by `factor` (config RATE_LIMIT_MULTIPLIER). */
export function scaledLimits(rules: RateLimitRules, factor: number): RateLimitRules {
  const scale = (limit: number) => Math.max(1, Math.round(limit * factor));
  const scaled = Object.fromEntries(
    Object.entries(rules).map(([action, limits]) => [
      action,
      Array.isArray(limits)
        ? limits.map((l) => ({ ...l, limit: scale(l.limit) }))
        : { ...limits, limit: scale(limits.limit) },
    ]),
  );
  return scaled as RateLimitRules;
}

export const DEFAULT_RATE_LIMITS: RateLimitRules = {
  post: [
    { per: 'member', limit: 5, windowMs: MINUTE },
    { per: 'member', limit: 30, windowMs: 60 * MINUTE },
    { per: 'ip', limit: 20, windowMs: MINUTE },
  ],
  reply: [
    { per: 'member', limit: 10, windowMs: MINUTE },
    { per: 'ip', limit: 60, windowMs: MINUTE },
  ],
  vote: [
    { per: 'member', limit: 60, windowMs: MINUTE },
    { per: 'ip', limit: 300, windowMs: MINUTE },
  ],
  guest: [{ per: 'ip', limit: 10, windowMs: 10 * MINUTE }],
  // New guests from where a guest was suspended lately (services/guest-origin.ts).
  guestAfterSuspension: [{ per: 'ip', limit: 1, windowMs: 24 * 60 * MINUTE }],
  signIn: [{ per: 'ip', limit: 30, windowMs: 15 * MINUTE }],
  // Visits through share links count toward a member's reach: one address cannot pump them.
  share: [{ per: 'ip', limit: 30, windowMs: 10 * MINUTE }],
  // Full-text searches and similar-thread suggestions (typed, so frequent) cost the database most.
  search: [{ per: 'ip', limit: 600, windowMs: MINUTE }],
  // Every request made with a community API key, per key (the brand's servers syncing members).
  apiCall: [{ per: 'apiKey', limit: 600, windowMs: MINUTE }],
  // Answering an ask, or changing the answer: each is taking part, told to webhooks and to staff.
  answer: [
    { per: 'member', limit: 20, windowMs: MINUTE },
    { per: 'ip', limit: 120, windowMs: MINUTE },
  ],
  signInFailures: { limit: 5, windowMs: 15 * MINUTE },
  signInAccountFailures: { limit: 100, windowMs: 15 * MINUTE },
};
