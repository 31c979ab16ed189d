import { useState } from 'preact/hooks';

export interface AddressFormProps {
  /** What the field is for, for screen readers. */
  label: string;
  placeholder: string;
  buttonLabel: string;
  /** `data-testid` of the field; the button's is `${testId}-submit`. */
  testId: string;
  /** Several addresses at once: a textarea, since an input strips the line breaks of a pasted column. */
  multiline?: boolean;
  /** Runs the action; resolves true when the field should be emptied (it succeeded). */
  onSubmit: (value: string) => Promise<boolean>;
}

/** One address field and its button (the options page's Add and Forget). */
export function AddressForm({ label, placeholder, buttonLabel, testId, multiline = false, onSubmit }: AddressFormProps) {
  const [value, setValue] = useState('');
  const field = {
    autoComplete: 'off',
    spellcheck: false,
    placeholder,
    'aria-label': label,
    'data-testid': testId,
    value,
    onInput: (event: Event) => setValue((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <form
      class="row"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(value).then((clear) => clear && setValue(''));
      }}
    >
      {multiline ? <textarea rows={2} {...field} /> : <input type="text" inputMode="email" {...field} />}
      <button type="submit" data-testid={`${testId}-submit`} disabled={!value.trim()}>
        {buttonLabel}
      </button>
    </form>
  );
}
