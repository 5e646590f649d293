//! Real-window test of links in hostile text: a link in an article's preview opens in the system
//! browser (a stand-in `xdg-open` records it) and never inside the window, and the navigation
//! guard refuses every other way of taking the window to a remote page. Run by `make test`.

use crate::e2e;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use e2e::{click, find, screenshot, text_when, Desktop};
use fantoccini::{Client, Locator};
use serde_json::json;

/// How long a refused navigation is given to happen anyway before the test trusts it did not.
const SETTLE: Duration = Duration::from_millis(1500);

/// A web page on 127.0.0.1 that records every request: if the window ever loaded it, the guard
/// let a remote page in (a name that does not resolve would only show an error page).
struct RemotePage {
    origin: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl RemotePage {
    fn start() -> RemotePage {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
        let origin = format!("http://{}", listener.local_addr().expect("its address"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        // Lives until the test process ends; it only ever answers this test.
        std::thread::spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let mut head = [0u8; 2048];
                let read = stream.read(&mut head).unwrap_or(0);
                let request = String::from_utf8_lossy(&head[..read]);
                let line = request.lines().next().unwrap_or_default().to_owned();
                seen.lock().unwrap_or_else(|p| p.into_inner()).push(line);
                let page = "<!doctype html><title>remote</title><p id=remote>a remote page</p>";
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\
                     Connection: close\r\n\r\n{page}",
                    page.len()
                );
            }
        });
        RemotePage { origin, requests }
    }

    fn requests(&self) -> Vec<String> {
        self.requests
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

/// An `xdg-open` first on the PATH that writes down what it was asked to open, instead of starting
/// a browser on the test machine. The `open` crate behind `open_link` tries `xdg-open` first.
fn fake_browser(dir: &Path) -> PathBuf {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).expect("bin dir");
    let log = dir.join("opened.txt");
    let script = bin.join("xdg-open");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\n", log.display()),
    )
    .expect("fake xdg-open");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod fake xdg-open");
    let path = std::env::var("PATH").unwrap_or_default();
    // Before the driver starts: tauri-driver, WebKitWebDriver and the app inherit it.
    std::env::set_var("PATH", format!("{}:{path}", bin.display()));
    log
}

fn opened(log: &Path) -> String {
    std::fs::read_to_string(log).unwrap_or_default()
}

async fn window_url(app: &Client) -> String {
    app.current_url()
        .await
        .expect("the window has a URL")
        .to_string()
}

/// The window still shows the app: its URL is the app's own, and its dialog is still there.
async fn assert_still_the_app(app: &Client, after: &str) {
    let url = window_url(app).await;
    assert!(
        url.starts_with("tauri://localhost"),
        "after {after} the window shows {url}"
    );
    let still_there = app
        .execute(
            "return !!document.querySelector('[data-testid=article-preview]') \
             && !document.getElementById('remote')",
            vec![],
        )
        .await
        .expect("the page answers");
    assert_eq!(
        still_there,
        json!(true),
        "after {after} the app's page is gone"
    );
}

async fn click_preview_link(app: &Client, text: &str) {
    let xpath = format!("//*[@data-testid='article-preview']//a[contains(., \"{text}\")]");
    app.find(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|e| panic!("no link {text:?} in the preview: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {text:?}: {e}"));
}

fn article(remote: &str) -> String {
    format!(
        "<h1>Stalker (1979)</h1><p>By A. Critic</p>\
         <p>Three men walk into the Zone. See <a href=\"https://example.invalid/\">the studio page</a>, \
         <a href=\"javascript:window.__pwned=1\">this trick</a> and \
         <a href=\"{remote}/linked\">a mirror</a>.</p>"
    )
}

#[tokio::test]
#[ignore = "real window: run by `make test` (needs `make build`, Xvfb and tauri-driver)"]
async fn a_link_in_an_article_preview_opens_nothing_inside_the_window() {
    let files = tempfile::tempdir().expect("temp dir");
    let browser_log = fake_browser(files.path());
    let remote = RemotePage::start();
    let desktop = Desktop::start();
    let app = desktop.open_app().await;

    click(&app, "[data-testid=import-article]").await;
    // The dialog's code loads on first use: wait for its text area before pasting into it.
    find(&app, "[data-testid=article-text]").await;
    // Set as a paste would, in one go (typing HTML key by key is slow and changes nothing here).
    app.execute(
        "const area = document.querySelector('[data-testid=article-text]'); \
         area.value = arguments[0]; area.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![json!(article(&remote.origin))],
    )
    .await
    .expect("the article is pasted");
    click(&app, "[data-testid=read-article]").await;
    text_when(&app, "[data-testid=article-preview]", |t| {
        t.contains("the studio page")
    })
    .await;
    screenshot(&app, "article-preview-links.png").await;
    let start_url = window_url(&app).await;

    // A person clicks the link: it goes to the system browser, the window stays.
    click_preview_link(&app, "the studio page").await;
    let waited = Instant::now();
    while !opened(&browser_log).contains("https://example.invalid/") {
        assert!(
            waited.elapsed() < Duration::from_secs(10),
            "the link never reached the system browser; it was asked for {:?}",
            opened(&browser_log)
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_still_the_app(&app, "clicking a web link").await;
    assert_eq!(window_url(&app).await, start_url);

    // A link to a page that would load: routed to the browser too, never fetched by the window.
    click_preview_link(&app, "a mirror").await;
    tokio::time::sleep(SETTLE).await;
    assert!(
        opened(&browser_log).contains(&format!("{}/linked", remote.origin)),
        "{}",
        opened(&browser_log)
    );

    // The `javascript:` link is read as its words alone: nothing to click, nothing run.
    let script_links = app
        .find_all(Locator::XPath(
            "//*[@data-testid='article-preview']//a[contains(., 'this trick')]",
        ))
        .await
        .expect("the preview answers");
    assert!(script_links.is_empty(), "a javascript: link was kept");
    assert_still_the_app(&app, "reading a javascript: link").await;
    let pwned = app
        .execute("return String(window.__pwned)", vec![])
        .await
        .expect("the page answers");
    assert_eq!(pwned, json!("undefined"));
    assert!(!opened(&browser_log).contains("javascript"));

    // What gets past the UI meets the guard: a script, and a link the UI does not route.
    app.execute(
        "window.location.href = arguments[0];",
        vec![json!(format!("{}/by-script", remote.origin))],
    )
    .await
    .expect("the script runs");
    tokio::time::sleep(SETTLE).await;
    assert_still_the_app(&app, "window.location = a remote page").await;
    app.execute(
        "const a = document.createElement('a'); a.id = 'stray'; a.textContent = 'stray'; \
         a.href = arguments[0]; \
         document.querySelector('[data-testid=article-proposal]').prepend(a);",
        vec![json!(format!("{}/stray", remote.origin))],
    )
    .await
    .expect("a stray link is added");
    click(&app, "#stray").await;
    app.execute(
        "window.open(arguments[0], '_blank');",
        vec![json!(format!("{}/new-window", remote.origin))],
    )
    .await
    .expect("the script runs");
    tokio::time::sleep(SETTLE).await;
    assert_still_the_app(&app, "a click on a link the UI does not route").await;
    assert_eq!(
        app.windows().await.expect("the window handles").len(),
        1,
        "no second window opened"
    );
    assert_eq!(
        remote.requests(),
        Vec::<String>::new(),
        "the remote page was never fetched"
    );
    assert!(
        !opened(&browser_log).contains("by-script") && !opened(&browser_log).contains("stray"),
        "a refused navigation opens no browser either: {}",
        opened(&browser_log)
    );

    // The app still answers: back to the text, and reading it again goes through IPC.
    app.find(Locator::XPath(
        "//*[@data-testid='article-proposal']//button[normalize-space()='Back']",
    ))
    .await
    .expect("the Back button")
    .click()
    .await
    .expect("click Back");
    click(&app, "[data-testid=read-article]").await;
    find(&app, "[data-testid=article-preview]").await;
    app.close().await.expect("the session closes");
}
