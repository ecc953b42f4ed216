import type { ComponentPropsWithRef, ReactNode } from 'react';
import { BADGE_LABEL, BUTTON_INNER, BUTTON_LABEL, type BadgeLook, type ButtonLook } from './plain.js';

type Rest<E extends 'button' | 'div'> = Omit<ComponentPropsWithRef<E>, 'children' | 'className' | 'style' | 'type' | 'disabled'>;

/**
 * A `buttonLook` button with its label inside, as Mantine's `Button` draws it (`plain.test.tsx` holds the two
 * equal). Other props (`onClick`, `aria-label`…) go on the `<button>`.
 */
export function PlainButton({ look, children, ...rest }: { look: ButtonLook; children: ReactNode } & Rest<'button'>) {
  return (
    <button {...look} {...rest}>
      <span className={BUTTON_INNER}>
        <span className={BUTTON_LABEL}>{children}</span>
      </span>
    </button>
  );
}

/** A `badgeLook` badge with its label inside, as Mantine's `Badge` draws it; a `ref` (a tooltip's) reaches the `<div>`. */
export function PlainBadge({ look, children, ...rest }: { look: BadgeLook; children: ReactNode } & Rest<'div'>) {
  return (
    <div {...look} {...rest}>
      <span className={BADGE_LABEL}>{children}</span>
    </div>
  );
}
