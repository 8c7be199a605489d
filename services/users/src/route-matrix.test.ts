import { describeRouteMatrix } from '@showroom/server-testing/matrix';
import { usersRoutes } from './routes';
import { forDealership } from '@showroom/server-mysql';
import { addInvitation } from './test/team-admin';
import { addDealership, addMember } from './test/tenants';
import { currentIfMatch, logoPng, rooftopInput } from './test/websites';
import { startUsersTestApp, type UsersTestContext } from './test/users-test-app';

describeRouteMatrix<UsersTestContext>({
  service: 'users',
  routes: usersRoutes,
  // With dev-auth behind the identity port: accepting an invitation creates the person there.
  start: () => startUsersTestApp({ identity: true }),
  newDealership: addDealership,
  examples: {
    getMe: { request: () => ({}) },
    listMyDealerships: { request: () => ({}) },
    listMySignIns: { request: () => ({}) },
    listMembers: { request: () => ({}) },
    listGroupPeople: { request: () => ({}) },
    getMember: {
      namesRecord: true,
      request: async (ctx, dealershipId) => ({ params: { userId: await addMember(ctx, dealershipId) } }),
    },
    changeMemberRole: {
      namesRecord: true,
      request: async (ctx, dealershipId) => ({
        params: { userId: await addMember(ctx, dealershipId) },
        body: { role: 'viewer' },
      }),
    },
    deactivateMember: {
      namesRecord: true,
      request: async (ctx, dealershipId) => ({ params: { userId: await addMember(ctx, dealershipId) } }),
    },
    reactivateMember: {
      namesRecord: true,
      request: async (ctx, dealershipId) => {
        const userId = await addMember(ctx, dealershipId);
        await forDealership(ctx.database.writer, dealershipId)
          .updateTable('memberships')
          .set({ status: 'deactivated' })
          .where('user_id', '=', userId)
          .execute();
        return { params: { userId } };
      },
    },
    transferOwnership: {
      namesRecord: true,
      request: async (ctx, dealershipId) => ({ params: { userId: await addMember(ctx, dealershipId) } }),
    },
    listInvitations: { request: () => ({}) },
    invite: {
      request: () => ({
        body: {
          email: `matrix-${Math.random().toString(36).slice(2)}@example.test`,
          name: 'Matrix Invitee',
          role: 'sales',
        },
      }),
    },
    resendInvitation: {
      namesRecord: true,
      request: async (ctx, dealershipId) => ({
        params: { invitationId: (await addInvitation(ctx, dealershipId)).id },
      }),
    },
    revokeInvitation: {
      namesRecord: true,
      request: async (ctx, dealershipId) => ({
        params: { invitationId: (await addInvitation(ctx, dealershipId)).id },
      }),
    },
    previewInvitation: {
      request: async (ctx, dealershipId) => ({
        params: { token: (await addInvitation(ctx, dealershipId)).token },
      }),
    },
    acceptInvitation: {
      request: async (ctx, dealershipId) => ({
        params: { token: (await addInvitation(ctx, dealershipId)).token },
      }),
    },
    getMembershipsForToken: {
      request: async (ctx, dealershipId) => ({ params: { userId: await addMember(ctx, dealershipId) } }),
    },
    listTeam: { request: () => ({}) },
    setAvailability: {
      namesRecord: true,
      request: async (ctx, dealershipId) => ({
        params: { userId: await addMember(ctx, dealershipId) },
        body: { available: false },
      }),
    },
    listDealershipsForService: { request: () => ({}) },
    listTeamForService: { request: (_ctx, dealershipId) => ({ params: { dealershipId } }) },
    getDealershipStorefrontForService: { request: (_ctx, dealershipId) => ({ params: { dealershipId } }) },
    getWebsite: { request: () => ({}) },
    updateWebsite: {
      request: async (ctx, dealershipId) => ({
        headers: { 'If-Match': await currentIfMatch(ctx, dealershipId) },
        body: { tagline: 'Matrix motors' },
      }),
    },
    uploadWebsiteLogo: {
      request: async () => ({ files: [{ field: 'logo', name: 'logo.png', bytes: await logoPng(120, 40) }] }),
    },
    removeWebsiteLogo: { request: () => ({}) },
    retryWebsiteProvisioning: { request: () => ({}) },
    listRooftops: { request: () => ({}) },
    createRooftop: { request: () => ({ body: rooftopInput() }) },
  },
});
