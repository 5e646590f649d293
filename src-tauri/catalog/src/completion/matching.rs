//! How well a reference film answers a catalog film known only by its titles and year: a score
//! from 0 to 1, and the decision a completion run takes from the scores of every candidate.

use crate::reference::ReferenceFilm;
use crate::text::fold;

/// A candidate this good, and clearly ahead of the next one, is applied without asking.
pub const CONFIDENT: f64 = 0.9;
/// The best candidate must lead the next by this much to be applied without asking.
pub const LEAD: f64 = 0.1;
/// Below this a candidate is not worth showing.
pub const PLAUSIBLE: f64 = 0.5;

/// What the catalog knows of a film that a title search can compare.
#[derive(Debug, Clone)]
pub struct Wanted<'a> {
    pub title: &'a str,
    pub original_title: Option<&'a str>,
    pub year: Option<i32>,
}

/// What a run does with a film, from the scored candidates.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// The candidate at this index is applied.
    Confident(usize),
    /// These candidates (best first) go to the review queue.
    Ambiguous(Vec<usize>),
    /// Nothing is close enough.
    NoMatch,
}

/// How well `candidate` answers `wanted`: the best likeness of any title pair, times how far
/// apart the years are (the same year counts fully, one year off a little less, since release
/// and festival years differ; further apart is another film, a remake or a namesake).
pub fn score(wanted: &Wanted, candidate: &ReferenceFilm) -> f64 {
    let ours = [Some(wanted.title), wanted.original_title];
    let theirs = [
        Some(candidate.title.as_str()),
        candidate.original_title.as_deref(),
    ];
    let likeness = ours
        .iter()
        .flatten()
        .flat_map(|a| theirs.iter().flatten().map(move |b| title_likeness(a, b)))
        .fold(0.0, f64::max);
    let years = match (wanted.year, candidate.year) {
        (Some(a), Some(b)) if a == b => 1.0,
        (Some(a), Some(b)) if (a - b).abs() == 1 => 0.92,
        (Some(_), Some(_)) => 0.0,
        // One side does not say: the title alone cannot tell a remake from its original.
        _ => 0.9,
    };
    round(likeness * years)
}

/// What to do given each candidate's score (in the order the reference ranked them).
pub fn decide(scores: &[f64]) -> Decision {
    let mut order: Vec<usize> = (0..scores.len())
        .filter(|&i| scores[i] >= PLAUSIBLE)
        .collect();
    // Stable, so the reference's own ranking breaks ties.
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let Some(&best) = order.first() else {
        return Decision::NoMatch;
    };
    let runner_up = order.get(1).map_or(0.0, |&i| scores[i]);
    if scores[best] >= CONFIDENT && scores[best] - runner_up >= LEAD {
        Decision::Confident(best)
    } else {
        order.truncate(3);
        Decision::Ambiguous(order)
    }
}

/// 1 for the same title (case, accents, punctuation and a leading article aside), else the share
/// of words the two have in common (Dice's coefficient over words), so "Solaris" and "Solaris
/// (1972 film)" stay close and "Alien" and "Aliens" do not.
pub fn title_likeness(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let mut rest = b.clone();
    let mut shared = 0usize;
    for word in &a {
        if let Some(at) = rest.iter().position(|w| w == word) {
            rest.swap_remove(at);
            shared += 1;
        }
    }
    // Equal words in another order are nearly the same title, not quite.
    let dice = 2.0 * shared as f64 / (a.len() + b.len()) as f64;
    if dice == 1.0 {
        0.95
    } else {
        dice * 0.9
    }
}

const ARTICLES: [&str; 12] = [
    "the", "a", "an", "le", "la", "les", "l", "der", "die", "das", "el", "il",
];

fn words(title: &str) -> Vec<String> {
    let folded = fold(title);
    let mut words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if words.len() > 1 && ARTICLES.contains(&words[0].as_str()) {
        words.remove(0);
    }
    words
}

fn round(score: f64) -> f64 {
    (score * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::ReferenceSource;

    fn film(title: &str, year: Option<i32>) -> ReferenceFilm {
        let mut film = ReferenceFilm::new(ReferenceSource::Wikidata, "Q1", title);
        film.year = year;
        film
    }

    fn wanted(title: &str, year: Option<i32>) -> Wanted<'_> {
        Wanted {
            title,
            original_title: None,
            year,
        }
    }

    #[test]
    fn the_same_title_and_year_is_a_full_match_whatever_the_case_accents_and_article() {
        let ours = wanted("the seventh seal", Some(1957));
        assert_eq!(score(&ours, &film("The Seventh Seal", Some(1957))), 1.0);
        assert_eq!(score(&wanted("Amelie", None), &film("Amélie", None)), 0.9);
        assert_eq!(title_likeness("Seventh Seal", "The Seventh Seal"), 1.0);
    }

    #[test]
    fn a_year_more_than_one_apart_is_another_film() {
        assert_eq!(
            score(&wanted("Solaris", Some(2002)), &film("Solaris", Some(1972))),
            0.0
        );
        assert!(score(&wanted("Solaris", Some(1973)), &film("Solaris", Some(1972))) > CONFIDENT);
    }

    #[test]
    fn the_original_title_matches_too() {
        let ours = Wanted {
            title: "Spirited Away",
            original_title: Some("千と千尋の神隠し"),
            year: Some(2001),
        };
        let mut theirs = film("Sen to Chihiro no kamikakushi", Some(2001));
        theirs.original_title = Some("千と千尋の神隠し".into());
        assert_eq!(score(&ours, &theirs), 1.0);
    }

    #[test]
    fn different_titles_score_low() {
        assert!(title_likeness("Alien", "Aliens") < PLAUSIBLE);
        assert!(title_likeness("Paris, Texas", "Texas Chainsaw Massacre") < PLAUSIBLE);
    }

    #[test]
    fn a_clear_leader_is_confident_and_a_tie_goes_to_review() {
        assert_eq!(decide(&[0.2, 1.0, 0.6]), Decision::Confident(1));
        assert_eq!(decide(&[0.9, 0.9]), Decision::Ambiguous(vec![0, 1]));
        assert_eq!(decide(&[0.7]), Decision::Ambiguous(vec![0]));
        assert_eq!(decide(&[0.1, 0.3]), Decision::NoMatch);
        assert_eq!(decide(&[]), Decision::NoMatch);
    }
}
