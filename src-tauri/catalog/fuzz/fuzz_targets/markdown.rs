//! Any text renders to HTML without panicking, and what comes out, parsed as a browser would, has
//! no script-bearing element, no event handler and no script URL, whatever went in.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scraper::Html;

const FORBIDDEN_ELEMENTS: &[&str] = &["script", "iframe", "object", "embed", "style", "form"];
const SCRIPT_URLS: &[&str] = &["javascript:", "vbscript:", "data:text/html"];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let html = cinedex_catalog::render_markdown(text);
    let page = Html::parse_fragment(&html);
    for node in page.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name();
        assert!(!FORBIDDEN_ELEMENTS.contains(&name), "<{name}> survived: {html}");
        for (attribute, value) in element.attrs() {
            assert!(!attribute.starts_with("on"), "{attribute} survived: {html}");
            let value: String = value.chars().filter(|c| !c.is_whitespace()).collect();
            let value = value.to_ascii_lowercase();
            assert!(
                !SCRIPT_URLS.iter().any(|scheme| value.starts_with(scheme)),
                "a script URL survived in {attribute}: {html}"
            );
        }
    }
});
