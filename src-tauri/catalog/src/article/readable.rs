//! The article inside a web page, found by Mozilla's Readability rules (the `dom_smoothie` port)
//! rather than by rules of our own: it scores the page's blocks by their text and links, so menus,
//! related posts and footers fall away on sites we have never seen.

use dom_smoothie::{Config, Readability};

/// More elements than an article page has; past it Readability gives up and the page is read
/// by the simpler block walk (work stays bounded on a hostile page).
const MAX_ELEMENTS: usize = 60_000;
/// Less text than this is not an article Readability found, but a fragment of the page.
const MIN_TEXT_CHARS: usize = 140;

/// What Readability found: the article's HTML and the page's facts it read on the way.
#[derive(Debug, Default)]
pub struct Readable {
    pub content: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
}

/// The page's article, or `None` when Readability finds none (a short page, a fragment).
/// `url` lets it make the article's relative links absolute.
pub fn readable(page: &str, url: Option<&str>) -> Option<Readable> {
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    // A third-party parser over hostile input: a panic in it costs the article's shape, not the app.
    let article = std::panic::catch_unwind(|| {
        let mut readability = Readability::new(page, url, Some(config.clone()))
            .or_else(|_| Readability::new(page, None, Some(config.clone())))
            .ok()?;
        readability.parse().ok()
    })
    .ok()??;
    if article.text_content.trim().chars().count() < MIN_TEXT_CHARS {
        return None;
    }
    let text = |value: Option<String>| value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    Some(Readable {
        content: article.content.to_string(),
        title: text(Some(article.title)),
        byline: text(article.byline),
        site_name: text(article.site_name),
        published: text(article.published_time),
    })
}
