//! The TypeScript types in ui/src/lib/bindings are generated from the Rust types; this test fails
//! when they are stale. `CINEDEX_WRITE_BINDINGS=1 cargo test -p cinedex-catalog --test catalog bindings::`
//! (or `make bindings`) rewrites them.

use std::path::PathBuf;

use cinedex_catalog::*;
use cinedex_catalog::{ArticleFile, ArticleProposal, FieldConflict, FilmCandidate};
use cinedex_catalog::{BackupInfo, BackupReason, CheckReport, RestoreReport};
use ts_rs::{Config, TS};

fn bindings_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings")
}

fn expected() -> Vec<(String, String)> {
    let config = Config::default();
    fn one<T: TS + 'static>(config: &Config) -> (String, String) {
        let name = format!("{}.ts", T::name(config));
        let text = T::export_to_string(config).expect("ts-rs renders every catalog type");
        (name, text)
    }
    vec![
        one::<Film>(&config),
        one::<FilmDetail>(&config),
        one::<cinedex_catalog::FilmFacts>(&config),
        one::<cinedex_catalog::FilmWithFacts>(&config),
        one::<cinedex_catalog::Credit>(&config),
        one::<FilmInput>(&config),
        one::<FilmSort>(&config),
        one::<FilmListQuery>(&config),
        one::<Review>(&config),
        one::<ReviewInput>(&config),
        one::<ReviewKind>(&config),
        one::<CatalogInfo>(&config),
        one::<ErrorKind>(&config),
        one::<ErrorPayload>(&config),
        one::<Viewing>(&config),
        one::<ViewingInput>(&config),
        one::<WatchStatus>(&config),
        one::<Annotation>(&config),
        one::<AnnotationInput>(&config),
        one::<Highlight>(&config),
        one::<HighlightInput>(&config),
        one::<ArticleProposal>(&config),
        one::<ArticleFile>(&config),
        one::<SearchResults>(&config),
        one::<SearchHit>(&config),
        one::<Segment>(&config),
        one::<Snippet>(&config),
        one::<MatchField>(&config),
        one::<Facets>(&config),
        one::<FacetCount>(&config),
        one::<SmartList>(&config),
        one::<SmartListInput>(&config),
        one::<SearchIndexReport>(&config),
        one::<FieldConflict>(&config),
        one::<FilmCandidate>(&config),
        one::<BackupInfo>(&config),
        one::<BackupReason>(&config),
        one::<CheckReport>(&config),
        one::<RestoreReport>(&config),
        one::<cinedex_catalog::Damage>(&config),
        one::<Stats>(&config),
        one::<StatsQuery>(&config),
        one::<Tally>(&config),
        one::<YearFilm>(&config),
        one::<YearInReview>(&config),
        one::<FilmGroup>(&config),
        one::<FilmPage>(&config),
        one::<GroupBy>(&config),
        one::<GroupFilter>(&config),
        one::<ImportSource>(&config),
        one::<ImportOptions>(&config),
        one::<ColumnMapping>(&config),
        one::<CsvField>(&config),
        one::<ImportIssue>(&config),
        one::<ImportSummary>(&config),
        one::<ExportFormat>(&config),
        one::<ExportReport>(&config),
        one::<FilmList>(&config),
        one::<FilmListDetail>(&config),
        one::<FilmListEntry>(&config),
        one::<FilmListGhost>(&config),
        one::<FollowedListFile>(&config),
        one::<Person>(&config),
        one::<PersonFilm>(&config),
        one::<CreditedPerson>(&config),
        one::<PersonRole>(&config),
        one::<PersonPage>(&config),
        one::<SeenStatus>(&config),
        one::<Filmography>(&config),
        one::<FilmographyEntry>(&config),
        one::<Candidate>(&config),
        one::<CreditRole>(&config),
        one::<ExternalId>(&config),
        one::<LookupResult>(&config),
        one::<ReferenceCredit>(&config),
        one::<ReferenceFilm>(&config),
        one::<ReferenceSource>(&config),
        one::<Refresh>(&config),
        one::<FieldComparison>(&config),
        one::<FieldStatus>(&config),
        one::<SettingsView>(&config),
        one::<SettingsChange>(&config),
        one::<CompletionStatus>(&config),
        one::<MatchedBy>(&config),
        one::<CompletionMatch>(&config),
        one::<FilmCompletion>(&config),
        one::<ScoredCandidate>(&config),
        one::<CompletionTotals>(&config),
        one::<CompletionReport>(&config),
        one::<CompletionProgress>(&config),
        one::<CompletionTargets>(&config),
        one::<QueuedFilm>(&config),
        one::<CompletionQueue>(&config),
        page_sizes(),
        list_canons(),
    ]
}

/// What the canon of a list followed from a file starts with, for the window to say so.
fn list_canons() -> (String, String) {
    let text = format!(
        "// Generated from cinedex_catalog::lists (tests/bindings.rs). Do not edit by hand.\n\n\
         /** The canon of a list followed from a file starts with this (`file:Slow Cinema`). */\n\
         export const FILE_CANON_PREFIX = {:?};\n",
        cinedex_catalog::FILE_CANON_PREFIX
    );
    ("listCanons.ts".to_owned(), text)
}

/// The page sizes are values, not types: written as one TS constant the window's API reads.
fn page_sizes() -> (String, String) {
    use cinedex_catalog::{CLI_PAGE, MAX_SEARCH_LIMIT, WINDOW_PAGE};
    let text = format!(
        "// Generated from cinedex_catalog::search (tests/bindings.rs). Do not edit by hand.\n\n\
         /** Search result pages: the window's default, the command line's default, the largest (from 1). */\n\
         export const PAGE_SIZES = {{ window: {WINDOW_PAGE}, commandLine: {CLI_PAGE}, max: {MAX_SEARCH_LIMIT} }} as const;\n"
    );
    ("pageSizes.ts".to_owned(), text)
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let dir = bindings_dir();
    let write = std::env::var_os("CINEDEX_WRITE_BINDINGS").is_some();
    let mut stale = Vec::new();
    for (file, text) in expected() {
        let path = dir.join(&file);
        if write {
            std::fs::create_dir_all(&dir).expect("create bindings dir");
            std::fs::write(&path, &text).expect("write binding");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "stale TypeScript bindings in ui/src/lib/bindings: {stale:?}; run `make bindings` and commit them"
    );
}
