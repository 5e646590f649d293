//! The command line's flags for a film's facts (`--writer`, `--cast NAME[=CHARACTER]`, genres,
//! synopsis, ...), shared by `add` and `edit`, and how they go over the facts a film has.

use cinedex_catalog::{Credit, CreditRole, FilmFacts};
use clap::Args;

#[derive(Debug, Args, Default)]
pub struct FactArgs {
    /// A writer; repeat for several, in order (on edit: replaces the writers)
    #[arg(long = "writer", value_name = "NAME")]
    pub writers: Vec<String>,
    /// A cast member, with the part they play after `=`; repeat, in billing order
    #[arg(long = "cast", value_name = "NAME[=CHARACTER]")]
    pub cast: Vec<String>,
    /// A composer; repeat for several
    #[arg(long = "composer", value_name = "NAME")]
    pub composers: Vec<String>,
    /// A director of photography; repeat for several
    #[arg(long = "cinematographer", value_name = "NAME")]
    pub cinematographers: Vec<String>,
    /// A genre; repeat for several (kept apart from your themes)
    #[arg(long = "genre", value_name = "GENRE")]
    pub genres: Vec<String>,
    /// A country of origin; repeat for several
    #[arg(long = "country", value_name = "COUNTRY")]
    pub countries: Vec<String>,
    /// The original language ("Japanese")
    #[arg(long = "language", value_name = "LANGUAGE")]
    pub language: Option<String>,
    /// A paragraph about the story
    #[arg(long, value_name = "TEXT")]
    pub synopsis: Option<String>,
    /// The running time in minutes
    #[arg(long = "runtime", value_name = "MINUTES")]
    pub runtime_minutes: Option<u32>,
}

impl FactArgs {
    fn is_empty(&self) -> bool {
        self.writers.is_empty()
            && self.cast.is_empty()
            && self.composers.is_empty()
            && self.cinematographers.is_empty()
            && self.genres.is_empty()
            && self.countries.is_empty()
            && self.language.is_none()
            && self.synopsis.is_none()
            && self.runtime_minutes.is_none()
    }

    /// `base` with what was given put over it (a role given replaces that role's people), or
    /// `None` when no fact was given, so the film's facts stay as they are.
    pub fn over(self, base: FilmFacts) -> Option<FilmFacts> {
        if self.is_empty() {
            return None;
        }
        let mut facts = base;
        facts.credits.retain(|c| c.role != CreditRole::Director);
        let given = [
            (
                CreditRole::Writer,
                credits(CreditRole::Writer, &self.writers),
            ),
            (
                CreditRole::Actor,
                self.cast.iter().map(|e| cast_entry(e)).collect(),
            ),
            (
                CreditRole::Composer,
                credits(CreditRole::Composer, &self.composers),
            ),
            (
                CreditRole::Cinematographer,
                credits(CreditRole::Cinematographer, &self.cinematographers),
            ),
        ];
        for (role, people) in given {
            if !people.is_empty() {
                facts.credits.retain(|c| c.role != role);
                facts.credits.extend(people);
            }
        }
        if !self.genres.is_empty() {
            facts.genres = self.genres;
        }
        if !self.countries.is_empty() {
            facts.countries = self.countries;
        }
        // An empty value given on purpose (`--synopsis ""`) clears the field.
        if let Some(language) = self.language {
            facts.original_language = Some(language).filter(|l| !l.trim().is_empty());
        }
        if let Some(synopsis) = self.synopsis {
            facts.synopsis = Some(synopsis).filter(|s| !s.trim().is_empty());
        }
        if self.runtime_minutes.is_some() {
            facts.runtime_minutes = self.runtime_minutes;
        }
        Some(facts)
    }
}

fn credits(role: CreditRole, names: &[String]) -> Vec<Credit> {
    names
        .iter()
        .map(|name| Credit {
            role,
            name: name.clone(),
            character: None,
        })
        .collect()
}

/// `NAME` or `NAME=CHARACTER`.
fn cast_entry(text: &str) -> Credit {
    let (name, character) = match text.split_once('=') {
        Some((name, character)) => (name, Some(character.trim().to_owned())),
        None => (text, None),
    };
    Credit {
        role: CreditRole::Actor,
        name: name.trim().to_owned(),
        character: character.filter(|c| !c.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cast_entry_splits_the_character_off_at_the_first_equals_sign() {
        let credit = cast_entry(" Toshiyuki Morikawa = Batou=Ghost ");
        assert_eq!(credit.name, "Toshiyuki Morikawa");
        assert_eq!(credit.character.as_deref(), Some("Batou=Ghost"));
        assert_eq!(cast_entry("Akio Otsuka").character, None);
    }

    #[test]
    fn a_role_given_replaces_only_that_role_and_drops_directors_from_the_base() {
        let base = FilmFacts {
            credits: vec![
                Credit {
                    role: CreditRole::Director,
                    name: "D".into(),
                    character: None,
                },
                Credit {
                    role: CreditRole::Writer,
                    name: "W".into(),
                    character: None,
                },
                Credit {
                    role: CreditRole::Composer,
                    name: "C".into(),
                    character: None,
                },
            ],
            genres: vec!["Drama".into()],
            ..FilmFacts::default()
        };
        let args = FactArgs {
            writers: vec!["New".into()],
            ..FactArgs::default()
        };
        let facts = args.over(base).expect("a fact was given");
        let names: Vec<_> = facts.credits.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["C", "New"]);
        assert_eq!(facts.genres, ["Drama"]);
        assert!(FactArgs::default().over(FilmFacts::default()).is_none());
    }
}
