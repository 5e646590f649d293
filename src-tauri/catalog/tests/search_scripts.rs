//! Search across alphabets: the index and the query are folded by the same function, so a title
//! is found as it is written and as it is typed without its accents, in Greek and Cyrillic as in
//! Latin; letters such as œ, æ, ß and ø are found as they are typed on a keyboard without them;
//! Korean and voiced Japanese kana are found whole.

use crate::support::film;
use cinedex_catalog::*;

use crate::search_support;
use search_support::*;

fn world_catalog() -> Catalog {
    let c = Catalog::open_in_memory().unwrap();
    film("Ёжик в тумане")
        .year(1975)
        .directors(["Юрий Норштейн"])
        .add(&c);
    film("Ο Θίασος")
        .year(1975)
        .directors(["Θόδωρος Αγγελόπουλος"])
        .add(&c);
    film("기생충")
        .original_title("Parasite")
        .year(2019)
        .directors(["봉준호"])
        .add(&c);
    film("ゴジラ")
        .original_title("Godzilla")
        .year(1954)
        .directors(["本多猪四郎"])
        .add(&c);
    film("Le Cœur des hommes")
        .year(2003)
        .directors(["Marc Esposito"])
        .add(&c);
    film("Die bleierne Zeit")
        .year(1981)
        .directors(["Margarethe von Trotta"])
        .themes(["Straße"])
        .add(&c);
    film("Festen")
        .year(1998)
        .directors(["Thomas Vinterberg"])
        .themes(["Søskende"])
        .add(&c);
    let stalker = film("Stalker")
        .year(1979)
        .directors(["Andrei Tarkovsky"])
        .add(&c);
    review(
        &c,
        stalker.id,
        ReviewKind::Note,
        "Θυμίζει το Ἐπιθυμία της Ζώνης.",
    );
    c
}

#[test]
fn greek_and_cyrillic_titles_are_found_as_written_and_without_accents() {
    let c = world_catalog();
    for query in ["Ёжик", "ежик", "ЁЖИК в тумане", "Норштейн"] {
        assert_eq!(titles(&c, query), ["Ёжик в тумане"], "{query}");
    }
    for query in ["Θίασος", "θιασος", "ΘΙΑΣΟΣ", "Αγγελόπουλος", "αγγελοπουλος"]
    {
        assert_eq!(titles(&c, query), ["Ο Θίασος"], "{query}");
    }
}

#[test]
fn korean_and_voiced_kana_are_found_whole() {
    let c = world_catalog();
    assert_eq!(titles(&c, "기생충"), ["기생충"]);
    assert_eq!(titles(&c, "봉준호"), ["기생충"]);
    assert_eq!(titles(&c, "ゴジラ"), ["ゴジラ"]);
    assert_eq!(titles(&c, "ジラ"), ["ゴジラ"]);
    assert!(
        titles(&c, "コシラ").is_empty(),
        "the voicing marks are part of the letters"
    );
}

#[test]
fn ligatures_and_letters_without_accents_are_found_as_typed_on_any_keyboard() {
    let c = world_catalog();
    for query in ["coeur", "Cœur", "CŒUR"] {
        assert_eq!(titles(&c, query), ["Le Cœur des hommes"], "{query}");
    }
    assert_eq!(titles(&c, "theme:strasse"), ["Die bleierne Zeit"]);
    assert_eq!(titles(&c, "soskende"), ["Festen"]);
}

#[test]
fn review_text_in_greek_is_found_and_marked_in_its_own_spelling() {
    let c = world_catalog();
    let results = c.search("επιθυμια", 10, 0).unwrap();
    assert_eq!(results.hits.len(), 1);
    assert_eq!(results.hits[0].film.title, "Stalker");
    let snippet = results.hits[0].snippet.as_ref().expect("a snippet");
    assert_eq!(marked(&snippet.text), ["Ἐπιθυμία"]);
}

#[test]
fn a_title_is_marked_in_its_own_spelling() {
    let c = world_catalog();
    let results = c.search("ежик", 10, 0).unwrap();
    assert_eq!(marked(&results.hits[0].title), ["Ёжик"]);
    assert!(c.check().unwrap().ok);
}
