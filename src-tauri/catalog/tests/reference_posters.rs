//! Posters from TMDB: fetched only from the image base TMDB's configuration names, checked as a
//! chosen file is, stored once through the poster pipeline, cached, shrunk for the lookup list,
//! and never in place of a poster the person chose.

use crate::reference_support;
use base64::Engine;
use cinedex_catalog::posters_dir;
use cinedex_catalog::{Catalog, CatalogError, ErrorKind, FilmInput};
use cinedex_catalog::{Reference, ReferenceOptions};
use reference_support::{options, poster_bytes, tmdb_with_images, TestServer};

struct Setup {
    dir: tempfile::TempDir,
    catalog: Catalog,
    server: TestServer,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let catalog = Catalog::open(dir.path().join("catalog.sqlite")).unwrap();
    Setup {
        dir,
        catalog,
        server: tmdb_with_images(),
    }
}

impl Setup {
    fn options(&self) -> ReferenceOptions {
        options(&self.server.url).with_cache_beside(self.catalog.location())
    }
    fn reference(&self) -> Reference {
        Reference::new(self.options()).unwrap()
    }
    fn image_requests(&self) -> usize {
        let asked = self.server.asked.lock().unwrap();
        asked.iter().filter(|url| url.starts_with("/t/p/")).count()
    }
    /// A film typed by hand: no ids, no poster.
    fn stalker(&self) -> cinedex_catalog::Film {
        self.catalog
            .add_film(&FilmInput {
                title: "Stalker".into(),
                ..Default::default()
            })
            .unwrap()
    }
    fn poster_url(&self, name: &str) -> String {
        format!("{}/t/p/w342/{name}", self.server.url)
    }
}

#[test]
fn a_film_added_from_tmdb_comes_with_its_poster_stored_and_thumbnailed() {
    let s = setup();
    let added = s
        .catalog
        .add_film_from(&s.reference(), "tmdb:129", &FilmInput::default())
        .unwrap();
    assert!(added.poster_problem.is_none(), "{:?}", added.poster_problem);
    assert!(added.film.has_poster);
    assert_eq!(added.film.title, "Spirited Away");
    let posters = posters_dir(&s.dir.path().join("catalog.sqlite"));
    let id = added.film.id;
    assert_eq!(
        std::fs::read(posters.join(format!("{id}.jpg"))).unwrap(),
        poster_bytes(),
        "the original is kept byte for byte"
    );
    assert!(posters.join(format!("{id}-thumb.jpg")).exists());
    assert_eq!(s.image_requests(), 1);
}

#[test]
fn offline_the_film_is_still_added_and_the_missing_poster_is_explained() {
    let s = setup();
    // Online once: the film's answer is cached, its poster never asked.
    s.reference()
        .fetch(&cinedex_catalog::ExternalId::new("tmdb", "129"), None)
        .unwrap();
    let mut offline = s.options();
    offline.http.offline = true;
    let added = s
        .catalog
        .add_film_from(
            &Reference::new(offline).unwrap(),
            "tmdb:129",
            &FilmInput::default(),
        )
        .unwrap();
    assert!(!added.film.has_poster);
    let problem = added
        .poster_problem
        .expect("the poster could not be fetched");
    assert_eq!(problem.kind(), ErrorKind::Offline, "{problem}");
    assert_eq!(s.catalog.list_films(&Default::default()).unwrap().len(), 1);
    assert_eq!(s.image_requests(), 0);
}

#[test]
fn an_address_tmdb_did_not_give_is_refused_before_any_request() {
    let s = setup();
    let film = s.stalker();
    let reference = s.reference();
    for url in [
        "http://127.0.0.1:9/t/p/w342/poster.jpg".to_owned(),
        format!("{}/t/p/w342/../../3/configuration", s.server.url),
        format!("{}/3/configuration?x=.jpg", s.server.url),
        "file:///etc/passwd".to_owned(),
    ] {
        let error = s
            .catalog
            .download_poster(&reference, film.id, Some(&url))
            .unwrap_err();
        assert!(
            matches!(&error, CatalogError::Invalid { field, .. } if *field == "posterUrl"),
            "{url}: {error:?}"
        );
    }
    assert_eq!(s.image_requests(), 0);
    assert!(!s.catalog.get_film(film.id).unwrap().film.has_poster);
}

#[test]
fn a_page_sent_instead_of_an_image_is_refused_and_not_cached() {
    let s = setup();
    let film = s.stalker();
    let reference = s.reference();
    for _ in 0..2 {
        let error = s
            .catalog
            .download_poster(&reference, film.id, Some(&s.poster_url("page.jpg")))
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Network, "{error}");
        assert!(error.to_string().contains("not a poster image"), "{error}");
    }
    assert_eq!(s.image_requests(), 2, "a refused answer is asked again");
    assert!(!s.catalog.get_film(film.id).unwrap().film.has_poster);
}

#[test]
fn a_poster_the_person_chose_is_never_replaced_by_tmdbs() {
    let s = setup();
    let film = s.stalker();
    let mine = s.dir.path().join("mine.png");
    image::RgbImage::from_pixel(40, 60, image::Rgb([200, 10, 10]))
        .save(&mine)
        .unwrap();
    s.catalog.attach_poster(film.id, &mine).unwrap();
    let error = s
        .catalog
        .download_poster(&s.reference(), film.id, Some(&s.poster_url("x.jpg")))
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict, "{error}");
    let posters = posters_dir(&s.dir.path().join("catalog.sqlite"));
    assert_eq!(
        std::fs::read(posters.join(format!("{}.png", film.id))).unwrap(),
        std::fs::read(&mine).unwrap()
    );
    assert_eq!(s.image_requests(), 0);
}

#[test]
fn a_candidates_poster_is_a_small_jpeg_data_url_asked_once() {
    let s = setup();
    let reference = s.reference();
    let url = s.poster_url("abc.jpg");
    let first = reference.candidate_poster(&url).unwrap();
    let encoded = first
        .strip_prefix("data:image/jpeg;base64,")
        .expect("a JPEG data URL");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .unwrap();
    let thumb = image::load_from_memory(&bytes).unwrap();
    assert!(thumb.width() <= 92 && thumb.height() <= 138);
    assert!(thumb.height() > 100, "fits the box, not squashed");
    assert_eq!(reference.candidate_poster(&url).unwrap(), first);
    assert_eq!(s.image_requests(), 1, "the second comes from the cache");
}

#[test]
fn a_film_found_on_wikidata_gets_tmdbs_poster_through_its_ids() {
    let s = setup();
    let added = s
        .catalog
        .add_film_from(&s.reference(), "wikidata:Q155653", &FilmInput::default())
        .unwrap();
    assert!(added.poster_problem.is_none(), "{:?}", added.poster_problem);
    assert!(added.film.has_poster);
    assert_eq!(s.image_requests(), 1);
}

#[test]
fn a_typed_film_with_an_imdb_id_can_fetch_its_poster_and_one_without_ids_is_told_why() {
    let s = setup();
    let with_id = s
        .catalog
        .add_film(&FilmInput {
            title: "Spirited Away".into(),
            facts: Some(cinedex_catalog::FilmFacts {
                external_ids: vec![cinedex_catalog::ExternalId::new("imdb", "tt0245429")],
                ..Default::default()
            }),
            ..Default::default()
        })
        .unwrap();
    let reference = s.reference();
    let film = s
        .catalog
        .download_poster(&reference, with_id.id, None)
        .unwrap();
    assert!(film.has_poster);

    let without = s
        .catalog
        .add_film(&FilmInput {
            title: "Home movie".into(),
            ..Default::default()
        })
        .unwrap();
    let error = s
        .catalog
        .download_poster(&reference, without.id, None)
        .unwrap_err();
    assert!(error.to_string().contains("Home movie"), "{error}");
    assert!(error.to_string().contains("IMDb"), "{error}");
}
