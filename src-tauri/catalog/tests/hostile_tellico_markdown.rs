//! Hostile Tellico files and review bodies, generated here: entity expansion is refused before
//! it starts, Markdown renders to bounded HTML however deep the text nests, and the sanitizer
//! keeps no form input but the task lists' checkboxes.

use crate::fixtures;
use cinedex_catalog::*;
use cinedex_catalog::{render_markdown, MAX_MARKDOWN_NESTING, MAX_RAW_HTML_TAGS};
use fixtures::{file, imported, zip_file};

const PUBLIC_DOCTYPE: &str = r#"<!DOCTYPE tellico PUBLIC "-//Robby Stephenson/DTD Tellico V11.0//EN" "http://periapsis.org/tellico/dtd/v11/tellico.dtd">"#;

fn entry(id: usize, title: &str, year: &str) -> String {
    format!(
        "  <entry id=\"{id}\">\n   <title>{title}</title>\n   <year>{year}</year>\n   \
         <directors><director>Andrei Tarkovsky</director></directors>\n  </entry>\n"
    )
}

fn collection(doctype: &str, entries: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{doctype}\n\
         <tellico xmlns=\"http://periapsis.org/tellico/\" syntaxVersion=\"11\">\n \
         <collection title=\"My Videos\" type=\"3\">\n{entries} </collection>\n</tellico>\n"
    )
}

/// One 100 KB entity referenced 20,000 times: 2 GB once expanded, from a 160 KB file.
fn entity_bomb(prolog_extra: &str) -> String {
    let entity = "x".repeat(100 * 1024);
    let doctype = format!("{prolog_extra}<!DOCTYPE tellico [\n <!ENTITY big \"{entity}\">\n]>");
    let comments = "&big;".repeat(20_000);
    collection(
        &doctype,
        &format!("  <entry id=\"1\">\n   <title>Stalker</title>\n   <comments>{comments}</comments>\n  </entry>\n"),
    )
}

/// The process's peak resident memory so far, in KiB (Linux).
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_tellico_file_whose_entity_expands_to_gigabytes_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open_in_memory().unwrap();
    let before = peak_memory_kib();
    let bare = file(dir.path(), "bomb.tc", entity_bomb("").as_bytes());
    let hidden = entity_bomb("<!-- a comment first -->\n<?tellico pi?>\n");
    let zipped = zip_file(dir.path(), "zipped.tc", &[("tellico.xml", &hidden)]);
    for (path, named) in [(&bare, "bomb.tc"), (&zipped, "tellico.xml")] {
        let error = c
            .preview_import(ImportSource::Tellico, path, &ImportOptions::default())
            .unwrap_err();
        let CatalogError::Import { file, message, .. } = &error else {
            panic!("not an import error: {error:?}");
        };
        assert!(file.ends_with(named), "{file}");
        assert!(
            message.contains("DTD") && message.contains("entities"),
            "{message}"
        );
    }
    if let (Some(before), Some(after)) = (before, peak_memory_kib()) {
        // Expanded, the entity alone would take 2 GB; the files are read whole, and that is all.
        assert!(
            after - before < 64 * 1024,
            "peak memory grew by {} KiB",
            after - before
        );
    }
    assert_eq!(c.info().unwrap().film_count, 0);
}

#[test]
fn a_tellico_file_with_the_public_doctype_still_imports_and_names_the_lines_of_its_entries() {
    let dir = tempfile::tempdir().unwrap();
    let good = [entry(1, "Stalker", "1979"), entry(2, "Solaris", "1972")].concat();
    let path = file(
        dir.path(),
        "videos.tc",
        collection(PUBLIC_DOCTYPE, &good).as_bytes(),
    );
    let c = Catalog::open_in_memory().unwrap();
    assert_eq!(imported(&c, ImportSource::Tellico, &path).new_films, 2);

    // Entries start on lines 5, 10 and 15: the third's year is wrong.
    let bad = [good, entry(3, "Mirror", "next year")].concat();
    let path = file(
        dir.path(),
        "bad.tc",
        collection(PUBLIC_DOCTYPE, &bad).as_bytes(),
    );
    let preview = c
        .preview_import(ImportSource::Tellico, &path, &ImportOptions::default())
        .unwrap();
    assert_eq!(preview.errors.len(), 1, "{:?}", preview.errors);
    assert_eq!(preview.errors[0].line, Some(15), "{:?}", preview.errors);
    assert_eq!(preview.errors[0].column.as_deref(), Some("year"));
}

#[test]
fn a_doctype_with_an_internal_subset_but_no_entity_is_refused_all_the_same_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let doctype = "<!DOCTYPE tellico [\n <!ELEMENT tellico ANY>\n]>";
    let xml = collection(doctype, &entry(1, "Stalker", "1979"));
    let path = file(dir.path(), "subset.tc", xml.as_bytes());
    let error = Catalog::open_in_memory()
        .unwrap()
        .preview_import(ImportSource::Tellico, &path, &ImportOptions::default())
        .unwrap_err();
    let CatalogError::Import { line, .. } = &error else {
        panic!("not an import error: {error:?}");
    };
    assert_eq!(*line, Some(2), "{error}");
}

/// The deepest element nesting of some HTML, as a browser would build it.
fn depth_of(html: &str) -> usize {
    let fragment = scraper::Html::parse_fragment(html);
    // In document order a parent comes before its children: one pass, no walk up per node.
    let mut depths = std::collections::HashMap::new();
    let mut deepest = 0;
    for node in fragment.tree.root().descendants() {
        let depth = node.parent().map_or(0, |parent| depths[&parent.id()] + 1);
        depths.insert(node.id(), depth);
        deepest = deepest.max(depth);
    }
    deepest
}

#[test]
fn a_body_of_160k_quote_markers_renders_as_bounded_html() {
    let body = ">".repeat(160_000);
    let html = render_markdown(&body);
    assert_eq!(
        html.matches("<blockquote>").count(),
        MAX_MARKDOWN_NESTING,
        "{html}"
    );
    assert!(html.len() < 16 * 1024, "{} bytes", html.len());

    let quoted_lines = "> > > > > > > > a line\n".repeat(10_000);
    let html = render_markdown(&format!("{}\n{quoted_lines}", ">".repeat(100)));
    assert!(
        depth_of(&html) <= MAX_MARKDOWN_NESTING + 4,
        "{}",
        depth_of(&html)
    );
    assert_eq!(html.matches("a line").count(), 10_000);
}

#[test]
fn a_body_of_80k_divs_renders_as_bounded_html() {
    let on_one_line = "<div>".repeat(80_000);
    let html = render_markdown(&format!("{on_one_line} and the words"));
    assert!(!html.contains("<div"), "{html}");
    assert!(html.contains("and the words"), "{html}");

    let one_per_line = "<div>\n".repeat(20_000);
    let html = render_markdown(&one_per_line);
    let depth = depth_of(&html);
    assert!(
        depth > 100,
        "raw HTML within its budget is still HTML: {depth}"
    );
    assert!(depth <= MAX_RAW_HTML_TAGS + 4, "{depth}");
    assert!(html.len() < one_per_line.len(), "{} bytes", html.len());
}

#[test]
fn text_and_submit_inputs_are_dropped_while_task_list_checkboxes_stay() {
    let body = "- [ ] to see\n- [x] seen\n\n<input type=text value=\"hi\"> \
                <input type=\"submit\"> <INPUT TYPE=SUBMIT> <input> <input type=checkbox checked>";
    let html = render_markdown(body);
    let fragment = scraper::Html::parse_fragment(&html);
    let inputs: Vec<_> = fragment
        .select(&scraper::Selector::parse("input").unwrap())
        .map(|input| input.value().clone())
        .collect();
    assert_eq!(inputs.len(), 2, "{html}");
    for input in &inputs {
        assert_eq!(input.attr("type"), Some("checkbox"), "{html}");
        assert!(input.attr("disabled").is_some(), "{html}");
    }
    assert_eq!(
        inputs
            .iter()
            .filter(|i| i.attr("checked").is_some())
            .count(),
        1
    );
    assert!(html.contains("to see") && html.contains("seen"), "{html}");
}

#[test]
fn a_review_with_a_hostile_body_added_through_add_review_still_works() {
    let c = Catalog::open_in_memory().unwrap();
    let film = c
        .add_film(&FilmInput {
            title: "Stalker".into(),
            year: Some(1979),
            ..FilmInput::default()
        })
        .unwrap();
    let body = format!("{}\n\n{}", ">".repeat(40_000), "<div>".repeat(20_000));
    let input = ReviewInput {
        body: body.clone(),
        ..ReviewInput::default()
    };
    let review = c.add_review(film.id, &input).unwrap();
    assert_eq!(review.body, body);
    assert_eq!(
        review.body_html.matches("<blockquote>").count(),
        MAX_MARKDOWN_NESTING
    );
    let shown = c.get_film(film.id).unwrap();
    assert_eq!(shown.reviews.len(), 1);
    assert_eq!(shown.reviews[0].body_html, review.body_html);
    assert_eq!(c.get_review(review.id).unwrap().body_html, review.body_html);

    let edited = ReviewInput {
        body: "- [x] seen again".into(),
        ..input
    };
    let updated = c.update_review(review.id, &edited).unwrap();
    assert!(
        updated.body_html.contains(r#"type="checkbox""#),
        "{}",
        updated.body_html
    );
}
