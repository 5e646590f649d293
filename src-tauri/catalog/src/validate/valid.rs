//! Read access to the validated film, review and viewing: their fields are private, so only the
//! validating functions of `validate` build one, and every other module reads it through here.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::{CarriedHighlight, ValidFacts, ValidFilm, ValidReview, ValidViewing};
use crate::model::ReviewKind;
use crate::text::fold;

impl ValidFilm {
    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn original_title(&self) -> Option<&str> {
        self.original_title.as_deref()
    }

    pub fn year(&self) -> Option<i32> {
        self.year
    }

    pub fn directors(&self) -> &[String] {
        &self.directors
    }

    pub fn themes(&self) -> &[String] {
        &self.themes
    }

    /// `None` keeps a film's facts as they are.
    pub fn facts(&self) -> Option<&ValidFacts> {
        self.facts.as_ref()
    }

    /// Keeps only the directors `keep` says yes to (an import drops those already credited).
    pub fn retain_directors(&mut self, keep: impl FnMut(&String) -> bool) {
        self.directors.retain(keep);
    }

    /// Keeps only the themes `keep` says yes to.
    pub fn retain_themes(&mut self, keep: impl FnMut(&String) -> bool) {
        self.themes.retain(keep);
    }

    /// Folds in another record of the same film: a blank original title filled, directors and
    /// themes added unless already there (compared folded).
    pub fn merge_from(&mut self, more: &ValidFilm) {
        if self.original_title.is_none() {
            self.original_title.clone_from(&more.original_title);
        }
        union_names(&mut self.directors, &more.directors);
        union_names(&mut self.themes, &more.themes);
    }
}

fn union_names(into: &mut Vec<String>, more: &[String]) {
    let mut seen: HashSet<String> = into.iter().map(|n| fold(n)).collect();
    for name in more {
        if seen.insert(fold(name)) {
            into.push(name.clone());
        }
    }
}

impl ValidReview {
    pub fn kind(&self) -> ReviewKind {
        self.kind
    }

    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    pub fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }

    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    pub fn published_on(&self) -> Option<NaiveDate> {
        self.published_on
    }

    pub fn rating(&self) -> Option<f64> {
        self.rating
    }

    pub fn spoiler(&self) -> bool {
        self.spoiler
    }

    pub fn body(&self) -> &str {
        &self.body
    }

    pub fn highlights(&self) -> &[CarriedHighlight] {
        &self.highlights
    }

    /// A highlight a Cinedex export carries, once [`super::carried_highlight`] has checked it.
    pub fn add_highlight(&mut self, highlight: CarriedHighlight) {
        self.highlights.push(highlight);
    }
}

impl ValidViewing {
    pub fn watched_on(&self) -> NaiveDate {
        self.watched_on
    }

    pub fn rewatch(&self) -> bool {
        self.rewatch
    }

    pub fn rating(&self) -> Option<f64> {
        self.rating
    }

    pub fn place(&self) -> Option<&str> {
        self.place.as_deref()
    }

    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}
