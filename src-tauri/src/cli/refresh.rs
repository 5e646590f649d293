//! `cinedex refresh ID`: the film beside the reference, field by field; `--fill` fills only the
//! blanks, `--take FIELD…` (or `--take all`) takes the reference's value of those fields.

use cinedex_catalog::{Catalog, ReferenceSource};
use cinedex_catalog::{FieldStatus, Refresh, Take};
use clap::Args;
use comfy_table::{presets, ContentArrangement, Table};

use super::output::Output;
use super::spelled::spelled;

#[derive(Debug, Args)]
pub struct RefreshArgs {
    pub id: i64,
    /// Which reference to compare with (Wikidata unless TMDB is asked for)
    #[arg(long, value_parser = spelled::<ReferenceSource>())]
    pub source: Option<ReferenceSource>,
    /// Take the reference's value of these fields (title, year, cast, genres, ...; or all)
    #[arg(long, value_name = "FIELD", num_args = 1.., conflicts_with = "fill")]
    pub take: Vec<String>,
    /// Fill only the fields the film has blank
    #[arg(long)]
    pub fill: bool,
}

pub fn refresh(catalog: &Catalog, out: &Output, args: RefreshArgs) -> anyhow::Result<()> {
    let take = if args.fill {
        Take::Blanks
    } else if args.take.iter().any(|f| f == "all") {
        Take::All
    } else if args.take.is_empty() {
        Take::Nothing
    } else {
        Take::Fields(args.take)
    };
    let reference = crate::reference_for(catalog)?;
    let refresh = catalog.refresh_film(&reference, args.id, args.source, &take)?;
    out.show(&refresh, print_refresh)
}

fn print_refresh(refresh: &Refresh) {
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(["FIELD", "YOURS", "THEIRS", ""]);
    for field in &refresh.fields {
        let mark = match field.status {
            FieldStatus::Same => "same",
            FieldStatus::Fill => "blank: --fill takes theirs",
            FieldStatus::Differs => "differs: yours kept",
            FieldStatus::Absent => "",
        };
        table.add_row([
            field.field.as_str(),
            &shorten(&field.catalog.join(", ")),
            &shorten(&field.reference.join(", ")),
            mark,
        ]);
    }
    println!(
        "Film {} beside {} {}:",
        refresh.film_id,
        refresh.source.service_name(),
        refresh.reference_id
    );
    println!("{table}");
    if refresh.applied.is_empty() {
        println!("Nothing changed (--fill fills blanks, --take FIELD… takes theirs).");
    } else {
        println!("Took {}.", refresh.applied.join(", "));
    }
}

fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    }
}
