//! Hostile files around posters and exports: a stored poster name from a foreign catalog never
//! reaches outside `posters/`, devices and FIFOs are refused without hanging, and an export never
//! replaces a file that is already there.

use std::path::{Path, PathBuf};

use cinedex_catalog::{posters_dir, MAX_POSTER_BYTES};
use cinedex_catalog::{Catalog, ExportFormat, FilmInput};

fn setup() -> (tempfile::TempDir, Catalog, i64) {
    let dir = tempfile::tempdir().unwrap();
    let c = Catalog::open(dir.path().join("catalog.sqlite")).unwrap();
    let id = c
        .add_film(&FilmInput {
            title: "Stalker".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    (dir, c, id)
}

fn png(path: &Path) -> PathBuf {
    let img = image::RgbImage::from_fn(40, 60, |x, y| image::Rgb([x as u8, y as u8, 90]));
    img.save_with_format(path, image::ImageFormat::Png).unwrap();
    path.to_path_buf()
}

/// Writes `poster` into film `id`'s row the way a restored or foreign catalog could hold it.
fn store_poster_name(dir: &Path, id: i64, poster: &str) {
    let raw = rusqlite::Connection::open(dir.join("catalog.sqlite")).unwrap();
    raw.execute(
        "UPDATE films SET poster = ?2 WHERE id = ?1",
        rusqlite::params![id, poster],
    )
    .unwrap();
}

#[test]
fn a_poster_name_from_a_foreign_catalog_never_deletes_a_file_outside_the_posters() {
    let (dir, c, id) = setup();
    let victim = dir.path().join("victim");
    std::fs::write(&victim, "precious").unwrap();
    let posters = posters_dir(&dir.path().join("catalog.sqlite"));
    std::fs::create_dir_all(&posters).unwrap();
    let other_film = posters.join("99.png");
    std::fs::write(&other_film, "another film's poster").unwrap();
    let absolute = victim.display().to_string();
    for stored in [
        "../victim",
        absolute.as_str(),
        "99.png",
        "0099.jpg",
        "-1.png",
    ] {
        store_poster_name(dir.path(), id, stored);
        let film = c
            .attach_poster(id, &png(&dir.path().join("scan.png")))
            .unwrap();
        assert!(film.has_poster, "{stored}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert!(other_film.exists(), "{stored}");
    }
    c.remove_poster(id).unwrap();
    assert!(victim.exists() && other_film.exists());
}

#[test]
fn the_sweep_after_a_purge_removes_only_files_the_app_named() {
    let (dir, c, id) = setup();
    let posters = posters_dir(&dir.path().join("catalog.sqlite"));
    std::fs::create_dir_all(&posters).unwrap();
    let own = [format!("{}.png", id + 50), format!("{}-thumb.jpg", id + 50)];
    let foreign = [format!("{}-notes.txt", id + 50), format!("{}.txt", id + 50)];
    for name in own.iter().chain(&foreign) {
        std::fs::write(posters.join(name), "x").unwrap();
    }
    assert_eq!(c.sweep_posters().unwrap(), 2);
    assert!(own.iter().all(|name| !posters.join(name).exists()));
    assert!(foreign.iter().all(|name| posters.join(name).exists()));
}

#[cfg(unix)]
#[test]
fn a_device_or_a_fifo_is_refused_as_a_poster_without_reading_it() {
    let (dir, c, id) = setup();
    let error = c.attach_poster(id, Path::new("/dev/zero")).unwrap_err();
    assert_eq!(error.field(), Some("file"), "{error}");
    assert!(error.to_string().contains("not a regular file"), "{error}");

    let fifo = dir.path().join("pipe.png");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Nobody ever writes to the FIFO: a blocking open or read would hang this test.
    let error = c.attach_poster(id, &fifo).unwrap_err();
    assert!(error.to_string().contains("not a regular file"), "{error}");
    assert!(!c.get_film(id).unwrap().film.has_poster);
}

#[test]
fn a_poster_file_over_the_cap_is_refused() {
    let (dir, c, id) = setup();
    let huge = dir.path().join("huge.png");
    let file = std::fs::File::create(&huge).unwrap();
    // Sparse: no disk is used for it.
    file.set_len(MAX_POSTER_BYTES + 1).unwrap();
    let error = c.attach_poster(id, &huge).unwrap_err();
    assert!(error.to_string().contains("larger than"), "{error}");
}

#[test]
fn a_file_export_never_replaces_a_file_that_is_there() {
    let (dir, c, _) = setup();
    for format in [ExportFormat::Json, ExportFormat::Csv] {
        let out = dir.path().join("mine.txt");
        std::fs::write(&out, "my own notes").unwrap();
        let error = c.export(format, &out).unwrap_err();
        assert!(matches!(error, cinedex_catalog::CatalogError::Conflict(_)));
        assert!(error.to_string().contains("already exists"), "{error}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "my own notes");
        std::fs::remove_file(&out).unwrap();
        assert_eq!(c.export(format, &out).unwrap().files, 1, "a new name works");
    }
}

#[test]
fn a_confirmed_replace_swaps_the_file_whole_and_keeps_its_permissions() {
    use cinedex_catalog::{ExportExisting, ExportFormat};
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let catalog = cinedex_catalog::Catalog::open_in_memory().unwrap();
    let out = dir.path().join("catalog.json");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    catalog
        .export_to(ExportFormat::Json, &out, ExportExisting::Replace)
        .unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("\"format\": \"cinedex\""), "{text}");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    assert!(catalog
        .export_to(ExportFormat::Json, &folder, ExportExisting::Replace)
        .is_err());
}
