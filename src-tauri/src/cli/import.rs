//! `cinedex import ...`: bringing writing in from files.

use std::io::Read;
use std::path::Path;

use anyhow::Context;
use cinedex_catalog::Catalog;

use super::args::ImportCommand;
use super::output::{self, Output};

pub fn run(catalog: &Catalog, out: &Output, command: ImportCommand) -> anyhow::Result<()> {
    match command {
        ImportCommand::Article {
            file,
            film,
            dry_run,
        } => {
            let text = read_text(&file)?;
            let name = file.file_name().and_then(|n| n.to_str());
            let proposal = catalog.propose_article(&text, name, film)?;
            if dry_run {
                // A dry run is for looking before writing: the proposal in full, always as JSON.
                println!("{}", serde_json::to_string_pretty(&proposal)?);
                return Ok(());
            }
            let detail = catalog.import_article(&proposal)?;
            out.show(&detail, |d| {
                println!(
                    "Imported the article into film {}: {}",
                    d.film.id,
                    output::film_line(&d.film)
                );
                for conflict in &proposal.conflicts {
                    println!(
                        "  kept the catalog's {} ({}); the article says {}",
                        conflict.field,
                        conflict.catalog.join(", "),
                        conflict.article.join(", ")
                    );
                }
            })
        }
    }
}

/// Reads a text file whole; anything that is not UTF-8 text is refused with the file's name.
fn read_text(path: &Path) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read the article from standard input")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    }
    String::from_utf8(bytes).map_err(|_| {
        anyhow::anyhow!(
            "file: {} is not a text file (it is not UTF-8 text)",
            path.display()
        )
    })
}
