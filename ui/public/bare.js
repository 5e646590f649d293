// Reports the first painted frame of the bare page, exactly as the library view reports its own.
requestAnimationFrame(() => requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke("report_ready")));
