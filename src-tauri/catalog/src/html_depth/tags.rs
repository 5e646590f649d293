//! What the HTML tree builder does with a tag, as far as the nesting depth of its tree goes: which
//! elements never open (void), which are "special" or bound a scope, which are formatting
//! elements it may reopen, and which switch the tokenizer to raw text. Names are as tokenized
//! (lower case), per the HTML standard's parsing section.

use html5ever::tokenizer::states::RawKind;

/// Elements that never have content, so never deepen the tree.
pub fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "image"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements the tree builder opens once, whatever the page repeats: never counted.
pub fn is_document_frame(name: &str) -> bool {
    matches!(name, "html" | "head" | "body")
}

/// The standard's "special" category: an end tag of another element stops at one of these.
pub fn is_special(name: &str) -> bool {
    is_scope_boundary(name)
        || matches!(
            name,
            "address"
                | "area"
                | "article"
                | "aside"
                | "base"
                | "basefont"
                | "bgsound"
                | "blockquote"
                | "body"
                | "br"
                | "button"
                | "center"
                | "col"
                | "colgroup"
                | "dd"
                | "details"
                | "dialog"
                | "dir"
                | "div"
                | "dl"
                | "dt"
                | "embed"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "form"
                | "frame"
                | "frameset"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "head"
                | "header"
                | "hgroup"
                | "hr"
                | "iframe"
                | "img"
                | "input"
                | "keygen"
                | "li"
                | "link"
                | "listing"
                | "main"
                | "menu"
                | "meta"
                | "nav"
                | "noembed"
                | "noframes"
                | "noscript"
                | "ol"
                | "p"
                | "param"
                | "plaintext"
                | "pre"
                | "script"
                | "search"
                | "section"
                | "select"
                | "source"
                | "style"
                | "summary"
                | "tbody"
                | "textarea"
                | "tfoot"
                | "thead"
                | "tr"
                | "track"
                | "ul"
                | "wbr"
                | "xmp"
        )
}

/// Elements that end the default scope ("has an element in scope" looks no further down).
pub fn is_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "applet"
            | "caption"
            | "html"
            | "table"
            | "td"
            | "th"
            | "marquee"
            | "object"
            | "template"
            | "mi"
            | "mo"
            | "mn"
            | "ms"
            | "mtext"
            | "annotation-xml"
            | "foreignobject"
            | "desc"
            | "title"
    )
}

/// Formatting elements: the tree builder remembers them and may open copies of them again.
pub const FORMATTING: [&str; 14] = [
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

pub fn formatting_index(name: &str) -> Option<usize> {
    FORMATTING.iter().position(|f| *f == name)
}

/// Start tags that end SVG or MathML content: the tree builder goes back to HTML for them.
pub fn breaks_out_of_foreign(name: &str, has_font_attributes: bool) -> bool {
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
    ) || (name == "font" && has_font_attributes)
}

/// Roots of SVG and MathML content, where HTML's implied closes and raw text do not apply.
pub fn is_foreign_root(name: &str) -> bool {
    matches!(name, "svg" | "math")
}

/// Elements inside SVG or MathML whose content is parsed as HTML again.
pub fn is_integration_point(name: &str) -> bool {
    matches!(
        name,
        "foreignobject" | "desc" | "title" | "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml"
    )
}

/// Start tags that close an open `p` (when it is in button scope).
pub fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "header"
            | "hgroup"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "search"
            | "section"
            | "summary"
            | "ul"
            | "pre"
            | "listing"
            | "xmp"
            | "li"
            | "dd"
            | "dt"
    ) || is_heading(name)
}

pub fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements whose start or end a reader sees as a break between blocks of text.
pub fn is_block(name: &str) -> bool {
    closes_p(name)
        || matches!(
            name,
            "table" | "tr" | "td" | "th" | "caption" | "tbody" | "thead" | "tfoot"
        )
}

/// The tokenizer state the tree builder switches to after this start tag in HTML content.
pub enum TextKind {
    Raw(RawKind),
    Plaintext,
}

pub fn text_kind(name: &str) -> Option<TextKind> {
    match name {
        "script" => Some(TextKind::Raw(RawKind::ScriptData)),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
            Some(TextKind::Raw(RawKind::Rawtext))
        }
        "title" | "textarea" => Some(TextKind::Raw(RawKind::Rcdata)),
        "plaintext" => Some(TextKind::Plaintext),
        _ => None,
    }
}

/// Raw-text elements whose text is not shown: dropped with them when they nest too deep.
pub fn hides_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "title" | "iframe" | "noembed" | "noframes"
    )
}
