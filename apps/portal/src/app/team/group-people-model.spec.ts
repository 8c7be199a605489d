import { NORTH, SOUTH } from '../../testing/fixtures';
import { cellDescription, groupRows, groupSummary } from './group-people-model';
import { groupPeople, groupPerson } from './team-fixtures';

describe('the group’s people', () => {
  it('gives every person a cell at every rooftop, empty where they do not work', () => {
    const rows = groupRows(groupPeople());
    expect(rows.map((row) => row.person.name)).toEqual([
      'Alex Manager',
      'Dana Whitfield',
      'Sam Seller',
      'Taylor Finance',
    ]);
    const alex = rows[0];
    expect(Object.keys(alex.cells)).toEqual([NORTH, SOUTH]);
    expect(alex.cells[NORTH].membership).toEqual({ role: 'manager', status: 'active' });
    expect(alex.cells[SOUTH]).toEqual({ rooftop: { id: SOUTH, name: 'Southside Toyota' }, membership: null });
  });

  it('describes a cell in words, for screen readers', () => {
    const sam = groupPerson();
    const [row] = groupRows(groupPeople({ people: [sam] }));
    expect(cellDescription(sam, row.cells[NORTH])).toBe('Sam Seller at Northside Honda: Sales, active');
    expect(cellDescription(sam, row.cells[SOUTH])).toBe(
      'Sam Seller at Southside Toyota: does not work there',
    );
  });

  it('sums the group up, in the singular when there is one', () => {
    expect(groupSummary(groupPeople())).toBe('Demo Motor Group · 2 rooftops · 4 people');
    expect(
      groupSummary(
        groupPeople({
          groupName: null,
          rooftops: [{ id: NORTH, name: 'Northside Honda' }],
          people: [groupPerson()],
        }),
      ),
    ).toBe('1 rooftop · 1 person');
  });
});
