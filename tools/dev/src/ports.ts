/** Where each part of the platform listens on one machine. `npm start` and the e2e run use different plans. */
export interface PortPlan {
  portal: number;
  devAuth: number;
  inventory: number;
  users: number;
  leads: number;
  retail: number;
  /** Events, the dashboard's reports and their settings. */
  analytics: number;
  /** The payments sandbox (Stripe's API and its hosted checkout page, for reservation deposits). */
  payments: number;
  /** The DynamoDB stand-in (dynalite) the leads timeline lives in. */
  dynamo: number;
  /** The SMTP sink every e-mail goes to (read it at /dev/mail). */
  smtp: number;
  /** The S3 stand-in (s3rver) photos, feeds and imports are kept in. */
  s3: number;
  /** The dealer websites (storefront SSR): each at http://<slug>.localhost:<this port>. */
  storefront: number;
}

export const START_PORTS: PortPlan = {
  portal: 4200,
  devAuth: 4000,
  inventory: 3001,
  users: 3002,
  leads: 3003,
  retail: 3004,
  analytics: 3005,
  payments: 4570,
  dynamo: 4567,
  smtp: 1025,
  s3: 4569,
  storefront: 4400,
};
export const E2E_PORTS: PortPlan = {
  portal: 4300,
  devAuth: 4100,
  inventory: 3101,
  users: 3102,
  leads: 3103,
  retail: 3104,
  analytics: 3105,
  payments: 4670,
  dynamo: 4667,
  smtp: 1125,
  s3: 4669,
  storefront: 4500,
};

/** Schemas of one platform run: the demo's own, or throwaway ones for e2e. */
export interface SchemaPlan {
  inventory: string;
  users: string;
  leads: string;
  retail: string;
  analytics: string;
}

export const START_SCHEMAS: SchemaPlan = {
  inventory: 'showroom_inventory',
  users: 'showroom_users',
  leads: 'showroom_leads',
  retail: 'showroom_retail',
  analytics: 'showroom_analytics',
};
export const E2E_SCHEMAS: SchemaPlan = {
  inventory: 'showroom_e2e_inventory',
  users: 'showroom_e2e_users',
  leads: 'showroom_e2e_leads',
  retail: 'showroom_e2e_retail',
  analytics: 'showroom_e2e_analytics',
};
