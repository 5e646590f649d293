//! Markdown to safe HTML: rendered with pulldown-cmark, then sanitized with ammonia so nothing a
//! review contains (scripts, event handlers, remote images, odd link schemes, form inputs) can
//! run or load. The work is bounded whatever the text: the HTML parser behind the sanitizer costs
//! time in proportion to the depth of the tree for every element (160,000 nested `>` or 80,000
//! `<div>` took minutes), so nesting is capped, raw HTML has a budget, and output has a ceiling.

use std::collections::HashSet;
use std::fmt;
use std::sync::OnceLock;

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

/// The deepest Markdown nesting (quotes in lists in quotes...) rendered as such; deeper
/// containers are flattened into the deepest one, their text kept.
pub const MAX_NESTING: usize = 32;
/// Raw HTML start tags rendered as HTML at most; past the budget, raw HTML loses its tags and
/// keeps its text. Unclosed raw tags nest, and every paragraph opened under them costs the HTML
/// parser a walk down the open elements: the budget shrinks as the text grows (see
/// [`raw_html_budget`]), so tags × paragraphs stays bounded.
pub const MAX_RAW_HTML_TAGS: usize = 1000;
/// The budget of the longest texts: 64 unclosed tags over 300,000 paragraphs take about as long
/// as a megabyte of plain prose.
pub const MIN_RAW_HTML_TAGS: usize = 64;
/// Open raw tags times text bytes, the bound the budget keeps.
const RAW_HTML_WORK: usize = 50_000_000;
/// Longer text (longer than any review body may be) is shown as escaped plain text.
pub const MAX_MARKDOWN_BYTES: usize = crate::validate::MAX_REVIEW_BODY_CHARS * 4;

/// Renders `markdown` to HTML that is safe to insert into the app's page as is.
pub fn render(markdown: &str) -> String {
    let unsafe_html = rendered_markdown(markdown).unwrap_or_else(|| plain_text(markdown));
    let clean = sanitizer().clean(&unsafe_html).to_string();
    without_inputs_but_task_checkboxes(&clean)
}

/// The Markdown rendered with its nesting capped, or None when its HTML would pass the output
/// ceiling (a table of a thousand columns over a thousand short rows is 2 MB from 8 KB).
fn rendered_markdown(markdown: &str) -> Option<String> {
    if markdown.len() > MAX_MARKDOWN_BYTES {
        return None;
    }
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut out = CappedString {
        text: String::with_capacity(markdown.len() * 3 / 2),
        room: markdown.len() * 16 + 64 * 1024,
    };
    let events = Bounded {
        events: Parser::new_ext(markdown, options),
        depth: 0,
        raw_tags_left: raw_html_budget(markdown.len()),
    };
    html::write_html_fmt(&mut out, events).ok()?;
    Some(out.text)
}

/// How many raw HTML start tags a text of `len` bytes may render as HTML.
pub fn raw_html_budget(len: usize) -> usize {
    (RAW_HTML_WORK / len.max(1)).clamp(MIN_RAW_HTML_TAGS, MAX_RAW_HTML_TAGS)
}

/// The text as escaped paragraphs, no Markdown.
fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 11 / 10);
    let paragraphs = markdown.split("\n\n").filter(|p| !p.trim().is_empty());
    let events = paragraphs.flat_map(|paragraph| {
        [
            Event::Start(Tag::Paragraph),
            Event::Text(CowStr::Borrowed(paragraph)),
            Event::End(TagEnd::Paragraph),
        ]
    });
    html::push_html(&mut out, events);
    out
}

/// Pulldown-cmark's events with containers past [`MAX_NESTING`] left out (their contents kept)
/// and raw HTML past its budget stripped of its tags.
struct Bounded<I> {
    events: I,
    /// Containers open, kept or not: events are well nested, so everything inside a left-out
    /// container is deeper still and left out too.
    depth: usize,
    raw_tags_left: usize,
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for Bounded<I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let event = self.events.next()?;
            match event {
                Event::Start(_) => {
                    self.depth += 1;
                    if self.depth <= MAX_NESTING {
                        return Some(event);
                    }
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth < MAX_NESTING {
                        return Some(event);
                    }
                }
                Event::Html(ref text) | Event::InlineHtml(ref text) => {
                    let tags = raw_start_tags(text);
                    if tags <= self.raw_tags_left {
                        self.raw_tags_left -= tags;
                        return Some(event);
                    }
                    self.raw_tags_left = 0;
                    let text = without_tags(text);
                    if !text.is_empty() {
                        return Some(Event::Text(text.into()));
                    }
                }
                other => return Some(other),
            }
        }
    }
}

/// Elements that never hold others, so never deepen the tree.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// How many tags in raw HTML could open an element: `<` and a letter, not a void element. Quotes
/// are not followed on purpose: a tag hidden in an attribute value only counts one too many.
fn raw_start_tags(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut count = 0;
    for (at, _) in html.match_indices('<') {
        let name: String = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .take(8)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
        let starts_with_letter = name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
        if starts_with_letter && !VOID_ELEMENTS.contains(&name.as_str()) {
            count += 1;
        }
    }
    count
}

/// The text between the tags of raw HTML, to be escaped. Cut at every `<` to the next `>`
/// without following quotes: what a `>` in an attribute value leaves behind is shown as text.
fn without_tags(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = rest[open..]
            .find('>')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    text.push_str(rest);
    text
}

/// A string that refuses to grow past `room` bytes: the render stops there.
struct CappedString {
    text: String,
    room: usize,
}

impl fmt::Write for CappedString {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.room = self.room.checked_sub(s.len()).ok_or(fmt::Error)?;
        self.text.push_str(s);
        Ok(())
    }
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        // A private catalog must not call out to the network when a review is shown: no images.
        builder
            .rm_tags(["img"])
            .url_schemes(HashSet::from(["http", "https", "mailto"]))
            .url_relative(ammonia::UrlRelative::Deny)
            .link_rel(Some("noopener noreferrer nofollow"))
            .add_tags(["input"])
            .add_tag_attributes("input", ["type", "checked", "disabled"]);
        builder
    })
}

/// The sanitized HTML without any `<input>` but the disabled checkboxes of task lists (ammonia
/// keeps or drops a tag whatever its attributes, and a text field or a button has no place in a
/// review). Ammonia's output is serialized HTML: `<` in text is escaped, attribute values are
/// double-quoted with `"` escaped, so a `<` outside quotes always opens a tag.
fn without_inputs_but_task_checkboxes(html: &str) -> String {
    if !html.contains("<input") {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = html[at..].find('<') {
        let start = at + found;
        let end = tag_end(html, start);
        let tag = &html[start..end];
        if is_input(tag) && !is_task_checkbox(tag) {
            out.push_str(&html[copied..start]);
            copied = end;
        }
        at = end;
    }
    out.push_str(&html[copied..]);
    out
}

/// Just past the `>` closing the tag that opens at `start`, quoted values skipped.
fn tag_end(html: &str, start: usize) -> usize {
    let mut quoted = false;
    for (offset, byte) in html.as_bytes()[start + 1..].iter().enumerate() {
        match byte {
            b'"' => quoted = !quoted,
            b'>' if !quoted => return start + offset + 2,
            _ => {}
        }
    }
    html.len()
}

fn is_input(tag: &str) -> bool {
    tag.strip_prefix("<input")
        .is_some_and(|rest| rest.starts_with([' ', '>', '/']))
}

/// `<input disabled="" type="checkbox">`, with `checked=""` or not, as pulldown-cmark writes a
/// task list item's box (and as a person may write it by hand, to the same effect).
fn is_task_checkbox(tag: &str) -> bool {
    let attributes = tag
        .trim_start_matches("<input")
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut checkbox = false;
    let mut disabled = false;
    for attribute in attributes.split_whitespace() {
        let (name, value) = attribute.split_once('=').unwrap_or((attribute, "\"\""));
        match name {
            "type" => checkbox = value.trim_matches('"').eq_ignore_ascii_case("checkbox"),
            "disabled" => disabled = true,
            "checked" => {}
            _ => return false,
        }
    }
    checkbox && disabled
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn bold_text_is_rendered() {
        assert_eq!(render("**bold**").trim(), "<p><strong>bold</strong></p>");
    }

    #[test]
    fn scripts_and_event_handlers_are_removed() {
        let html = render(
            r#"**bold** <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">"#,
        );
        assert!(html.contains("<strong>bold</strong>"), "{html}");
        assert!(!html.contains("script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn javascript_links_lose_their_target() {
        let html = render("[click](javascript:alert(1)) <a href=\"javascript:alert(2)\">x</a>");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn web_links_are_kept_with_a_safe_rel() {
        let html = render("[site](https://example.org/review)");
        assert!(
            html.contains(r#"href="https://example.org/review""#),
            "{html}"
        );
        assert!(html.contains("noopener"), "{html}");
    }

    #[test]
    fn task_list_checkboxes_survive_but_nothing_else_of_input() {
        let html = render("- [x] seen\n\n<input type=\"text\" onfocus=\"x()\" autofocus>");
        assert!(html.contains(r#"type="checkbox""#), "{html}");
        assert!(!html.contains("onfocus"), "{html}");
        assert!(!html.contains("autofocus"), "{html}");
    }

    #[test]
    fn an_input_hidden_in_an_attribute_value_is_not_taken_for_a_tag() {
        let html = render(r#"<abbr title="<input type=text>">x</abbr> <input type="submit">"#);
        assert!(html.contains("<abbr"), "{html}");
        assert!(!html.contains(r#"type="submit""#), "{html}");
    }

    #[test]
    fn nesting_past_the_cap_keeps_its_text() {
        let html = render(&format!("{} deep words", ">".repeat(100)));
        assert_eq!(html.matches("<blockquote>").count(), super::MAX_NESTING);
        assert!(html.contains("deep words"), "{html}");
    }

    #[test]
    fn raw_html_past_its_budget_keeps_its_text_but_not_its_tags() {
        let budget = super::MAX_RAW_HTML_TAGS;
        let html = render(&format!(
            "{}<u>one</u> <b>two</b>",
            "<i>a</i> ".repeat(budget - 1)
        ));
        assert_eq!(html.matches("<i>").count(), budget - 1, "{html}");
        assert!(html.contains("<u>one</u>"), "{html}");
        assert!(html.contains(" two") && !html.contains("<b>"), "{html}");
    }

    #[test]
    fn markdown_whose_html_would_pass_the_ceiling_is_shown_as_plain_text() {
        let table = format!(
            "{}|\n{}|\n{}",
            "|a".repeat(1000),
            "|-".repeat(1000),
            "x\n".repeat(1000)
        );
        let html = render(&table);
        assert!(!html.contains("<table"), "{}", &html[..200]);
        assert!(html.len() < table.len() * 2, "{}", html.len());
    }
}
