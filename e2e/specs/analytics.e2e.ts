import {
  ACCOUNTS,
  addDays,
  AnalyticsDashboard,
  dayIn,
  DEALERSHIPS,
  demoLeadsBySource,
  downloaded,
  forgetDownload,
  periodLabel,
  signInAs,
  step,
} from '../support';

describe('The analytics dashboard', () => {
  it('a manager sees the demo dealership’s leads by source, reads them as a table and downloads them as CSV', async () => {
    const downtown = DEALERSHIPS.downtown;
    // The 30 days up to yesterday in the dealership's time zone: leads that other stories add
    // today cannot change these figures, and the demo history is the same for any run that day.
    const today = dayIn(downtown.timeZone, new Date());
    const from = addDays(today, -30);
    const to = addDays(today, -1);
    const expected = demoLeadsBySource(downtown, from, to);
    expect(expected.total).toBeGreaterThan(0);

    const dashboard = new AnalyticsDashboard();
    const shell = await step('sign in as the manager and open Analytics', async () => {
      const signedIn = await signInAs(ACCOUNTS.manager.email);
      await signedIn.goToAnalytics();
      await dashboard.waitUntilLoaded();
      return signedIn;
    });

    await step(`choose ${from} to ${to}`, () => dashboard.choosePeriod(from, to, periodLabel(from, to)));

    const leads = dashboard.card('leads-by-source');
    await step('the leads card shows the demo history’s total', async () => {
      expect(await leads.figureText()).toBe(expected.total.toLocaleString('en-US'));
      expect(await leads.chart.isPresent()).toBe(true);
    });

    await step('switch the card to its table: a row per day and source', async () => {
      await leads.showTable();
      const rows = await leads.tableRows();
      const sorted = rows.sort((a, b) => `${a[0]}|${a[1]}`.localeCompare(`${b[0]}|${b[1]}`));
      expect(sorted).toEqual(
        expected.rows.map(([day, source, count]) => [day, source, count.toLocaleString('en-US')]),
      );
      expect(await leads.chart.isPresent()).toBe(false);
    });

    const fileName = `showroom-leads-by-source-${downtown.slug}-${from}-to-${to}.csv`;
    const csv = await step(`download ${fileName}`, async () => {
      forgetDownload(fileName);
      await leads.downloadCsv();
      return downloaded(fileName);
    });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = csv.slice(1).split('\r\n');
    expect(header).toBe('Day,Source,Leads');
    expect(lines.pop()).toBe('');
    expect(lines.sort()).toEqual(expected.rows.map((row) => row.join(',')).sort());

    await step('sign out', () => shell.signOut());
  }, 180_000);
});
