//! Posters on a catalog file: copied in, thumbnailed once, replaced, removed, swept after purge.

use std::path::Path;

use cinedex_catalog::{posters_dir, THUMB_HEIGHT, THUMB_WIDTH};
use cinedex_catalog::{Catalog, CatalogError, FilmInput};

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

fn png(path: &Path, width: u32, height: u32) {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    img.save_with_format(path, image::ImageFormat::Png).unwrap();
}

#[test]
fn an_attached_poster_is_copied_and_thumbnailed_to_fit_the_card() {
    let (dir, c, id) = setup();
    let source = dir.path().join("scan.png");
    png(&source, 1000, 1500);
    let film = c.attach_poster(id, &source).unwrap();
    assert!(film.has_poster);

    let posters = posters_dir(&dir.path().join("catalog.sqlite"));
    assert_eq!(
        std::fs::read(posters.join(format!("{id}.png"))).unwrap(),
        std::fs::read(&source).unwrap(),
        "the original is kept byte for byte"
    );
    let thumb = c.poster_thumbnail(id).unwrap().expect("a thumbnail");
    let decoded = image::open(&thumb).unwrap();
    assert_eq!(
        (decoded.width(), decoded.height()),
        (THUMB_WIDTH, THUMB_HEIGHT)
    );
    assert_eq!(
        image::ImageFormat::from_path(&thumb).unwrap(),
        image::ImageFormat::Jpeg
    );
}

#[test]
fn a_file_that_is_not_an_image_is_refused_and_nothing_is_stored() {
    let (dir, c, id) = setup();
    let text = dir.path().join("notes.png");
    std::fs::write(&text, "not a picture at all").unwrap();
    match c.attach_poster(id, &text) {
        Err(CatalogError::Invalid { field, message }) => {
            assert_eq!(field, "file");
            assert!(message.contains("notes.png"), "{message}");
        }
        other => panic!("expected an invalid file, got {other:?}"),
    }
    assert!(!c.get_film(id).unwrap().film.has_poster);
    assert!(c.poster_thumbnail(id).unwrap().is_none());
}

#[test]
fn removing_a_poster_deletes_its_files_and_purging_the_film_sweeps_them() {
    let (dir, c, id) = setup();
    let source = dir.path().join("a.png");
    png(&source, 40, 60);
    let posters = posters_dir(&dir.path().join("catalog.sqlite"));

    c.attach_poster(id, &source).unwrap();
    assert!(!c.remove_poster(id).unwrap().has_poster);
    assert_eq!(std::fs::read_dir(&posters).unwrap().count(), 0);

    c.attach_poster(id, &source).unwrap();
    assert_eq!(std::fs::read_dir(&posters).unwrap().count(), 2);
    c.delete_film(id).unwrap();
    c.purge_film(id).unwrap();
    assert_eq!(std::fs::read_dir(&posters).unwrap().count(), 0);
}

#[test]
fn an_in_memory_catalog_has_no_poster_folder() {
    let c = Catalog::open_in_memory().unwrap();
    let id = c
        .add_film(&FilmInput {
            title: "Solaris".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    assert!(matches!(
        c.attach_poster(id, Path::new("/nonexistent.png")),
        Err(CatalogError::Conflict(_))
    ));
}

#[test]
fn an_image_claiming_more_pixels_than_a_poster_has_is_refused_before_decoding() {
    let (dir, c, id) = setup();
    let mut bytes = Vec::new();
    image::RgbImage::from_pixel(16, 16, image::Rgb([10, 20, 30]))
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    // The frame header (SOF0: FF C0, length, precision, height, width) now claims 20000×20000
    // pixels: a few hundred bytes that would decode into over a gigabyte.
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("a baseline JPEG has a SOF0 frame header");
    bytes[sof + 5..sof + 9].copy_from_slice(&[0x4E, 0x20, 0x4E, 0x20]);
    let source = dir.path().join("bomb.jpg");
    std::fs::write(&source, &bytes).unwrap();

    let error = c.attach_poster(id, &source).unwrap_err().to_string();
    assert!(error.contains("bomb.jpg"), "{error}");
    assert!(error.contains("20000×20000"), "{error}");
    assert!(
        !c.get_film(id).unwrap().film.has_poster,
        "nothing was stored"
    );
}
