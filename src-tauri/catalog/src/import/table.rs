//! Reading CSV tables safely: the encoding found (BOM, UTF-8, else detected), unclosed quotes and
//! oversized fields refused with their line, columns looked up by header name.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use csv::StringRecord;

use crate::error::Result;
use crate::validate::MAX_REVIEW_BODY_CHARS;

use super::record::{fatal, Batch};

/// No import file needs more than this (a million IMDb rows are ~150 MB).
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// The longest field read: a review body's limit.
pub const MAX_FIELD_BYTES: usize = MAX_REVIEW_BODY_CHARS * 4;

pub fn open(path: &Path) -> Result<File> {
    File::open(path).map_err(|source| crate::CatalogError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// How errors name an import file: its file name, as the person knows it.
pub fn file_label(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads a whole file, refusing one too big to be an import.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    let file = open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| crate::CatalogError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fatal(
            &path.display().to_string(),
            None,
            format!(
                "the file is larger than {} MB",
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ));
    }
    Ok(bytes)
}

/// Text from bytes: UTF-8 with or without BOM, UTF-16 with a BOM, or else the encoding chardetng
/// finds (its name is returned so the preview can show it). Binary data is refused.
pub fn decode(file: &str, bytes: Vec<u8>) -> Result<(String, Option<String>)> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(fatal(
                file,
                None,
                format!("the file is not valid {}", encoding.name()),
            ));
        }
        let name = (encoding != encoding_rs::UTF_8).then(|| encoding.name().to_owned());
        return Ok((text.into_owned(), name));
    }
    // Taking the bytes avoids copying a large file once more.
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(error) => {
            let bytes = error.into_bytes();
            if bytes.contains(&0) {
                return Err(fatal(file, None, "the file is binary, not text (CSV)"));
            }
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(&bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
            let (text, _, had_errors) = encoding.decode(&bytes);
            if had_errors {
                return Err(fatal(
                    file,
                    None,
                    "the file is not UTF-8 and its encoding could not be recognised; save it as UTF-8",
                ));
            }
            Ok((text.into_owned(), Some(encoding.name().to_owned())))
        }
    }
}

/// The separator a table's header line uses: a comma, or the semicolon that spreadsheets write in
/// locales where the comma is the decimal mark, or a tab. The one found most often outside quotes
/// wins; a comma when none is found (a one-column table) or on a tie.
pub fn sniff_delimiter(text: &str) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];
    let mut counts = [0usize; CANDIDATES.len()];
    let mut quoted = false;
    for &ch in text.as_bytes() {
        match ch {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = CANDIDATES.iter().position(|&c| c == ch) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    // The earlier candidate wins a tie, so no separator at all gives the comma.
    let best = (0..CANDIDATES.len())
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    CANDIDATES[best]
}

/// Refuses text whose quotes never close (the CSV reader would take the rest of the file as one
/// field), naming the line where the open quote starts.
pub fn check_quotes(file: &str, text: &str, delimiter: u8) -> Result<()> {
    let (mut line, mut opened_at) = (1u64, 0u64);
    let (mut quoted, mut field_start, mut after_quote) = (false, true, false);
    // Bytes, not chars: the quote, comma and line breaks are ASCII, never part of a longer
    // UTF-8 sequence, and a byte loop is several times faster over a large file.
    for &ch in text.as_bytes() {
        if quoted {
            match ch {
                b'"' => {
                    quoted = false;
                    after_quote = true;
                }
                b'\n' => line += 1,
                _ => {}
            }
            continue;
        }
        match ch {
            b'"' if field_start || after_quote => {
                // `""` inside a quoted field reopens it: an escaped quote.
                quoted = true;
                after_quote = false;
                if field_start {
                    opened_at = line;
                }
                field_start = false;
            }
            _ if ch == delimiter => (field_start, after_quote) = (true, false),
            b'\n' => {
                line += 1;
                (field_start, after_quote) = (true, false);
            }
            b'\r' => {}
            _ => (field_start, after_quote) = (false, false),
        }
    }
    if quoted {
        return Err(fatal(
            file,
            Some(opened_at),
            "a quoted field is never closed (a \" is missing)",
        ));
    }
    Ok(())
}

/// A header row: column names and where they are, looked up regardless of case.
pub struct Header {
    pub names: Vec<String>,
    /// The names in lower case. A row's fields are looked up several times per row, a million
    /// rows at a time: comparing with a dozen names costs less than lower-casing and hashing.
    keys: Vec<String>,
}

impl Header {
    pub fn new(record: &StringRecord) -> Header {
        let names: Vec<String> = record.iter().map(|n| n.trim().to_owned()).collect();
        let keys = names.iter().map(|n| n.to_lowercase()).collect();
        Header { names, keys }
    }

    /// The first column named `name`, regardless of case.
    fn position(&self, name: &str) -> Option<usize> {
        if name.is_ascii() {
            // Column names in the code are ASCII: no need to lower-case them char by char.
            return self.keys.iter().position(|key| {
                key.len() == name.len()
                    && key
                        .bytes()
                        .zip(name.bytes())
                        .all(|(k, n)| k == n.to_ascii_lowercase())
            });
        }
        self.keys
            .iter()
            .position(|key| key.chars().eq(name.chars().flat_map(char::to_lowercase)))
    }

    pub fn has(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    pub fn require(&self, file: &str, names: &[&str]) -> Result<()> {
        let missing: Vec<&str> = names.iter().copied().filter(|n| !self.has(n)).collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(crate::CatalogError::Import {
            file: file.to_owned(),
            line: Some(1),
            column: Some(missing.join(", ")),
            message: format!(
                "required column(s) missing: {} (the header has: {})",
                missing.join(", "),
                self.names.join(", ")
            ),
        })
    }
}

/// One data row, with its line in the file.
pub struct Row<'a> {
    pub line: u64,
    pub record: &'a StringRecord,
    pub header: &'a Header,
}

impl Row<'_> {
    /// The trimmed value under `column`, or "" when the column or the value is absent.
    pub fn get(&self, column: &str) -> &str {
        self.header
            .position(column)
            .and_then(|i| self.record.get(i))
            .map(str::trim)
            .unwrap_or("")
    }
}

/// A CSV reader over `text` that hands back every record as is; the caller reads headers.
pub fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// Reads the next record, turning a broken or oversized one into a row error in `batch`.
/// Returns None at the end of the file.
pub fn next_record(
    reader: &mut csv::Reader<&[u8]>,
    record: &mut StringRecord,
    file: &str,
    batch: &mut Batch,
) -> Option<std::result::Result<u64, ()>> {
    loop {
        match reader.read_record(record) {
            Ok(false) => return None,
            // A row of empty fields (`,,,`, as spreadsheets save a blank line) is a blank line.
            Ok(true) if record.iter().all(|f| f.trim().is_empty()) => continue,
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line());
                if let Some(i) = record.iter().position(|f| f.len() > MAX_FIELD_BYTES) {
                    batch.error(
                        file,
                        Some(line),
                        None,
                        format!(
                            "field {} is {} bytes long; at most {MAX_FIELD_BYTES} are read",
                            i + 1,
                            record[i].len()
                        ),
                    );
                    return Some(Err(()));
                }
                return Some(Ok(line));
            }
            Err(error) => {
                let line = error.position().map(|p| p.line());
                batch.error(file, line, None, format!("unreadable CSV row: {error}"));
                return Some(Err(()));
            }
        }
    }
}

/// Reads a comma-separated table with a header row on its first line, checking `required`
/// columns, and calls `each` for every data row (blank rows are skipped by the CSV reader).
pub fn for_each_row(
    file: &str,
    text: &str,
    required: &[&str],
    batch: &mut Batch,
    each: impl FnMut(&mut Batch, &Row),
) -> Result<Header> {
    for_each_row_separated(file, text, b',', required, batch, each)
}

/// [`for_each_row`] for a table whose fields are separated by `delimiter`.
pub fn for_each_row_separated(
    file: &str,
    text: &str,
    delimiter: u8,
    required: &[&str],
    batch: &mut Batch,
    mut each: impl FnMut(&mut Batch, &Row),
) -> Result<Header> {
    check_quotes(file, text, delimiter)?;
    let mut reader = reader(text, delimiter);
    let mut record = StringRecord::new();
    let header = match next_record(&mut reader, &mut record, file, batch) {
        Some(Ok(_)) => Header::new(&record),
        _ => return Err(fatal(file, Some(1), "the file is empty: no header row")),
    };
    header.require(file, required)?;
    while let Some(result) = next_record(&mut reader, &mut record, file, batch) {
        let Ok(line) = result else { continue };
        if record.len() > header.names.len()
            && record
                .iter()
                .skip(header.names.len())
                .any(|f| !f.trim().is_empty())
        {
            batch.error(
                file,
                Some(line),
                None,
                format!(
                    "the row has {} fields but the header {}",
                    record.len(),
                    header.names.len()
                ),
            );
            continue;
        }
        batch.rows += 1;
        each(
            batch,
            &Row {
                line,
                record: &record,
                header: &header,
            },
        );
    }
    Ok(header)
}
