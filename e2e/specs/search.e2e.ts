import {
  ACCOUNTS,
  freshVehicle,
  InventoryList,
  seedSalesVehicle,
  signInAs,
  step,
  TOYOTA_CAMRY,
} from '../support';

describe('Search', () => {
  it('a dealer finds a car with a misspelt make', async () => {
    const list = new InventoryList();

    // Demo Motors Downtown surely has a Toyota: the story adds one of its own (API, or the portal on Auth0).
    const camry = freshVehicle(TOYOTA_CAMRY);
    await step('Demo Motors Downtown adds a Toyota Camry', () => seedSalesVehicle(camry));

    const shell = await step('sign in as the salesperson', () => signInAs(ACCOUNTS.sales.email));
    await step('the inventory shows', () => list.waitUntilLoaded());

    await step('type "toyta" into the search and stop (no Enter)', () => list.typeSearch('toyta'));
    const rows = await list.rowTexts();
    expect(rows.length).toBeGreaterThan(0);
    expect({ rowsWithoutToyota: rows.filter((row) => !row.includes('Toyota')) }).toEqual({
      rowsWithoutToyota: [],
    });
    // The make is highlighted in every row, though the dealer typed it wrong (an engine may mark
    // the whole word or the part it matched).
    const marksInMake = (marks: string[]) =>
      marks.some((mark) => mark.length >= 3 && 'Toyota'.includes(mark));
    expect({
      rowsWithoutMarkedMake: (await list.markedTexts()).filter((marks) => !marksInMake(marks)),
    }).toEqual({
      rowsWithoutMarkedMake: [],
    });

    await step('narrow it to the Camry just added by its stock number', () =>
      list.typeSearch(`toyta ${camry.stockNumber}`),
    );
    expect(await list.outcome()).toEqual({ resultCount: '1 vehicle', rows: 1, emptyState: false });
    expect((await list.rowTexts())[0]).toContain(`${camry.year} Toyota Camry`);

    const signIn = await step('sign out', () => shell.signOut());
    expect(await signIn.isShown()).toBe(true);
  });
});
