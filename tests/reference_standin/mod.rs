//! Local HTTP servers for the command-line and real-window tests: any answer (`serve`), and a
//! stand-in for Wikidata's Action API (`wikidata`) serving the core's recorded answers
//! (`src-tauri/catalog/tests/fixtures/reference/wikidata`): searches by file, entities by id.
//! No test reaches the internet.

// Each test file uses its own subset of these servers.
#![allow(dead_code)]

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
            let entities = fixture("entities.json");
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
        _ => json!({"error": {"code": "badvalue"}}),
    }
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
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut head = [0u8; 8192];
            let read = stream.read(&mut head).unwrap_or(0);
            let request = String::from_utf8_lossy(&head[..read]).to_string();
            let target = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let Answer {
                status,
                content_type,
                body,
            } = answer(&target);
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    origin
}

/// A stand-in for Wikidata on 127.0.0.1, for as long as the test runs.
pub fn wikidata() -> String {
    serve(|target| Answer {
        status: "200 OK",
        content_type: "application/json",
        body: answer(target.split_once('?').map(|(_, q)| q).unwrap_or("")).to_string(),
    })
}
