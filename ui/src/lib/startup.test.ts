import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  clearMocks();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe("reportFirstFrame", () => {
  it("reports once, two frames on, and runs the deferred work after the report", async () => {
    const order: string[] = [];
    mockIPC((cmd) => void order.push(cmd));
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => frames.push(callback));
    const { reportFirstFrame } = await import("./startup");

    reportFirstFrame(() => order.push("after the frame"));
    expect(order).toEqual([]);
    frames.shift()?.(0);
    expect(order).toEqual([]);
    frames.shift()?.(16);
    await Promise.resolve();
    expect(order).toEqual(["report_ready", "after the frame"]);

    // Later calls report nothing and run their work at once.
    reportFirstFrame(() => order.push("later"));
    expect(frames).toHaveLength(0);
    expect(order).toEqual(["report_ready", "after the frame", "later"]);
  });

  it("holds the work for after the first frame until that frame is reported", async () => {
    const order: string[] = [];
    mockIPC((cmd) => void order.push(cmd));
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => frames.push(callback));
    const { afterFirstFrame, reportFirstFrame } = await import("./startup");

    afterFirstFrame(() => order.push("catalog info"));
    reportFirstFrame();
    frames.shift()?.(0);
    expect(order).toEqual([]);
    frames.shift()?.(16);
    await Promise.resolve();
    expect(order).toEqual(["report_ready", "catalog info"]);

    afterFirstFrame(() => order.push("later"));
    expect(order).toEqual(["report_ready", "catalog info", "later"]);
  });

  it("does not hold the work where frames are not drawn", async () => {
    vi.stubGlobal("requestAnimationFrame", undefined);
    const { afterFirstFrame, reportFirstFrame } = await import("./startup");
    const done: string[] = [];
    afterFirstFrame(() => done.push("info"));
    expect(done).toEqual([]);
    reportFirstFrame();
    expect(done).toEqual(["info"]);
  });
});
