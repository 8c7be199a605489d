// Auth0's own policy packages ship no types; the users service only uses them in a test.
declare module 'password-sheriff';
declare module 'auth0-password-policies';
