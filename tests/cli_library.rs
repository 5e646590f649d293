//! The command line's statistics and posters, end to end on temporary catalogs.

use crate::common;
use common::{film, Shell};
use predicates::str::contains;

#[test]
fn stats_json_prints_the_numbers_the_statistics_view_shows() {
    let shell = Shell::new();
    let vertigo = film("Vertigo")
        .year(1958)
        .director("Alfred Hitchcock")
        .add_id(&shell);
    film("Psycho")
        .year(1960)
        .director("Alfred Hitchcock")
        .add_id(&shell);
    film("Heat")
        .year(1995)
        .director("Michael Mann")
        .add_id(&shell);
    shell.json(&[
        "viewing",
        "add",
        &vertigo.to_string(),
        "--date",
        "2024-03-02",
        "--rating",
        "4.5",
    ]);

    let stats = shell.json(&["stats", "--year", "2024"]);
    assert_eq!(stats["filmCount"], 3);
    assert_eq!(
        stats["filmsByDecade"].as_array().unwrap().len(),
        5,
        "1950s to 1990s"
    );
    assert_eq!(stats["topDirectors"][0]["key"], "Alfred Hitchcock");
    assert_eq!(stats["topDirectors"][0]["count"], 2);
    assert_eq!(stats["viewingsByDay"][0]["key"], "2024-03-02");
    assert_eq!(stats["heatmapFrom"], "2024-01-01");
    let four_and_a_half = &stats["ratings"][8];
    assert_eq!(four_and_a_half["key"], "4.5");
    assert_eq!(four_and_a_half["count"], 1);
}

#[test]
fn stats_prints_readable_tables_for_people() {
    let shell = Shell::new();
    film("Heat")
        .year(1995)
        .director("Michael Mann")
        .add_id(&shell);
    shell
        .cmd(&["stats"])
        .assert()
        .success()
        .stdout(contains("Films by decade"))
        .stdout(contains("1990s"))
        .stdout(contains("Michael Mann"));
}

#[test]
fn poster_copies_an_image_in_and_refuses_other_files() {
    let shell = Shell::new();
    let id = film("Heat")
        .year(1995)
        .director("Michael Mann")
        .add_id(&shell)
        .to_string();
    let dir = shell.db.parent().unwrap();
    let png = dir.join("heat.png");
    // The smallest valid PNG: one red pixel.
    std::fs::write(
        &png,
        [
            0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
            0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00,
            0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08,
            0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d,
            0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
        ],
    )
    .unwrap();
    let film = shell.json(&["poster", &id, png.to_str().unwrap()]);
    assert_eq!(film["hasPoster"], true);
    assert!(dir
        .join("posters")
        .join(format!("{id}-thumb.jpg"))
        .is_file());

    let text = dir.join("notes.txt");
    std::fs::write(&text, "hello").unwrap();
    shell
        .cmd(&["poster", &id, text.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(contains("error: file:"))
        .stderr(contains("not a JPEG, PNG, WebP or GIF image"));

    assert_eq!(shell.json(&["poster", &id, "--remove"])["hasPoster"], false);
}
