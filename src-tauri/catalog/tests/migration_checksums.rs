//! Landed migrations are append-only: a catalog that ran `0003_search.sql` never runs it again, so
//! an edit to that file would only reach new catalogs and split the schema in two. The checksums in
//! `migrations/CHECKSUMS` pin every landed file; this test fails when one changes or goes missing.

use std::fs;
use std::path::Path;

/// FNV-1a, 64 bits: stable across Rust releases (unlike `DefaultHasher`) and enough to notice an
/// accidental edit; this guards against mistakes, not attackers.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn migrations_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations")
}

fn pinned() -> Vec<(String, String)> {
    let text =
        fs::read_to_string(migrations_dir().join("CHECKSUMS")).expect("migrations/CHECKSUMS");
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let (sum, name) = line.split_once("  ").expect("`<checksum>  <file>` lines");
            (name.to_owned(), sum.to_owned())
        })
        .collect()
}

#[test]
fn no_landed_migration_has_been_edited() {
    let pinned = pinned();
    assert!(
        pinned.len() >= 8,
        "CHECKSUMS lists too few migrations: {pinned:?}"
    );
    for (name, sum) in &pinned {
        let bytes = fs::read(migrations_dir().join(name))
            .unwrap_or_else(|e| panic!("the landed migration {name} is gone: {e}"));
        assert_eq!(
            &format!("{:016x}", fnv1a(&bytes)),
            sum,
            "{name} was edited after it landed; put the change in a new migration instead"
        );
    }
}

#[test]
fn every_migration_file_is_pinned() {
    let pinned: Vec<String> = pinned().into_iter().map(|(name, _)| name).collect();
    let mut files: Vec<String> = fs::read_dir(migrations_dir())
        .expect("the migrations folder")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".sql"))
        .collect();
    files.sort();
    if let Some(name) = files.iter().find(|name| !pinned.contains(name)) {
        let bytes = fs::read(migrations_dir().join(name)).expect("a migration file");
        panic!(
            "{name} is not in migrations/CHECKSUMS; once it has landed, add the line:\n{:016x}  {name}",
            fnv1a(&bytes)
        );
    }
}
