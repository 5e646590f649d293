// Links in HTML the app renders (review bodies, the review form's preview, an article's preview)
// come from what people and other sites wrote. None of them may take the app's window away: a
// click hands the link to the system browser through `open_link`, which accepts only web and mail
// links. The navigation guard in Rust refuses whatever gets past this.
import type { Action } from "svelte/action";
import { api, toApiError } from "./api";
import { app } from "./app.svelte";

const MIDDLE_BUTTON = 1;

/** The link `event` landed on, if it is inside `container`. */
export function linkClicked(event: Event, container: Element): Element | null {
  const target = event.target;
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  const link = element?.closest("a") ?? null;
  return link && container.contains(link) ? link : null;
}

/** Opens `href` in the system browser; a refused link says why in a notice. */
export async function openOutside(href: string): Promise<void> {
  try {
    await api.openLink(href);
  } catch (error) {
    app.notify({ message: toApiError(error).message });
  }
}

/**
 * `use:routeLinks` on the element holding rendered HTML: a click (or a middle click) on any link
 * inside it opens the link in the system browser instead of in the window.
 */
export const routeLinks: Action<HTMLElement> = (node) => {
  const onClick = (event: MouseEvent) => {
    const link = linkClicked(event, node);
    if (!link) return;
    if (event.type === "auxclick" && event.button !== MIDDLE_BUTTON) return;
    event.preventDefault();
    // The sanitizer keeps an anchor whose `javascript:` (or other) address it removed: nothing
    // to open then.
    const href = link.getAttribute("href")?.trim();
    if (href) void openOutside(href);
  };
  node.addEventListener("click", onClick);
  node.addEventListener("auxclick", onClick);
  return {
    destroy() {
      node.removeEventListener("click", onClick);
      node.removeEventListener("auxclick", onClick);
    },
  };
};
