import { describeRouteMatrix } from '@showroom/server-testing/matrix';
import { usersRoutes } from './routes';
import { addDealership, addMember } from './test/tenants';
import { currentIfMatch, logoPng, rooftopInput } from './test/websites';
import { startUsersTestApp, type UsersTestContext } from './test/users-test-app';

describeRouteMatrix<UsersTestContext>({
  service: 'users',
  routes: usersRoutes,
  start: () => startUsersTestApp(),
  newDealership: addDealership,
  examples: {
    getMe: { request: () => ({}) },
    listMyDealerships: { request: () => ({}) },
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
