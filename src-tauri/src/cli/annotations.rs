//! `cinedex note ...`: timecoded notes on a film.

use cinedex_catalog::{Annotation, AnnotationInput, Catalog};
use serde_json::json;

use super::args::NoteCommand;
use super::output::Output;

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
            out.show(&notes, |notes| print_notes(notes))
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

pub fn print_notes(notes: &[Annotation]) {
    if notes.is_empty() {
        println!("No timecoded notes.");
    }
    for note in notes {
        println!("{:>8} — {} (#{})", note.at, note.body, note.id);
    }
}
