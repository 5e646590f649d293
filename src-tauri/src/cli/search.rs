//! `cinedex search` and `cinedex smart`: the catalog's search and saved searches from the shell.

use cinedex_catalog::{Catalog, SearchResults, Segment, SmartListInput};
use cinedex_catalog::{CLI_PAGE, MAX_SEARCH_LIMIT};
use clap::{Args, Subcommand};
use comfy_table::{presets, ContentArrangement, Table};
use serde_json::json;

use super::output::Output;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query: words, "exact phrases", -excluded, director:NAME, theme:NAME, year:2004,
    /// year:1990..1999, rating:>=4, has:review, is:watchlist. Several arguments are joined with
    /// spaces; put `--` before a query that starts with `-` (`cinedex search -- -remake`)
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// How many films to show
    #[arg(long, default_value_t = CLI_PAGE as u32, value_parser = clap::value_parser!(u32).range(1..=MAX_SEARCH_LIMIT as i64))]
    pub limit: u32,
    /// Skip this many films first (for the next page)
    #[arg(long, default_value_t = 0)]
    pub offset: u32,
}

#[derive(Debug, Subcommand)]
pub enum SmartCommand {
    /// Save a search as a smart list
    Add {
        name: String,
        #[arg(allow_hyphen_values = true)]
        query: String,
    },
    /// List the smart lists
    List,
    /// Run a smart list's search now
    Show {
        /// The list's name or id
        name_or_id: String,
        #[arg(long, default_value_t = CLI_PAGE as u32, value_parser = clap::value_parser!(u32).range(1..=MAX_SEARCH_LIMIT as i64))]
        limit: u32,
    },
    /// Delete a smart list (its films stay in the catalog)
    Delete { id: i64 },
}

pub fn search(catalog: &Catalog, out: &Output, args: SearchArgs) -> anyhow::Result<()> {
    let query = args.query.join(" ");
    let results = catalog.search(&query, args.limit as usize, args.offset as usize)?;
    out.show(&results, print_results)
}

pub fn smart(catalog: &Catalog, out: &Output, command: SmartCommand) -> anyhow::Result<()> {
    match command {
        SmartCommand::Add { name, query } => {
            let list = catalog.add_smart_list(&SmartListInput { name, query })?;
            out.show(&list, |l| {
                println!("Saved smart list {} \"{}\": {}", l.id, l.name, l.query)
            })
        }
        SmartCommand::List => {
            let lists = catalog.list_smart_lists()?;
            out.show(&lists, |lists| {
                if lists.is_empty() {
                    println!("No smart lists. `cinedex smart add NAME QUERY` saves one.");
                }
                for list in lists {
                    println!("{:>4}  {}  ({})", list.id, list.name, list.query);
                }
            })
        }
        SmartCommand::Show { name_or_id, limit } => {
            let list = catalog.find_smart_list(&name_or_id)?;
            let results = catalog.search(&list.query, limit as usize, 0)?;
            out.show(&json!({ "list": list, "results": results }), |_| {
                println!("{} ({})", list.name, list.query);
                print_results(&results);
            })
        }
        SmartCommand::Delete { id } => {
            catalog.delete_smart_list(id)?;
            out.show(&json!({ "id": id, "deleted": true }), |_| {
                println!("Deleted smart list {id}.")
            })
        }
    }
}

fn print_results(results: &SearchResults) {
    if results.hits.is_empty() {
        println!("No films match.");
        return;
    }
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(["ID", "TITLE", "YEAR", "DIRECTORS", "MATCHED", "SNIPPET"]);
    for hit in &results.hits {
        let matched: Vec<String> = hit
            .matched
            .iter()
            .map(|m| {
                serde_json::to_value(m)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            })
            .collect();
        table.add_row([
            hit.film.id.to_string(),
            marked(&hit.title),
            hit.film.year.map(|y| y.to_string()).unwrap_or_default(),
            hit.film.directors.join(", "),
            matched.join(", "),
            hit.snippet
                .as_ref()
                .map(|s| marked(&s.text))
                .unwrap_or_default(),
        ]);
    }
    println!("{table}");
    let more = if results.total_is_estimate { "+" } else { "" };
    println!("{} of {}{more} films", results.hits.len(), results.total);
}

/// Segments as text with the matching words in [brackets], for a terminal.
fn marked(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| {
            if s.hit {
                format!("[{}]", s.text)
            } else {
                s.text.clone()
            }
        })
        .collect()
}
