//! A local stand-in for Wikidata and TMDB on 127.0.0.1, serving the recorded answers under
//! `tests/fixtures/reference/` and the faults the tests ask for; no test touches the internet.
// The lookup and completion benches include this file too, each using a part of it.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub mod library;

use cinedex_catalog::{HttpSettings, Reference, ReferenceOptions};
use serde_json::{json, Value};

/// What the server answers to one request.
pub enum Reply {
    Json(Value),
    Text(u16, String),
    /// `Retry-After: seconds` with a 429.
    Busy(u64),
    Sleep(Duration),
    /// An endless stream of `[`, produced as it is read: `bytes` in all.
    Huge(usize),
    Redirect(String),
    /// A body of `content_type`: images.
    Bytes(&'static str, Vec<u8>),
}

pub type Route = dyn Fn(&Asked) -> Reply + Send + Sync;

/// A request as the route sees it.
pub struct Asked {
    pub path: String,
    pub params: HashMap<String, String>,
    /// How many requests came before this one.
    pub number: usize,
}

impl Asked {
    pub fn param(&self, name: &str) -> &str {
        self.params.get(name).map(String::as_str).unwrap_or("")
    }
}

pub struct TestServer {
    pub url: String,
    requests: Arc<AtomicUsize>,
    pub served_bytes: Arc<AtomicUsize>,
    pub asked: Arc<Mutex<Vec<String>>>,
}

impl TestServer {
    pub fn start(route: impl Fn(&Asked) -> Reply + Send + Sync + 'static) -> TestServer {
        let server =
            tiny_http::Server::from_listener(no_delay_listener(), None).expect("a local server");
        let url = format!(
            "http://{}",
            server.server_addr().to_ip().expect("an IP address")
        );
        let requests = Arc::new(AtomicUsize::new(0));
        let served_bytes = Arc::new(AtomicUsize::new(0));
        let asked = Arc::new(Mutex::new(Vec::new()));
        let route: Arc<Route> = Arc::new(route);
        let (count, bytes, log) = (requests.clone(), served_bytes.clone(), asked.clone());
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let number = count.fetch_add(1, Ordering::SeqCst);
                log.lock().unwrap().push(request.url().to_owned());
                let route = route.clone();
                let bytes = bytes.clone();
                std::thread::spawn(move || answer(request, &*route, number, bytes));
            }
        });
        TestServer {
            url,
            requests,
            served_bytes,
            asked,
        }
    }

    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }

    pub fn reset(&self) {
        self.requests.store(0, Ordering::SeqCst);
        self.asked.lock().unwrap().clear();
    }
}

/// A listener on a free local port whose connections send at once (TCP_NODELAY, which accepted
/// sockets inherit on Linux): tiny_http writes an answer over 1 KiB in two pieces, and with
/// Nagle's algorithm the second would wait for the client's delayed ACK, 40 ms no real service
/// adds to every answer.
fn no_delay_listener() -> std::net::TcpListener {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a local port");
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let on: libc::c_int = 1;
        // SAFETY: a valid socket and a c_int option of the size given.
        unsafe {
            libc::setsockopt(
                listener.as_raw_fd(),
                libc::IPPROTO_TCP,
                libc::TCP_NODELAY,
                (&on as *const libc::c_int).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            );
        }
    }
    listener
}

fn answer(request: tiny_http::Request, route: &Route, number: usize, bytes: Arc<AtomicUsize>) {
    let parsed = url::Url::parse(&format!("http://local{}", request.url())).unwrap();
    let asked = Asked {
        path: parsed.path().to_owned(),
        params: parsed.query_pairs().into_owned().collect(),
        number,
    };
    let json_header = tiny_http::Header::from_bytes("Content-Type", "application/json").unwrap();
    let result = match route(&asked) {
        Reply::Json(value) => request
            .respond(tiny_http::Response::from_string(value.to_string()).with_header(json_header)),
        Reply::Text(status, text) => {
            request.respond(tiny_http::Response::from_string(text).with_status_code(status))
        }
        Reply::Busy(seconds) => request.respond(
            tiny_http::Response::from_string("busy")
                .with_status_code(429)
                .with_header(
                    tiny_http::Header::from_bytes("Retry-After", seconds.to_string()).unwrap(),
                ),
        ),
        Reply::Sleep(duration) => {
            std::thread::sleep(duration);
            request.respond(tiny_http::Response::from_string("{}"))
        }
        Reply::Huge(size) => {
            let reader = Brackets {
                left: size,
                served: bytes,
            };
            request.respond(tiny_http::Response::new(
                200.into(),
                vec![json_header],
                reader,
                Some(size),
                None,
            ))
        }
        Reply::Bytes(content_type, body) => request.respond(
            tiny_http::Response::from_data(body)
                .with_header(tiny_http::Header::from_bytes("Content-Type", content_type).unwrap()),
        ),
        Reply::Redirect(to) => request.respond(
            tiny_http::Response::from_string("")
                .with_status_code(302)
                .with_header(tiny_http::Header::from_bytes("Location", to).unwrap()),
        ),
    };
    // The client may hang up first (timeouts, size caps): that is what those tests want.
    let _ = result;
}

/// `[[[[…`, made as it is read, so a 50 MB answer costs no memory.
struct Brackets {
    left: usize,
    served: Arc<AtomicUsize>,
}

impl Read for Brackets {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.left);
        buf[..n].fill(b'[');
        self.left -= n;
        self.served.fetch_add(n, Ordering::SeqCst);
        Ok(n)
    }
}

pub fn fixture(path: &str) -> Value {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reference")
        .join(path);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// Wikidata's Action API over the recorded entities: searches by file, entities and
/// `haswbstatement:` looked up in `wikidata/entities.json`.
pub fn wikidata(asked: &Asked) -> Reply {
    if asked.path != "/w/api.php" || asked.param("format") != "json" {
        return Reply::Text(404, "not the Action API".into());
    }
    let mut entities = fixture("wikidata/entities.json");
    // The award of the canon tests and its winners, beside the films of the lookup tests.
    if let Value::Object(canon) = fixture("wikidata/canon.json")["entities"].clone() {
        let all = entities["entities"].as_object_mut().unwrap();
        all.extend(canon);
    }
    match (asked.param("action"), asked.param("list")) {
        ("wbsearchentities", _) => {
            let slug: String = asked
                .param("search")
                .to_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!(
                "tests/fixtures/reference/wikidata/search_{slug}.json"
            ));
            if file.exists() {
                Reply::Json(fixture(&format!("wikidata/search_{slug}.json")))
            } else {
                Reply::Json(
                    json!({"searchinfo": {"search": asked.param("search")}, "search": [], "success": 1}),
                )
            }
        }
        ("wbgetentities", _) => {
            let ids: Vec<&str> = asked.param("ids").split('|').collect();
            assert!(ids.len() <= 50, "wbgetentities takes at most 50 ids");
            let mut found = serde_json::Map::new();
            for id in ids {
                let entity = entities["entities"]
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| json!({"id": id, "missing": ""}));
                found.insert(id.to_owned(), entity);
            }
            Reply::Json(json!({"entities": found, "success": 1}))
        }
        ("query", "search") => {
            let statement = asked
                .param("srsearch")
                .trim_start_matches("haswbstatement:");
            let (property, value) = statement.split_once('=').unwrap_or(("", ""));
            let hits: Vec<Value> = entities["entities"]
                .as_object()
                .unwrap()
                .iter()
                .filter(|(_, entity)| {
                    entity["claims"][property].as_array().is_some_and(|c| {
                        c.iter().any(|s| {
                            let stated = &s["mainsnak"]["datavalue"]["value"];
                            stated == value || stated["id"] == value
                        })
                    })
                })
                .map(|(id, _)| json!({"ns": 0, "title": id, "pageid": 1}))
                .collect();
            // Pages of at most 4 hits (whatever `srlimit` asks), with `continue` as Wikidata
            // gives it, so that paging is exercised.
            let total = hits.len();
            let offset: usize = asked.param("sroffset").parse().unwrap_or(0);
            let limit: usize = asked.param("srlimit").parse().unwrap_or(10).min(4);
            let page: Vec<Value> = hits.into_iter().skip(offset).take(limit).collect();
            let mut answer = json!({"batchcomplete": "", "query": {"searchinfo": {"totalhits": total}, "search": page}});
            if offset + limit < total {
                answer["continue"] = json!({"sroffset": offset + limit, "continue": "-||"});
            }
            Reply::Json(answer)
        }
        _ => Reply::Json(json!({"error": {"code": "badvalue", "info": "Unrecognized value"}})),
    }
}

pub const TMDB_KEY: &str = "0123456789abcdef0123456789abcdef";

/// TMDB v3 over the recorded answers in `tmdb/`; a request without the key is refused as TMDB does.
pub fn tmdb(asked: &Asked) -> Reply {
    if asked.param("api_key") != TMDB_KEY {
        return Reply::Text(
            401,
            r#"{"status_code":7,"status_message":"Invalid API key"}"#.into(),
        );
    }
    let parts: Vec<&str> = asked.path.trim_start_matches('/').split('/').collect();
    let file = match parts.as_slice() {
        ["3", "configuration"] => "configuration".to_owned(),
        ["3", "search", "movie"] => format!(
            "search_{}",
            asked.param("query").to_lowercase().replace(' ', "_")
        ),
        ["3", "movie", id] => format!("movie_{id}"),
        ["3", "find", id] => format!("find_{id}"),
        ["3", "person", id] => format!("person_{id}"),
        _ => return Reply::Text(404, "{}".into()),
    };
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/reference/tmdb/{file}.json"));
    if path.exists() {
        Reply::Json(fixture(&format!("tmdb/{file}.json")))
    } else {
        Reply::Text(404, r#"{"status_code":34,"status_message":"The resource you requested could not be found."}"#.into())
    }
}

/// The recorded test poster (342×513 JPEG).
pub fn poster_bytes() -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference/tmdb/poster.jpg"),
    )
    .unwrap()
}

/// A TMDB stand-in whose `/configuration` names this very server as the image base, so posters
/// are fetched from it too: `/t/p/SIZE/NAME.jpg` is the test poster, `/t/p/SIZE/page.jpg` an HTML
/// page, Wikidata's Action API as [`wikidata`] answers, every other path as [`tmdb`] does.
pub fn tmdb_with_images() -> TestServer {
    let own_url: Arc<std::sync::OnceLock<String>> = Arc::default();
    let seen = own_url.clone();
    let server = TestServer::start(move |asked: &Asked| {
        if let Some(name) = asked.path.strip_prefix("/t/p/") {
            return if name.ends_with("/page.jpg") {
                Reply::Text(200, "<html><body>Not found</body></html>".into())
            } else {
                Reply::Bytes("image/jpeg", poster_bytes())
            };
        }
        if asked.path == "/w/api.php" {
            return wikidata(asked);
        }
        if asked.path == "/3/configuration" && asked.param("api_key") == TMDB_KEY {
            let mut answer = fixture("tmdb/configuration.json");
            let base = format!("{}/t/p/", seen.get().expect("the server's own address"));
            answer["images"]["secure_base_url"] = Value::String(base);
            return Reply::Json(answer);
        }
        tmdb(asked)
    });
    own_url.set(server.url.clone()).unwrap();
    server
}

/// Options pointing both services at `url`, with short timeouts and no cache.
pub fn options(url: &str) -> ReferenceOptions {
    ReferenceOptions {
        wikidata_url: url.to_owned(),
        tmdb_url: url.to_owned(),
        tmdb_key: Some(TMDB_KEY.to_owned()),
        http: HttpSettings {
            connect_timeout: Duration::from_secs(2),
            total_timeout: Duration::from_secs(2),
            ..HttpSettings::default()
        },
        ..ReferenceOptions::default()
    }
}

pub fn reference(url: &str) -> Reference {
    Reference::new(options(url)).unwrap()
}
