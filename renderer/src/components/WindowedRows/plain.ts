import { useMemo, type CSSProperties } from 'react';
import { ActionIcon, Badge, Button, Table, UnstyledButton, useMantineTheme, type ActionIconProps, type BadgeProps, type ButtonProps, type MantineTheme } from '@mantine/core';

/**
 * Mantine's look of a table row and cell, as plain attributes for a `<tr>` and `<td>`. `Table.Tr` and
 * `Table.Td` are each a component with its own hooks (the theme, the props, the styles); a list drawn
 * with them renders a dozen of those per row on each keystroke. A row drawn with these gets the same
 * classes and data attributes, so the table's CSS (borders, stripes, hover) applies as it did.
 */
export function rowLook({ striped = false, hover = false, rowBorder = true }: { striped?: boolean; hover?: boolean; rowBorder?: boolean } = {}) {
  return {
    className: `${Table.classes.tr} mantine-Table-tr`,
    'data-with-row-border': rowBorder || undefined,
    'data-striped': striped ? 'odd' : undefined,
    'data-hover': hover || undefined,
  } as const;
}

/** The class of a `Table.Td`, for a plain `<td>`. */
export const CELL = `${Table.classes.td} mantine-Table-td`;

/** What a button's look is made of: Mantine's variant, size and colour. */
export interface Look {
  variant: string;
  size: string;
  color?: string;
}

/** A vars resolver's answer for the root, without the variables it leaves unset (as Mantine drops them). */
function rootVars(resolved: { root?: Record<string, string | undefined> } | undefined): CSSProperties {
  return Object.fromEntries(Object.entries(resolved?.root ?? {}).filter(([, v]) => v !== undefined)) as CSSProperties;
}

function buttonClass(theme: MantineTheme, root: string | undefined, name: string, active: boolean): string {
  const focus = theme.focusClassName || `mantine-focus-${theme.focusRing}`;
  return `${focus} ${active ? `${theme.activeClassName} ` : ''}${root} mantine-${name}-root ${UnstyledButton.classes.root} mantine-UnstyledButton-root`;
}

/**
 * The attributes Mantine's `Button` gives its `<button>`, for a plain one with `<span className={BUTTON_INNER}>
 * <span className={BUTTON_LABEL}>` inside: a row of a long list draws its button without the five components
 * (and their style hooks) a `Button` is. The same CSS applies; a test holds the two equal.
 */
export function buttonLook(theme: MantineTheme, look: Look, disabled = false) {
  return {
    type: 'button',
    className: buttonClass(theme, Button.classes.root, 'Button', !disabled),
    style: rootVars(Button.varsResolver(theme, look as ButtonProps, {})),
    'data-variant': look.variant,
    'data-size': look.size,
    'data-disabled': disabled || undefined,
    disabled,
  } as const;
}
export const BUTTON_INNER = `${Button.classes.inner} mantine-Button-inner`;
export const BUTTON_LABEL = `${Button.classes.label} mantine-Button-label`;

/** The same for `ActionIcon`, with `<span className={ACTION_ICON}>` around the icon. */
export function actionIconLook(theme: MantineTheme, look: Look) {
  return {
    type: 'button',
    className: buttonClass(theme, ActionIcon.classes.root, 'ActionIcon', true),
    style: rootVars(ActionIcon.varsResolver(theme, look as ActionIconProps, {})),
    'data-variant': look.variant,
    'data-size': look.size,
  } as const;
}
export const ACTION_ICON = `${ActionIcon.classes.icon} mantine-ActionIcon-icon`;

/** The same for `Badge`: a plain `<div>` with `<span className={BADGE_LABEL}>` inside. */
export function badgeLook(theme: MantineTheme, look: Look) {
  return {
    className: `${Badge.classes.root} mantine-Badge-root`,
    style: rootVars(Badge.varsResolver(theme, look as BadgeProps, {})),
    'data-variant': look.variant,
    'data-size': look.size,
  } as const;
}
export const BADGE_LABEL = `${Badge.classes.label} mantine-Badge-label`;

/** A list's plain looks (from `buttonLook`, `badgeLook`…), worked out once per theme rather than once per row. */
export function usePlainLooks<T>(make: (theme: MantineTheme) => T): T {
  const theme = useMantineTheme();
  // `make` is a module-level function of the theme alone.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => make(theme), [theme]);
}

export type ButtonLook = ReturnType<typeof buttonLook>;
export type BadgeLook = ReturnType<typeof badgeLook>;

/** A look with more inline style (a margin, no upper-casing), made once with the look rather than per row. */
export function withStyle<L extends { style: CSSProperties }>(look: L, style: CSSProperties): L {
  return { ...look, style: { ...look.style, ...style } };
}
