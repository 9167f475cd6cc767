import type { ComponentChildren } from 'preact';

/** A finished-looking placeholder for a screen whose content has not arrived yet. */
export function EmptyState({ heading, body, art }: { heading: string; body: string; art: ComponentChildren }) {
  return (
    <section class="empty-state">
      <div class="empty-art" aria-hidden="true">
        {art}
      </div>
      <h2 class="empty-heading">{heading}</h2>
      <p class="empty-body">{body}</p>
    </section>
  );
}
