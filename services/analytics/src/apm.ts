// Loaded first by main.ts: New Relic must instrument modules before they are imported.
if (process.env['NEW_RELIC_LICENSE_KEY']) {
  process.env['NEW_RELIC_LOG'] ??= 'stdout';
  require('newrelic');
}
