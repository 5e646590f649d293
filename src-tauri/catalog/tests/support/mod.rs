//! The one way the core's tests build a film and a catalog: `film("Heat").year(1995)
//! .directors(["Michael Mann"]).add(&catalog)`, only what a test cares about spelled out, the
//! rest of the `FilmInput` left at its default.

use cinedex_catalog::{Catalog, ExternalId, Film, FilmFacts, FilmInput};

/// A fresh in-memory catalog.
pub fn catalog() -> Catalog {
    Catalog::open_in_memory().expect("an in-memory catalog opens")
}

/// A film titled `title` and nothing else yet; the methods below add what the test needs.
pub fn film(title: &str) -> FilmBuilder {
    FilmBuilder(FilmInput {
        title: title.into(),
        ..FilmInput::default()
    })
}

#[derive(Debug, Clone)]
pub struct FilmBuilder(FilmInput);

impl FilmBuilder {
    pub fn original_title(mut self, original: &str) -> Self {
        self.0.original_title = Some(original.into());
        self
    }

    pub fn year(self, year: i32) -> Self {
        self.maybe_year(Some(year))
    }

    /// For tables of films where some have no year.
    pub fn maybe_year(mut self, year: Option<i32>) -> Self {
        self.0.year = year;
        self
    }

    pub fn directors<S: AsRef<str>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.0.directors = names.into_iter().map(|n| n.as_ref().to_string()).collect();
        self
    }

    pub fn themes<S: AsRef<str>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.0.themes = names.into_iter().map(|n| n.as_ref().to_string()).collect();
        self
    }

    pub fn runtime(mut self, minutes: Option<u32>) -> Self {
        self.facts_mut().runtime_minutes = minutes;
        self
    }

    pub fn genres<S: AsRef<str>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.facts_mut().genres = names.into_iter().map(|n| n.as_ref().to_string()).collect();
        self
    }

    pub fn external_id(mut self, id: ExternalId) -> Self {
        self.facts_mut().external_ids.push(id);
        self
    }

    /// The input as built, to add, edit or change further.
    pub fn input(self) -> FilmInput {
        self.0
    }

    /// Adds the film to `catalog`; a test film the core refuses is a broken test.
    pub fn add(self, catalog: &Catalog) -> Film {
        catalog
            .add_film(&self.0)
            .unwrap_or_else(|e| panic!("adding the test film {:?}: {e}", self.0.title))
    }

    fn facts_mut(&mut self) -> &mut FilmFacts {
        self.0.facts.get_or_insert_with(FilmFacts::default)
    }
}
