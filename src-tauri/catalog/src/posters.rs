//! Posters: an image a person attaches to a film is checked (it must decode as JPEG, PNG, WebP or
//! GIF), copied into the `posters/` folder beside the catalog file, and thumbnailed once. The
//! window shows thumbnails only, through a protocol that serves them by film id.

use crate::field::Field;
use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use image::codecs::jpeg::JpegEncoder;
use image::{ImageFormat, ImageReader, Limits};
use rusqlite::{params, OptionalExtension};

use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::films::{film_by_id, require_live};
use crate::model::Film;
use crate::time;

/// The largest poster file accepted: a scan at print resolution fits easily.
pub const MAX_POSTER_BYTES: u64 = 40 * 1024 * 1024;
/// The widest and tallest poster accepted, checked before decoding: a print scan fits.
pub const MAX_POSTER_SIDE: u32 = 12_000;
/// Thumbnails fit in this box, enough for a grid card on a high-density screen.
pub const THUMB_WIDTH: u32 = 320;
pub const THUMB_HEIGHT: u32 = 480;
const THUMB_QUALITY: u8 = 82;

/// The folder holding the posters of the catalog at `catalog`.
pub fn posters_dir(catalog: &Path) -> PathBuf {
    catalog.parent().unwrap_or(Path::new(".")).join("posters")
}

fn thumb_name(film_id: i64) -> String {
    format!("{film_id}-thumb.jpg")
}

/// The extensions of the originals the app writes, one per accepted format.
const EXTENSIONS: [&str; 4] = ["jpg", "png", "webp", "gif"];

/// The film a file in `posters/` belongs to, when its name is one the app itself writes
/// (`12.png`, `12-thumb.jpg`, `12.partial`). Anything else (a name read from a restored or foreign catalog,
/// `../victim`, `/etc/passwd`, a file a person put there) is never removed nor read.
fn own_file_film(name: &str) -> Option<i64> {
    let (stem, extension) = name.rsplit_once('.')?;
    let (digits, thumb) = match stem.strip_suffix("-thumb") {
        Some(digits) => (digits, true),
        None => (stem, false),
    };
    // `.partial`: what `write_atomically` leaves when a crash interrupts it.
    let well_named = extension == "partial"
        || if thumb {
            extension == "jpg"
        } else {
            EXTENSIONS.contains(&extension)
        };
    // Digits only: no sign, no separator, no leading zero, so one film has one spelling.
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !(digits.len() > 1 && digits.starts_with('0'));
    if !(well_named && canonical) {
        return None;
    }
    digits.parse().ok()
}

impl Catalog {
    /// Copies the image at `source` in as film `film_id`'s poster (replacing any earlier one) and
    /// makes its thumbnail. The file is checked before anything is stored.
    pub fn attach_poster(&self, film_id: i64, source: &Path) -> Result<Film> {
        // A catalog with no poster folder refuses before the file is read.
        self.posters_dir()?;
        let bytes = read_poster_file(source)?;
        self.attach_poster_bytes(film_id, &bytes, &source.display().to_string())
    }

    /// Stores `bytes` as film `film_id`'s poster, checked as a file is: the type by content, the
    /// size cap, and the dimensions before any pixel is decoded. `origin` (a path, an address)
    /// names the image in errors.
    pub fn attach_poster_bytes(&self, film_id: i64, bytes: &[u8], origin: &str) -> Result<Film> {
        let dir = self.posters_dir()?;
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| CatalogError::Io { path, source }
        };
        let refused = |why: String| CatalogError::invalid(Field::File, format!("{origin}: {why}"));
        if bytes.len() as u64 > MAX_POSTER_BYTES {
            return Err(refused(format!(
                "{} MiB is larger than the {} MiB a poster may be",
                bytes.len() / (1024 * 1024),
                MAX_POSTER_BYTES / (1024 * 1024)
            )));
        }
        let not_an_image = || refused("not a JPEG, PNG, WebP or GIF image".into());
        let format = image::guess_format(bytes).map_err(|_| not_an_image())?;
        let extension = match format {
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Png => "png",
            ImageFormat::WebP => "webp",
            ImageFormat::Gif => "gif",
            _ => return Err(not_an_image()),
        };
        let decoded = decode_bounded(bytes, format).map_err(refused)?;
        // The one resize: the grid only ever shows this thumbnail.
        let thumb = decoded.thumbnail(THUMB_WIDTH, THUMB_HEIGHT).to_rgb8();
        let mut thumb_bytes = Vec::new();
        JpegEncoder::new_with_quality(&mut thumb_bytes, THUMB_QUALITY)
            .encode_image(&thumb)
            .map_err(|error| CatalogError::invalid(Field::File, error.to_string()))?;

        fs::create_dir_all(&dir).map_err(io(&dir))?;
        let original = format!("{film_id}.{extension}");
        self.write(|tx| {
            require_live(tx, film_id)?;
            let previous: Option<String> = tx
                .query_row("SELECT poster FROM films WHERE id = ?1", [film_id], |row| {
                    row.get(0)
                })
                .optional()?
                .flatten();
            // Files first, then the row: if writing a file fails the transaction rolls back and
            // the film keeps its old poster (whose files have the same names only when the
            // extension matches, in which case they are replaced whole by the rename).
            write_atomically(&dir.join(&original), bytes)?;
            write_atomically(&dir.join(thumb_name(film_id)), &thumb_bytes)?;
            // The stored name is only trusted when it is this film's own.
            let own = |name: &String| own_file_film(name) == Some(film_id) && *name != original;
            if let Some(previous) = previous.filter(own) {
                let _ = fs::remove_file(dir.join(previous));
            }
            tx.execute(
                "UPDATE films SET poster = ?2, updated_at = ?3 WHERE id = ?1",
                params![film_id, original, time::to_text(time::now())],
            )?;
            film_by_id(tx, film_id)
        })
    }

    /// Removes film `film_id`'s poster; it shows its placeholder again.
    pub fn remove_poster(&self, film_id: i64) -> Result<Film> {
        let dir = self.posters_dir()?;
        self.write(|tx| {
            require_live(tx, film_id)?;
            tx.execute(
                "UPDATE films SET poster = NULL, updated_at = ?2 WHERE id = ?1",
                params![film_id, time::to_text(time::now())],
            )?;
            film_by_id(tx, film_id)
        })
        .inspect(|_| remove_files(&dir, film_id))
    }

    /// The thumbnail file of film `film_id`'s poster, if it has one.
    pub fn poster_thumbnail(&self, film_id: i64) -> Result<Option<PathBuf>> {
        let dir = self.posters_dir()?;
        let has: Option<bool> = self.read(|tx| {
            Ok(tx
                .query_row(
                    "SELECT poster IS NOT NULL FROM films WHERE id = ?1",
                    [film_id],
                    |row| row.get(0),
                )
                .optional()?)
        })?;
        Ok(has
            .filter(|has| *has)
            .map(|_| dir.join(thumb_name(film_id))))
    }

    /// Deletes poster files whose film is gone (purged from the trash). Best effort: a file that
    /// cannot be removed now is tried again next time.
    pub fn sweep_posters(&self) -> Result<usize> {
        let Ok(dir) = self.posters_dir() else {
            return Ok(0);
        };
        let Ok(entries) = fs::read_dir(&dir) else {
            return Ok(0);
        };
        let ids: Vec<(i64, PathBuf)> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter_map(|path| {
                let id = own_file_film(path.file_name()?.to_str()?)?;
                Some((id, path))
            })
            .collect();
        let mut removed = 0;
        for (id, path) in ids {
            let exists: bool = self.read(|tx| {
                Ok(tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM films WHERE id = ?1)",
                    [id],
                    |row| row.get(0),
                )?)
            })?;
            if !exists && fs::remove_file(path).is_ok() {
                removed += 1;
            }
        }
        Ok(removed)
    }

    fn posters_dir(&self) -> Result<PathBuf> {
        self.path().map(|path| posters_dir(&path)).ok_or_else(|| {
            CatalogError::Conflict("an in-memory catalog has no folder to keep posters in".into())
        })
    }
}

fn remove_files(dir: &Path, film_id: i64) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let name = path.file_name().and_then(|s| s.to_str()).unwrap_or("");
        if own_file_film(name) == Some(film_id) {
            let _ = fs::remove_file(path);
        }
    }
}

/// `bytes` decoded, once its header says it is at most [`MAX_POSTER_SIDE`] pixels a side: a
/// small file that claims to be 100,000 pixels square is refused before anything is allocated.
pub(crate) fn decode_bounded(
    bytes: &[u8],
    format: ImageFormat,
) -> std::result::Result<image::DynamicImage, String> {
    let reader = || ImageReader::with_format(Cursor::new(bytes), format);
    let (width, height) = reader()
        .into_dimensions()
        .map_err(|error| error.to_string())?;
    if width > MAX_POSTER_SIDE || height > MAX_POSTER_SIDE {
        return Err(format!(
            "{width}×{height} pixels is larger than the {MAX_POSTER_SIDE}×{MAX_POSTER_SIDE} a poster may be"
        ));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_POSTER_SIDE);
    limits.max_image_height = Some(MAX_POSTER_SIDE);
    let mut decoder = reader();
    decoder.limits(limits);
    decoder.decode().map_err(|error| error.to_string())
}

/// The bytes of the image at `source`: a regular file of at most [`MAX_POSTER_BYTES`]. A device
/// (`/dev/zero`) or a FIFO is refused before it is read; the cap holds while reading, so a file
/// that grows after it was measured cannot exhaust memory either.
fn read_poster_file(source: &Path) -> Result<Vec<u8>> {
    let io = |source_error| CatalogError::Io {
        path: source.to_path_buf(),
        source: source_error,
    };
    let not_a_file = || {
        CatalogError::invalid(
            Field::File,
            format!("{}: not a regular file", source.display()),
        )
    };
    let too_large = |size: u64| {
        CatalogError::invalid(
            Field::File,
            format!(
                "{}: {} MiB is larger than the {} MiB a poster may be",
                source.display(),
                size / (1024 * 1024),
                MAX_POSTER_BYTES / (1024 * 1024)
            ),
        )
    };
    if !fs::metadata(source).map_err(io)?.is_file() {
        return Err(not_a_file());
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    // Should the path turn into a FIFO between the check and the open, the open must not wait
    // for a writer; on a regular file the flag changes nothing.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(source).map_err(io)?;
    let metadata = file.metadata().map_err(io)?;
    if !metadata.is_file() {
        return Err(not_a_file());
    }
    if metadata.len() > MAX_POSTER_BYTES {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_POSTER_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_POSTER_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Writes `bytes` to a temporary file beside `target`, syncs it and renames it over `target`, so
/// a crash never leaves half an image under the real name.
fn write_atomically(target: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source| CatalogError::Io {
        path: target.to_path_buf(),
        source,
    };
    let temp = target.with_extension("partial");
    let mut file = fs::File::create(&temp).map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.sync_all().map_err(io)?;
    fs::rename(&temp, target).map_err(io)
}
