import type { Permission } from '@showroom/contracts';
import { leadsRoutes } from '../routes';

/** The records a request is aimed at: a lead, one of its tasks, and someone to give the lead to. */
export interface Target {
  lead: string;
  task: string;
  assigneeId: string;
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

/** A body that would succeed for someone allowed to send it, for each route of people that takes one. */
const BODIES: Record<string, (t: Target) => object> = {
  enterLead: () => ({ source: 'phone', firstName: 'Entered', email: 'entered.lead@example.com' }),
  changeLeadStatus: () => ({ status: 'contacted', note: 'called back' }),
  assignLead: (t) => ({ assigneeId: t.assigneeId }),
  addLeadNote: () => ({ body: 'a note on the lead' }),
  addLeadTask: () => ({ kind: 'call', title: 'call back', dueAt: tomorrow() }),
  updateLeadTask: () => ({ done: true }),
  updateLeadSettings: () => ({ siteOrigins: ['https://www.changed.example'], fromName: 'Changed' }),
};

/** A route of the table for people, ready to send at a target. */
export interface UserRequest {
  operationId: string;
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  permission: Permission;
  /** Aimed at one lead (404 when the caller may not see it). */
  byLead: boolean;
  /** Changes something (anything but a read). */
  write: boolean;
  path: (t: Target) => string;
  body?: (t: Target) => object;
}

const fill = (path: string, t: Target) => path.replace(':taskId', t.task).replace(':id', t.lead);

/** Every route of the table that people call, with the body it needs: the table is the list. */
export const USER_REQUESTS: UserRequest[] = leadsRoutes.flatMap((route) =>
  route.caller.kind === 'user'
    ? [
        {
          operationId: route.operationId,
          method: route.method,
          permission: route.caller.permission,
          byLead: route.path.includes(':id'),
          write: route.method !== 'get',
          path: (t: Target) => fill(route.path, t),
          body: BODIES[route.operationId],
        },
      ]
    : [],
);

export const userRequest = (operationId: string): UserRequest => {
  const found = USER_REQUESTS.find((r) => r.operationId === operationId);
  if (!found) throw new Error(`no route ${operationId} in the leads table`);
  return found;
};

/** The body of a route of people, for a target. */
export const exampleBody = (operationId: string, t: Target): object | undefined => BODIES[operationId]?.(t);
