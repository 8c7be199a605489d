import { FormControl, FormGroup, Validators } from '@angular/forms';
import { applyInvalidParams, fieldMessage, maxLengthMessage, requiredMessage } from './form-errors';

describe('form errors', () => {
  it('puts each invalid param on the field it names and returns the rest', () => {
    const form = new FormGroup({ name: new FormControl(''), email: new FormControl('') });
    const unmatched = applyInvalidParams(
      form,
      [
        { name: 'body.name', reason: 'is too long' },
        { name: 'body.colour', reason: 'is unknown' },
      ],
      (name) => name.replace(/^body\./, ''),
    );
    expect(form.controls.name.errors).toEqual({ server: 'is too long' });
    expect(form.controls.name.touched).toBe(true);
    expect(form.controls.email.errors).toBeNull();
    expect(unmatched).toEqual([{ name: 'body.colour', reason: 'is unknown' }]);
  });

  it('shows the server reason first, then the first rule that speaks, then "not valid"', () => {
    const rules = [requiredMessage, maxLengthMessage];
    const control = new FormControl('', Validators.required);
    expect(fieldMessage('Name', control.errors, rules)).toBe('Name is required');
    expect(fieldMessage('Name', { required: true, server: 'is taken' }, rules)).toBe('is taken');
    expect(fieldMessage('Name', { maxlength: { requiredLength: 80 } }, rules)).toBe(
      'Name can have at most 80 characters',
    );
    expect(fieldMessage('Name', { odd: true }, rules)).toBe('Name is not valid');
    expect(fieldMessage('Name', null, rules)).toBeNull();
  });
});
