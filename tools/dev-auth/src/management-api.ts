import express, { Router, type ErrorRequestHandler, type Request } from 'express';
import type { JWK } from 'jose';
import { z } from 'zod';
import { AccountExistsError, type Account, type AccountStore } from './accounts';
import { DEFAULT_REALM } from './clients';
import { managementAuth, ManagementError, sendManagementError } from './management-auth';
import { judgeNewPassword } from './password-policy';
import type { PasswordTickets } from './password-tickets';

export interface ManagementApiDeps {
  issuer: string;
  audience: string;
  publicKeys: JWK[];
  accounts: AccountStore;
  tickets: PasswordTickets;
}

/** Auth0's default lifetime of a password-change ticket: 5 days. */
const DEFAULT_TICKET_TTL_SECONDS = 5 * 24 * 60 * 60;
const MAX_PAGE_SIZE = 100;

const CreateUserSchema = z.object({
  connection: z.literal(DEFAULT_REALM, { error: `connection must be "${DEFAULT_REALM}"` }),
  email: z.email(),
  name: z.string().trim().min(1).max(300).optional(),
  password: z.string().min(1, 'Missing required property: password'),
  email_verified: z.boolean().optional(),
  verify_email: z.boolean().optional(),
  blocked: z.boolean().optional(),
});

const UpdateUserSchema = z
  .object({
    name: z.string().trim().min(1).max(300),
    email_verified: z.boolean(),
    blocked: z.boolean(),
    password: z.string().min(1),
    connection: z.literal(DEFAULT_REALM),
  })
  .partial();

const PasswordTicketSchema = z.object({
  user_id: z.string().min(1),
  result_url: z.url().optional(),
  ttl_sec: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 60 * 60)
    .optional(),
  mark_email_as_verified: z.boolean().optional(),
  includeEmailInRedirect: z.boolean().optional(),
});

const PageSchema = z.object({
  page: z.coerce.number().int().min(0).default(0),
  per_page: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  include_totals: z.enum(['true', 'false']).optional(),
  q: z.string().max(2000).optional(),
});

/**
 * The subset of Auth0's Management API v2 the platform uses, so that the real `auth0` SDK runs
 * unchanged against dev-auth (the users service's identity port; README "Management API").
 */
export function managementApiRouter(deps: ManagementApiDeps): Router {
  const { accounts, tickets } = deps;
  const auth = managementAuth(deps);
  const router = Router();
  router.use('/api/v2', auth.authenticate, express.json({ limit: '16kb' }));

  router.post('/api/v2/users', auth.require('create:users'), async (req, res) => {
    const body = parse(CreateUserSchema, req.body);
    const problems = await judgeNewPassword(body.password, {
      accounts,
      sub: '',
      email: body.email,
      name: body.name ?? '',
    });
    if (problems.length) throw new ManagementError(400, `PasswordStrengthError: ${problems.join(' ')}`);
    let account: Account;
    try {
      account = await accounts.create({
        email: body.email,
        name: body.name ?? body.email,
        password: body.password,
        emailVerified: body.email_verified ?? false,
      });
    } catch (err) {
      if (err instanceof AccountExistsError)
        throw new ManagementError(409, 'The user already exists.', 'auth0_idp_error');
      throw err;
    }
    if (body.blocked) account = (await accounts.update(account.sub, { blocked: true })) ?? account;
    res.status(201).json(userView(accounts, account));
  });

  router.get('/api/v2/users', auth.require('read:users'), (req, res) => {
    const query = parse(PageSchema, req.query);
    const matching = accounts.list().filter(luceneFilter(query.q));
    const users = matching
      .slice(query.page * query.per_page, (query.page + 1) * query.per_page)
      .map((account) => userView(accounts, account));
    res.json(
      query.include_totals === 'true'
        ? {
            start: query.page * query.per_page,
            limit: query.per_page,
            length: users.length,
            total: matching.length,
            users,
          }
        : users,
    );
  });

  router.get('/api/v2/users-by-email', auth.require('read:users'), (req, res) => {
    const { email } = parse(z.object({ email: z.string().min(1) }), req.query);
    const account = accounts.findByEmail(email);
    res.json(account ? [userView(accounts, account)] : []);
  });

  router.get('/api/v2/users/:id', auth.require('read:users'), (req, res) => {
    res.json(userView(accounts, existing(accounts, req)));
  });

  router.patch('/api/v2/users/:id', auth.require('update:users'), async (req, res) => {
    const account = existing(accounts, req);
    const { password, connection: _connection, ...changes } = parse(UpdateUserSchema, req.body);
    if (password !== undefined) {
      const problems = await judgeNewPassword(password, { accounts, ...account });
      if (problems.length) throw new ManagementError(400, `PasswordStrengthError: ${problems.join(' ')}`);
      await accounts.setPassword(account.sub, password);
    }
    const updated = await accounts.update(account.sub, changes);
    res.json(userView(accounts, updated ?? account));
  });

  router.get('/api/v2/users/:id/logs', auth.require('read:logs'), (req, res) => {
    const account = existing(accounts, req);
    const query = parse(PageSchema, req.query);
    const logs = accounts.signInsOf(account.sub).map((signIn) => ({
      date: signIn.at,
      type: 's',
      description: 'Successful login',
      ip: signIn.ip,
      user_agent: signIn.userAgent,
      user_id: account.sub,
      user_name: account.email,
      connection: DEFAULT_REALM,
    }));
    const page = logs.slice(query.page * query.per_page, (query.page + 1) * query.per_page);
    res.json(
      query.include_totals === 'true'
        ? {
            start: query.page * query.per_page,
            limit: query.per_page,
            length: page.length,
            total: logs.length,
            logs: page,
          }
        : page,
    );
  });

  router.delete(
    '/api/v2/users/:id/authenticators',
    auth.require('delete:guardian_enrollments'),
    async (req, res) => {
      await accounts.setMfa(existing(accounts, req).sub, undefined);
      res.status(204).end();
    },
  );

  router.post('/api/v2/tickets/password-change', auth.require('create:user_tickets'), (req, res) => {
    const body = parse(PasswordTicketSchema, req.body);
    const account = accounts.findAccount(body.user_id);
    if (!account) throw new ManagementError(404, 'The user does not exist.', 'inexistent_user');
    const ticket = tickets.create(account.sub, {
      ttlSeconds: body.ttl_sec || DEFAULT_TICKET_TTL_SECONDS,
      resultUrl: body.result_url,
      markEmailAsVerified: body.mark_email_as_verified,
    });
    res.status(201).json({ ticket });
  });

  router.use('/api/v2', (_req, res) => {
    sendManagementError(res, new ManagementError(404, 'Not Found'));
  });
  const onError: ErrorRequestHandler = (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof ManagementError) return sendManagementError(res, err);
    if ((err as { type?: string }).type === 'entity.parse.failed')
      return sendManagementError(
        res,
        new ManagementError(400, 'Invalid request payload JSON format', 'invalid_body'),
      );
    next(err);
  };
  router.use('/api/v2', onError);
  return router;
}

/** A user as the Management API shows one. */
function userView(accounts: AccountStore, account: Account) {
  const signIns = accounts.signInsOf(account.sub);
  return {
    user_id: account.sub,
    email: account.email,
    email_verified: account.email_verified,
    name: account.name,
    blocked: account.blocked,
    created_at: account.created_at,
    updated_at: account.updated_at,
    ...(signIns[0] ? { last_login: signIns[0].at, last_ip: signIns[0].ip } : {}),
    logins_count: signIns.length,
    ...(accounts.mfaOf(account.sub) ? { multifactor: ['guardian'] } : {}),
    identities: [
      {
        connection: DEFAULT_REALM,
        provider: 'auth0',
        user_id: account.sub.replace(/^auth0\|/, ''),
        isSocial: false,
      },
    ],
  };
}

function existing(accounts: AccountStore, req: Request): Account {
  const account = accounts.findAccount(String(req.params['id']));
  if (!account) throw new ManagementError(404, 'The user does not exist.', 'inexistent_user');
  return account;
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ManagementError(
    400,
    `Payload validation error: '${issue?.message ?? 'invalid'}' on property ${issue?.path.join('.') || '(body)'}.`,
    'invalid_body',
  );
}

/**
 * The part of Auth0's user search (Lucene syntax) the platform sends: `field:"value"` and
 * `field:("a" OR "b")` for `email` and `user_id`, joined with OR. No query lists everyone.
 */
export function luceneFilter(q: string | undefined): (account: Account) => boolean {
  if (!q?.trim()) return () => true;
  const wanted: { field: 'email' | 'user_id'; values: string[] }[] = [];
  for (const match of q.matchAll(/(email|user_id):\s*(?:\(([^)]*)\)|"([^"]*)")/g)) {
    const values =
      match[2] === undefined ? [match[3] ?? ''] : [...match[2].matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '');
    wanted.push({ field: match[1] as 'email' | 'user_id', values });
  }
  if (!wanted.length) throw new ManagementError(400, `Unsupported query: ${q}`, 'invalid_query_string');
  return (account) =>
    wanted.some(({ field, values }) =>
      values.some((value) =>
        field === 'email' ? account.email.toLowerCase() === value.toLowerCase() : account.sub === value,
      ),
    );
}
