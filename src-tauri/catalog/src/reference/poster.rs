//! Posters from the reference: TMDB's images, fetched through the one HTTP client and cached like
//! every answer, checked as a poster file is, then stored by the poster pipeline or shrunk into a
//! small `data:` URL for a candidate in the lookup list.

use crate::field::Field;
use std::io::Cursor;

use base64::Engine;
use image::codecs::jpeg::JpegEncoder;
use image::ImageFormat;
use url::Url;

use super::{http, ExternalId, Reference, ReferenceSource};
use crate::db::Catalog;
use crate::error::{CatalogError, Result};
use crate::model::Film;
use crate::posters::{decode_bounded, MAX_POSTER_BYTES};

/// The service images are asked of, for the offline switch, the cache and errors.
const SERVICE: &str = "TMDB";
/// A candidate's thumbnail fits this box: a lookup row on a high-density screen.
pub const CANDIDATE_WIDTH: u32 = 92;
pub const CANDIDATE_HEIGHT: u32 = 138;

impl Reference {
    /// The image at `url`, one of TMDB's (see [`Reference::poster_url_allowed`]): from the
    /// cache, else fetched. Anything that is not a JPEG, PNG, WebP or GIF is refused and not kept.
    pub fn poster_image(&self, url: &str) -> Result<Vec<u8>> {
        let url = self.poster_url_allowed(url)?;
        self.fetcher.get_checked(SERVICE, &url, None, |body| {
            let known = matches!(
                image::guess_format(body),
                Ok(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP | ImageFormat::Gif)
            );
            if !known || body.len() as u64 > MAX_POSTER_BYTES {
                return Err(CatalogError::Network {
                    service: SERVICE,
                    message: format!("{} is not a poster image", http::redacted(&url)),
                });
            }
            Ok(body.to_vec())
        })
    }

    /// `url` when TMDB's configuration vouches for it; refused otherwise, naming the field.
    pub fn poster_url_allowed(&self, url: &str) -> Result<Url> {
        let tmdb = self.tmdb.as_ref().ok_or_else(no_key)?;
        tmdb.image_url(url)?.ok_or_else(|| {
            CatalogError::invalid(
                Field::PosterUrl,
                format!("{url:?} is not an image address TMDB gave"),
            )
        })
    }

    /// TMDB's poster address for the film `ids` name (its TMDB id, else its IMDb id), if TMDB
    /// has one: how a film found on Wikidata, or imported, gets a poster.
    pub fn poster_url_of(&self, ids: &[ExternalId]) -> Result<Option<String>> {
        if self.tmdb.is_none() {
            return Err(no_key());
        }
        let mut ordered: Vec<&ExternalId> = ids.iter().filter(|id| id.source == "tmdb").collect();
        ordered.extend(ids.iter().filter(|id| id.source == "imdb"));
        for id in ordered {
            if let Some(film) = self.fetch(id, Some(ReferenceSource::Tmdb))? {
                if film.poster_url.is_some() {
                    return Ok(film.poster_url);
                }
            }
        }
        Ok(None)
    }

    /// The poster at `url` as a small JPEG `data:` URL, for a candidate in the lookup list.
    pub fn candidate_poster(&self, url: &str) -> Result<String> {
        let bytes = self.poster_image(url)?;
        let unreadable = |why: String| CatalogError::Network {
            service: SERVICE,
            message: format!("the poster could not be read: {why}"),
        };
        let format = image::guess_format(&bytes).map_err(|e| unreadable(e.to_string()))?;
        let image = decode_bounded(&bytes, format).map_err(unreadable)?;
        let thumb = image.thumbnail(CANDIDATE_WIDTH, CANDIDATE_HEIGHT).to_rgb8();
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(&mut Cursor::new(&mut jpeg), 80)
            .encode_image(&thumb)
            .map_err(|e| unreadable(e.to_string()))?;
        let encoded = base64::engine::general_purpose::STANDARD.encode(&jpeg);
        Ok(format!("data:image/jpeg;base64,{encoded}"))
    }
}

fn no_key() -> CatalogError {
    CatalogError::invalid(Field::PosterUrl,
        "posters come from TMDB, which needs your API key (Settings, or `cinedex config set tmdb-key KEY`)",
    )
}

impl Catalog {
    /// Fetches TMDB's poster for film `film_id` — the one at `url`, or else the one TMDB has for
    /// the film's TMDB or IMDb id — and stores it as a chosen file is. A film that already has a
    /// poster keeps it: the person's choice is never replaced by a reference's (they can remove
    /// theirs first).
    pub fn download_poster(
        &self,
        reference: &Reference,
        film_id: i64,
        url: Option<&str>,
    ) -> Result<Film> {
        let film = self.film_with_facts(film_id)?;
        if film.film.has_poster {
            return Err(CatalogError::Conflict(format!(
                "film {film_id} already has a poster; remove it first to take TMDB's"
            )));
        }
        let url = match url {
            Some(url) => url.to_owned(),
            None => reference
                .poster_url_of(&film.facts.external_ids)?
                .ok_or_else(|| {
                    CatalogError::invalid(
                        Field::PosterUrl,
                        format!(
                            "TMDB has no poster for “{}” (it needs the film's TMDB or IMDb id)",
                            film.film.title
                        ),
                    )
                })?,
        };
        let bytes = reference.poster_image(&url)?;
        let origin = http::redacted(&reference.poster_url_allowed(&url)?);
        self.attach_poster_bytes(film_id, &bytes, &origin)
    }
}
