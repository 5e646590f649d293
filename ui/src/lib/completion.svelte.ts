// The completion run the window started, kept outside the Complete view so that leaving the view
// (to search, or to open a film) neither stops the run nor loses its progress and report.
import { api } from "./api";
import { app } from "./app.svelte";
import type { CompletionProgress } from "./bindings/CompletionProgress";
import type { CompletionReport } from "./bindings/CompletionReport";
import type { CompletionTargets } from "./bindings/CompletionTargets";
import type { ReferenceSource } from "./bindings/ReferenceSource";

class CompletionRun {
  running = $state(false);
  progress = $state<CompletionProgress | null>(null);
  report = $state<CompletionReport | null>(null);
  error = $state<string | null>(null);

  async start(targets: CompletionTargets, source: ReferenceSource | null) {
    if (this.running) return;
    this.running = true;
    this.error = null;
    this.report = null;
    this.progress = null;
    const stop = await api.onCompletionProgress((progress) => {
      this.progress = progress;
      // Each film is saved as it is completed: the library and search show it at once.
      app.changed();
    });
    try {
      this.report = await api.completeFilms(targets, source);
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      stop();
      this.running = false;
      app.changed();
    }
  }

  cancel() {
    void api.cancelCompletion();
  }
}

export const completion = new CompletionRun();
