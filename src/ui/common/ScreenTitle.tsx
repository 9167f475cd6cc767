/** The screen's one h1; focus lands on main after navigation, so screen readers hear it. */
export function ScreenTitle({ children }: { children: string }) {
  return <h1 class="screen-title">{children}</h1>;
}
