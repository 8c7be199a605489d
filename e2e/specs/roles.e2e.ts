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
    // Both Demo Motors rooftops and never Rival Autos; the group may have more (the rooftops story
    // adds one per run, and an environment's owners add their own).
    const choices = await shell.dealershipChoices();
    expect({
      downtown: choices.includes(downtown.name),
      northside: choices.includes(northside.name),
      rival: choices.includes(DEALERSHIPS.rival.name),
    }).toEqual({ downtown: true, northside: true, rival: false });
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
