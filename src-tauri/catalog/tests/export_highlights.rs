//! Highlights in exports: the Cinedex JSON carries them on their reviews and an import restores
//! them exactly (notes searchable again); the Markdown export shows them as quotes with notes.

use std::path::Path;

use cinedex_catalog::*;

fn go(_: u64, _: u64) -> bool {
    true
}

const BODY: &str = "The dolls dream of us.\n\nOshii films the dolls as *mirrors*, and us as dolls.";

/// A film with an article carrying a noted highlight, a bare one and an orphaned one.
fn highlighted_catalog() -> (Catalog, i64) {
    let c = Catalog::open_in_memory().unwrap();
    let film = c
        .add_film(&FilmInput {
            title: "Innocence".into(),
            year: Some(2004),
            ..Default::default()
        })
        .unwrap()
        .id;
    let input = |body: &str| ReviewInput {
        kind: ReviewKind::Article,
        title: Some("On dolls".into()),
        body: body.into(),
        ..Default::default()
    };
    let review = c
        .add_review(film, &input(&format!("{BODY}\n\nA passage cut later.")))
        .unwrap()
        .id;
    let mark = |quote: &str, note: Option<&str>, near: Option<u32>| {
        c.add_highlight(
            review,
            &HighlightInput {
                quote: quote.into(),
                note: note.map(Into::into),
                near,
            },
        )
        .unwrap()
    };
    mark("the dolls as mirrors", Some("Kleist's marionettes"), None);
    mark("dolls", None, Some(60));
    mark("A passage cut later", Some("kept though cut"), None);
    c.update_review(review, &input(BODY)).unwrap();
    (c, review)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn a_json_export_carries_highlights_and_an_import_restores_them_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let (c, review) = highlighted_catalog();
    let before = c.list_highlights(review).unwrap();
    assert_eq!(before.iter().filter(|h| h.orphaned).count(), 1);
    let first = dir.path().join("first.json");
    c.export(ExportFormat::Json, &first).unwrap();
    let text = read(&first);
    assert!(text.contains("\"highlights\": [") && text.contains("Kleist's marionettes"));

    let other = Catalog::open_in_memory().unwrap();
    other
        .import(ImportSource::Json, &first, &ImportOptions::default(), &go)
        .unwrap();
    let second = dir.path().join("second.json");
    other.export(ExportFormat::Json, &second).unwrap();
    assert_eq!(read(&second), text);

    let film = other.list_films(&Default::default()).unwrap()[0].id;
    let restored = other.list_film_highlights(film).unwrap();
    let shape = |hs: &[Highlight]| -> Vec<(String, u32, Option<String>, bool)> {
        hs.iter()
            .map(|h| (h.quote.clone(), h.start, h.note.clone(), h.orphaned))
            .collect()
    };
    assert_eq!(shape(&restored), shape(&before));
    assert_eq!(other.search("marionettes", 10, 0).unwrap().hits.len(), 1);
    let report = other.check_search_index().unwrap();
    assert!(report.ok, "{:?}", report.problems);
}

#[test]
fn an_imported_highlight_whose_quote_is_not_in_its_review_is_kept_orphaned_and_a_bad_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (c, _) = highlighted_catalog();
    let path = dir.path().join("export.json");
    c.export(ExportFormat::Json, &path).unwrap();
    let edited = read(&path).replace("\"quote\": \"dolls\"", "\"quote\": \"puppets\"");
    std::fs::write(&path, &edited).unwrap();
    let other = Catalog::open_in_memory().unwrap();
    other
        .import(ImportSource::Json, &path, &ImportOptions::default(), &go)
        .unwrap();
    let film = other.list_films(&Default::default()).unwrap()[0].id;
    let puppets = other
        .list_film_highlights(film)
        .unwrap()
        .into_iter()
        .find(|h| h.quote == "puppets")
        .expect("kept");
    assert!(puppets.orphaned);

    std::fs::write(
        &path,
        edited.replace("\"quote\": \"puppets\"", "\"quote\": \"  \""),
    )
    .unwrap();
    let refused = Catalog::open_in_memory()
        .unwrap()
        .import(ImportSource::Json, &path, &ImportOptions::default(), &go)
        .unwrap_err();
    assert!(
        refused.to_string().contains("highlights[") && refused.to_string().contains("quote"),
        "{refused}"
    );
}

#[test]
fn the_markdown_export_shows_highlights_as_quotes_with_their_notes() {
    let dir = tempfile::tempdir().unwrap();
    let (c, _) = highlighted_catalog();
    let out = dir.path().join("md");
    c.export(ExportFormat::Markdown, &out).unwrap();
    let text = read(&out.join("innocence-2004.md"));
    assert!(
        text.contains(
            "### Highlights\n\n> the dolls as mirrors\n\nKleist's marionettes\n\n> dolls\n\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("> A passage cut later\n\nkept though cut\n"),
        "{text}"
    );
}
