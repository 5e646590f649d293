//! The Markdown renderer on generated text, hostile in depth and size: the fuzz bytes pick
//! tokens (quote and list markers, raw tags open and closed, emphasis, links, table cells, task
//! boxes, inputs) and how many times each repeats. Whatever comes in, the output stays within a
//! size proportional to the input, nests no deeper than the caps allow, and holds no `<input>`
//! but disabled checkboxes.
#![no_main]

use cinedex_catalog::{render_markdown, MAX_MARKDOWN_NESTING, MAX_RAW_HTML_TAGS};
use libfuzzer_sys::fuzz_target;
use scraper::Html;

const TOKENS: &[&str] = &[
    ">",
    "> ",
    "- ",
    "1. ",
    "* ",
    "  ",
    "\n",
    "\n\n",
    "<div>",
    "</div>",
    "<b>",
    "</b>",
    "<i>",
    "<p>",
    "<table>",
    "<td>",
    "<ul><li>",
    "*",
    "**",
    "_",
    "[",
    "](",
    "](https://x.org)",
    "|a",
    "|-",
    "| ",
    "`",
    "```\n",
    "- [ ] ",
    "- [x] ",
    "<input type=text>",
    "<input type=submit>",
    "<input type=checkbox>",
    "<input disabled type=checkbox checked>",
    "[^1]",
    "[^1]: ",
    "&amp;",
    "&#",
    "<!--",
    "-->",
    "<a href=\"javascript:x\">",
    "word ",
    "# ",
    "---\n",
];

/// Generated text stays below this, so that each run is quick.
const MAX_BYTES: usize = 2 * 1024 * 1024;

fn generate(data: &[u8]) -> String {
    let mut text = String::new();
    for pair in data.chunks(2) {
        let token = TOKENS[pair[0] as usize % TOKENS.len()];
        // Counts up to 65,000: deep nesting and long runs, from a few bytes.
        let times = pair.get(1).map_or(1, |&n| 1 + (n as usize).pow(2));
        if text.len() + token.len() * times > MAX_BYTES {
            break;
        }
        text.push_str(&token.repeat(times));
    }
    text
}

/// The deepest element nesting of the HTML, as a browser would build it.
fn depth_of(page: &Html) -> usize {
    let mut depths = std::collections::HashMap::new();
    let mut deepest = 0;
    for node in page.tree.root().descendants() {
        let depth = node.parent().map_or(0, |parent| depths[&parent.id()] + 1);
        depths.insert(node.id(), depth);
        deepest = deepest.max(depth);
    }
    deepest
}

fuzz_target!(|data: &[u8]| {
    let text = generate(data);
    let html = render_markdown(&text);
    assert!(
        html.len() <= text.len() * 32 + 256 * 1024,
        "{} bytes out of {} in",
        html.len(),
        text.len()
    );
    let page = Html::parse_fragment(&html);
    let depth = depth_of(&page);
    assert!(
        depth <= MAX_MARKDOWN_NESTING + MAX_RAW_HTML_TAGS + 8,
        "nested {depth} deep"
    );
    for node in page.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        if element.name() == "input" {
            assert_eq!(element.attr("type"), Some("checkbox"), "{html}");
            assert!(element.attr("disabled").is_some(), "{html}");
        }
    }
});
