//! The one HTTP client every reference call goes through: a User-Agent naming Cinedex, timeouts,
//! a size cap enforced while reading, bounded redirects, `Retry-After` on 429/503, a few requests
//! in flight per host, and an offline switch that refuses before touching the network.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use url::Url;

use crate::error::{CatalogError, Result};

/// What Wikidata's User-Agent policy asks for: the tool, its version and where to learn about it.
pub const USER_AGENT: &str = concat!(
    "Cinedex/",
    env!("CARGO_PKG_VERSION"),
    " (https://github.com/cinedex/cinedex; a private film catalog)"
);

/// The limits every call keeps to; tests shorten the timeouts.
#[derive(Debug, Clone)]
pub struct HttpSettings {
    pub connect_timeout: Duration,
    /// From the first byte sent to the last byte read, redirects included.
    pub total_timeout: Duration,
    pub max_body_bytes: u64,
    pub max_redirects: u32,
    /// Retries of a 429 or 503 answer, after the first try.
    pub max_retries: u32,
    /// The longest a call may wait in all for `Retry-After`; a longer request fails at once.
    pub max_retry_wait: Duration,
    pub max_in_flight_per_host: usize,
    /// Refuse every call before touching the network.
    pub offline: bool,
}

impl Default for HttpSettings {
    fn default() -> Self {
        HttpSettings {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_body_bytes: 8 * 1024 * 1024,
            max_redirects: 5,
            max_retries: 2,
            max_retry_wait: Duration::from_secs(10),
            max_in_flight_per_host: 3,
            offline: false,
        }
    }
}

/// A blocking client; the fronts call it off their main thread.
pub struct HttpClient {
    agent: ureq::Agent,
    settings: HttpSettings,
    hosts: Mutex<HashMap<String, Arc<Slots>>>,
}

impl HttpClient {
    pub fn new(settings: HttpSettings) -> Self {
        let config = ureq::Agent::config_builder()
            .user_agent(USER_AGENT)
            .timeout_connect(Some(settings.connect_timeout))
            .timeout_global(Some(settings.total_timeout))
            .max_redirects(settings.max_redirects)
            .max_redirects_will_error(true)
            // Statuses are read here, to retry 429/503 and to name the status in the error.
            .http_status_as_error(false)
            .build();
        HttpClient {
            agent: config.into(),
            settings,
            hosts: Mutex::new(HashMap::new()),
        }
    }

    pub fn settings(&self) -> &HttpSettings {
        &self.settings
    }

    pub fn is_offline(&self) -> bool {
        self.settings.offline
    }

    /// GETs `url` and returns the body, at most `max_body_bytes` of it. `bearer` is sent as an
    /// `Authorization` header (TMDB's read-access tokens). `service` names the service in errors.
    pub fn get(&self, service: &'static str, url: &Url, bearer: Option<&str>) -> Result<Vec<u8>> {
        if self.settings.offline {
            return Err(CatalogError::Offline { service });
        }
        if !matches!(url.scheme(), "http" | "https") {
            return Err(network(service, "is only asked over http or https"));
        }
        let host = url.host_str().unwrap_or_default().to_owned();
        let slots = self.slots_for(&host);
        let _slot = slots.take();
        let mut waited = Duration::ZERO;
        let mut attempt = 0;
        loop {
            let mut request = self.agent.get(url.as_str());
            if let Some(token) = bearer {
                request = request.header("Authorization", format!("Bearer {token}"));
            }
            let mut response = request.call().map_err(|e| transport_error(service, &e))?;
            let status = response.status().as_u16();
            if status == 429 || status == 503 {
                let wait = retry_after(response.headers());
                if attempt < self.settings.max_retries
                    && waited + wait <= self.settings.max_retry_wait
                {
                    attempt += 1;
                    waited += wait;
                    std::thread::sleep(wait);
                    continue;
                }
                return Err(network(
                    service,
                    &format!("is busy (answered {status}); try again later"),
                ));
            }
            if !(200..300).contains(&status) {
                return Err(network(service, &format!("answered {status}")));
            }
            return response
                .body_mut()
                .with_config()
                .limit(self.settings.max_body_bytes)
                .read_to_vec()
                .map_err(|e| match e {
                    ureq::Error::BodyExceedsLimit(_) => network(
                        service,
                        &format!(
                            "sent an answer larger than {} MiB; it was not read",
                            self.settings.max_body_bytes / (1024 * 1024)
                        ),
                    ),
                    other => transport_error(service, &other),
                });
        }
    }

    fn slots_for(&self, host: &str) -> Arc<Slots> {
        let mut hosts = self
            .hosts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        hosts
            .entry(host.to_owned())
            .or_insert_with(|| Arc::new(Slots::new(self.settings.max_in_flight_per_host)))
            .clone()
    }
}

/// `Retry-After` in seconds; a date or nonsense counts as one second, so a retry still waits.
fn retry_after(headers: &ureq::http::HeaderMap) -> Duration {
    headers
        .get("retry-after")
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<u64>().ok())
        .map(Duration::from_secs)
        .unwrap_or(Duration::from_secs(1))
}

pub(crate) fn network(service: &'static str, what: &str) -> CatalogError {
    CatalogError::Network {
        service,
        message: format!("{service} {what}"),
    }
}

/// The error in words a person can act on. ureq's own messages are left out: they may quote the
/// URL, and TMDB's URL holds the API key.
fn transport_error(service: &'static str, error: &ureq::Error) -> CatalogError {
    match error {
        ureq::Error::Timeout(_) => network(service, "did not answer in time"),
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => {
            network(service, "sent too many redirects (a redirect loop?)")
        }
        ureq::Error::BodyExceedsLimit(_) => network(service, "sent an answer too large to read"),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            network(service, "did not answer in time")
        }
        ureq::Error::Protocol(_) | ureq::Error::Http(_) => {
            network(service, "answered something that is not HTTP")
        }
        _ => network(service, "could not be reached (offline?)"),
    }
}

/// A counting semaphore: at most `limit` requests to one host at a time.
struct Slots {
    free: Mutex<usize>,
    released: Condvar,
}

impl Slots {
    fn new(limit: usize) -> Self {
        Slots {
            free: Mutex::new(limit.max(1)),
            released: Condvar::new(),
        }
    }

    fn take(&self) -> SlotGuard<'_> {
        let mut free = self
            .free
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        while *free == 0 {
            free = self
                .released
                .wait(free)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        *free -= 1;
        SlotGuard { slots: self }
    }
}

struct SlotGuard<'a> {
    slots: &'a Slots,
}

impl Drop for SlotGuard<'_> {
    fn drop(&mut self) {
        let mut free = self
            .slots
            .free
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *free += 1;
        self.slots.released.notify_one();
    }
}

/// `url` without the query parameters that carry a secret, for cache keys and any message.
pub fn redacted(url: &Url) -> String {
    let mut clean = url.clone();
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(name, _)| name != "api_key")
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    clean.set_query(None);
    if !kept.is_empty() {
        let mut sorted = kept;
        sorted.sort();
        clean.query_pairs_mut().extend_pairs(sorted);
    }
    clean.to_string()
}
