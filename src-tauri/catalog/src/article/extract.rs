//! Reading a review article as a person pasted or saved it (plain text, Markdown or HTML): its
//! headline, byline, body without the site's chrome, and the keywords or tags line.

use super::layout;
use crate::text::tidy;

/// What the article is written in; decides how it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleFormat {
    Text,
    Markdown,
    Html,
}

impl ArticleFormat {
    /// From the file name's extension when there is one, else from the text itself.
    pub fn detect(file_name: Option<&str>, text: &str) -> ArticleFormat {
        let extension = file_name
            .and_then(|name| name.rsplit_once('.'))
            .map(|(_, ext)| ext.to_ascii_lowercase());
        match extension.as_deref() {
            Some("html" | "htm" | "xhtml") => ArticleFormat::Html,
            Some("md" | "markdown") => ArticleFormat::Markdown,
            Some("txt") => ArticleFormat::Text,
            _ => {
                let start = text.trim_start().to_ascii_lowercase();
                if start.starts_with("<!doctype html")
                    || start.starts_with("<html")
                    || (start.starts_with('<') && start.contains("</p>"))
                {
                    ArticleFormat::Html
                } else {
                    ArticleFormat::Markdown
                }
            }
        }
    }
}

/// The parts of an article, before any guess about which film it is about.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub headline: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published_on: Option<String>,
    /// The article's text as Markdown, without site chrome.
    pub body: String,
    pub keywords: Vec<String>,
    /// Spans the article set apart (italics, quotes): film titles usually are.
    pub emphasized: Vec<String>,
    /// From a `Director:` line or front matter, when the article states them outright.
    pub directors: Vec<String>,
    /// From a `Year:` line or front matter.
    pub year: Option<i32>,
    /// From a `Film:` or `Title:` line, front matter, or the page's JSON-LD `itemReviewed`.
    pub film_title: Option<String>,
    /// The review's rating as the page states it (JSON-LD `reviewRating`), 0.5 to 5.
    pub rating: Option<f64>,
}

/// Lines that belong to the website rather than to the article.
pub fn is_chrome(line: &str) -> bool {
    let lower = line
        .trim()
        .trim_start_matches(['#', '*', '_', '-', ' '])
        .to_lowercase();
    const STARTS: &[&str] = &[
        "we use cookies",
        "this site uses cookies",
        "this website uses cookies",
        "accept cookies",
        "accept all cookies",
        "cookie settings",
        "join our newsletter",
        "get our newsletter",
        "sign up to our",
        "related articles",
        "related stories",
        "related posts",
        "related reviews",
        "related:",
        "read more",
        "read next",
        "more from",
        "more reviews",
        "you might also like",
        "you may also like",
        "share this",
        "share on",
        "share:",
        "advertisement",
        "subscribe",
        "sign up for",
        "follow us",
        "copyright",
        "©",
        "all rights reserved",
        "comments",
        "leave a comment",
        "newsletter",
    ];
    STARTS.iter().any(|start| lower.starts_with(start))
}

/// Starts a block of links to other articles: everything after it up to the next real paragraph goes.
fn opens_link_block(line: &str) -> bool {
    let lower = line
        .trim()
        .trim_start_matches(['#', '*', '_', ' '])
        .to_lowercase();
    [
        "related",
        "read more",
        "read next",
        "more from",
        "more reviews",
        "you might also like",
        "you may also like",
    ]
    .iter()
    .any(|start| lower.starts_with(start))
}

/// `Keywords: a, b; c` or `Tags: a | b`: the values, or None when the line is something else.
pub fn keywords_line(line: &str) -> Option<Vec<String>> {
    let trimmed = line.trim().trim_matches(['*', '_']);
    let (label, rest) = trimmed.split_once(':')?;
    let label = label.trim().trim_matches(['*', '_']).to_lowercase();
    if ![
        "keywords",
        "tags",
        "topics",
        "themes",
        "tagged",
        "filed under",
    ]
    .contains(&label.as_str())
    {
        return None;
    }
    // "#dolls #cyborgs" separates by spaces; everything else by commas, semicolons or bars.
    let hashtags = rest.trim_start().starts_with('#') && !rest.contains([',', ';', '|']);
    let separators: &[char] = if hashtags {
        &[' ', '\t']
    } else {
        &[',', ';', '|']
    };
    let values: Vec<String> = rest
        .split(separators)
        .map(|v| tidy(v.trim().trim_start_matches('#').trim_matches(['*', '_'])))
        .filter(|v| !v.is_empty())
        .collect();
    Some(values)
}

/// A plain text or Markdown article's text and metadata (HTML is read by `html::extract`).
pub fn extract_text(text: &str) -> Extracted {
    let mut out = Extracted::default();
    let mut body: Vec<String> = Vec::new();
    // Whether the body has a line with text yet (asked for every line, so kept, not searched).
    let mut body_has_text = false;
    let mut in_link_block = false;
    let mut lines = text.lines().peekable();
    // YAML-style front matter: `---`, `key: value` lines, `---`.
    if lines.peek().map(|l| l.trim()) == Some("---") {
        lines.next();
        for line in lines.by_ref() {
            if line.trim() == "---" {
                break;
            }
            metadata(&mut out, line);
        }
    }
    while let Some(raw) = lines.next() {
        let line = raw.trim_end();
        let trimmed = line.trim();
        if !body_has_text && metadata(&mut out, trimmed) {
            continue;
        }
        if out.headline.is_none() {
            if !trimmed.is_empty() {
                let (headline, site) = split_site_suffix(&tidy(
                    trimmed
                        .trim_start_matches('#')
                        .trim_matches(['*', '_', ' ']),
                ));
                out.headline = Some(headline);
                if out.source.is_none() {
                    out.source = site;
                }
            }
            continue;
        }
        // The page title line and the article's own heading: the headline once, not in the body.
        if !body_has_text && same_headline(out.headline.as_deref(), trimmed) {
            continue;
        }
        if let Some(keywords) = keywords_line(trimmed) {
            out.keywords.extend(keywords);
            continue;
        }
        if opens_link_block(trimmed) {
            in_link_block = true;
            continue;
        }
        let next_is_prose = lines.peek().is_some_and(|next| layout::is_paragraph(next));
        if in_link_block {
            // A real paragraph, or a heading before one, ends the block of links; short lines
            // and list items belong to it. A link title glued to the heading is cut off.
            if let Some(heading) = layout::heading_after_links(trimmed, next_is_prose) {
                in_link_block = false;
                body_has_text = true;
                body.push(heading);
                continue;
            }
            if !layout::is_paragraph(trimmed) || trimmed.starts_with(['-', '*', '•']) {
                continue;
            }
            in_link_block = false;
        }
        if is_chrome(trimmed)
            || (layout::starts_with_emoji(trimmed) && !layout::is_paragraph(trimmed))
        {
            continue;
        }
        if out.author.is_none() && !body_has_text {
            if let Some(author) = byline(trimmed) {
                out.author = Some(author);
                continue;
            }
        }
        body_has_text |= !trimmed.is_empty();
        body.push(line.to_owned());
    }
    out.body = join_paragraphs(&layout::structure(&body));
    out.emphasized = emphasized_spans(text);
    out
}

/// `Title - Site`, `Title | Site`, `Title — Site`: the title and the site, when the last part
/// is short enough to be a site's name. A title of its own is returned whole.
pub fn split_site_suffix(title: &str) -> (String, Option<String>) {
    // Not the en dash: titles use it for their own subtitles ("Review – A Masterpiece").
    for separator in [" | ", " - ", " — "] {
        if let Some((head, site)) = title.rsplit_once(separator) {
            let site = site.trim();
            let words = site.split_whitespace().count();
            let named = site
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
            if !head.trim().is_empty() && (1..=4).contains(&words) && named && site.len() <= 40 {
                return (head.trim().to_owned(), Some(site.to_owned()));
            }
        }
    }
    (title.to_owned(), None)
}

/// The line repeats the headline (folded, and without a site suffix of its own).
fn same_headline(headline: Option<&str>, line: &str) -> bool {
    let Some(headline) = headline else {
        return false;
    };
    let line = tidy(line.trim_start_matches('#').trim_matches(['*', '_', ' ']));
    let headline = crate::text::fold(headline);
    !line.is_empty()
        && (crate::text::fold(&line) == headline
            || crate::text::fold(&split_site_suffix(&line).0) == headline)
}

/// A `Key: value` line of facts about the film or the article; true when it was one.
fn metadata(out: &mut Extracted, line: &str) -> bool {
    let Some((key, value)) = line.split_once(':') else {
        return false;
    };
    let value = tidy(value.trim().trim_matches(['"', '\'']));
    let key = key.trim().trim_matches(['*', '_', '-', ' ']).to_lowercase();
    if value.is_empty() || key.len() > 20 {
        return false;
    }
    match key.as_str() {
        "director" | "directors" | "directed by" | "réalisateur" | "réalisation" => {
            out.directors = value
                .split([',', ';', '&', '/'])
                .flat_map(|v| v.split(" and "))
                .map(tidy)
                .filter(|v| !v.is_empty())
                .collect();
        }
        "year" | "released" | "release year" => {
            out.year = value.get(..4).and_then(|y| y.parse().ok())
        }
        "film" | "movie" => out.film_title = Some(value),
        "title" if out.headline.is_none() => out.headline = Some(value),
        "author" | "by" | "critic" => out.author = Some(value),
        "source" | "publication" | "site" => out.source = Some(value),
        "url" | "link" => out.url = Some(value),
        "date" | "published" | "published on" => {
            out.published_on = Some(value.chars().take(10).collect())
        }
        "keywords" | "tags" | "topics" | "themes" => out
            .keywords
            .extend(keywords_line(&format!("tags: {value}")).unwrap_or_default()),
        _ => return false,
    }
    true
}

/// `By Jane Doe` at the top of an article.
pub fn byline(line: &str) -> Option<String> {
    let rest = line
        .trim()
        .trim_matches(['*', '_'])
        .strip_prefix("By ")
        .or_else(|| line.trim().strip_prefix("by "))?;
    let name = tidy(
        rest.split(['|', '—', '·'])
            .next()?
            .trim_end_matches(['.', ',']),
    );
    (!name.is_empty() && name.chars().count() <= 60).then_some(name)
}

/// Joins lines back, trimming blank runs to one empty line between paragraphs.
pub fn join_paragraphs(lines: &[String]) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        if line.trim().is_empty() {
            blank = !out.is_empty();
        } else {
            if blank {
                out.push_str("\n\n");
                blank = false;
            } else if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
        }
    }
    out
}

/// Text between `*..*`, `_.._`, `“..”`, `"..“` or `‘..’`: where articles put film titles.
pub fn emphasized_spans(text: &str) -> Vec<String> {
    let mut spans = Vec::new();
    for (open, close) in [
        ("*", "*"),
        ("_", "_"),
        ("“", "”"),
        ("\"", "\""),
        ("‘", "’"),
        ("«", "»"),
    ] {
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + open.len()..];
            let Some(end) = after.find(close) else { break };
            let span = tidy(after[..end].trim_matches(['*', '_']));
            if (2..=120).contains(&span.chars().count()) && !span.contains('\n') {
                spans.push(span);
            }
            rest = &after[end + close.len()..];
        }
    }
    spans
}
