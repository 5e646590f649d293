//! The IPC surface is declared in four places that must agree: the allowlist in `build.rs` (the one
//! source of truth), the handlers registered in `lib.rs`, the window's capability, and the wrappers in
//! `ui/src/lib/api.ts`. A command missing from any of them is either uncallable or unguarded; this
//! test names the one that disagrees.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

fn source(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    fs::read_to_string(&full).unwrap_or_else(|e| panic!("reading {}: {e}", full.display()))
}

/// The text between `start` and the first `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("`{start}` not found"))
        + start.len();
    let to = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("`{end}` not found after `{start}`"));
    &text[from..from + to]
}

/// Every double-quoted string in `text`.
fn quoted(text: &str) -> BTreeSet<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn allowlist() -> BTreeSet<String> {
    let build = source("src-tauri/build.rs");
    quoted(between(&build, "const COMMANDS: &[&str] = &[", "];"))
}

fn registered_handlers() -> BTreeSet<String> {
    let lib = source("src-tauri/src/lib.rs");
    between(&lib, "generate_handler![", "]")
        .split(',')
        .filter_map(|path| path.trim().rsplit("::").next())
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

fn capability_permissions() -> BTreeSet<String> {
    let capability: serde_json::Value =
        serde_json::from_str(&source("src-tauri/capabilities/main.json")).expect("capability JSON");
    capability["permissions"]
        .as_array()
        .expect("a permissions array")
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect()
}

fn api_wrappers() -> BTreeSet<String> {
    let api = source("ui/src/lib/api.ts");
    api.match_indices("call<")
        .filter_map(|(at, _)| {
            let rest = &api[at..];
            let open = rest.find("(\"")? + 2;
            let close = rest[open..].find('"')?;
            Some(rest[open..open + close].to_owned())
        })
        .collect()
}

fn assert_same(what: &str, found: &BTreeSet<String>, declared: &BTreeSet<String>) {
    let missing: Vec<_> = declared.difference(found).collect();
    let extra: Vec<_> = found.difference(declared).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what} disagrees with build.rs's COMMANDS: missing {missing:?}, not in the allowlist {extra:?}"
    );
}

#[test]
fn the_allowlist_is_not_empty_and_has_no_duplicates() {
    let build = source("src-tauri/build.rs");
    let listed = between(&build, "const COMMANDS: &[&str] = &[", "];")
        .matches('"')
        .count()
        / 2;
    let unique = allowlist();
    assert!(unique.len() > 10, "the allowlist was not read: {unique:?}");
    assert_eq!(
        listed,
        unique.len(),
        "a command is listed twice in build.rs"
    );
}

#[test]
fn every_allowed_command_has_a_handler_and_no_handler_is_unlisted() {
    assert_same(
        "lib.rs's generate_handler!",
        &registered_handlers(),
        &allowlist(),
    );
}

#[test]
fn the_window_capability_grants_exactly_the_app_commands() {
    assert_same(
        "capabilities/main.json",
        &capability_permissions(),
        &allowlist(),
    );
}

#[test]
fn api_ts_wraps_exactly_the_app_commands() {
    assert_same("ui/src/lib/api.ts", &api_wrappers(), &allowlist());
}

#[test]
fn the_events_the_window_listens_to_are_the_ones_rust_emits() {
    let api = source("ui/src/lib/api.ts");
    let listened: BTreeSet<String> = api
        .match_indices("listen")
        .filter_map(|(at, _)| {
            let rest = &api[at..];
            let open = rest.find("(\"")? + 2;
            // Only a call directly on `listen(` / `listen<...>(`, not a longer word.
            if rest[..open].contains('\n') {
                return None;
            }
            let close = rest[open..].find('"')?;
            Some(rest[open..open + close].to_owned())
        })
        .collect();
    let mut rust = source("src-tauri/src/state.rs");
    let commands = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src/commands");
    for entry in fs::read_dir(&commands).expect("the commands folder") {
        let path = entry.expect("a commands file").path();
        rust += &fs::read_to_string(&path).unwrap_or_default();
    }
    for event in &listened {
        assert!(
            rust.contains(&format!("\"{event}\"")),
            "api.ts listens to `{event}`, which no Rust code names"
        );
    }
    assert!(
        listened.contains("catalog-changed") && listened.contains("import-progress"),
        "api.ts no longer listens to the app's events: {listened:?}"
    );
}
