//! `cinedex add/edit` with cast and crew (`--writer`, `--cast NAME[=CHARACTER]`, `--composer`,
//! `--cinematographer`), genres, countries, language, runtime and synopsis; `show --json` carries
//! them beside the existing keys; `genre:` and synopsis words find the film.

use crate::common;
use common::Shell;
use predicates::prelude::*;
use serde_json::{json, Value};

fn add_innocence(shell: &Shell) -> Value {
    shell.json(&[
        "add",
        "--title",
        "Innocence",
        "--year",
        "2004",
        "--director",
        "Mamoru Oshii",
        "--writer",
        "Mamoru Oshii",
        "--cast",
        "Akio Otsuka = Batou",
        "--cast",
        "Atsuko Tanaka",
        "--composer",
        "Kenji Kawai",
        "--cinematographer",
        "Miki Sakuma",
        "--genre",
        "Anime",
        "--genre",
        "Science fiction",
        "--country",
        "Japan",
        "--language",
        "Japanese",
        "--runtime",
        "99",
        "--synopsis",
        "A cyborg detective investigates gynoids that murder their owners.",
    ])
}

#[test]
fn add_and_show_carry_cast_and_crew_by_role_with_characters() {
    let shell = Shell::new();
    let added = add_innocence(&shell);
    assert_eq!(added["title"], "Innocence");
    assert_eq!(added["runtimeMinutes"], 99);
    assert_eq!(added["genres"], json!(["Anime", "Science fiction"]));

    let shown = shell.json(&["show", added["id"].to_string().as_str()]);
    assert_eq!(
        shown["credits"],
        json!([
            {"role": "director", "name": "Mamoru Oshii", "character": null},
            {"role": "writer", "name": "Mamoru Oshii", "character": null},
            {"role": "actor", "name": "Akio Otsuka", "character": "Batou"},
            {"role": "actor", "name": "Atsuko Tanaka", "character": null},
            {"role": "composer", "name": "Kenji Kawai", "character": null},
            {"role": "cinematographer", "name": "Miki Sakuma", "character": null},
        ])
    );
    assert_eq!(shown["countries"], json!(["Japan"]));
    assert_eq!(shown["originalLanguage"], "Japanese");
    assert_eq!(shown["externalIds"], json!([]));
    assert!(shown["synopsis"].as_str().unwrap().contains("gynoids"));
    // The keys scripts already read are still there.
    assert_eq!(shown["directors"], json!(["Mamoru Oshii"]));
    assert_eq!(shown["reviews"], json!([]));

    let human = shell
        .cmd(&["show", &added["id"].to_string()])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&human.get_output().stdout).to_string();
    assert!(text.contains("Akio Otsuka (Batou)"), "{text}");
    assert!(text.contains("99 min"), "{text}");
}

#[test]
fn edit_replaces_only_the_roles_given_and_keeps_the_other_facts() {
    let shell = Shell::new();
    let id = add_innocence(&shell)["id"].to_string();
    let edited = shell.json(&["edit", &id, "--cast", "Koichi Yamadera=Togusa"]);
    let actors: Vec<&Value> = edited["credits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["role"] == "actor")
        .collect();
    assert_eq!(
        actors,
        [&json!({"role": "actor", "name": "Koichi Yamadera", "character": "Togusa"})]
    );
    assert_eq!(edited["genres"], json!(["Anime", "Science fiction"]));
    assert_eq!(edited["runtimeMinutes"], 99);

    // An edit of other fields keeps the facts; an empty synopsis clears it.
    let retitled = shell.json(&["edit", &id, "--title", "Ghost in the Shell 2: Innocence"]);
    assert_eq!(retitled["credits"].as_array().unwrap().len(), 5);
    let cleared = shell.json(&["edit", &id, "--synopsis", ""]);
    assert_eq!(cleared["synopsis"], Value::Null);
    assert_eq!(cleared["countries"], json!(["Japan"]));
}

#[test]
fn genres_and_synopsis_words_are_searchable() {
    let shell = Shell::new();
    add_innocence(&shell);
    shell.json(&["add", "--title", "Stalker", "--genre", "Drama"]);
    let by_genre = shell.json(&["search", "genre:anime"]);
    let titles: Vec<&str> = by_genre["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["film"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Innocence"]);
    let by_story = shell.json(&["search", "gynoid"]);
    assert_eq!(by_story["hits"][0]["film"]["title"], "Innocence");
    assert!(by_story["hits"][0]["matched"]
        .as_array()
        .unwrap()
        .contains(&json!("synopsis")));
}

#[test]
fn bad_facts_exit_1_naming_the_field_and_write_nothing() {
    let shell = Shell::new();
    let id = add_innocence(&shell)["id"].to_string();
    let before = shell.json(&["show", &id]);
    shell
        .cmd(&["edit", &id, "--cast", "= Batou"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: credits:"));
    shell
        .cmd(&["edit", &id, "--runtime", "0"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("runtimeMinutes"));
    let long = "x".repeat(5_001);
    shell
        .cmd(&["add", "--title", "Long", "--synopsis", &long])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("synopsis"));
    assert_eq!(shell.json(&["show", &id]), before);
    assert_eq!(shell.film_count(), 1);
}
