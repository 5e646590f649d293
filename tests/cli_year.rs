//! `cinedex year`: one year's review end to end on temporary catalogs, as JSON, as a summary and
//! as a Markdown file.

use crate::common;
use common::{film, Shell};
use predicates::str::contains;

fn watch(shell: &Shell, film: &str, date: &str, extra: &[&str]) {
    let mut args = vec!["viewing", "add", film, "--date", date];
    args.extend_from_slice(extra);
    shell.json(&args);
}

/// Two films by Varda and one by Mann; Vagabond seen in 2023 and again in 2024.
fn seeded() -> Shell {
    let shell = Shell::new();
    let cleo = film("Cléo from 5 to 7")
        .year(1962)
        .director("Agnès Varda")
        .add_id(&shell)
        .to_string();
    let vagabond = film("Vagabond")
        .year(1985)
        .director("Agnès Varda")
        .add_id(&shell)
        .to_string();
    let heat = film("Heat")
        .year(1995)
        .director("Michael Mann")
        .add_id(&shell)
        .to_string();
    watch(&shell, &vagabond, "2023-11-02", &["--rating", "5"]);
    watch(&shell, &vagabond, "2024-01-10", &["--rating", "3.5"]);
    watch(&shell, &cleo, "2024-01-11", &["--rating", "4.5"]);
    watch(&shell, &heat, "2024-06-01", &["--rewatch"]);
    shell
}

#[test]
fn year_json_prints_the_year_in_review_in_the_apps_shape() {
    let shell = seeded();
    let review = shell.json(&["year", "2024"]);
    assert_eq!(review["year"], 2024);
    assert_eq!(review["filmsSeen"], 3);
    assert_eq!(review["viewingCount"], 3);
    assert_eq!(review["firstTime"], 1);
    assert_eq!(
        review["rewatches"], 2,
        "Vagabond seen in 2023, Heat flagged"
    );
    assert_eq!(review["unknownRuntime"], 3);
    assert_eq!(review["minutesWatched"], 0);
    assert_eq!(review["topDirectors"][0]["key"], "Agnès Varda");
    assert_eq!(review["topDirectors"][0]["count"], 2);
    assert_eq!(review["bestRated"][0]["title"], "Cléo from 5 to 7");
    assert_eq!(
        review["bestRated"][1]["rating"], 3.5,
        "the 2024 rating, not 2023's"
    );
    assert_eq!(review["months"].as_array().unwrap().len(), 12);
    assert_eq!(review["months"][0]["count"], 2);
    assert_eq!(review["days"][0]["key"], "2024-01-10");
    assert_eq!(review["longestStreak"], 2);
}

#[test]
fn year_prints_a_readable_summary_and_an_empty_year_is_not_an_error() {
    let shell = seeded();
    shell
        .cmd(&["year", "2024"])
        .assert()
        .success()
        .stdout(contains("2024 in review"))
        .stdout(contains(
            "3 film(s) seen, 3 viewing(s): 1 first time, 2 rewatch(es)",
        ))
        .stdout(contains("3 viewing(s) of unknown runtime"))
        .stdout(contains("Top directors"))
        .stdout(contains("Agnès Varda  2"));
    shell
        .cmd(&["year", "2001"])
        .assert()
        .success()
        .stdout(contains("No viewings recorded in 2001."));
}

#[test]
fn a_year_outside_the_catalogs_years_fails_with_one_error_line() {
    let shell = Shell::new();
    shell
        .cmd(&["year", "1500"])
        .assert()
        .code(1)
        .stderr(contains("error: year:"));
    shell.cmd(&["year"]).assert().code(2);
    shell.cmd(&["year", "2024", "--replace"]).assert().code(2);
}

#[test]
fn markdown_writes_a_page_and_refuses_an_existing_file_without_replace() {
    let shell = seeded();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("2024.md");
    let out_arg = out.to_str().unwrap();
    shell
        .cmd(&["year", "2024", "--markdown", out_arg])
        .assert()
        .success()
        .stdout(contains("Saved the review of 2024 to"));
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("# 2024 in review"), "{page}");
    assert!(page.contains("1. Agnès Varda — 2 films"), "{page}");
    assert!(page.contains("| January | 2 |"), "{page}");

    std::fs::write(&out, "mine").unwrap();
    shell
        .cmd(&["year", "2024", "--markdown", out_arg])
        .assert()
        .code(1)
        .stderr(contains("already exists"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    shell
        .cmd(&["year", "2024", "--markdown", out_arg, "--replace"])
        .assert()
        .success();
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("# 2024"));
}
