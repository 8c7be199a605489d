-- Generated from the warehouse table declarations (services/*/src/warehouse/*-table.ts) by
-- `npm run warehouse:sql -- --write`; a test fails when this file and the declarations differ.
-- Applied by every load before copy.sql; each statement is safe to run again.

CREATE SCHEMA IF NOT EXISTS showroom;

-- leads: a lead created or changed on the day, as it stood at the export (latest state: greatest dt)
CREATE TABLE IF NOT EXISTS showroom.leads (
  id                VARCHAR(144) NOT NULL,
  dealership_id     VARCHAR(144) NOT NULL,
  created_at        TIMESTAMP NOT NULL,
  updated_at        TIMESTAMP NOT NULL,
  status            VARCHAR(80) NOT NULL,
  lost_reason       VARCHAR(120),
  source            VARCHAR(320) NOT NULL,
  channel           VARCHAR(40) NOT NULL,
  intent            VARCHAR(120),
  vehicle_id        VARCHAR(144),
  assignee_id       VARCHAR(512),
  routed_at         TIMESTAMP,
  first_response_at TIMESTAMP,
  submission_count  INTEGER NOT NULL,
  sold_at           TIMESTAMP,
  lost_at           TIMESTAMP,
  dt                DATE NOT NULL
)
DISTSTYLE AUTO
SORTKEY (dt);

-- vehicles: a vehicle on a lot at the export, or changed since the day began (status as at the export)
CREATE TABLE IF NOT EXISTS showroom.vehicles (
  id                VARCHAR(144) NOT NULL,
  dealership_id     VARCHAR(144) NOT NULL,
  vin               VARCHAR(68) NOT NULL,
  stock_number      VARCHAR(80) NOT NULL,
  vehicle_condition VARCHAR(40) NOT NULL,
  model_year        INTEGER NOT NULL,
  make              VARCHAR(160) NOT NULL,
  model             VARCHAR(240) NOT NULL,
  trim_level        VARCHAR(240),
  body_style        VARCHAR(80),
  mileage           INTEGER NOT NULL,
  price_cents       BIGINT,
  msrp_cents        BIGINT,
  currency          VARCHAR(12) NOT NULL,
  status            VARCHAR(40) NOT NULL,
  published         BOOLEAN NOT NULL,
  photo_count       INTEGER NOT NULL,
  listed_at         TIMESTAMP NOT NULL,
  updated_at        TIMESTAMP NOT NULL,
  dt                DATE NOT NULL
)
DISTSTYLE AUTO
SORTKEY (dt);

-- deals: an online deal started or changed on the day, with its latest offer (latest state: greatest dt)
CREATE TABLE IF NOT EXISTS showroom.deals (
  id                    VARCHAR(144) NOT NULL,
  dealership_id         VARCHAR(144) NOT NULL,
  vehicle_id            VARCHAR(144) NOT NULL,
  lead_id               VARCHAR(144),
  assignee_id           VARCHAR(512),
  deal_kind             VARCHAR(40) NOT NULL,
  status                VARCHAR(48) NOT NULL,
  offer_version         INTEGER NOT NULL,
  offer_by              VARCHAR(40),
  created_at            TIMESTAMP NOT NULL,
  updated_at            TIMESTAMP NOT NULL,
  submitted_at          TIMESTAMP,
  accepted_at           TIMESTAMP,
  selling_price_cents   BIGINT,
  msrp_cents            BIGINT,
  products_cents        BIGINT,
  trade_value_cents     BIGINT,
  trade_payoff_cents    BIGINT,
  tax_cents             BIGINT,
  down_payment_cents    BIGINT,
  due_at_signing_cents  BIGINT,
  monthly_payment_cents BIGINT,
  term_months           INTEGER,
  dt                    DATE NOT NULL
)
DISTSTYLE AUTO
SORTKEY (dt);

-- events: an analytics event (business or shopper) that occurred on the day
CREATE TABLE IF NOT EXISTS showroom.events (
  id                VARCHAR(480) NOT NULL,
  dealership_id     VARCHAR(144) NOT NULL,
  event_type        VARCHAR(160) NOT NULL,
  occurred_at       TIMESTAMP NOT NULL,
  source            VARCHAR(320),
  channel           VARCHAR(80),
  lead_id           VARCHAR(144),
  vehicle_id        VARCHAR(144),
  deal_id           VARCHAR(144),
  salesperson_id    VARCHAR(512),
  session_id        VARCHAR(256),
  status            VARCHAR(120),
  lost_reason       VARCHAR(160),
  response_seconds  BIGINT,
  price_cents       BIGINT,
  days_on_lot       INTEGER,
  listed_at         TIMESTAMP,
  vehicle_condition VARCHAR(80),
  make              VARCHAR(160),
  model             VARCHAR(240),
  model_year        INTEGER,
  search_terms      VARCHAR(800),
  result_count      INTEGER,
  form              VARCHAR(80),
  deal_kind         VARCHAR(40),
  weight            DOUBLE PRECISION NOT NULL,
  dt                DATE NOT NULL
)
DISTSTYLE AUTO
SORTKEY (dt);
