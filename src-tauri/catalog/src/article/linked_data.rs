//! The facts a page states for machines in JSON-LD (`<script type="application/ld+json">`): who
//! wrote the review, when, for which publication, about which film, and its rating. Read
//! defensively: any shape, nested in `@graph` or arrays, with missing or odd fields.

use serde_json::Value;

/// JSON-LD blocks bigger than this are not about one article.
const MAX_BLOCK_BYTES: usize = 512 * 1024;
/// How deep into nested objects and arrays the reader goes.
const MAX_DEPTH: usize = 8;

/// What the page's `Article`/`Review` objects say.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LinkedData {
    pub headline: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub publisher: Option<String>,
    /// On Cinedex's scale: 0.5 to 5 in halves.
    pub rating: Option<f64>,
    /// The name of the film the review is of.
    pub item_reviewed: Option<String>,
}

/// The facts of every JSON-LD block, the first value of each kind kept.
pub fn read<'a>(blocks: impl Iterator<Item = &'a str>) -> LinkedData {
    let mut out = LinkedData::default();
    for block in blocks.filter(|b| b.len() <= MAX_BLOCK_BYTES) {
        if let Ok(value) = serde_json::from_str::<Value>(block.trim()) {
            visit(&value, &mut out, 0);
        }
    }
    out
}

fn visit(value: &Value, out: &mut LinkedData, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| visit(v, out, depth + 1)),
        Value::Object(object) => {
            if let Some(graph) = object.get("@graph") {
                visit(graph, out, depth + 1);
            }
            if is_article(object.get("@type")) {
                fill(&mut out.headline, object.get("headline").and_then(name));
                fill(&mut out.author, object.get("author").and_then(name));
                fill(
                    &mut out.published,
                    object
                        .get("datePublished")
                        .and_then(Value::as_str)
                        .map(|d| d.chars().take(10).collect()),
                );
                fill(&mut out.publisher, object.get("publisher").and_then(name));
                fill(&mut out.rating, object.get("reviewRating").and_then(rating));
                fill(
                    &mut out.item_reviewed,
                    object.get("itemReviewed").and_then(name),
                );
            }
        }
        _ => {}
    }
}

fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

fn is_article(kind: Option<&Value>) -> bool {
    let is = |k: &str| {
        matches!(
            k,
            "Article"
                | "NewsArticle"
                | "BlogPosting"
                | "Review"
                | "CriticReview"
                | "ReportageNewsArticle"
        )
    };
    match kind {
        Some(Value::String(k)) => is(k),
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

/// A name given as a string, an object with `name`, or a list of either (names joined).
fn name(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => text.clone(),
        Value::Object(object) => object.get("name").and_then(Value::as_str)?.to_owned(),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().take(10).filter_map(name).collect();
            names.join(", ")
        }
        _ => return None,
    };
    let text = crate::text::tidy(&text);
    (!text.is_empty() && text.chars().count() <= 300 && !text.starts_with("http")).then_some(text)
}

/// `{"ratingValue": 4, "bestRating": 5, "worstRating": 1}` as halves of five stars.
fn rating(value: &Value) -> Option<f64> {
    let number = |key: &str| match value.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    let best = number("bestRating").unwrap_or(5.0);
    let given = number("ratingValue")?;
    if !(best > 0.0 && given.is_finite() && best.is_finite() && (0.0..=best).contains(&given)) {
        return None;
    }
    let halves = (given / best * 10.0).round();
    (halves >= 1.0).then_some(halves / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_in_a_graph_gives_its_author_film_and_rating() {
        let block = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Cine Weekly"},
            {"@type":["Review"],"author":[{"@type":"Person","name":"Kim Lee"}],
             "datePublished":"2004-09-17T08:00:00Z","publisher":{"name":"Cine Weekly"},
             "reviewRating":{"ratingValue":"8","bestRating":"10"},
             "itemReviewed":{"@type":"Movie","name":"Innocence"}}]}"#;
        let data = read(std::iter::once(block));
        assert_eq!(data.author.as_deref(), Some("Kim Lee"));
        assert_eq!(data.published.as_deref(), Some("2004-09-17"));
        assert_eq!(data.publisher.as_deref(), Some("Cine Weekly"));
        assert_eq!(data.rating, Some(4.0));
        assert_eq!(data.item_reviewed.as_deref(), Some("Innocence"));
    }

    #[test]
    fn odd_shapes_give_nothing_rather_than_fail() {
        for block in [
            "not json",
            r#"{"@type":"Review","reviewRating":{"ratingValue":11,"bestRating":10}}"#,
            r#"{"@type":"Review","author":{"name":"https://example.org/me"}}"#,
            r#"[[[[[[[[[[[[{"@type":"Review","author":"Deep"}]]]]]]]]]]]]"#,
        ] {
            assert_eq!(
                read(std::iter::once(block)),
                LinkedData::default(),
                "{block}"
            );
        }
    }
}
