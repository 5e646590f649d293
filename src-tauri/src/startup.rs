//! Start-up timing for `make bench`: the window reports its first interactive frame, and with
//! `CINEDEX_STARTUP_PROBE` set the time since the process started is printed on stderr. With
//! `CINEDEX_BENCH_BARE_WINDOW` set, the window shows a static page instead of the app: the
//! baseline the benchmark compares against, built into the same binary.

use std::sync::{Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

static STARTED: OnceLock<Instant> = OnceLock::new();

/// Called first thing in `main`.
pub fn mark_process_start() {
    STARTED.get_or_init(Instant::now);
}

pub fn bare_window_requested() -> bool {
    std::env::var_os("CINEDEX_BENCH_BARE_WINDOW").is_some()
}

/// Whether the window has painted its first frame, and the signal for those waiting on it.
static FIRST_FRAME: (Mutex<bool>, Condvar) = (Mutex::new(false), Condvar::new());

/// The window has painted its first frame: background work may start.
pub fn first_frame_painted() {
    let (painted, signal) = &FIRST_FRAME;
    *painted.lock().unwrap_or_else(|p| p.into_inner()) = true;
    signal.notify_all();
}

/// Waits until the window has painted its first frame, or `at_most`: background work (such as
/// copying a large catalog for the daily backup) would otherwise compete with the window for the
/// CPU and the disk while it opens. A window that never reports (say, one showing the recovery
/// view) only delays that work by `at_most`.
pub fn wait_for_first_frame(at_most: Duration) {
    let (painted, signal) = &FIRST_FRAME;
    let guard = painted.lock().unwrap_or_else(|p| p.into_inner());
    let _ = signal.wait_timeout_while(guard, at_most, |painted| !*painted);
}

/// The line the benchmark waits for; printed once, and only when asked for. The page's own
/// marks are printed first, moved onto the process's clock through `page_now` (the page's clock
/// at the moment it reported).
pub fn report_ready(page_marks: &[(String, f64)], page_now: Option<f64>) {
    static REPORTED: OnceLock<()> = OnceLock::new();
    if std::env::var_os("CINEDEX_STARTUP_PROBE").is_none() || REPORTED.set(()).is_err() {
        return;
    }
    let elapsed_ms = STARTED
        .get()
        .map(|t| t.elapsed())
        .unwrap_or_default()
        .as_secs_f64()
        * 1000.0;
    if let Some(page_now) = page_now {
        for (step, at) in page_marks {
            eprintln!(
                "cinedex-step page: {step} {:.1}",
                elapsed_ms - (page_now - at)
            );
        }
    }
    eprintln!("cinedex-ready-ms {elapsed_ms:.1}");
}

/// A step of the start-up, for reading where the time goes (printed only with the probe on).
pub fn mark(step: &str) {
    if std::env::var_os("CINEDEX_STARTUP_PROBE").is_none() {
        return;
    }
    let elapsed = STARTED.get().map(|t| t.elapsed()).unwrap_or_default();
    eprintln!("cinedex-step {step} {:.1}", elapsed.as_secs_f64() * 1000.0);
}
