//! Any text renders to HTML without panicking, and what comes out has no script, event handler
//! or javascript: link, whatever went in.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let html = cinedex_catalog::markdown::render(text).to_ascii_lowercase();
    assert!(!html.contains("<script"), "script survived: {html}");
    assert!(!html.contains("javascript:"), "javascript: survived: {html}");
    assert!(!html.contains(" onerror="), "handler survived: {html}");
    assert!(!html.contains("<iframe"), "iframe survived: {html}");
});
