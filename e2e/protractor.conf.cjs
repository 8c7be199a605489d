// QA's Protractor suite. Runs against any environment: E2E_BASE_URL (default http://localhost:4200).
// `npm test` starts a whole platform for it; against a deployed one, see e2e/README.md.
require('tsx/cjs');
const { join } = require('node:path');
const { rmSync } = require('node:fs');
const { JUnitXmlReporter } = require('jasmine-reporters');
const HtmlReporter = require('protractor-beautiful-reporter');

const reports = join(__dirname, 'reports');

exports.config = {
  directConnect: true,
  chromeDriver: process.env.CHROMEDRIVER_PATH || '/usr/bin/chromedriver',
  SELENIUM_PROMISE_MANAGER: false,
  baseUrl: process.env.E2E_BASE_URL || 'http://localhost:4200',
  specs: ['specs/**/*.e2e.ts'],
  capabilities: {
    browserName: 'chrome',
    'goog:chromeOptions': {
      binary: process.env.CHROME_BIN || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--window-size=1280,800',
      ],
    },
  },
  framework: 'jasmine',
  jasmineNodeOpts: { defaultTimeoutInterval: 90_000, showColors: false },
  allScriptsTimeout: 30_000,
  getPageTimeout: 30_000,
  beforeLaunch() {
    rmSync(reports, { recursive: true, force: true });
  },
  async onPrepare() {
    jasmine.getEnv().addReporter(new JUnitXmlReporter({ savePath: reports, filePrefix: 'junit', consolidateAll: true }));
    jasmine.getEnv().addReporter(
      new HtmlReporter({ baseDirectory: join(reports, 'html'), preserveDirectory: true, takeScreenShotsOnlyForFailedSpecs: true }).getJasmine2Reporter(),
    );
    // by.model is AngularJS-only: find reactive-form inputs by formControlName (or name).
    by.addLocator('formControl', (name, parent) =>
      (parent || document).querySelectorAll(`[formcontrolname="${name}"], [name="${name}"]`),
    );
  },
};
