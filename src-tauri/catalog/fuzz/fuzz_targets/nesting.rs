//! Deeply nested HTML from fuzz bytes, shared by the targets that read HTML.

/// Tags the Letterboxd and Tellico HTML uses, tags the sanitizer drops, and tags the parser
/// closes or reopens on its own.
const TAGS: &[&str] = &[
    "i", "b", "em", "strong", "blockquote", "p", "ul", "li", "a href=\"https://x\"", "div",
    "span", "table", "td", "svg", "script", "pre", "code",
];

/// HTML from the program in `data`: the high bits of a byte pick the action, the rest its tag
/// or how many times to repeat it (so one byte can open a thousand tags).
pub fn html_of(data: &[u8]) -> String {
    let mut html = String::new();
    let mut open: Vec<&str> = Vec::new();
    for pair in data.chunks(2) {
        let (action, tag) = (pair[0], TAGS[pair.get(1).copied().unwrap_or(0) as usize % TAGS.len()]);
        let times = 1 + usize::from(action & 0x3f) * 64;
        match action >> 6 {
            0 | 1 => {
                for _ in 0..times {
                    html.push_str(&format!("<{tag}>"));
                    open.push(tag.split(' ').next().unwrap_or(tag));
                }
            }
            2 => {
                for _ in 0..times.min(open.len()) {
                    if let Some(tag) = open.pop() {
                        html.push_str(&format!("</{tag}>"));
                    }
                }
            }
            _ => html.push_str(" words & <words> "),
        }
    }
    html
}

