//! `cinedex highlight ...`: passages marked in a review, note or article, with margin notes.

use cinedex_catalog::{Catalog, Highlight, HighlightInput};
use clap::Subcommand;
use serde_json::json;

use super::output::Output;

#[derive(Debug, Subcommand)]
pub enum HighlightCommand {
    /// Mark a passage of a review; the quote must be in its text (whitespace need not match)
    Add {
        review_id: i64,
        /// The passage, as it reads in the review
        #[arg(long)]
        quote: String,
        /// A margin note on the passage
        #[arg(long)]
        note: Option<String>,
        /// When the quote occurs more than once: take the occurrence nearest this character offset
        #[arg(long, value_name = "OFFSET")]
        near: Option<u32>,
    },
    /// A review's highlights in text order (those whose quote was edited away last)
    List { review_id: i64 },
    /// Write or replace a highlight's note (an empty note removes it)
    Note { id: i64, text: String },
    /// Delete a highlight and its note
    Delete { id: i64 },
}

pub fn run(catalog: &Catalog, out: &Output, command: HighlightCommand) -> anyhow::Result<()> {
    match command {
        HighlightCommand::Add {
            review_id,
            quote,
            note,
            near,
        } => {
            let input = HighlightInput { quote, note, near };
            let highlight = catalog.add_highlight(review_id, &input)?;
            out.show(&highlight, |h| {
                println!("Added highlight {} to review {}", h.id, h.review_id)
            })
        }
        HighlightCommand::List { review_id } => {
            let highlights = catalog.list_highlights(review_id)?;
            out.show(&highlights, |list| print_highlights(list))
        }
        HighlightCommand::Note { id, text } => {
            let highlight = catalog.update_highlight_note(id, Some(&text))?;
            out.show(&highlight, |h| match &h.note {
                Some(_) => println!("Updated the note of highlight {}", h.id),
                None => println!("Removed the note of highlight {}", h.id),
            })
        }
        HighlightCommand::Delete { id } => {
            catalog.delete_highlight(id)?;
            out.show(&json!({ "id": id, "deleted": true }), |_| {
                println!("Deleted highlight {id}")
            })
        }
    }
}

/// `> quote` with the note under it, as the Markdown export shows them.
fn print_highlights(highlights: &[Highlight]) {
    if highlights.is_empty() {
        println!("No highlights.");
    }
    for h in highlights {
        let lost = if h.orphaned {
            " (no longer in the text)"
        } else {
            ""
        };
        println!("#{}{lost}\n> {}", h.id, h.quote);
        if let Some(note) = &h.note {
            println!("  {note}");
        }
    }
}
