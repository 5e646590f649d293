//! Saving the year in review: its Markdown page, and the PNG image the window renders of it
//! (checked to be a PNG of bounded size before it is written). Both go through the export's
//! file writer, so an existing file is refused unless the person said to replace it.

use crate::field::Field;
use std::io::Write;
use std::path::Path;

use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::export::{write_file, Existing};

/// The largest image accepted from the window.
pub const MAX_PNG_BYTES: usize = 50 * 1024 * 1024;
/// The widest and tallest image accepted, in pixels.
pub const MAX_PNG_SIDE: u32 = 16_000;

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

impl Catalog {
    /// Writes the Markdown page of `year` to `out`.
    pub fn export_year_in_review_markdown(
        &self,
        year: i32,
        out: &Path,
        existing: Existing,
    ) -> Result<()> {
        let page = self.year_in_review(year)?.to_markdown();
        write_file(out, existing, |w| w.write_all(page.as_bytes()))
    }

    /// Writes an image of the year's page, rendered by the window, to `out`.
    pub fn save_year_in_review_png(
        &self,
        bytes: &[u8],
        out: &Path,
        existing: Existing,
    ) -> Result<()> {
        check_png(bytes)?;
        write_file(out, existing, |w| w.write_all(bytes))
    }

    /// [`Catalog::save_year_in_review_png`] of the image the window rendered, sent as base64 (a
    /// `data:image/png;base64,` URL's prefix allowed); `None` when nothing was sent.
    pub fn save_year_in_review_png_base64(
        &self,
        image: Option<&str>,
        out: &Path,
        existing: Existing,
    ) -> Result<()> {
        let bytes = png_from_base64(image)?;
        self.save_year_in_review_png(&bytes, out, existing)
    }
}

fn png_from_base64(text: Option<&str>) -> Result<Vec<u8>> {
    use base64::Engine;
    let text = text.ok_or_else(|| CatalogError::invalid(Field::Image, "No image was sent."))?;
    let text = text.strip_prefix("data:image/png;base64,").unwrap_or(text);
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|_| CatalogError::invalid(Field::Image, "The image is not valid base64."))
}

/// Checks that `bytes` are a PNG image (signature, then a header read by the image decoder) of at
/// most [`MAX_PNG_BYTES`] and [`MAX_PNG_SIDE`] pixels a side; returns its width and height.
pub fn check_png(bytes: &[u8]) -> Result<(u32, u32)> {
    let invalid = |message: String| CatalogError::invalid(Field::Image, message);
    if bytes.len() > MAX_PNG_BYTES {
        return Err(invalid(format!(
            "The image is larger than {} MB.",
            MAX_PNG_BYTES / (1024 * 1024)
        )));
    }
    if !bytes.starts_with(PNG_SIGNATURE) {
        return Err(invalid("The image is not a PNG file.".into()));
    }
    let reader =
        image::ImageReader::with_format(std::io::Cursor::new(bytes), image::ImageFormat::Png);
    let (width, height) = reader
        .into_dimensions()
        .map_err(|e| invalid(format!("The PNG image cannot be read: {e}")))?;
    if width == 0 || height == 0 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE {
        return Err(invalid(format!(
            "The image is {width}×{height} pixels; at most {MAX_PNG_SIDE} a side is accepted."
        )));
    }
    Ok((width, height))
}
