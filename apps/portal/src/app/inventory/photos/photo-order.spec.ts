import { photo, photos } from '../../../testing/photo-fixtures';
import { heroOf, inDroppedOrder, movePhoto, photoIds, withHero, withPhoto } from './photo-order';

describe('photo order', () => {
  it.each([
    [0, 2, ['p2', 'p3', 'p1', 'p4']],
    [3, 0, ['p4', 'p1', 'p2', 'p3']],
    [1, 2, ['p1', 'p3', 'p2', 'p4']],
    [2, 1, ['p1', 'p3', 'p2', 'p4']],
    [2, 2, ['p1', 'p2', 'p3', 'p4']],
    // A move button past either end (or a drop beyond the last tile) stays at the end.
    [0, -1, ['p1', 'p2', 'p3', 'p4']],
    [1, 9, ['p1', 'p3', 'p4', 'p2']],
  ])('moving the photo at %i to %i sends the ids %j, renumbered from 0', (from, to, expected) => {
    const moved = movePhoto(photos(4), from, to);

    expect(photoIds(moved)).toEqual(expected);
    expect(moved.map((one) => one.position)).toEqual([0, 1, 2, 3]);
  });

  it('a move leaves the photos it was given as they were (the screen can go back on failure)', () => {
    const shown = photos(3);
    movePhoto(shown, 0, 2);
    expect(photoIds(shown)).toEqual(['p1', 'p2', 'p3']);
    expect(shown.map((one) => one.position)).toEqual([0, 1, 2]);
  });

  it('making a photo the hero leaves exactly one hero', () => {
    const changed = withHero(photos(3), 'p3');
    expect(changed.map((one) => one.hero)).toEqual([false, false, true]);
    expect(heroOf(changed)?.id).toBe('p3');
  });

  it('with no photo marked, the first one counts as the hero; with none at all, nothing does', () => {
    expect(heroOf([photo('a', { position: 0 }), photo('b', { position: 1 })])?.id).toBe('a');
    expect(heroOf([])).toBeNull();
  });

  it('an arriving photo takes its place by position, once, and takes the hero mark when it has it', () => {
    const shown = photos(2);

    const added = withPhoto(shown, photo('p3', { position: 2 }));
    expect(photoIds(added)).toEqual(['p1', 'p2', 'p3']);

    // The service answers a duplicate upload with the photo the vehicle has already.
    expect(photoIds(withPhoto(added, photo('p2', { position: 1 })))).toEqual(['p1', 'p2', 'p3']);

    const hero = withPhoto(shown, photo('p3', { position: 2, hero: true }));
    expect(hero.filter((one) => one.hero).map((one) => one.id)).toEqual(['p3']);
  });

  it('photos that arrived out of turn are put in the order they were dropped, in the places they took', () => {
    // p1 was there; p2..p4 were dropped as p4, p2, p3 and arrived as p2, p3, p4; p5 came from the robot meanwhile.
    const shown = photos(5);
    const arranged = inDroppedOrder(shown, ['p4', 'p2', 'p3']);
    expect(arranged && photoIds(arranged)).toEqual(['p1', 'p4', 'p2', 'p3', 'p5']);
    expect(arranged?.map((one) => one.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('nothing to send when the photos arrived in the order dropped, or one of them is gone', () => {
    expect(inDroppedOrder(photos(3), ['p2', 'p3'])).toBeNull();
    expect(inDroppedOrder(photos(3), ['p3', 'p9'])).toBeNull();
  });
});
