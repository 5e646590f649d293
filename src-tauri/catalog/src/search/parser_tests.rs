//! The query parser's unit tests: each query form, and text that is not syntax.

use super::*;

fn word(w: &str) -> Term {
    Term::Word(w.to_owned())
}

#[test]
fn words_phrases_and_exclusions_are_told_apart() {
    let q = parse(r#"Ghost "in the shell" -Arise"#);
    assert_eq!(
        q.terms,
        vec![
            word("ghost"),
            Term::Phrase(vec!["in".into(), "the".into(), "shell".into()])
        ]
    );
    assert_eq!(q.excluded, vec![word("arise")]);
}

#[test]
fn filters_are_parsed_and_bad_filters_become_words() {
    let q =
        parse("director:oshii theme:cyberpunk year:1990..1999 rating:>=4 has:review is:watchlist");
    assert_eq!(q.directors, vec![vec!["oshii".to_owned()]]);
    assert_eq!(q.themes, vec![vec!["cyberpunk".to_owned()]]);
    assert_eq!(q.years, Some((1990, 1999)));
    assert_eq!(q.rating, Some((Compare::Ge, 4.0)));
    assert_eq!(q.has, vec![Has::Review]);
    assert_eq!(q.status, Some("watchlist"));
    assert!(q.terms.is_empty());

    let q = parse("year:abc colour:red");
    assert_eq!(
        q.terms,
        vec![word("year"), word("abc"), word("colour"), word("red")]
    );
    assert_eq!(parse("year:2004").years, Some((2004, 2004)));
    assert_eq!(parse("year:1960s").years, Some((1960, 1969)));
    assert_eq!(
        parse(r#"director:"Mamoru Oshii""#).directors,
        vec![vec!["mamoru".to_owned(), "oshii".to_owned()]]
    );
}

#[test]
fn hostile_input_parses_to_plain_words() {
    assert_eq!(parse(r#"""#), Query::default());
    assert_eq!(parse("*"), Query::default());
    assert_eq!(parse("("), Query::default());
    assert_eq!(parse("NEAR(").terms, vec![word("near")]);
    assert_eq!(
        parse("AND OR NOT").terms,
        vec![word("and"), word("or"), word("not")]
    );
    assert_eq!(
        parse("'; DROP TABLE films; --").terms,
        vec![word("drop"), word("table"), word("films")]
    );
    assert_eq!(parse("🎬🍿").terms, Vec::<Term>::new());
    assert!(parse("").is_empty());
    let long = "a".repeat(10_000);
    assert_eq!(parse(&long).terms, vec![word(&"a".repeat(MAX_QUERY_CHARS))]);
    let many = "x ".repeat(5_000);
    assert_eq!(parse(&many).terms.len(), MAX_TERMS);
}

#[test]
fn accents_and_case_are_folded() {
    assert_eq!(parse("AMÉLIE").terms, vec![word("amelie")]);
    assert_eq!(parse("千と千尋").terms, vec![word("千と千尋")]);
}

#[test]
fn a_list_filter_keeps_the_whole_name_folded() {
    let q = parse(r#"list:"Palme d'Or" list:Été"#);
    assert_eq!(q.lists, vec!["palme d'or".to_owned(), "ete".to_owned()]);
    assert!(q.terms.is_empty());
    assert!(!q.is_empty());
    assert_eq!(parse(r#"list:"""#).lists, Vec::<String>::new());
}
