//! Bounding how deeply HTML nests before any tree is built from it. The parser's tree builder
//! does work in proportion to the depth for many tags (80,000 nested `<div>` take minutes), and
//! every walk over a tree (ours, htmd's) recurses per element, so a hostile page would hang or
//! overflow a worker's 2 MiB stack. One linear pass over the tokens follows the depth the tree
//! builder will reach (never below it) and, past the limit, keeps only the text of what nests
//! deeper, with a paragraph break where its blocks were.

mod stack;
mod tags;

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use stack::Stack;
use tags::TextKind;

/// `html` as it is when it nests no deeper than `max_depth` elements; else the same document
/// with what nests deeper reduced to its text.
pub fn within_depth(html: &str, max_depth: usize) -> Cow<'_, str> {
    // Fewer tags than the limit cannot nest past it: most text never needs the pass.
    if html.bytes().filter(|&b| b == b'<').count() <= max_depth {
        return Cow::Borrowed(html);
    }
    let sink = Flattener(RefCell::new(Flattening {
        max_depth,
        out: String::with_capacity(html.len()),
        ..Flattening::default()
    }));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The sink never asks to stop for a script, so one feed reads all of the input.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let flattening = tokenizer.sink.0.take();
    if flattening.flattened {
        Cow::Owned(flattening.out)
    } else {
        Cow::Borrowed(html)
    }
}

struct Flattener(RefCell<Flattening>);

#[derive(Default)]
struct Flattening {
    max_depth: usize,
    out: String,
    stack: Stack,
    /// Start tags left out for their depth whose end tags are still to come.
    dropped: usize,
    /// Whether anything was left out: else the input is used as it is.
    flattened: bool,
    /// The text now is raw (a kept script or style): written as it is.
    raw: bool,
    /// The text now belongs to a left-out script or style: not written.
    hidden: bool,
    /// Nothing but a break was written since the last break: another one would be empty.
    at_break: bool,
}

impl TokenSink for Flattener {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut flattening = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => return flattening.start(&tag),
                TagKind::EndTag => flattening.end(&tag),
            },
            Token::CharacterTokens(text) => flattening.text(&text),
            Token::DoctypeToken(doctype) => flattening.doctype(&doctype),
            // Comments carry nothing a reader of the text needs; NULs the builder drops.
            Token::CommentToken(_)
            | Token::NullCharacterToken
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.0.borrow().stack.current_is_foreign()
    }
}

impl Flattening {
    fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        self.raw = false;
        self.hidden = false;
        let name: &str = &tag.name;
        if self.dropped == 0 && self.stack.in_foreign() {
            let font_attributes = tag
                .attrs
                .iter()
                .any(|a| matches!(&*a.name.local, "color" | "face" | "size"));
            if tags::breaks_out_of_foreign(name, font_attributes) {
                self.stack.break_out_of_foreign();
            }
        }
        let foreign = self.stack.in_foreign() || tags::is_foreign_root(name);
        if !foreign && tags::is_document_frame(name) {
            // The builder opens html, head and body once, whatever the page repeats.
            if self.dropped == 0 {
                write_tag(&mut self.out, tag);
            }
            return TokenSinkResult::Continue;
        }
        // HTML ignores a self-closing flag except on void elements; SVG and MathML honour it.
        let opens = if foreign {
            !tag.self_closing
        } else {
            !tags::is_void(name)
        };
        let text_kind = if foreign { None } else { tags::text_kind(name) };
        let keep = if self.dropped == 0 && !foreign {
            self.stack.length_after_start(name)
        } else {
            self.stack.len()
        };
        let opened = if opens {
            self.stack.opened_by_start(keep, name, foreign)
        } else {
            0
        };
        if self.dropped == 0 && self.stack.depth_after(keep) + opened <= self.max_depth {
            if opens {
                self.stack.start(keep, &tag.name, foreign);
            }
            write_tag(&mut self.out, tag);
            self.at_break = false;
            self.raw = matches!(
                text_kind,
                Some(TextKind::Raw(RawKind::Rawtext | RawKind::ScriptData) | TextKind::Plaintext)
            );
        } else {
            self.flattened = true;
            self.dropped += usize::from(opens);
            self.hidden = tags::hides_text(name);
            self.write_break(name);
        }
        match text_kind {
            Some(TextKind::Raw(kind)) => TokenSinkResult::RawData(kind),
            Some(TextKind::Plaintext) => TokenSinkResult::Plaintext,
            None => TokenSinkResult::Continue,
        }
    }

    fn end(&mut self, tag: &Tag) {
        self.raw = false;
        self.hidden = false;
        let name: &str = &tag.name;
        if tags::is_document_frame(name) || name == "br" {
            if self.dropped == 0 {
                write_tag(&mut self.out, tag);
            }
            return;
        }
        if self.dropped > 0 {
            self.dropped -= 1;
            self.write_break(name);
            return;
        }
        self.stack.end(name);
        write_tag(&mut self.out, tag);
        self.at_break = false;
    }

    /// Where a left-out block element was, a paragraph break keeps the words apart.
    fn write_break(&mut self, name: &str) {
        if self.at_break || (!tags::is_block(name) && name != "br") {
            return;
        }
        self.at_break = true;
        if self.stack.in_foreign() {
            // An HTML tag here would end the SVG the model still counts as open.
            self.out.push(' ');
        } else if name == "br" {
            self.out.push_str("<br>");
        } else {
            self.out.push_str("<p>");
        }
    }

    fn text(&mut self, text: &str) {
        if self.hidden {
            return;
        }
        self.at_break &= text.trim().is_empty();
        if self.raw {
            self.out.push_str(text);
        } else {
            escape_into(&mut self.out, text, false);
        }
    }

    fn doctype(&mut self, doctype: &Doctype) {
        self.out.push_str("<!DOCTYPE");
        for part in [&doctype.name].into_iter().flatten() {
            self.out.push(' ');
            self.out.push_str(part);
        }
        if let Some(public) = &doctype.public_id {
            self.out.push_str(" PUBLIC \"");
            self.out.push_str(public);
            self.out.push('"');
        }
        if let Some(system) = &doctype.system_id {
            if doctype.public_id.is_none() {
                self.out.push_str(" SYSTEM");
            }
            self.out.push_str(" \"");
            self.out.push_str(system);
            self.out.push('"');
        }
        self.out.push('>');
    }
}

fn write_tag(out: &mut String, tag: &Tag) {
    out.push('<');
    if tag.kind == TagKind::EndTag {
        out.push('/');
    }
    out.push_str(&tag.name);
    for attribute in &tag.attrs {
        out.push(' ');
        out.push_str(&attribute.name.local);
        out.push_str("=\"");
        escape_into(out, &attribute.value, true);
        out.push('"');
    }
    if tag.self_closing {
        out.push_str(" /");
    }
    out.push('>');
}

fn escape_into(out: &mut String, text: &str, in_attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' if !in_attribute => out.push_str("&lt;"),
            '>' if !in_attribute => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    /// The deepest element of the tree the browser's parser builds from `html`.
    fn parsed_depth(html: &str) -> usize {
        Html::parse_fragment(html)
            .root_element()
            .descendants()
            .map(|node| node.ancestors().count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn html_within_the_limit_is_left_as_written() {
        let siblings = "<p>a <b>b</b></p>".repeat(5_000);
        assert!(matches!(within_depth(&siblings, 64), Cow::Borrowed(_)));
        let breaks = format!("line{}", "<br>".repeat(5_000));
        assert!(matches!(within_depth(&breaks, 64), Cow::Borrowed(_)));
    }

    #[test]
    fn past_the_limit_the_deep_part_becomes_its_text_in_order() {
        let deep = format!(
            "<p>before</p>{}one <b>two</b> three{}<p>after</p>",
            "<div>".repeat(2_000),
            "</div>".repeat(2_000)
        );
        let flat = within_depth(&deep, 64);
        assert!(
            parsed_depth(&flat) <= 70,
            "still {} deep",
            parsed_depth(&flat)
        );
        let text: String = Html::parse_fragment(&flat).root_element().text().collect();
        let at = |word: &str| {
            text.find(word)
                .unwrap_or_else(|| panic!("{word} lost: {text}"))
        };
        assert!(
            at("before") < at("one two three") && at("one two three") < at("after"),
            "{text}"
        );
    }

    #[test]
    fn unclosed_formatting_tags_count_as_the_parser_counts_them() {
        // The tree builder reopens unclosed <i> in every paragraph: ten thousand of them nest.
        let hostile = format!("{}text", "<i>".repeat(10_000));
        let flat = within_depth(&hostile, 64);
        assert!(
            parsed_depth(&flat) <= 70,
            "still {} deep",
            parsed_depth(&flat)
        );
        assert!(flat.contains("text"));
    }
}
