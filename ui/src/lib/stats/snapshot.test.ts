import { describe, expect, it } from "vitest";
import { inlineSvgStyles } from "./snapshot";

describe("inlineSvgStyles", () => {
  it("writes an SVG child's stylesheet colours inline for the capture and puts its style back after", () => {
    const style = document.createElement("style");
    style.textContent = ".level-4 { fill: rgb(163, 48, 63); } .label { font-size: 10px; }";
    document.head.append(style);
    const page = document.createElement("section");
    page.innerHTML =
      '<svg><rect class="level-4" width="13" height="13"></rect><text class="label" style="opacity: 0.5">Jan</text></svg><p class="label">not in an svg</p>';
    document.body.append(page);
    const [rect, text] = [page.querySelector("rect")!, page.querySelector("text")!];

    const restore = inlineSvgStyles(page);
    expect(rect.style.getPropertyValue("fill")).toBe("rgb(163, 48, 63)");
    expect(text.style.getPropertyValue("font-size")).toBe("10px");
    expect(page.querySelector("p")!.getAttribute("style")).toBeNull();

    restore();
    expect(rect.getAttribute("style")).toBeNull();
    expect(text.getAttribute("style")).toBe("opacity: 0.5");
    page.remove();
    style.remove();
  });
});
