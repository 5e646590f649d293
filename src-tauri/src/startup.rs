//! Start-up timing for `make bench`: the window reports its first interactive frame, and with
//! `CINEDEX_STARTUP_PROBE` set the time since the process started is printed on stderr. With
//! `CINEDEX_BENCH_BARE_WINDOW` set, the window shows a static page instead of the app: the
//! baseline the benchmark compares against, built into the same binary.

use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();

/// Called first thing in `main`.
pub fn mark_process_start() {
    STARTED.get_or_init(Instant::now);
}

pub fn bare_window_requested() -> bool {
    std::env::var_os("CINEDEX_BENCH_BARE_WINDOW").is_some()
}

/// The line the benchmark waits for; printed once, and only when asked for.
pub fn report_ready() {
    static REPORTED: OnceLock<()> = OnceLock::new();
    if std::env::var_os("CINEDEX_STARTUP_PROBE").is_none() || REPORTED.set(()).is_err() {
        return;
    }
    let elapsed = STARTED.get().map(|t| t.elapsed()).unwrap_or_default();
    eprintln!("cinedex-ready-ms {:.1}", elapsed.as_secs_f64() * 1000.0);
}

/// A step of the start-up, for reading where the time goes (printed only with the probe on).
pub fn mark(step: &str) {
    if std::env::var_os("CINEDEX_STARTUP_PROBE").is_none() {
        return;
    }
    let elapsed = STARTED.get().map(|t| t.elapsed()).unwrap_or_default();
    eprintln!("cinedex-step {step} {:.1}", elapsed.as_secs_f64() * 1000.0);
}
