// oidc-provider ships no type declarations; this covers only the surface dev-auth uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { JWK } from 'jose';

  export type UnknownObject = Record<string, unknown>;

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    client_name?: string;
    application_type?: 'web' | 'native';
    token_endpoint_auth_method?: 'none' | 'client_secret_post' | 'client_secret_basic';
    grant_types?: string[];
    response_types?: string[];
    redirect_uris?: string[];
    post_logout_redirect_uris?: string[];
    [key: string]: unknown;
  }

  export interface Client {
    readonly clientId: string;
    readonly clientName?: string;
    readonly redirectUris: string[];
    readonly postLogoutRedirectUris: string[];
    grantTypeAllowed(grantType: string): boolean;
  }

  export interface Session {
    readonly accountId?: string;
    grantIdFor(clientId: string): string | undefined;
  }

  export interface AccountClaims {
    sub: string;
    [claim: string]: unknown;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: UnknownObject, rejected: string[]): Promise<AccountClaims>;
  }

  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg?: string } };
  }

  export interface ResourceServer {
    readonly identifier: string;
    readonly audience?: string;
    readonly scope: string;
    readonly scopes: Set<string>;
  }

  export interface Interaction {
    readonly uid: string;
    readonly prompt: {
      name: string;
      reasons: string[];
      details: {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
    };
    readonly params: UnknownObject & { client_id?: string; login_hint?: string };
    readonly session?: { accountId?: string; uid?: string };
    readonly grantId?: string;
  }

  export interface OIDCContext {
    readonly provider: Provider;
    readonly route: string;
    readonly client?: Client;
    readonly session?: Session;
    readonly account?: Account;
    readonly result?: { consent?: { grantId?: string } };
    readonly body?: UnknownObject;
    readonly requestParamScopes: Set<string>;
    readonly requestParamOIDCScopes: Set<string>;
    readonly resourceServers: Record<string, ResourceServer>;
    params?: UnknownObject;
    entity(key: string, value: unknown): void;
  }

  /** The Koa context oidc-provider hands to configuration functions. */
  export interface KoaContextWithOIDC {
    readonly oidc: OIDCContext;
    readonly method: string;
    readonly path: string;
    readonly query: UnknownObject;
    readonly secure: boolean;
    /** The client's address (the socket's: dev-auth trusts no proxy headers). */
    readonly ip: string;
    get(field: string): string;
    status: number;
    type: string;
    body: unknown;
    set(field: string, value: string): void;
  }

  interface TokenFields {
    accountId?: string;
    client?: Client;
    grantId?: string;
    gty?: string;
    scope?: string;
    resource?: string;
    rotations?: number;
    claims?: UnknownObject;
  }

  export class BaseToken {
    readonly kind: string;
    readonly jti: string;
    readonly clientId: string;
    readonly accountId?: string;
    readonly expiration: number;
    readonly tokenType: string;
    gty?: string;
    scope?: string;
    resourceServer?: ResourceServer;
    save(): Promise<string>;
  }

  /** The storage of one model (memory-store.ts in dev-auth). */
  export interface ModelAdapter {
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export class Grant {
    static readonly adapter: ModelAdapter;
    constructor(fields: { accountId: string; clientId: string });
    readonly jti: string;
    readonly accountId: string;
    readonly clientId: string;
    addOIDCScope(scope: string): void;
    addResourceScope(resource: string, scope: string): void;
    getOIDCScopeFiltered(filter: Set<string>): string;
    getResourceScopeFiltered(resource: string, filter: Iterable<string>): string;
    save(): Promise<string>;
    static find(id: string): Promise<Grant | undefined>;
  }

  export class IdToken {
    constructor(claims: UnknownObject, options: { ctx: KoaContextWithOIDC });
    scope: string;
    issue(options: { use: 'idtoken' }): Promise<string>;
  }

  export type GrantTypeHandler = (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>;

  export interface InteractionResults {
    login?: { accountId: string; amr?: string[]; remember?: boolean };
    consent?: { grantId: string };
    error?: string;
    error_description?: string;
  }

  export type ProviderEvent = 'server_error' | 'grant.error' | 'authorization.error' | 'end_session.error';

  /** Emitted with the model instance each time a grant or a session is stored. */
  export type ModelSavedEvent = 'grant.saved' | 'session.saved';

  export class Provider {
    constructor(issuer: string, configuration: UnknownObject & { jwks?: { keys: JWK[] } });
    readonly issuer: string;
    proxy: boolean;
    readonly Grant: typeof Grant;
    readonly AccessToken: new (fields: TokenFields) => BaseToken;
    readonly RefreshToken: new (fields: TokenFields) => BaseToken;
    readonly IdToken: typeof IdToken;
    readonly ResourceServer: new (identifier: string, info: ResourceServerInfo) => ResourceServer;
    readonly Session: { readonly adapter: ModelAdapter };
    readonly Client: { find(id: string): Promise<Client | undefined> };
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    registerGrantType(name: string, handler: GrantTypeHandler, params?: string[]): void;
    on(event: ProviderEvent, listener: (ctx: KoaContextWithOIDC, err: Error & UnknownObject) => void): this;
    on(event: ModelSavedEvent, listener: (model: { jti: string; accountId?: string }) => void): this;
  }

  export class OIDCProviderError extends Error {
    status: number;
    statusCode: number;
    expose: boolean;
    error: string;
    error_description?: string;
  }

  export const errors: {
    OIDCProviderError: typeof OIDCProviderError;
    CustomOIDCProviderError: new (error: string, description?: string) => OIDCProviderError;
    InvalidRequest: new (description?: string) => OIDCProviderError;
    InvalidTarget: new (description?: string) => OIDCProviderError;
    InvalidGrant: new (detail?: string) => OIDCProviderError;
    AccessDenied: new (description?: string) => OIDCProviderError;
    SessionNotFound: new (description?: string) => OIDCProviderError;
  };

  export default Provider;
}
