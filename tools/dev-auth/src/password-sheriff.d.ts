// password-sheriff and auth0-password-policies ship no types; this is the part dev-auth uses.
declare module 'password-sheriff' {
  export class PasswordPolicy {
    constructor(rules: object);
    check(password: string): boolean;
  }
}

declare module 'auth0-password-policies' {
  const policies: Record<'none' | 'low' | 'fair' | 'good' | 'excellent', object>;
  export default policies;
}
