import type { GroupId } from '../lib/pages/groups';

export interface EmptyStateProps {
  /** Nothing recorded at all (a new user), or just nothing in this group / for this search. */
  kind: 'new-user' | 'empty-group' | 'no-match';
  group: GroupId;
  onOpenOptions?: () => void;
}

const GROUP_EMPTY: Record<GroupId, string> = {
  remove: 'No address to remove. Nice and clean.',
  watch: 'Nothing to watch.',
  sender: 'No sender problems recorded.',
  done: 'Nothing marked removed yet.',
  kept: 'Nothing kept anyway.',
  all: 'No address on record.',
};

/** What to do when there is nothing to show. */
export function EmptyState({ kind, group, onOpenOptions }: EmptyStateProps) {
  if (kind === 'new-user') {
    return (
      <div class="empty-state" data-testid="empty-state" data-kind={kind}>
        <h2>No bounces yet</h2>
        <ol>
          <li>Open Gmail or Outlook on the web in this browser.</li>
          <li>Open a bounce notice (“Delivery Status Notification”, “Undeliverable: …”). Bounce Sweeper reads it and badges it.</li>
          <li>Come back here: addresses to remove show up in <strong>Remove</strong>.</li>
        </ol>
        <p>
          Have years of old bounces?{' '}
          {onOpenOptions ? (
            <button type="button" class="link" data-testid="open-import" onClick={onOpenOptions}>
              Import a mailbox file (.mbox or .eml)
            </button>
          ) : (
            'Import a mailbox file from the settings page.'
          )}
        </p>
      </div>
    );
  }
  return (
    <div class="empty-state" data-testid="empty-state" data-kind={kind}>
      <p>{kind === 'no-match' ? 'No address matches your search.' : GROUP_EMPTY[group]}</p>
    </div>
  );
}
