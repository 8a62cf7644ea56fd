import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { hashToken, newToken, SESSION_TOKEN_PREFIX } from '../../auth/tokens.ts';
import { badInput, conflict, unauthenticated } from '../../core/errors.ts';
import * as valid from '../../core/validation.ts';
import type { Em } from '../../db/em.ts';
import { STAFF_ROLES, StaffMember, type StaffRole, StaffSession } from '../../entities/index.ts';
import type { StaffActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';

/** How long a staff sign-in lasts. */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60_000;
export const MIN_PASSWORD_LENGTH = 10;

export interface NewStaff {
  email: string;
  name: string;
  role: string;
  title?: string | null;
  agencyName?: string | null;
  avatarUrl?: string | null;
  password?: string | null;
}

/** `em` must be bound to the community (core/scope.ts). */
export async function createStaff(
  em: Em,
  communityId: string,
  input: NewStaff,
  by: StaffActor | null,
): Promise<StaffMember> {
  const role = staffRole(input.role);
  const email = valid.email(input.email);
  const name = valid.line(input.name, valid.LIMITS.staffName);
  const title = input.title ? valid.line(input.title, valid.LIMITS.staffTitle) : null;
  const agencyName = input.agencyName ? valid.line(input.agencyName, valid.LIMITS.agencyName) : null;
  if (role === 'AGENCY' && !agencyName) {
    throw badInput('error.staff.agencyNameNeeded', 'agencyName');
  }
  if (role !== 'AGENCY' && agencyName) throw badInput('error.staff.agencyNameOnly', 'agencyName');
  const avatarUrl = input.avatarUrl ? valid.httpUrl(input.avatarUrl, 'avatarUrl') : null;
  const passwordHash = input.password == null ? null : await hashPassword(checkPassword(input.password));
  try {
    return await em.transactional(async (tx) => {
      const staff = tx.create(StaffMember, {
        community: communityId,
        email,
        name,
        title,
        role,
        agencyName,
        avatarUrl,
        passwordHash,
      });
      recordAudit(tx, communityId, by, {
        action: 'staff.create',
        targetType: 'StaffMember',
        targetId: staff.id,
        after: { email, name, title, role, agencyName },
      });
      return staff;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw conflict(['error.staff.emailTaken', { email }]);
    }
    throw error;
  }
}

export function staffRole(value: string): StaffRole {
  const role = value.toUpperCase();
  if (!(STAFF_ROLES as readonly string[]).includes(role)) {
    throw badInput(['error.staff.role', { roles: STAFF_ROLES.map((r) => r.toLowerCase()).join(', ') }], 'role');
  }
  return role as StaffRole;
}

export function checkPassword(password: string): string {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw badInput(['error.password.short', { min: MIN_PASSWORD_LENGTH }], 'password');
  }
  if (password.length > 1024) throw badInput('error.password.long', 'password');
  return password;
}

export interface SignedIn {
  /** The session secret for the cookie; only its hash is stored. */
  token: string;
  actor: StaffActor;
}

const WRONG_CREDENTIALS = 'error.signIn.wrong';
const DEACTIVATED = 'error.signIn.deactivated';

/**
 * Email + password sign-in. The same message and (through a decoy hash) about the same time for
 * unknown emails and wrong passwords: nothing tells an attacker which. A deactivated account is
 * named as such only with the right password (its owner, not someone guessing, needs to know).
 */
export async function signIn(em: Em, communityId: string, emailInput: string, password: string): Promise<SignedIn> {
  let email: string;
  try {
    email = valid.email(emailInput);
  } catch {
    await verifyPassword(null, password);
    throw unauthenticated(WRONG_CREDENTIALS);
  }
  const staff = await em.findOne(StaffMember, { email });
  const ok = await verifyPassword(staff?.passwordHash ?? null, password.slice(0, 1024));
  if (!staff || !ok) throw unauthenticated(WRONG_CREDENTIALS);
  // Only someone who knows the password learns that the account is deactivated.
  if (!staff.active) throw unauthenticated(DEACTIVATED);
  return startSession(em, communityId, staff);
}

/** A new signed-in session for a staff member whose identity is already established. */
export async function startSession(em: Em, communityId: string, staff: StaffMember): Promise<SignedIn> {
  const token = newToken(SESSION_TOKEN_PREFIX);
  const session = em.create(StaffSession, {
    community: communityId,
    staff,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  await em.flush();
  return { token, actor: { kind: 'STAFF', communityId, staff, session } };
}

export async function signOut(em: Em, actor: StaffActor): Promise<void> {
  if (actor.session) await em.nativeUpdate(StaffSession, { id: actor.session.id }, { revokedAt: new Date() });
}
