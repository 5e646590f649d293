import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import FilmForm from "./FilmForm.svelte";

afterEach(() => clearMocks());

describe("FilmForm", () => {
  it("shows Rust's message next to the field it names, and does not close", async () => {
    mockIPC(() => {
      throw { kind: "invalid", message: "A film needs a title.", field: "title" };
    });
    const onsaved = vi.fn();
    render(FilmForm, { onsaved, oncancel: () => {} });
    await fireEvent.click(screen.getByTestId("save-film"));
    expect(await screen.findByTestId("error-title")).toHaveTextContent("A film needs a title.");
    expect(onsaved).not.toHaveBeenCalled();
  });

  it("sends chips and the name still being typed", async () => {
    let sent: unknown = null;
    mockIPC((cmd, args) => {
      sent = args;
      return { id: 1 };
    });
    const onsaved = vi.fn();
    render(FilmForm, { onsaved, oncancel: () => {} });
    await fireEvent.input(screen.getByRole("textbox", { name: "Title" }), { target: { value: "Innocence" } });
    const directors = screen.getByTestId("directors-input");
    await fireEvent.input(directors, { target: { value: "Mamoru Oshii" } });
    await fireEvent.keyDown(directors, { key: "Enter" });
    await fireEvent.input(directors, { target: { value: "Kazunori Itō" } });
    await fireEvent.click(screen.getByTestId("save-film"));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(sent).toMatchObject({
      input: { title: "Innocence", year: null, directors: ["Mamoru Oshii", "Kazunori Itō"], themes: [] },
    });
  });
});
