//! The Tellico reader on generated collections, hostile in depth and size: the fuzz bytes drive
//! a generator of entries, deeply nested elements, nested HTML in comments, repeated entries,
//! entity references and internal DTD subsets. Every file gives a preview or a typed error, never
//! a panic or a hang, and a file declaring its own DTD is always refused.
#![no_main]

use std::fmt::Write as _;
use std::sync::OnceLock;

use cinedex_catalog::{ImportOptions, ImportSource};
use cinedex_catalog::{Catalog, CatalogError};
use libfuzzer_sys::fuzz_target;

/// Generated files stay below this, so that each run is quick.
const MAX_BYTES: usize = 4 * 1024 * 1024;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::open_in_memory().expect("an in-memory catalog"))
}

fn scratch() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a scratch dir"))
        .path()
}

/// Fuzz bytes as XML-safe text (escaped; control characters dropped).
fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .map(|c| match c {
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '&' => "&amp;".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

struct Generated {
    prolog: String,
    entries: String,
    internal_subset: bool,
}

fn generate(data: &[u8]) -> Generated {
    let mut out = Generated {
        prolog: String::new(),
        entries: String::new(),
        internal_subset: false,
    };
    let mut last_entry = String::new();
    let mut ops = data.chunks(4);
    while let Some(op) = ops.next() {
        if out.entries.len() > MAX_BYTES {
            break;
        }
        let (code, arg) = (op[0] % 8, op.get(1).copied().unwrap_or(1) as usize);
        let payload = ops.next().unwrap_or(&[]);
        match code {
            // A plain entry.
            0 => {
                last_entry = format!(
                    "<entry><title>{}</title><year>{}</year><directors><director>{}</director></directors></entry>\n",
                    text(payload),
                    1870 + arg,
                    text(&op[1..])
                );
                out.entries.push_str(&last_entry);
            }
            // Elements nested deep inside an entry.
            1 => {
                let depth = arg * 400;
                out.entries.push_str("<entry><title>Deep</title>");
                out.entries.push_str(&"<x>".repeat(depth));
                out.entries.push_str(&text(payload));
                out.entries.push_str(&"</x>".repeat(depth));
                out.entries.push_str("</entry>\n");
            }
            // Comments holding nested HTML (escaped, as Tellico stores it); the HTML-to-Markdown
            // target goes deeper.
            2 => {
                let depth = arg * 4;
                let _ = write!(
                    out.entries,
                    "<entry><title>Commented</title><comments>{}{}{}</comments></entry>\n",
                    "&lt;i&gt;&lt;blockquote&gt;".repeat(depth),
                    text(payload),
                    "&lt;/blockquote&gt;&lt;/i&gt;".repeat(depth / 2),
                );
            }
            // The last entry many times over.
            3 => {
                let copies = arg * 20;
                for _ in 0..copies {
                    if out.entries.len() > MAX_BYTES {
                        break;
                    }
                    out.entries.push_str(&last_entry);
                }
            }
            // An internal subset declaring an entity, and references to it.
            4 => {
                out.internal_subset = true;
                let value = "x".repeat(arg * 64);
                out.prolog = format!("<!DOCTYPE tellico [<!ENTITY e \"{value}\">]>\n");
                let _ = write!(
                    out.entries,
                    "<entry><title>{}</title></entry>\n",
                    "&e;".repeat(arg * 50)
                );
            }
            // Entity references, known and unknown.
            5 => {
                let _ = write!(
                    out.entries,
                    "<entry><title>&amp;&lt;&#x41;&#{};&unknown;{}</title></entry>\n",
                    arg,
                    text(payload)
                );
            }
            // Raw fuzz bytes as markup.
            6 => out
                .entries
                .push_str(&String::from_utf8_lossy(payload).replace('\0', "")),
            // Long field values.
            _ => {
                let _ = write!(
                    out.entries,
                    "<entry><title>{}</title><running-time>{}</running-time><genres>{}</genres></entry>\n",
                    text(payload).repeat(arg * 16),
                    arg,
                    "<genre>g</genre>".repeat(arg * 16)
                );
            }
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let generated = generate(data);
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}<tellico xmlns=\"http://periapsis.org/tellico/\" syntaxVersion=\"11\"><collection type=\"3\">\n{}</collection></tellico>\n",
        if generated.prolog.is_empty() {
            "<!DOCTYPE tellico PUBLIC \"-//Robby Stephenson/DTD Tellico V11.0//EN\" \"http://periapsis.org/tellico/dtd/v11/tellico.dtd\">\n"
        } else {
            &generated.prolog
        },
        generated.entries
    );
    let path = scratch().join("collection.tc");
    std::fs::write(&path, xml).expect("the scratch file");
    let result = catalog().preview_import(ImportSource::Tellico, &path, &ImportOptions::default());
    if generated.internal_subset {
        assert!(
            matches!(result, Err(CatalogError::Import { .. })),
            "an internal DTD subset was not refused: {result:?}"
        );
    }
});
