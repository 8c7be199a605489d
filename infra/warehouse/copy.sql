-- Generated from the warehouse table declarations (services/*/src/warehouse/*-table.ts) by
-- `npm run warehouse:sql -- --write`; a test fails when this file and the declarations differ.
-- The load fills {{date}} (the day, YYYY-MM-DD), {{bucket}} (the warehouse bucket) and
-- {{copy_role_arn}} (the IAM role Redshift assumes to read warehouse/), then runs every statement
-- in one transaction (Redshift Data API BatchExecuteStatement).

-- leads
DELETE FROM showroom.leads WHERE dt = '{{date}}';
COPY showroom.leads
FROM 's3://{{bucket}}/warehouse/leads/dt={{date}}/'
IAM_ROLE '{{copy_role_arn}}'
FORMAT AS PARQUET;

-- vehicles
DELETE FROM showroom.vehicles WHERE dt = '{{date}}';
COPY showroom.vehicles
FROM 's3://{{bucket}}/warehouse/vehicles/dt={{date}}/'
IAM_ROLE '{{copy_role_arn}}'
FORMAT AS PARQUET;

-- deals
DELETE FROM showroom.deals WHERE dt = '{{date}}';
COPY showroom.deals
FROM 's3://{{bucket}}/warehouse/deals/dt={{date}}/'
IAM_ROLE '{{copy_role_arn}}'
FORMAT AS PARQUET;

-- events
DELETE FROM showroom.events WHERE dt = '{{date}}';
COPY showroom.events
FROM 's3://{{bucket}}/warehouse/events/dt={{date}}/'
IAM_ROLE '{{copy_role_arn}}'
FORMAT AS PARQUET;
