//! `cinedex lookup` (candidates from Wikidata or TMDB) and `cinedex config` (the lookup settings,
//! kept in the config directory with mode 0600, the TMDB key never printed).

use std::path::PathBuf;

use anyhow::Context;
use cinedex_catalog::Catalog;
use cinedex_catalog::{config_dir, LookupResult, ReferenceSource, SettingName, Settings};
use clap::{Args, Subcommand};

use super::spelled::spelled;
use comfy_table::{presets, ContentArrangement, Table};
use serde::Serialize;

use super::output::Output;

#[derive(Debug, Args)]
pub struct LookupArgs {
    /// The title to look up (several words are joined)
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Films of this year first
    #[arg(long)]
    pub year: Option<i32>,
    /// Where to look
    #[arg(long, value_parser = spelled::<ReferenceSource>(), default_value = "wikidata")]
    pub source: ReferenceSource,
    /// The most candidates to show (1 to 50)
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Set a setting: tmdb-key KEY, or offline true|false
    Set { name: String, value: String },
    /// Show a setting (the TMDB key masked)
    Get { name: String },
    /// Remove a setting (back to its default)
    Unset { name: String },
}

pub fn lookup(catalog: &Catalog, out: &Output, args: LookupArgs) -> anyhow::Result<()> {
    let query = args.query.join(" ");
    let reference = crate::reference_for(catalog)?;
    let result = reference.lookup(Some(catalog), &query, args.year, args.source, args.limit)?;
    out.show(&result, print_candidates)
}

fn print_candidates(result: &LookupResult) {
    if result.candidates.is_empty() {
        println!(
            "No film found on {} for {:?}",
            result.source.service_name(),
            result.query
        );
        return;
    }
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header([
            "ID",
            "TITLE",
            "YEAR",
            "DIRECTORS",
            "IN CATALOG",
            "DESCRIPTION",
        ]);
    for candidate in &result.candidates {
        let mut title = candidate.title.clone();
        if let Some(original) = candidate.original_title.as_deref() {
            if original != title {
                title.push_str(&format!(" ({original})"));
            }
        }
        table.add_row([
            format!("{}:{}", candidate.source.as_str(), candidate.id),
            title,
            candidate.year.map(|y| y.to_string()).unwrap_or_default(),
            candidate.directors.join(", "),
            candidate
                .in_catalog
                .map(|id| format!("film {id}"))
                .unwrap_or_default(),
            candidate.description.clone().unwrap_or_default(),
        ]);
    }
    println!("{table}");
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SettingValue {
    name: &'static str,
    value: Option<String>,
    /// For the key: whether one is saved (its value is only ever shown masked).
    set: bool,
    file: String,
}

pub fn config(out: &Output, command: ConfigCommand) -> anyhow::Result<()> {
    let dir: PathBuf = config_dir(crate::default_config_dir())
        .context("no config directory: set CINEDEX_CONFIG_DIR")?;
    let mut settings = Settings::load(&dir)?;
    let (name, changed) = match command {
        ConfigCommand::Set { name, value } => {
            let name = SettingName::parse(&name)?;
            settings.set(name, &value)?;
            (name, true)
        }
        ConfigCommand::Get { name } => (SettingName::parse(&name)?, false),
        ConfigCommand::Unset { name } => {
            let name = SettingName::parse(&name)?;
            settings.unset(name);
            (name, true)
        }
    };
    let file = if changed {
        settings.save(&dir)?
    } else {
        dir.join(cinedex_catalog::SETTINGS_FILE)
    };
    let set = match name {
        SettingName::TmdbKey => settings.tmdb_key.is_some(),
        SettingName::Offline => settings.offline,
    };
    let shown = SettingValue {
        name: name.as_str(),
        value: settings.get(name),
        set,
        file: file.display().to_string(),
    };
    out.show(&shown, |s| match &s.value {
        Some(value) => println!("{} = {value}", s.name),
        None => println!("{} is not set", s.name),
    })
}
