import { ACCOUNTS, DEALERSHIPS, InventoryList, signInAs, step, VehicleDetail } from '../support';

describe('Roles', () => {
  it('a viewer reads but is offered no changes', async () => {
    const list = new InventoryList();
    const detail = new VehicleDetail();

    const shell = await step('sign in as the viewer', () => signInAs(ACCOUNTS.viewer.email));
    expect(await shell.activeDealership()).toBe(DEALERSHIPS.northside.name);
    expect(await shell.roleBadge.getText()).toBe('Viewer');

    await step('the list shows vehicles', () => list.waitUntilLoaded());
    expect(await list.rows.count()).toBeGreaterThan(0);
    expect({ addVehicle: await list.addVehicleButton.isPresent() }).toEqual({ addVehicle: false });

    await step('open the first vehicle', async () => {
      await list.open(list.rows.first());
      await detail.waitUntilShown();
    });
    expect(await detail.title.getText()).not.toBe('');
    expect(await detail.actionsOffered()).toEqual({ changeStatus: false, edit: false, delete: false });

    const signIn = await step('sign out', () => shell.signOut());
    expect(await signIn.isShown()).toBe(true);
  });

  it('the group owner switches between both rooftops and the list follows', async () => {
    const list = new InventoryList();
    const { downtown, northside } = DEALERSHIPS;

    const shell = await step('sign in as the group owner', () => signInAs(ACCOUNTS.groupOwner.email));
    // Both Demo Motors rooftops; any other is one the rooftops story added to the group (QA Motors …).
    const choices = await shell.dealershipChoices();
    expect({
      demoRooftops: choices.filter((name) => name.startsWith('Demo Motors ')),
      others: choices.filter((name) => !name.startsWith('Demo Motors ') && !name.startsWith('QA Motors ')),
    }).toEqual({ demoRooftops: [downtown.name, northside.name], others: [] });
    // A fresh browser starts in the first dealership.
    expect(await shell.activeDealership()).toBe(downtown.name);

    const downtownIds = await step("read Downtown's list", async () => {
      await list.waitUntilLoaded();
      return list.vehicleIds();
    });
    expect(downtownIds.length).toBeGreaterThan(0);

    const northsideIds = await step('switch to Northside', async () => {
      await shell.switchDealership(northside.name);
      await list.waitUntilLoaded();
      return list.vehicleIds();
    });
    expect(northsideIds.length).toBeGreaterThan(0);
    expect(northsideIds.filter((id) => downtownIds.includes(id))).toEqual([]);
    expect(await shell.roleBadge.getText()).toBe('Owner');

    const signIn = await step('sign out', () => shell.signOut());
    expect(await signIn.isShown()).toBe(true);
  });
});
