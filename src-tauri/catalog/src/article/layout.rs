//! The shape of a pasted plain-text article: its paragraphs and section headings, which plain
//! text marks only by line breaks. A page copied out of a browser puts each paragraph on one
//! line and each heading on a short line of its own; Markdown would melt both into one run-on
//! paragraph, so they are made explicit here.

/// Longest line read as a section heading, in characters and in words.
const HEADING_MAX_CHARS: usize = 80;
const HEADING_MAX_WORDS: usize = 12;

/// The body's lines with paragraphs and headings marked as Markdown. When the text has no blank
/// line, each line is a paragraph; otherwise blank lines already separate them. A single-line
/// paragraph that reads as a heading and is followed by a paragraph becomes `## heading`.
pub fn structure(lines: &[String]) -> Vec<String> {
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let one_line_paragraphs = !lines.iter().any(|l| l.trim().is_empty());
    let mut current: Vec<String> = Vec::new();
    let mut in_fence = false;
    for line in lines {
        let fence = line.trim_start().starts_with("```");
        if fence {
            in_fence = !in_fence;
        }
        let blank = line.trim().is_empty();
        if (blank && !in_fence) || (one_line_paragraphs && !in_fence && !fence && !lists(line)) {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            if !blank {
                paragraphs.push(vec![line.clone()]);
            }
        } else {
            current.push(line.clone());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }

    let mut out = Vec::with_capacity(lines.len() * 2);
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let next = paragraphs.get(index + 1);
        match paragraph.as_slice() {
            [line] if reads_as_heading(line) && next.is_some_and(|p| is_prose(p)) => {
                out.push(format!("## {}", line.trim()));
            }
            lines => out.extend(lines.iter().cloned()),
        }
        out.push(String::new());
    }
    out
}

/// A list item or a table row: kept in the block around it even in one-line-paragraph text.
fn lists(line: &str) -> bool {
    let trimmed = line.trim_start();
    trimmed.starts_with(['-', '*', '+', '|', '•'])
        || trimmed.split_once(". ").is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Short, without the punctuation that ends a sentence, not already Markdown, and not starting
/// in lower case: "Final Thoughts", "A Refined Vision of Cyberspace and Identity".
pub fn reads_as_heading(line: &str) -> bool {
    let line = line.trim();
    let chars = line.chars().count();
    if !(2..=HEADING_MAX_CHARS).contains(&chars)
        || line.split_whitespace().count() > HEADING_MAX_WORDS
        || line.starts_with(['#', '>', '-', '*', '+', '|', '`', '[', '!', '(', '"', '“'])
        || line.ends_with([
            '.', ',', ';', ':', '!', '?', '…', '"', '”', '\'', '’', ')', ']',
        ])
    {
        return false;
    }
    match line.chars().find(|c| c.is_alphanumeric()) {
        Some(first) => !first.is_lowercase(),
        None => false,
    }
}

/// A paragraph of running text: longer than a heading, or ending as a sentence does.
fn is_prose(paragraph: &[String]) -> bool {
    let text = paragraph.join(" ");
    let text = text.trim();
    !text.starts_with('#')
        && (text.chars().count() > HEADING_MAX_CHARS
            || text.ends_with(['.', '!', '?', '…', '"', '”', ')']))
}

/// A line long enough, or finished enough, to be running text rather than a link or a label.
pub fn is_paragraph(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() >= 80 || (line.chars().count() >= 40 && line.ends_with(['.', '!', '?']))
}

/// The heading that ends a block of related links: the line itself when it reads as one and
/// prose follows, or its tail when a link title was glued to it ("…at 30Final Thoughts").
pub fn heading_after_links(line: &str, next_is_prose: bool) -> Option<String> {
    if !next_is_prose || starts_with_emoji(line) || line.starts_with(['-', '*', '•']) {
        return None;
    }
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let glued = chars
        .windows(2)
        .rev()
        .find(|pair| pair[0].1.is_lowercase() && pair[1].1.is_uppercase())
        .map(|pair| &line[pair[1].0..]);
    match glued {
        Some(tail) if reads_as_heading(tail) => Some(tail.to_owned()),
        _ if reads_as_heading(line) => Some(line.to_owned()),
        _ => None,
    }
}

/// "🎬 Ten films about dolls": link lists on news sites lead with a pictogram.
pub fn starts_with_emoji(line: &str) -> bool {
    line.trim_start()
        .chars()
        .next()
        .is_some_and(|c| matches!(c as u32, 0x2190..=0x2BFF | 0x1F000..=0x1FAFF))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    #[test]
    fn one_line_paragraphs_are_separated_and_headings_marked() {
        let text = "Innocence is a sequel that outgrows its original.\n\
                    A Refined Vision of Cyberspace and Identity\n\
                    Batou walks through a city of dolls, and the film asks what a body is for.\n\
                    Final Thoughts\n\
                    It is a masterpiece.";
        assert_eq!(
            structure(&lines(text)).join("\n"),
            "Innocence is a sequel that outgrows its original.\n\n\
             ## A Refined Vision of Cyberspace and Identity\n\n\
             Batou walks through a city of dolls, and the film asks what a body is for.\n\n\
             ## Final Thoughts\n\n\
             It is a masterpiece.\n"
        );
    }

    #[test]
    fn markdown_paragraphs_and_lists_stay_as_written() {
        let text = "First line\nof one paragraph.\n\n- a list\n- of two\n\n```\ncode\n\nmore\n```";
        let out = structure(&lines(text)).join("\n");
        assert!(out.contains("First line\nof one paragraph."), "{out}");
        assert!(out.contains("- a list\n- of two"), "{out}");
        assert!(out.contains("```\ncode\n\nmore\n```"), "{out}");
        assert!(!out.contains("##"), "{out}");
    }

    #[test]
    fn a_short_line_is_a_heading_only_before_prose() {
        assert!(reads_as_heading("Final Thoughts"));
        assert!(!reads_as_heading("It ends."));
        assert!(!reads_as_heading("lower case start"));
        assert!(!reads_as_heading("## Already a heading"));
        let text =
            "Cast\nTwo Names\nA long enough paragraph of text that is clearly prose, and ends.";
        let out = structure(&lines(text)).join("\n");
        // "Cast" is followed by a short line, not prose: it stays a paragraph.
        assert!(out.starts_with("Cast\n\n"), "{out}");
    }
}
