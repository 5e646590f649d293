//! Local HTTP servers for the command-line and real-window tests: any answer (`serve`), and a
//! stand-in for Wikidata's Action API (`wikidata`) serving the core's recorded answers
//! (`src-tauri/catalog/tests/fixtures/reference/wikidata`): searches by file, entities by id,
//! `haswbstatement:` searches over the entities.
//! No test reaches the internet.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;

use serde_json::{json, Value};

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("src-tauri/catalog/tests/fixtures/reference/wikidata")
        .join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text).unwrap(),
        Err(_) => json!({"search": [], "success": 1}),
    }
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("20");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(b' '));
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The answer of Wikidata's Action API to `query` (searches by file, entities by id).
fn answer(query: &str) -> Value {
    let param = |name: &str| {
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| decode(value))
            .unwrap_or_default()
    };
    match param("action").as_str() {
        "wbsearchentities" => {
            let slug: String = param("search")
                .to_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            fixture(&format!("search_{slug}.json"))
        }
        "wbgetentities" => {
            let entities = all_entities();
            let found: serde_json::Map<String, Value> = param("ids")
                .split('|')
                .map(|id| {
                    let entity = entities["entities"].get(id).cloned();
                    (
                        id.to_owned(),
                        entity.unwrap_or(json!({"id": id, "missing": ""})),
                    )
                })
                .collect();
            json!({"entities": found, "success": 1})
        }
        "query" if param("list") == "search" => {
            let statement = param("srsearch");
            let statement = statement.trim_start_matches("haswbstatement:");
            let (property, value) = statement.split_once('=').unwrap_or(("", ""));
            let hits: Vec<Value> = all_entities()["entities"]
                .as_object()
                .map(|all| {
                    all.iter()
                        .filter(|(_, entity)| {
                            entity["claims"][property].as_array().is_some_and(|claims| {
                                claims.iter().any(|c| {
                                    let stated = &c["mainsnak"]["datavalue"]["value"];
                                    stated == value || stated["id"] == value
                                })
                            })
                        })
                        .map(|(id, _)| json!({"ns": 0, "title": id, "pageid": 1}))
                        .collect()
                })
                .unwrap_or_default();
            json!({"batchcomplete": "", "query": {"search": hits}})
        }
        _ => json!({"error": {"code": "badvalue"}}),
    }
}

/// The lookup tests' entities and the canon tests' award, winners and directors.
fn all_entities() -> Value {
    let mut entities = fixture("entities.json");
    if let (Some(all), Value::Object(canon)) = (
        entities["entities"].as_object_mut(),
        fixture("canon.json")["entities"].clone(),
    ) {
        all.extend(canon);
    }
    entities
}

/// What a local server answers to one request target (path and query).
pub struct Answer {
    pub status: &'static str,
    pub content_type: &'static str,
    pub body: String,
}

/// An HTTP server on 127.0.0.1 answering every request with `answer(target)`, for as long as the
/// test runs; returns its origin (`http://127.0.0.1:PORT`).
pub fn serve(answer: fn(&str) -> Answer) -> String {
    serve_any(move |_, target| {
        let Answer {
            status,
            content_type,
            body,
        } = answer(target);
        (status, content_type, body.into_bytes())
    })
}

/// A server answering `answer(origin, target)` with a status, a content type and bytes.
fn serve_any(
    answer: impl Fn(&str, &str) -> (&'static str, &'static str, Vec<u8>) + Send + 'static,
) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let own = origin.clone();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut head = [0u8; 8192];
            let read = stream.read(&mut head).unwrap_or(0);
            let request = String::from_utf8_lossy(&head[..read]).to_string();
            let target = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let (status, content_type, body) = answer(&own, &target);
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
        }
    });
    origin
}

/// The key the TMDB stand-in accepts.
pub const TMDB_KEY: &str = "0123456789abcdef0123456789abcdef";

/// A stand-in for TMDB's v3 API over the core's recorded answers (`…/reference/tmdb`), whose
/// `/configuration` names this server as the image base: every `/t/p/SIZE/NAME` is the recorded
/// test poster. A request without [`TMDB_KEY`] is refused as TMDB does.
pub fn tmdb() -> String {
    serve_any(|origin, target| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("src-tauri/catalog/tests/fixtures/reference/tmdb");
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        if path.starts_with("/t/p/") {
            let poster = std::fs::read(dir.join("poster.jpg")).unwrap();
            return ("200 OK", "image/jpeg", poster);
        }
        if !query.contains(&format!("api_key={TMDB_KEY}")) {
            let refused = r#"{"status_code":7,"status_message":"Invalid API key"}"#;
            return ("401 Unauthorized", "application/json", refused.into());
        }
        let file = match path
            .trim_start_matches("/3/")
            .split('/')
            .collect::<Vec<_>>()[..]
        {
            ["configuration"] => "configuration".to_owned(),
            ["movie", id] => format!("movie_{id}"),
            ["find", id] => format!("find_{id}"),
            ["person", id] => format!("person_{id}"),
            ["search", "movie"] => "search_solaris".to_owned(),
            _ => String::new(),
        };
        let Ok(text) = std::fs::read_to_string(dir.join(format!("{file}.json"))) else {
            return ("404 Not Found", "application/json", b"{}".to_vec());
        };
        let mut answer: Value = serde_json::from_str(&text).unwrap();
        if file == "configuration" {
            answer["images"]["secure_base_url"] = Value::String(format!("{origin}/t/p/"));
        }
        (
            "200 OK",
            "application/json",
            answer.to_string().into_bytes(),
        )
    })
}

/// A stand-in for Wikidata on 127.0.0.1, for as long as the test runs.
pub fn wikidata() -> String {
    serve(|target| Answer {
        status: "200 OK",
        content_type: "application/json",
        body: answer(target.split_once('?').map(|(_, q)| q).unwrap_or("")).to_string(),
    })
}

#[path = "../../src-tauri/catalog/tests/reference_support/library.rs"]
pub mod library;

/// A stand-in for Wikidata knowing the 30 films of the core's Letterboxd-like library
/// ([`library::WikidataLibrary::letterboxd_like`]), for as long as the test runs.
pub fn wikidata_library() -> String {
    let library = library::WikidataLibrary::letterboxd_like();
    serve_any(move |_, target| {
        let query = target.split_once('?').map(|(_, q)| q).unwrap_or("");
        let params = query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (decode(k), decode(v)))
            .collect();
        let body = library.answer(&params).to_string().into_bytes();
        ("200 OK", "application/json", body)
    })
}
