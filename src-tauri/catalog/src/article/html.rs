//! Reading an HTML page of a review article: the article's own text and metadata, without the
//! navigation, scripts, share buttons and "related articles" around it. Nothing in it is run.
//! What nests deeper than pages are written is reduced to its text before the page is parsed,
//! so parsing stays linear and the walk over its blocks shallow.

use scraper::{ElementRef, Html, Selector};

use super::extract::{
    byline, emphasized_spans, is_chrome, join_paragraphs, keywords_line, split_site_suffix,
    Extracted,
};
use super::{linked_data, readable};
use crate::text::tidy;

/// Elements that are never part of the article.
const CHROME_TAGS: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe",
    "template", "button",
];
/// Class or id words that mark the site's furniture.
const CHROME_MARKERS: &[&str] = &[
    "related",
    "share",
    "social",
    "newsletter",
    "comment",
    "advert",
    "promo",
    "sidebar",
    "menu",
    "breadcrumb",
    "footer",
    "subscribe",
    "recommend",
];

/// Deeper than real pages nest, and well within what [`inline_markdown`]'s recursion, on a
/// worker thread's 2 MiB stack, can walk (it overflows there past some 800 levels).
const MAX_DEPTH: usize = 200;

/// Longer than any emphasized title: a longer span is the text of a whole block, not a title.
const MAX_EMPHASIZED_BYTES: usize = 1_000;

pub fn extract(page: &str) -> Extracted {
    let page = crate::html_depth::within_depth(page, MAX_DEPTH);
    let document = Html::parse_document(&page);
    let json_ld: Vec<String> = document
        .select(&selector("script[type='application/ld+json']"))
        .map(|script| script.text().collect())
        .collect();
    let linked = linked_data::read(json_ld.iter().map(String::as_str));
    let url = attribute(&document, "link[rel='canonical']", "href")
        .or_else(|| meta(&document, "meta[property='og:url']"));
    let found = readable::readable(&page, url.as_deref());
    let found_fact =
        |pick: fn(&readable::Readable) -> Option<String>| found.as_ref().and_then(pick);
    let mut out = Extracted {
        source: meta(&document, "meta[property='og:site_name']")
            .or_else(|| linked.publisher.clone())
            .or_else(|| found_fact(|r| r.site_name.clone())),
        url,
        published_on: meta(&document, "meta[property='article:published_time']")
            .or_else(|| linked.published.clone())
            .or_else(|| attribute(&document, "time[datetime]", "datetime"))
            .or_else(|| found_fact(|r| r.published.clone()))
            .map(|d| d.chars().take(10).collect()),
        author: meta(&document, "meta[name='author']")
            .or_else(|| meta(&document, "meta[property='article:author']"))
            .filter(|a| !a.starts_with("http"))
            .or_else(|| linked.author.clone())
            .or_else(|| {
                found_fact(|r| {
                    r.byline
                        .as_deref()
                        .map(|b| byline(b).unwrap_or_else(|| tidy(b)))
                })
            }),
        keywords: meta(&document, "meta[name='keywords']")
            .map(|k| k.split(',').map(tidy).filter(|k| !k.is_empty()).collect())
            .unwrap_or_default(),
        rating: linked.rating,
        film_title: linked.item_reviewed.clone(),
        ..Extracted::default()
    };
    let page_root = ["article", "main", "body"]
        .iter()
        .find_map(|tag| document.select(&selector(tag)).next())
        .unwrap_or_else(|| document.root_element());
    let page_title = document
        .select(&selector("title"))
        .next()
        .map(|t| split_site_suffix(&tidy(&t.text().collect::<String>())));
    if out.source.is_none() {
        out.source = page_title.as_ref().and_then(|(_, site)| site.clone());
    }
    out.headline = page_root
        .select(&selector("h1"))
        .find(|h| !in_chrome(h))
        .or_else(|| document.select(&selector("h1")).next())
        .map(|h| tidy(&h.text().collect::<String>()))
        .or_else(|| meta(&document, "meta[property='og:title']"))
        .or_else(|| linked.headline.clone())
        .or_else(|| page_title.map(|(title, _)| title))
        .or_else(|| found_fact(|r| r.title.clone()))
        .filter(|h| !h.is_empty());

    // The article Readability found, else the page's own article element.
    let content = found.map(|f| Html::parse_fragment(&f.content));
    let root = content.as_ref().map_or(page_root, |c| c.root_element());
    let lines = block_lines(root, &mut out);
    out.body = join_paragraphs(&lines);
    out.emphasized = root
        .select(&selector("em, i, cite"))
        .filter(|e| !in_chrome(e))
        .filter_map(short_text)
        .filter(|t| (2..=120).contains(&t.chars().count()))
        .chain(emphasized_spans(&out.body))
        .collect();
    out
}

/// The article's paragraphs, headings, list items and quotes as Markdown lines; keywords and a
/// byline met on the way go to `out` instead.
fn block_lines(root: ElementRef, out: &mut Extracted) -> Vec<String> {
    let mut lines = Vec::new();
    for block in root.select(&selector("p, h2, h3, h4, li")) {
        if in_chrome(&block)
            || block
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| matches!(a.value().name(), "li" | "p"))
        {
            continue;
        }
        let text = inline_markdown(block).trim().to_owned();
        if text.is_empty() || is_chrome(&text) {
            continue;
        }
        // Keywords and bylines are read from the words alone: their links are the site's.
        let words = tidy(&block.text().collect::<String>());
        if let Some(keywords) = keywords_line(&words) {
            out.keywords.extend(keywords);
            continue;
        }
        if lines.is_empty() {
            if let Some(author) = byline(&words) {
                out.author.get_or_insert(author);
                continue;
            }
        }
        let quoted = block
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().name() == "blockquote");
        let line = match block.value().name() {
            "h2" | "h3" | "h4" => format!("## {text}"),
            "li" => format!("- {text}"),
            _ if quoted => format!("> {text}"),
            _ => text,
        };
        lines.push(line);
        lines.push(String::new());
    }
    lines
}

fn selector(css: &str) -> Selector {
    // Only the constant selectors above reach here; they are valid CSS.
    Selector::parse(css).unwrap_or_else(|_| unreachable!("invalid built-in selector {css}"))
}

fn meta(document: &Html, css: &str) -> Option<String> {
    attribute(document, css, "content")
}

fn attribute(document: &Html, css: &str, name: &str) -> Option<String> {
    document
        .select(&selector(css))
        .find_map(|e| e.value().attr(name))
        .map(tidy)
        .filter(|v| !v.is_empty())
}

/// The element's text when it is short enough to be a title; emphasis nested in emphasis
/// would otherwise copy the same long text once per level.
fn short_text(element: ElementRef) -> Option<String> {
    let mut text = String::new();
    for piece in element.text() {
        if text.len() + piece.len() > MAX_EMPHASIZED_BYTES {
            return None;
        }
        text.push_str(piece);
    }
    Some(tidy(&text))
}

fn in_chrome(element: &ElementRef) -> bool {
    std::iter::once(*element)
        .chain(element.ancestors().filter_map(ElementRef::wrap))
        .any(|e| {
            let value = e.value();
            CHROME_TAGS.contains(&value.name())
                || [value.attr("class"), value.attr("id")]
                    .into_iter()
                    .flatten()
                    .any(marks_chrome)
        })
}

/// A class or id naming the site's furniture. Asked of every ancestor of every block, so it
/// allocates only for elements that have one.
fn marks_chrome(words: &str) -> bool {
    let words = words.to_ascii_lowercase();
    CHROME_MARKERS.iter().any(|marker| words.contains(marker))
}

/// A block's text with emphasis and links kept as Markdown. A link keeps its address only when
/// it can work outside the page (`http`, `https`, `mailto`); others keep only their words.
fn inline_markdown(element: ElementRef) -> String {
    let mut out = String::new();
    for child in element.children() {
        if let Some(text) = child.value().as_text() {
            out.push_str(&text.replace('\n', " "));
        } else if let Some(child) = ElementRef::wrap(child) {
            if CHROME_TAGS.contains(&child.value().name()) {
                continue;
            }
            let inner = inline_markdown(child);
            match child.value().name() {
                "em" | "i" | "cite" if !inner.trim().is_empty() => {
                    out.push_str(&format!("*{}*", inner.trim()))
                }
                "strong" | "b" if !inner.trim().is_empty() => {
                    out.push_str(&format!("**{}**", inner.trim()))
                }
                "br" => out.push('\n'),
                "a" if !inner.trim().is_empty() => {
                    match child.value().attr("href").and_then(link_target) {
                        Some(target) => {
                            out.push_str(&format!("[{}]({target})", escape_link_text(inner.trim())))
                        }
                        None => out.push_str(&inner),
                    }
                }
                _ => out.push_str(&inner),
            }
        }
    }
    out.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The address of a link as Markdown writes it, when it is absolute and safe to follow outside
/// the page; spaces and parentheses are kept inside `<…>`, which CommonMark reads as one address.
fn link_target(href: &str) -> Option<String> {
    let href = href.trim();
    let scheme = href.split_once(':')?.0.to_ascii_lowercase();
    if !matches!(scheme.as_str(), "http" | "https" | "mailto")
        || href.len() > 2_000
        || href
            .chars()
            .any(|c| c.is_control() || matches!(c, '<' | '>'))
    {
        return None;
    }
    Some(if href.contains([' ', '(', ')']) {
        format!("<{href}>")
    } else {
        href.to_owned()
    })
}

/// Brackets in a link's words would end its text early.
fn escape_link_text(text: &str) -> String {
    text.replace('[', "\\[").replace(']', "\\]")
}
