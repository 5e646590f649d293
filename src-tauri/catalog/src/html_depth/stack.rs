//! The elements the HTML tree builder will have open at each token, as far as depth goes. Where
//! the builder's rules are too involved to follow (the adoption agency, tags it ignores) the
//! model keeps more open than the builder would, never fewer: its depth bounds the real one.

use html5ever::LocalName;

use super::tags;

/// An element the tree builder will have open.
pub struct Open {
    name: LocalName,
    /// In SVG or MathML rather than HTML.
    foreign: bool,
    /// The standard's special category (for HTML by name; in SVG and MathML only integration points).
    special: bool,
    /// Ends the default scope.
    boundary: bool,
    formatting: bool,
    /// A table, or a part of one reached through table parts only: the builder closes its
    /// sections, rows and cells implicitly.
    table_part: bool,
}

impl Open {
    fn is(&self, name: &str) -> bool {
        !self.foreign && &*self.name == name
    }

    fn integration_point(&self) -> bool {
        self.foreign && tags::is_integration_point(&self.name)
    }
}

#[derive(Default)]
pub struct Stack {
    open: Vec<Open>,
    /// Formatting start tags not yet ended by an end tag of their name, by `tags::FORMATTING`.
    formatting_started: [usize; tags::FORMATTING.len()],
    formatting_started_total: usize,
    formatting_on_stack: usize,
}

impl Stack {
    pub fn len(&self) -> usize {
        self.open.len()
    }

    /// How deep the tree is at most once the stack is cut to `keep`: the open elements, and
    /// the formatting elements the builder may open again because something else than their
    /// end tag closed them.
    pub fn depth_after(&self, keep: usize) -> usize {
        let closed = self.open.get(keep..).unwrap_or_default();
        let on_stack = self.formatting_on_stack - closed.iter().filter(|e| e.formatting).count();
        keep.min(self.open.len()) + self.formatting_started_total.saturating_sub(on_stack)
    }

    /// Whether text and tags here are SVG or MathML content.
    pub fn in_foreign(&self) -> bool {
        self.open
            .last()
            .is_some_and(|top| top.foreign && !top.integration_point())
    }

    /// Whether the current node is not an HTML element (CDATA sections are text there).
    pub fn current_is_foreign(&self) -> bool {
        self.open.last().is_some_and(|top| top.foreign)
    }

    /// An HTML tag inside SVG or MathML that ends it: the builder closes the foreign elements.
    pub fn break_out_of_foreign(&mut self) {
        let keep = self
            .open
            .iter()
            .rposition(|e| !e.foreign || e.integration_point())
            .map_or(0, |at| at + 1);
        self.truncate(keep);
    }

    /// The stack's length once the elements a start tag closes implicitly are closed.
    pub fn length_after_start(&self, name: &str) -> usize {
        let len = self.open.len();
        let mut keep = match name {
            "li" => self.nearest_in_list(len, &["li"]),
            "dd" | "dt" => self.nearest_in_list(len, &["dd", "dt"]),
            "tr" => self.nearest_table_part(len, &["tr"], &["tbody", "thead", "tfoot"]),
            "td" | "th" => {
                self.nearest_table_part(len, &["td", "th"], &["tr", "tbody", "thead", "tfoot"])
            }
            "tbody" | "thead" | "tfoot" => {
                self.nearest_table_part(len, &["tbody", "thead", "tfoot"], &[])
            }
            "option" | "optgroup" => Some(len - usize::from(self.top_is(len, "option"))),
            _ => None,
        }
        .unwrap_or(len);
        if tags::closes_p(name) {
            if let Some(at) = self.p_in_button_scope(keep) {
                keep = at;
            }
        }
        if tags::is_heading(name)
            && keep > 0
            && !self.open[keep - 1].foreign
            && tags::is_heading(&self.open[keep - 1].name)
        {
            keep -= 1;
        }
        if name == "optgroup" && self.top_is(keep, "optgroup") {
            keep -= 1;
        }
        keep
    }

    /// How many elements the builder adds with this start tag (tbody and tr for a bare cell).
    pub fn opened_by_start(&self, keep: usize, name: &str, foreign: bool) -> usize {
        if foreign {
            return 1;
        }
        let top = keep.checked_sub(1).map(|at| &self.open[at]);
        let on_table = top.is_some_and(|t| t.table_part && t.is("table"));
        let on_section = top
            .is_some_and(|t| t.table_part && ["tbody", "thead", "tfoot"].iter().any(|s| t.is(s)));
        1 + match name {
            "tr" => usize::from(on_table),
            "td" | "th" => usize::from(on_section) + 2 * usize::from(on_table),
            _ => 0,
        }
    }

    /// Closes implicitly to `keep`, then opens the start tag's element (and what it implies).
    pub fn start(&mut self, keep: usize, name: &LocalName, foreign: bool) {
        self.truncate(keep);
        if foreign {
            self.push(name.clone(), true, false);
            return;
        }
        let in_select = self.open.iter().any(|e| e.is("select"));
        let top_part = |stack: &Stack, names: &[&str]| {
            stack
                .open
                .last()
                .is_some_and(|t| t.table_part && names.iter().any(|n| t.is(n)))
        };
        let table_part = match &**name {
            "table" => !in_select,
            "tbody" | "thead" | "tfoot" => top_part(self, &["table"]),
            "tr" => {
                if top_part(self, &["table"]) {
                    self.push(LocalName::from("tbody"), false, true);
                }
                top_part(self, &["tbody", "thead", "tfoot"])
            }
            "td" | "th" => {
                if top_part(self, &["table"]) {
                    self.push(LocalName::from("tbody"), false, true);
                }
                if top_part(self, &["tbody", "thead", "tfoot"]) {
                    self.push(LocalName::from("tr"), false, true);
                }
                top_part(self, &["tr"])
            }
            _ => false,
        };
        self.push(name.clone(), false, table_part);
        if let Some(index) = tags::formatting_index(name) {
            self.formatting_started[index] += 1;
            self.formatting_started_total += 1;
        }
    }

    /// An end tag: closes its element when the builder would, and ends a formatting element.
    pub fn end(&mut self, name: &str) {
        if let Some(at) = self.closed_by_end(name) {
            self.truncate(at);
        }
        if let Some(index) = tags::formatting_index(name) {
            if self.formatting_started[index] > 0 {
                self.formatting_started[index] -= 1;
                self.formatting_started_total -= 1;
            }
        }
    }

    /// Where the end tag closes the stack: at its element, if nothing in between keeps it open.
    fn closed_by_end(&self, name: &str) -> Option<usize> {
        let special = tags::is_special(name);
        for (at, open) in self.open.iter().enumerate().rev() {
            if &*open.name == name {
                return Some(at);
            }
            let stops = if special {
                open.boundary
                    || (name == "p" && open.is("button"))
                    || (name == "li" && (open.is("ol") || open.is("ul")))
            } else {
                open.special
            };
            if stops {
                return None;
            }
        }
        None
    }

    fn push(&mut self, name: LocalName, foreign: bool, table_part: bool) {
        let open = if foreign {
            let integration = tags::is_integration_point(&name);
            Open {
                name,
                foreign,
                special: integration,
                boundary: integration,
                formatting: false,
                table_part: false,
            }
        } else {
            Open {
                special: tags::is_special(&name),
                boundary: tags::is_scope_boundary(&name),
                formatting: tags::formatting_index(&name).is_some(),
                name,
                foreign,
                table_part,
            }
        };
        self.formatting_on_stack += usize::from(open.formatting);
        self.open.push(open);
    }

    fn truncate(&mut self, keep: usize) {
        let closed = self.open.get(keep..).unwrap_or_default();
        self.formatting_on_stack -= closed.iter().filter(|e| e.formatting).count();
        self.open.truncate(keep);
    }

    fn top_is(&self, len: usize, name: &str) -> bool {
        len > 0 && self.open[len - 1].is(name)
    }

    /// An open `li` (or `dd`, `dt`) that a new one closes: none when a special element other
    /// than address, div or p lies in between.
    fn nearest_in_list(&self, len: usize, names: &[&str]) -> Option<usize> {
        for at in (0..len).rev() {
            let open = &self.open[at];
            if names.iter().any(|n| open.is(n)) {
                return Some(at);
            }
            if open.special && !["address", "div", "p"].iter().any(|n| open.is(n)) {
                return None;
            }
        }
        None
    }

    /// The nearest table part named `names` that a new one closes, within its table.
    fn nearest_table_part(&self, len: usize, names: &[&str], stops: &[&str]) -> Option<usize> {
        for at in (0..len).rev() {
            let open = &self.open[at];
            if open.table_part && names.iter().any(|n| open.is(n)) {
                return Some(at);
            }
            if open.is("table")
                || open.is("template")
                || open.is("html")
                || stops.iter().any(|n| open.is(n))
            {
                return None;
            }
        }
        None
    }

    fn p_in_button_scope(&self, len: usize) -> Option<usize> {
        for at in (0..len).rev() {
            let open = &self.open[at];
            if open.is("p") {
                return Some(at);
            }
            if open.boundary || open.is("button") {
                return None;
            }
        }
        None
    }
}
