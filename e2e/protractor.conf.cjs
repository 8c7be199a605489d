// QA's Protractor suite. Runs against any environment: E2E_BASE_URL (default http://localhost:4200).
// `npm test` starts a whole platform for it; against a deployed one, see e2e/README.md.
const { join } = require('node:path');
// Specs import @showroom/* (demo accounts, composeVin): tsx resolves them through e2e/tsconfig.json,
// which extends tsconfig.base.json (the workspace has no root tsconfig.json for tsx to find).
process.env.TSX_TSCONFIG_PATH = join(__dirname, 'tsconfig.json');
// Stack traces of failures point at the .ts lines (tsx emits inline source maps).
process.setSourceMapsEnabled(true);
require('tsx/cjs');
const { rmSync } = require('node:fs');
const { JUnitXmlReporter } = require('jasmine-reporters');
const HtmlReporter = require('protractor-beautiful-reporter');

const reports = join(__dirname, 'reports');
// Files the portal hands to the browser (a report's CSV) land here; specs read them back
// (support/downloads.ts). Inside reports/, so every run starts without the last run's files.
const downloads = join(reports, 'downloads');
process.env.E2E_DOWNLOAD_DIR = downloads;

exports.config = {
  directConnect: true,
  chromeDriver: process.env.CHROMEDRIVER_PATH || '/usr/bin/chromedriver',
  SELENIUM_PROMISE_MANAGER: false,
  // Node's own source maps (enabled above) point at the .ts lines; Protractor's bundled
  // source-map-support 0.4 would replace them with the compiled positions.
  skipSourceMapSupport: true,
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
      prefs: {
        download: { default_directory: downloads, prompt_for_download: false, directory_upgrade: true },
      },
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
    const env = jasmine.getEnv();
    env.addReporter(new JUnitXmlReporter({ savePath: reports, filePrefix: 'junit', consolidateAll: true }));
    const html = new HtmlReporter({
      baseDirectory: join(reports, 'html'),
      preserveDirectory: true,
      takeScreenShotsOnlyForFailedSpecs: true,
    });
    env.addReporter(html.getJasmine2Reporter());
    // Each spec is one story: stop it at its first failed expectation, so the failure screenshot
    // (taken when the spec ends) shows the screen that was wrong, not the sign-in page at the end.
    env.throwOnExpectationFailure(true);
    // With that, Jasmine 2.8 throws ExpectationFailed out of the async spec, and jasminewd2 would
    // report it (or any other error) a second time as "Failed: Error" plus an unhandled rejection.
    // So each story settles its own failure: an expectation is already recorded with its message;
    // any other error is recorded once through fail(), with its own message and stack.
    const { ExpectationFailed } = jasmine.errors;
    const jasmineIt = global.it;
    global.it = (description, story, timeout) =>
      jasmineIt(
        description,
        async function () {
          try {
            await story.call(this);
          } catch (error) {
            if (error instanceof ExpectationFailed) return;
            try {
              fail(error);
            } catch (recorded) {
              if (!(recorded instanceof ExpectationFailed)) throw recorded;
            }
          }
        },
        timeout,
      );
    // by.model is AngularJS-only: find reactive-form inputs by formControlName (or name).
    by.addLocator('formControl', (name, parent) =>
      (parent || document).querySelectorAll(`[formcontrolname="${name}"], [name="${name}"]`),
    );
  },
};
