import baseConfig from '../../eslint.config.mjs';
import { tenancy } from '../../tools/tenancy-lint/tenancy.mjs';

export default [
  ...baseConfig,
  // Statements on tenant tables go through forDealership (libs/server/mysql). `users` and
  // `dealer_groups` have no dealership (a person and a group span several); `dealerships` is the
  // register of tenants, read by its own id.
  ...tenancy({
    tenantTables: [
      'memberships',
      'websites',
      'website_domains',
      'website_provisioning',
      'website_provisioning_steps',
      'invitations',
      'member_events',
      'member_releases',
    ],
    acrossDealerships: {
      'src/people/repository.ts': 'a signed-in person’s own memberships, at every dealership they work at',
      'src/provisioning/requests.ts':
        'the provisioning status of several rooftops (a group’s list) in one query',
      'src/provisioning/claims.ts':
        'the provisioner claims the due site of any dealership (SKIP LOCKED) and records its run',
      'src/rooftops/repository.ts':
        'the own domains of the rooftops of the owner’s group, for their site links',
      'src/invitations/invitation-repository.ts':
        'an invitation link names no dealership: its token hash finds the invitation, and with it the dealership',
      'src/team/member-repository.ts':
        'whether someone deactivated here is still active at any dealership (else they are blocked at sign-in), and a group owner’s people across its rooftops',
      'src/team/member-releases.ts':
        'the release worker delivers any dealership’s due calls to leads (SKIP LOCKED), as the provisioner does',
      'src/websites/domains.ts':
        'a custom domain belongs to one dealership: who holds it is looked up (and only the domain named)',
    },
  }),
];
