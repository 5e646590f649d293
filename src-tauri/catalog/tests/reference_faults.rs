//! How lookup fails: each fault of a service becomes one typed error naming the service, after a
//! bounded time, without reading an endless answer or following redirects forever.

use crate::reference_support;
use std::time::{Duration, Instant};

use cinedex_catalog::{CatalogError, ErrorKind};
use cinedex_catalog::{Reference, ReferenceSource};
use reference_support::{options, reference, wikidata, Asked, Reply, TestServer};

fn lookup_error(server: &TestServer) -> CatalogError {
    reference(&server.url)
        .lookup(None, "Solaris", None, ReferenceSource::Wikidata, 5)
        .unwrap_err()
}

#[test]
fn a_service_that_does_not_answer_in_time_is_a_timeout() {
    let server = TestServer::start(|_: &Asked| Reply::Sleep(Duration::from_secs(5)));
    let started = Instant::now();
    let error = lookup_error(&server);
    assert_eq!(error.to_string(), "Wikidata did not answer in time");
    assert_eq!(error.kind(), ErrorKind::Network);
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_429_with_retry_after_is_waited_for_then_answered() {
    let server = TestServer::start(|asked: &Asked| {
        if asked.number == 0 {
            Reply::Busy(1)
        } else {
            wikidata(asked)
        }
    });
    let started = Instant::now();
    let result = reference(&server.url)
        .lookup(None, "Solaris", None, ReferenceSource::Wikidata, 5)
        .unwrap();
    assert_eq!(result.candidates.len(), 2);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After was honoured"
    );
    assert_eq!(
        server.requests(),
        4,
        "the busy answer, then the three of a lookup"
    );
}

#[test]
fn a_service_that_stays_busy_is_given_up_on_after_a_few_tries() {
    let server = TestServer::start(|_: &Asked| Reply::Busy(1));
    let error = lookup_error(&server);
    assert_eq!(
        error.to_string(),
        "Wikidata is busy (answered 429); try again later"
    );
    assert_eq!(server.requests(), 3, "the first try and two retries");
}

#[test]
fn a_retry_after_longer_than_the_budget_is_not_waited_for() {
    let server = TestServer::start(|_: &Asked| Reply::Busy(3600));
    let started = Instant::now();
    let error = lookup_error(&server);
    assert!(error.to_string().contains("busy"), "{error}");
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(server.requests(), 1);
}

#[test]
fn a_server_error_names_the_service_and_the_status() {
    let server = TestServer::start(|_: &Asked| Reply::Text(500, "Internal Server Error".into()));
    assert_eq!(lookup_error(&server).to_string(), "Wikidata answered 500");
}

#[test]
fn malformed_json_is_an_answer_that_could_not_be_read() {
    let server = TestServer::start(|_: &Asked| Reply::Text(200, "{\"search\": [".into()));
    assert_eq!(
        lookup_error(&server).to_string(),
        "Wikidata's answer could not be read"
    );
}

#[test]
fn json_of_the_wrong_shape_is_an_answer_that_could_not_be_read() {
    let server = TestServer::start(|_: &Asked| Reply::Json(serde_json::json!({"search": "no"})));
    assert_eq!(
        lookup_error(&server).to_string(),
        "Wikidata's answer could not be read"
    );
}

#[test]
fn an_api_error_is_reported_with_its_code() {
    let server = TestServer::start(|_: &Asked| {
        Reply::Json(serde_json::json!({"error": {"code": "maxlag", "info": "Waiting"}}))
    });
    assert_eq!(
        lookup_error(&server).to_string(),
        "Wikidata refused the request (maxlag)"
    );
}

#[test]
fn a_50_mb_answer_is_refused_after_reading_no_more_than_the_cap() {
    let server = TestServer::start(|_: &Asked| Reply::Huge(50 * 1024 * 1024));
    let error = lookup_error(&server);
    assert!(error.to_string().contains("larger than 8 MiB"), "{error}");
    let served = server
        .served_bytes
        .load(std::sync::atomic::Ordering::SeqCst);
    assert!(served < 20 * 1024 * 1024, "{served} bytes were produced");
}

#[test]
fn a_redirect_loop_is_refused() {
    let server = TestServer::start(|asked: &Asked| {
        Reply::Redirect(format!("{}?again={}", asked.path, asked.number))
    });
    let error = lookup_error(&server);
    assert_eq!(
        error.to_string(),
        "Wikidata sent too many redirects (a redirect loop?)"
    );
    assert!(server.requests() <= 6, "{} requests", server.requests());
}

#[test]
fn a_service_that_cannot_be_reached_says_so() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let error = reference(&url)
        .lookup(None, "Solaris", None, ReferenceSource::Wikidata, 5)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Wikidata could not be reached (offline?)"
    );
}

#[test]
fn a_base_url_that_is_not_http_is_refused() {
    let mut options = options("ftp://example.org");
    options.tmdb_key = None;
    let error = Reference::new(options).err().expect("ftp is refused");
    assert_eq!(error.kind(), ErrorKind::Invalid);
}

#[test]
fn an_empty_query_and_a_limit_out_of_range_are_refused_before_asking() {
    let server = TestServer::start(wikidata);
    let reference = reference(&server.url);
    let empty = reference
        .lookup(None, "  ", None, ReferenceSource::Wikidata, 5)
        .unwrap_err();
    assert_eq!(empty.field(), Some("query"));
    let limit = reference
        .lookup(None, "Solaris", None, ReferenceSource::Wikidata, 0)
        .unwrap_err();
    assert_eq!(limit.field(), Some("limit"));
    assert_eq!(server.requests(), 0);
}
