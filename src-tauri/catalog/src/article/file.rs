//! Reading an article as text, the same way for every front (a file the window picks, a file or
//! standard input on the command line, a fetched page): UTF-8 or a byte-order mark's encoding
//! first, then the charset an HTML page declares in its `<meta>`, else the encoding chardetng
//! recognises. Binary data and files over the cap are refused, naming the file.

use crate::field::Field;
use std::io::Read;
use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{CatalogError, Result};

/// The largest article read: a long essay with inline markup is well under a megabyte.
pub const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;
/// A page's `<meta charset>` is looked for this far into it, as browsers do.
const META_SCAN_BYTES: usize = 4096;

/// An article read from a file: its text, and the encoding it was read from when not UTF-8.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleFile {
    /// The file's name, which tells the reader its format (`.md`, `.html`).
    pub name: String,
    pub text: String,
    pub encoding: Option<String>,
}

/// The article in the file at `path` (`-` is standard input).
pub fn read_article_file(path: &Path) -> Result<ArticleFile> {
    let shown = path.display().to_string();
    let io = |source| CatalogError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_ARTICLE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
    } else {
        let file = std::fs::File::open(path).map_err(io)?;
        if !file.metadata().map_err(io)?.is_file() {
            return Err(CatalogError::invalid(
                Field::File,
                format!("{shown} is not a regular file"),
            ));
        }
        file.take(MAX_ARTICLE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
    }
    let name = path
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    let mut read = article_text(&shown, bytes)?;
    read.name = name;
    Ok(read)
}

/// `bytes` as an article's text; `name` names it in errors.
pub fn article_text(name: &str, bytes: Vec<u8>) -> Result<ArticleFile> {
    let refused = |why: String| CatalogError::invalid(Field::File, format!("{name}: {why}"));
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(refused(format!(
            "larger than the {} MiB an article may be",
            MAX_ARTICLE_BYTES / (1024 * 1024)
        )));
    }
    let has_bom = encoding_rs::Encoding::for_bom(&bytes).is_some();
    if !has_bom && std::str::from_utf8(&bytes).is_err() {
        if bytes.contains(&0) {
            return Err(refused("not a text file (it holds binary data)".into()));
        }
        if let Some(encoding) = declared_charset(&bytes) {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
            if !had_errors {
                return Ok(ArticleFile {
                    name: name.to_owned(),
                    text: text.into_owned(),
                    encoding: Some(encoding.name().to_owned()),
                });
            }
        }
    }
    let (text, encoding) =
        crate::import::decode_text(name, bytes).map_err(|error| match error {
            CatalogError::Import { message, .. } => refused(message),
            other => other,
        })?;
    Ok(ArticleFile {
        name: name.to_owned(),
        text,
        encoding,
    })
}

/// The encoding an HTML page declares near its start (`<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`), if encoding_rs knows it.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(META_SCAN_BYTES)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .copied()
        .skip_while(|b| *b == b'"' || *b == b'\'' || *b == b' ')
        .take_while(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(b))
        .collect();
    // Only where the page says it, in a tag: "charset=" in running text is not a declaration.
    let before = &lower[..at];
    let tag_open = before.iter().rposition(|b| *b == b'<')?;
    let tag_closed = before.iter().rposition(|b| *b == b'>');
    if tag_closed.is_some_and(|closed| closed > tag_open)
        || !lower[tag_open..].starts_with(b"<meta")
    {
        return None;
    }
    encoding_rs::Encoding::for_label(&label)
}
