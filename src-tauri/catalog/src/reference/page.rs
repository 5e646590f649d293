//! A web page asked for by the person (an article to save), fetched through the core's one HTTP
//! client: the same timeouts, size cap, redirect bound, User-Agent and offline switch as every
//! lookup. Pages are not cached: the person asks for the page as it is now.

use crate::field::Field;
use url::Url;

use super::Reference;
use crate::error::{CatalogError, Result};

/// How the page's site is named in errors ("The page could not be reached (offline?)").
const SERVICE: &str = "The page";

impl Reference {
    /// The text of the page at `address` (http or https only), decoded from its encoding.
    pub fn fetch_page(&self, address: &str) -> Result<String> {
        let url = page_url(address)?;
        let bytes = self.fetcher.http.get(SERVICE, &url, None)?;
        // Read as an article file is: a page's <meta charset> counts when it is not UTF-8.
        let read =
            crate::article::article_text("page", bytes).map_err(|_| CatalogError::Network {
                service: SERVICE,
                message: format!("{SERVICE} at {url} is not text (an image or a download?)"),
            })?;
        Ok(read.text)
    }
}

/// The address as a URL the client may ask: `http` or `https`, with a host and no password.
pub fn page_url(address: &str) -> Result<Url> {
    let invalid = |why: &str| CatalogError::invalid(Field::Url, format!("{address:?} {why}"));
    let url = Url::parse(address.trim()).map_err(|_| invalid("is not a web address"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid("is not an http or https address"));
    }
    if url.host_str().is_none_or(str::is_empty) || url.password().is_some() {
        return Err(invalid("has no host, or carries a password"));
    }
    Ok(url)
}

/// Whether a command-line argument names a web page rather than a file.
pub fn is_web_address(argument: &str) -> bool {
    let lower = argument.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}
