//! The search query language: any string parses. Words, `"exact phrases"`, `-excluded`,
//! `field:value` filters; what is not valid syntax is searched as plain words. The result is an
//! AST of folded terms; nothing here is ever handed to SQLite as syntax (see `fts` for quoting).

use crate::text::{fold, search_fold};

/// Longest query text looked at; the rest is ignored so a pasted novel cannot slow a keystroke.
pub const MAX_QUERY_CHARS: usize = 1000;
/// At most this many text terms are searched; more words add nothing to a ranked first page.
const MAX_TERMS: usize = 16;

/// One searched unit of text, already folded (lower case, no accents).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A word matched as a prefix (`tarko` finds "Tarkovsky").
    Word(String),
    /// Words that must appear together, in order.
    Phrase(Vec<String>),
}

impl Term {
    /// The words of the term, for highlighting.
    pub fn words(&self) -> Vec<&str> {
        match self {
            Term::Word(word) => vec![word.as_str()],
            Term::Phrase(words) => words.iter().map(String::as_str).collect(),
        }
    }
}

/// A comparison on a number: `rating:>=4`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Compare {
    Eq,
    Ge,
    Gt,
    Le,
    Lt,
}

impl Compare {
    pub fn sql(self) -> &'static str {
        match self {
            Compare::Eq => "=",
            Compare::Ge => ">=",
            Compare::Gt => ">",
            Compare::Le => "<=",
            Compare::Lt => "<",
        }
    }
}

/// What `has:` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Has {
    Review,
    Note,
    Article,
    Viewing,
}

/// A parsed query. Everything in it is data; the SQL is built elsewhere with parameters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub terms: Vec<Term>,
    pub excluded: Vec<Term>,
    /// `director:` values: each is a list of words that must all match a director's name.
    pub directors: Vec<Vec<String>>,
    /// `person:` values (anyone credited).
    pub people: Vec<Vec<String>>,
    pub themes: Vec<Vec<String>>,
    /// `genre:` values, over the reference's genres.
    pub genres: Vec<Vec<String>>,
    /// Inclusive year range.
    pub years: Option<(i32, i32)>,
    pub rating: Option<(Compare, f64)>,
    pub has: Vec<Has>,
    /// `is:watchlist`, `is:watched`, `is:unwatched`.
    pub status: Option<&'static str>,
    /// `list:` values: folded list names (or their beginnings).
    pub lists: Vec<String>,
}

impl Query {
    /// True when nothing would narrow the catalog: the empty query shows nothing.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
            && self.directors.is_empty()
            && self.people.is_empty()
            && self.themes.is_empty()
            && self.genres.is_empty()
            && self.years.is_none()
            && self.rating.is_none()
            && self.has.is_empty()
            && self.status.is_none()
            && self.lists.is_empty()
    }

    /// Whether any text is searched (as opposed to filters only).
    pub fn has_text(&self) -> bool {
        !self.terms.is_empty()
            || !self.directors.is_empty()
            || !self.people.is_empty()
            || !self.themes.is_empty()
            || !self.genres.is_empty()
    }
}

/// Parses `input`. Never fails: unknown or malformed syntax becomes words.
pub fn parse(input: &str) -> Query {
    let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
    let mut query = Query::default();
    for token in tokens(&input) {
        apply(&mut query, token);
    }
    query.terms.truncate(MAX_TERMS);
    query.excluded.truncate(MAX_TERMS);
    query
}

/// A raw piece of the query: its text, whether it was quoted, and a leading `-`.
#[derive(Debug)]
struct Token {
    negated: bool,
    key: Option<String>,
    value: String,
    quoted: bool,
}

/// Splits on whitespace, keeping `"quoted text"` (and `key:"quoted"`) together. An unclosed quote
/// runs to the end of the input.
fn tokens(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = input.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            return out;
        }
        let negated = chars.next_if_eq(&'-').is_some();
        let mut head = String::new();
        let mut quoted = false;
        let mut key = None;
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            chars.next();
            if c == '"' {
                quoted = true;
                if !head.is_empty() {
                    key = Some(std::mem::take(&mut head));
                }
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                    head.push(q);
                }
                break;
            }
            head.push(c);
        }
        if !quoted {
            if let Some((k, v)) = head.split_once(':') {
                if !k.is_empty() && !v.is_empty() {
                    key = Some(k.to_owned());
                    head = v.to_owned();
                }
            }
        } else if let Some(k) = key.as_mut() {
            // `director:"mamoru oshii"`: the key was read up to its colon.
            match k.strip_suffix(':') {
                Some(stripped) => *k = stripped.to_owned(),
                None => {
                    // `abc"def"`: not a key; keep everything as text.
                    head = format!("{k} {head}");
                    key = None;
                }
            }
        }
        out.push(Token {
            negated,
            key,
            value: head,
            quoted,
        });
    }
}

fn apply(query: &mut Query, token: Token) {
    if let Some(key) = token.key.as_deref() {
        if !token.negated && apply_filter(query, &fold(key), &token.value) {
            return;
        }
        // Not a filter we know: search the key and the value as words.
        let text = format!("{key} {}", token.value);
        push_text(query, &text, token.quoted, token.negated);
        return;
    }
    push_text(query, &token.value, token.quoted, token.negated);
}

fn push_text(query: &mut Query, text: &str, quoted: bool, negated: bool) {
    let list = if negated {
        &mut query.excluded
    } else {
        &mut query.terms
    };
    let words = words(text);
    if quoted && words.len() > 1 {
        list.push(Term::Phrase(words));
    } else {
        list.extend(words.into_iter().map(Term::Word));
    }
}

/// Applies `key:value`; false when the key or the value is not valid filter syntax.
fn apply_filter(query: &mut Query, key: &str, value: &str) -> bool {
    match key {
        "director" | "directors" | "dir" | "by" => push_words(&mut query.directors, value),
        "person" | "people" | "with" => push_words(&mut query.people, value),
        "theme" | "themes" | "tag" => push_words(&mut query.themes, value),
        "genre" | "genres" => push_words(&mut query.genres, value),
        "list" | "lists" => {
            let name = fold(value.trim());
            if name.is_empty() {
                return false;
            }
            query.lists.push(name);
            true
        }
        "year" => match parse_years(value) {
            Some(range) => {
                query.years = Some(range);
                true
            }
            None => false,
        },
        "rating" => match parse_rating(value) {
            Some(rating) => {
                query.rating = Some(rating);
                true
            }
            None => false,
        },
        "has" => {
            let has = match fold(value).as_str() {
                "review" | "reviews" => Has::Review,
                "note" | "notes" => Has::Note,
                "article" | "articles" => Has::Article,
                "viewing" | "viewings" => Has::Viewing,
                _ => return false,
            };
            query.has.push(has);
            true
        }
        "is" => {
            query.status = Some(match fold(value).as_str() {
                "watchlist" => "watchlist",
                "watched" | "seen" => "watched",
                "unwatched" | "unseen" => "none",
                _ => return false,
            });
            true
        }
        _ => false,
    }
}

fn push_words(list: &mut Vec<Vec<String>>, value: &str) -> bool {
    let words = words(value);
    if words.is_empty() {
        return false;
    }
    list.push(words);
    true
}

/// `2004`, `1990..1999`, `1990-1999`, `1990s`, `>=2000`, `<1960`.
fn parse_years(value: &str) -> Option<(i32, i32)> {
    let year = |text: &str| {
        let n: i32 = text.trim().parse().ok()?;
        (1000..=9999).contains(&n).then_some(n)
    };
    if let Some(decade) = value.strip_suffix('s') {
        let start = year(decade)?;
        return (start % 10 == 0).then_some((start, start + 9));
    }
    if let Some((cmp, rest)) = comparison(value) {
        let n = year(rest)?;
        return Some(match cmp {
            Compare::Eq => (n, n),
            Compare::Ge => (n, 9999),
            Compare::Gt => (n + 1, 9999),
            Compare::Le => (1000, n),
            Compare::Lt => (1000, n - 1),
        });
    }
    let (from, to) = value
        .split_once("..")
        .or_else(|| value.split_once('-'))
        .unwrap_or((value, value));
    let (from, to) = (year(from)?, year(to)?);
    Some((from.min(to), from.max(to)))
}

fn parse_rating(value: &str) -> Option<(Compare, f64)> {
    let (cmp, rest) = comparison(value).unwrap_or((Compare::Eq, value));
    let n: f64 = rest.trim().parse().ok()?;
    (n.is_finite() && (0.0..=5.0).contains(&n)).then_some((cmp, n))
}

fn comparison(value: &str) -> Option<(Compare, &str)> {
    [
        (">=", Compare::Ge),
        ("<=", Compare::Le),
        (">", Compare::Gt),
        ("<", Compare::Lt),
        ("=", Compare::Eq),
    ]
    .into_iter()
    .find_map(|(prefix, cmp)| value.strip_prefix(prefix).map(|rest| (cmp, rest)))
}

/// The searchable words of `text`, folded as the index is: split where the FTS tokenizer splits
/// (anything that is not a letter or a digit), so what remains can always be quoted safely.
pub fn words(text: &str) -> Vec<String> {
    search_fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
#[path = "parser_tests.rs"]
mod tests;
