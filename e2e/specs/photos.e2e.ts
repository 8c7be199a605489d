import { join } from 'node:path';
import {
  ACCOUNTS,
  freshVehicle,
  InventoryList,
  seedSalesVehicle,
  signInAs,
  step,
  testId,
  until,
  VehicleDetail,
} from '../support';
import { VehiclePhotos } from '../support/vehicle-photos';

/** Three small JPEGs of different cars (different bytes: the service keeps one copy of a repeated file). */
const FIXTURES = ['front.jpg', 'side.jpg', 'interior.jpg'].map((name) =>
  join(__dirname, '..', 'fixtures', 'photos', name),
);

describe('Photos', () => {
  it('a salesperson uploads photos, reorders them, picks the hero, and the list shows it', async () => {
    const vehicle = freshVehicle();
    const detail = new VehicleDetail();
    const photos = new VehiclePhotos();
    const list = new InventoryList();

    const { id } = await step('Demo Motors Downtown adds a vehicle without photos', () =>
      seedSalesVehicle(vehicle),
    );
    const shell = await step('sign in as the salesperson', () => signInAs(ACCOUNTS.sales.email));

    await step('open the vehicle: no photos yet', async () => {
      await detail.openById(id);
      await detail.waitUntilShown();
      await photos.waitUntilShown();
    });
    expect(await photos.countText()).toBe('0 of 60');
    expect(await photos.empty.isPresent()).toBe(true);

    await step('manage photos and pick three files at once', async () => {
      await photos.startManaging();
      await photos.upload(FIXTURES);
    });
    expect(await photos.uploadStatuses()).toEqual(['done', 'done', 'done']);
    expect(await photos.countText()).toBe('3 of 60');
    const uploaded = await photos.photoIds();
    expect(uploaded.length).toBe(3);

    await step('move the first photo one place later with its button', () => photos.moveLater(0));
    expect(await photos.photoIds()).toEqual([uploaded[1], uploaded[0], uploaded[2]]);

    await step('drag the last photo to the front', async () => {
      await photos.drag(2, 0);
      await until(async () => (await photos.photoIds())[0] === uploaded[2], 'the dragged photo to lead');
    });
    const arranged = [uploaded[2], uploaded[1], uploaded[0]];
    expect(await photos.photoIds()).toEqual(arranged);

    await step('star the second photo as the hero', () => photos.makeHero(1));
    expect(await photos.heroId()).toBe(arranged[1]);

    await step('open the page again: the order and the hero were kept', async () => {
      await detail.openById(id);
      await detail.waitUntilShown();
      await photos.waitUntilShown();
    });
    expect(await photos.countText()).toBe('3 of 60');
    expect(await photos.galleryThumbnails.count()).toBe(3);
    expect(await photos.galleryHero.getAttribute('alt')).toBe(
      `${vehicle.year} ${vehicle.make} ${vehicle.model}, photo 2 of 3`,
    );
    await step('manage photos again', () => photos.startManaging());
    expect(await photos.photoIds()).toEqual(arranged);
    expect(await photos.heroId()).toBe(arranged[1]);

    await step('find the vehicle in the inventory: its row shows the hero photo', async () => {
      await shell.goToInventory();
      await list.waitUntilLoaded();
      await list.searchFor(vehicle.stockNumber);
    });
    const row = list.rowWith(vehicle.stockNumber);
    expect(await row.$(`${testId('vehicle-thumbnail')} img`).isPresent()).toBe(true);
    expect(await row.$(testId('vehicle-no-photo')).isPresent()).toBe(false);

    const signIn = await step('sign out', () => shell.signOut());
    expect(await signIn.isShown()).toBe(true);
  });
});
