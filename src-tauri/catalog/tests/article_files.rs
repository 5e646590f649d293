//! Article files read as text the same way for the window, the command line and fetched pages:
//! UTF-8, a byte-order mark's encoding, an HTML page's declared charset, else the encoding found;
//! binary, oversized and non-regular files refused by name.

use cinedex_catalog::CatalogError;
use cinedex_catalog::{article_text, read_article_file, MAX_ARTICLE_BYTES};

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn refusal(error: CatalogError) -> String {
    match error {
        CatalogError::Invalid { field, message } => {
            assert_eq!(field, "file");
            message
        }
        other => panic!("expected an invalid file, got {other:?}"),
    }
}

#[test]
fn a_windows_1252_text_file_reads_with_its_accents() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(
        "Amélie - Cahiers\n\nUne fée à Montmartre, où le café déborde de détails très français.\n",
    );
    let read = read_article_file(&write(&dir, "amelie.txt", &bytes)).unwrap();
    assert_eq!(read.name, "amelie.txt");
    assert!(read.text.starts_with("Amélie - Cahiers"), "{}", read.text);
    assert!(read.text.contains("fée à Montmartre"));
    assert_eq!(read.encoding.as_deref(), Some("windows-1252"));
}

#[test]
fn an_html_page_is_read_in_the_charset_it_declares() {
    let page =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">\
        <title>千と千尋の神隠し - 映画評</title></head><body><p>宮崎駿の傑作。</p></body></html>";
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(page);
    let read = article_text("review.html", bytes.into_owned()).unwrap();
    assert!(read.text.contains("千と千尋の神隠し"), "{}", read.text);
    assert_eq!(read.encoding.as_deref(), Some("Shift_JIS"));
}

#[test]
fn a_utf8_file_is_read_as_it_is_and_utf16_by_its_mark() {
    let plain = article_text("a.md", "# Ça tourne\n\nTexte.".as_bytes().to_vec()).unwrap();
    assert_eq!(plain.text, "# Ça tourne\n\nTexte.");
    assert_eq!(plain.encoding, None);

    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Stalker, 1979".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let read = article_text("b.txt", utf16).unwrap();
    assert_eq!(read.text, "Stalker, 1979");
    assert_eq!(read.encoding.as_deref(), Some("UTF-16LE"));
}

#[test]
fn binary_oversized_and_non_regular_files_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let png = write(&dir, "poster.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe");
    let message = refusal(read_article_file(&png).unwrap_err());
    assert!(message.contains("poster.png"), "{message}");
    assert!(message.contains("binary"), "{message}");

    let huge = vec![b'a'; MAX_ARTICLE_BYTES as usize + 1];
    let message = refusal(article_text("huge.txt", huge).unwrap_err());
    assert!(
        message.contains("huge.txt") && message.contains("MiB"),
        "{message}"
    );

    let message = refusal(read_article_file(dir.path()).unwrap_err());
    assert!(message.contains("not a regular file"), "{message}");

    let missing = read_article_file(&dir.path().join("gone.txt")).unwrap_err();
    assert!(missing.to_string().contains("gone.txt"), "{missing}");
}
