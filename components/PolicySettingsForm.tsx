import type { OptionsState } from '../lib/pages/options-state';
import { POLICY_LIMITS, type PolicyPreset } from '../lib/policy';
import { describePreview } from '../lib/pages/policy-preview';

export interface PolicySettingsFormProps {
  state: OptionsState;
}

const PRESETS: ReadonlyArray<{ id: PolicyPreset; label: string; hint: string }> = [
  { id: 'standard', label: 'Standard', hint: 'Remove after soft bounces on 3 different days within 30 days.' },
  { id: 'lenient', label: 'Lenient', hint: 'Remove after soft bounces on 7 different days within 30 days.' },
  { id: 'strict', label: 'Strict', hint: 'Remove after soft bounces on 2 different days within 30 days.' },
  { id: 'custom', label: 'Custom', hint: 'Choose the number of days and the window yourself.' },
];

/** The two numbers of a custom policy, each bounded by POLICY_LIMITS. */
const CUSTOM_FIELDS = [
  { field: 'softBounceDays', label: 'Soft-bounce days', testId: 'custom-days' },
  { field: 'windowDays', label: 'within (days)', testId: 'custom-window' },
] as const;

/** When a soft-bouncing address counts as removable, with what each choice would flag right now. */
export function PolicySettingsForm({ state }: PolicySettingsFormProps) {
  const draft = state.draft.value;
  const previews = state.previews.value;
  const saved = state.settings.value;
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  return (
    <section class="panel" data-testid="policy-settings" aria-labelledby="policy-heading">
      <h2 id="policy-heading">When to remove an address</h2>
      <p class="hint">Hard bounces (the address or domain does not exist) are always flagged. These settings decide when repeated soft bounces (mailbox full, server down…) are enough.</p>
      <fieldset>
        <legend class="visually-hidden">Policy preset</legend>
        {PRESETS.map((preset) => (
          <label key={preset.id} class={`preset${draft.preset === preset.id ? ' chosen' : ''}`} data-testid={`preset-${preset.id}`}>
            <input
              type="radio"
              name="preset"
              value={preset.id}
              checked={draft.preset === preset.id}
              onChange={() => state.choosePreset(preset.id)}
            />
            <span class="preset-label">{preset.label}</span>
            <span class="preset-hint">{preset.hint}</span>
            <span class="preview" data-testid="preset-preview">{previews ? describePreview(previews[preset.id]) : 'Counting…'}</span>
          </label>
        ))}
      </fieldset>
      {draft.preset === 'custom' && (
        <div class="custom" data-testid="custom-settings">
          {CUSTOM_FIELDS.map(({ field, label, testId }) => (
            <label key={field}>
              {label}
              <input
                type="number"
                data-testid={testId}
                min={POLICY_LIMITS[field].min}
                max={POLICY_LIMITS[field].max}
                value={draft[field]}
                onInput={(event) => state.setCustom(field, Number((event.currentTarget as HTMLInputElement).value))}
              />
            </label>
          ))}
        </div>
      )}
      <button type="button" class="primary" data-testid="save-settings" disabled={!dirty} onClick={() => void state.save()}>
        Save
      </button>
    </section>
  );
}
