//! Review text written as HTML (Letterboxd's `<br/>`, `<i>`, `<blockquote>`; Tellico comments)
//! turned into Markdown: sanitized first with ammonia, so scripts, styles, event handlers and
//! odd links are gone before the converter sees them. What nests deeper than any review does is
//! reduced to its text first, so the converter's recursive walk stays shallow.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Deeper than reviews are written, and shallow enough for htmd's walk, which recurses per
/// element, on a worker thread's 2 MiB stack (it overflows there past some 400 levels).
const MAX_DEPTH: usize = 64;

/// Markdown for a fragment of review HTML; plain text passes through (escaped where needed).
pub fn to_markdown(html: &str) -> String {
    let bounded = crate::html_depth::within_depth(html, MAX_DEPTH);
    let clean = sanitizer().clean(&bounded).to_string();
    let markdown = htmd::convert(&clean).unwrap_or(clean);
    markdown.trim().to_owned()
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::empty();
        builder
            .add_tags([
                "p",
                "br",
                "i",
                "em",
                "b",
                "strong",
                "u",
                "s",
                "del",
                "blockquote",
                "ul",
                "ol",
                "li",
                "a",
                "code",
                "pre",
            ])
            .add_tag_attributes("a", ["href"])
            .url_schemes(HashSet::from(["http", "https", "mailto"]))
            .url_relative(ammonia::UrlRelative::Deny)
            .link_rel(None)
            .clean_content_tags(HashSet::from(["script", "style"]));
        builder
    })
}

#[cfg(test)]
mod tests {
    use super::to_markdown;

    #[test]
    fn letterboxd_markup_becomes_markdown() {
        let md = to_markdown("A <i>quiet</i> film.<br/><br/><blockquote>Dreams.</blockquote>");
        assert!(md.contains("*quiet*") || md.contains("_quiet_"), "{md}");
        assert!(md.contains("> Dreams."), "{md}");
        assert!(md.contains("A "), "{md}");
    }

    #[test]
    fn scripts_and_javascript_links_are_dropped() {
        let md = to_markdown(
            "ok<script>alert(1)</script><a href=\"javascript:alert(2)\">x</a><img src=x onerror=y>",
        );
        assert!(!md.contains("alert"), "{md}");
        assert!(!md.contains("javascript"), "{md}");
        assert!(!md.contains("onerror"), "{md}");
        assert!(md.starts_with("ok"), "{md}");
    }
}
