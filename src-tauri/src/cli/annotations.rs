//! `cinedex note ...`: timecoded notes on a film.

use cinedex_catalog::{AnnotationInput, Catalog};
use clap::Subcommand;
use serde_json::json;

use super::output::{self, Output};

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Pin a note to a moment of a film
    Add {
        film_id: i64,
        /// The moment, HH:MM:SS
        #[arg(long, value_name = "HH:MM:SS")]
        at: String,
        #[arg(long)]
        text: String,
    },
    /// A film's timecoded notes, in film order
    List { film_id: i64 },
    /// Change a note's moment and text
    Edit {
        id: i64,
        #[arg(long, value_name = "HH:MM:SS")]
        at: String,
        #[arg(long)]
        text: String,
    },
    /// Delete a timecoded note
    Delete { id: i64 },
}

pub fn run(catalog: &Catalog, out: &Output, command: NoteCommand) -> anyhow::Result<()> {
    match command {
        NoteCommand::Add { film_id, at, text } => {
            let note = catalog.add_annotation(film_id, &AnnotationInput { at, body: text })?;
            out.show(&note, |n| {
                println!("Added note {} at {} to film {}", n.id, n.at, n.film_id)
            })
        }
        NoteCommand::List { film_id } => {
            let notes = catalog.list_annotations(film_id)?;
            out.show(&notes, |notes| output::print_notes(notes))
        }
        NoteCommand::Edit { id, at, text } => {
            let note = catalog.update_annotation(id, &AnnotationInput { at, body: text })?;
            out.show(&note, |n| println!("Updated note {} at {}", n.id, n.at))
        }
        NoteCommand::Delete { id } => {
            catalog.delete_annotation(id)?;
            out.show(&json!({ "id": id, "deleted": true }), |_| {
                println!("Deleted note {id}")
            })
        }
    }
}
