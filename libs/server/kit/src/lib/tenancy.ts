import type { Request, RequestHandler } from 'express';
import { DEALERSHIP_HEADER, roleHasPermission, type Permission, type Role } from '@showroom/contracts';
import { z } from 'zod';
import { principalOf, type Principal } from './auth';
import { problems } from './problem';

/** The dealership a request acts for, and the caller's role there. */
export interface Tenant {
  dealershipId: string;
  role: Role;
  principal: Principal;
}

const dealershipIdSchema = z.uuid();
const TENANT = Symbol('showroom.tenant');

/**
 * Accepts the `X-Dealership-Id` header only when the token grants a membership of that dealership.
 * A forged or foreign id is refused with 403; the data of that dealership is never touched.
 */
export function requireDealership(): RequestHandler {
  return (req, _res, next) => {
    const principal = principalOf(req);
    const header = req.get(DEALERSHIP_HEADER);
    if (!header) {
      return next(
        problems.validation(
          [{ name: 'X-Dealership-Id', reason: 'is required: name the dealership you act for' }],
          'Missing X-Dealership-Id header.',
        ),
      );
    }
    if (!dealershipIdSchema.safeParse(header).success) {
      return next(
        problems.validation([{ name: 'X-Dealership-Id', reason: 'must be a dealership id (UUID)' }]),
      );
    }
    const membership = principal.memberships.find((m) => m.dealershipId === header.toLowerCase());
    if (!membership) return next(problems.forbidden('You are not a member of that dealership.'));
    (req as Request & { [TENANT]?: Tenant })[TENANT] = {
      dealershipId: membership.dealershipId,
      role: membership.role,
      principal,
    };
    next();
  };
}

export function tenantOf(req: Request): Tenant {
  const tenant = (req as Request & { [TENANT]?: Tenant })[TENANT];
  if (!tenant) throw new Error('tenantOf() called on a route without requireDealership()');
  return tenant;
}

/** 403 unless the caller's role at the active dealership grants `permission`. */
export function requirePermission(permission: Permission): RequestHandler {
  return (req, _res, next) => {
    const { role } = tenantOf(req);
    next(
      roleHasPermission(role, permission)
        ? undefined
        : problems.forbidden(`Your role (${role}) does not allow ${permission}.`),
    );
  };
}
