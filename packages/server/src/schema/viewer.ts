import { SESSION_COOKIE } from '../auth/tokens.ts';
import { AppError, notFound } from '../core/errors.ts';
import { bindEm } from '../core/scope.ts';
import { type Actor, isStaff } from '../services/actor.ts';
import { communityById } from '../services/communities.ts';
import { fromSuspendedGuest } from '../services/guest-origin.ts';
import { startGuestSession } from '../services/identity.ts';
import { SESSION_TTL_MS, signIn, signOut, startSession } from '../services/staff/sessions.ts';
import { setPasswordWithToken } from '../services/staff/team.ts';
import { builder } from './builder.ts';
import { CommunityRef } from './community.ts';
import { MemberRef } from './member.ts';
import { StaffMemberRef } from './staff-member.ts';

/** The name of the staff session cookie (httpOnly, SameSite=Lax). */

const ViewerKind = builder.enumType('ViewerKind', {
  values: {
    CUSTOMER: { description: 'Signed in through the brand (SSO token).' },
    GUEST: { description: 'Taking part under a display name, with a guest token.' },
    STAFF: { description: 'A staff member, signed in to the admin console.' },
  },
});

export const ViewerRef = builder.objectRef<Actor>('Viewer').implement({
  description: 'Whoever is making the request.',
  fields: (t) => ({
    kind: t.field({ type: ViewerKind, resolve: (viewer) => viewer.kind }),
    community: t.field({
      type: CommunityRef,
      resolve: async (viewer, _args, ctx) => {
        const community = await communityById(ctx.em(), viewer.communityId);
        if (!community) throw notFound('error.notFound.community');
        return community;
      },
    }),
    member: t.field({ type: MemberRef, nullable: true, resolve: (viewer) => (isStaff(viewer) ? null : viewer.member) }),
    staff: t.field({
      type: StaffMemberRef,
      nullable: true,
      resolve: (viewer) => (isStaff(viewer) ? viewer.staff : null),
    }),
  }),
});

const GuestSessionRef = builder.objectRef<{ token: string; viewer: Actor }>('GuestSession').implement({
  description: 'Keep the token (the widget keeps it in localStorage) and send it as `Authorization: Bearer <token>`.',
  fields: (t) => ({
    token: t.exposeString('token'),
    viewer: t.field({ type: ViewerRef, resolve: (session) => session.viewer }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: 'Null for an anonymous request.',
    resolve: (_root, _args, ctx) => ctx.viewer(),
  }),
);

builder.mutationFields((t) => ({
  startGuestSession: t.field({
    type: GuestSessionRef,
    description: 'Take part without an account, under a display name.',
    args: {
      community: t.arg.string(),
      displayName: t.arg.string(),
      browser: t.arg.string({
        required: false,
        description:
          "A random id the visitor's browser keeps (8–64 letters, digits, - or _): a suspended guest's browser is limited in starting new sessions.",
      }),
    },
    resolve: async (_root, args, ctx) => {
      await ctx.limit('guest');
      const community = await ctx.enterCommunity(args.community);
      const origin = { ip: ctx.ip, browser: args.browser };
      if (await fromSuspendedGuest(bindEm(ctx.em(), community.id), community.id, origin)) {
        await ctx.limit('guestAfterSuspension');
      }
      const { token, actor } = await startGuestSession(ctx.em(), community.id, args.displayName, origin);
      ctx.signedIn(actor);
      return { token, viewer: actor };
    },
  }),
  staffSignIn: t.field({
    type: ViewerRef,
    description: 'Signs a staff member in; the session is kept in an httpOnly cookie.',
    args: { community: t.arg.string(), email: t.arg.string(), password: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      await ctx.limit('signIn');
      const community = await ctx.enterCommunity(args.community);
      await ctx.limiter.assertNotLocked(community.id, args.email, ctx.ip);
      let signedIn: Awaited<ReturnType<typeof signIn>>;
      try {
        signedIn = await signIn(bindEm(ctx.em(), community.id), community.id, args.email, args.password);
      } catch (error) {
        if (error instanceof AppError && error.code === 'UNAUTHENTICATED')
          await ctx.limiter.signInFailed(community.id, args.email, ctx.ip);
        throw error;
      }
      await ctx.limiter.signInSucceeded(community.id, args.email, ctx.ip);
      const { token, actor } = signedIn;
      ctx.setCookie(SESSION_COOKIE, token, { maxAgeSeconds: SESSION_TTL_MS / 1000 });
      ctx.signedIn(actor);
      return actor;
    },
  }),
  setStaffPassword: t.field({
    type: ViewerRef,
    description: 'Sets a staff password with a one-time link (an invitation), and signs in.',
    args: { token: t.arg.string(), password: t.arg.string({ description: 'At least 10 characters.' }) },
    resolve: async (_root, args, ctx) => {
      await ctx.limit('signIn');
      // Someone already signed in is not accepting an invitation: the link is for its addressee.
      if (ctx.viewer() || ctx.apiKey) throw new AppError('FORBIDDEN', 'error.signOutForLink');
      const staff = await setPasswordWithToken(ctx.em(), args.token, args.password);
      const communityId = staff.community.id;
      await ctx.limiter.unlock(communityId, staff.email);
      const { token, actor } = await startSession(bindEm(ctx.em(), communityId), communityId, staff);
      ctx.setCookie(SESSION_COOKIE, token, { maxAgeSeconds: SESSION_TTL_MS / 1000 });
      ctx.signedIn(actor);
      return actor;
    },
  }),
  staffSignOut: t.boolean({
    description: 'Ends this staff session.',
    resolve: async (_root, _args, ctx) => {
      const viewer = ctx.viewer();
      if (isStaff(viewer)) await signOut(ctx.scope().em, viewer);
      ctx.deleteCookie(SESSION_COOKIE);
      return true;
    },
  }),
}));
