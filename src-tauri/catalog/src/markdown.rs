//! Markdown to safe HTML: rendered with pulldown-cmark, then sanitized with ammonia so nothing a
//! review contains (scripts, event handlers, remote images, odd link schemes) can run or load.

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{html, Options, Parser};

/// Renders `markdown` to HTML that is safe to insert into the app's page as is.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    sanitizer().clean(&unsafe_html).to_string()
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
}
