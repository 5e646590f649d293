//! `cinedex export (json|csv|markdown|letterboxd) OUT`.

use std::path::PathBuf;

use cinedex_catalog::{Catalog, ExportExisting, ExportFormat};
use clap::Args;

use super::spelled::spelled;

use super::output::Output;

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(value_parser = spelled::<ExportFormat>())]
    pub format: ExportFormat,
    /// A new file (json, csv) or a new or empty folder (markdown, letterboxd)
    pub out: PathBuf,
    /// Replace a file already at OUT (json, csv); without it an existing file is refused
    #[arg(long)]
    pub replace: bool,
}

pub fn run(catalog: &Catalog, out: &Output, args: ExportArgs) -> anyhow::Result<()> {
    let existing = ExportExisting::replacing(args.replace);
    let report = catalog.export_to(args.format, &args.out, existing)?;
    out.show(&report, |r| {
        println!(
            "Exported {} film(s) into {} file(s) at {}",
            r.films, r.files, r.path
        )
    })
}
