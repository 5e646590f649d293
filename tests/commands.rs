//! The Tauri commands through Tauri's mock runtime: camelCase arguments reach the core, results
//! come back as the generated types describe, errors cross IPC as `{kind, message, field}`, and
//! the capability lets the main window call only the allowlisted commands.

use cinedex_app::{build_app, CatalogState};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

struct Window {
    _dir: tempfile::TempDir,
    _app: App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
}

fn window() -> Window {
    let dir = tempfile::tempdir().unwrap();
    let app = build_app(mock_builder(), None)
        .build(tauri::generate_context!(test = true))
        .expect("the app builds on the mock runtime");
    // `build` does not run `setup`, so the state is managed here as setup would.
    app.manage(CatalogState::open(&dir.path().join("catalog.sqlite")));
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    Window {
        _dir: dir,
        _app: app,
        webview,
    }
}

fn invoke(window: &Window, cmd: &str, args: Value) -> Result<Value, Value> {
    invoke_from(window, "tauri://localhost", cmd, args)
}

fn invoke_from(window: &Window, origin: &str, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: origin.parse().unwrap(),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(&window.webview, request).map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn adding_listing_and_reviewing_a_film_through_ipc() {
    let w = window();
    let film = invoke(
        &w,
        "add_film",
        json!({"input": {"title": "Innocence", "originalTitle": null, "year": 2004,
                          "directors": ["Mamoru Oshii"], "themes": ["dolls", "cyborgs"]}}),
    )
    .unwrap();
    assert_eq!(film["directors"], json!(["Mamoru Oshii"]));
    let id = film["id"].as_i64().unwrap();

    let review = invoke(
        &w,
        "add_review",
        json!({"filmId": id, "input": {"kind": "note", "body": "**yes**"}}),
    )
    .unwrap();
    assert_eq!(
        review["bodyHtml"].as_str().unwrap().trim(),
        "<p><strong>yes</strong></p>"
    );

    let listed = invoke(
        &w,
        "list_films",
        json!({"query": {"titleFilter": "innoc", "sort": "year", "descending": true}}),
    )
    .unwrap();
    assert_eq!(listed[0]["reviewCount"], 1);
    let detail = invoke(&w, "get_film", json!({"id": id})).unwrap();
    assert_eq!(detail["reviews"][0]["kind"], "note");
}

#[test]
fn invalid_input_crosses_ipc_as_kind_message_and_field() {
    let w = window();
    let error = invoke(
        &w,
        "add_film",
        json!({"input": {"title": "X", "year": 3000, "directors": [], "themes": []}}),
    )
    .unwrap_err();
    assert_eq!(error["kind"], "invalid");
    assert_eq!(error["field"], "year");
    assert!(error["message"].as_str().unwrap().contains("3000"));

    let error = invoke(&w, "get_film", json!({"id": 12345})).unwrap_err();
    assert_eq!(error["kind"], "notFound");
    assert_eq!(error["field"], Value::Null);
}

#[test]
fn a_command_outside_the_allowlist_is_refused() {
    let w = window();
    assert!(invoke(&w, "plugin:fs|read_file", json!({"path": "/etc/passwd"})).is_err());
    assert!(invoke(&w, "no_such_command", json!({})).is_err());
}

#[test]
fn a_remote_page_cannot_call_the_catalog() {
    let w = window();
    let refused = invoke_from(
        &w,
        "https://example.org",
        "list_films",
        json!({"query": {}}),
    );
    assert!(refused.is_err(), "{refused:?}");
    assert!(invoke(&w, "list_films", json!({"query": {}})).is_ok());
}

#[test]
fn the_library_pages_groups_and_statistics_cross_ipc_in_their_generated_shapes() {
    let w = window();
    for (title, year) in [("Vertigo", 1958), ("Psycho", 1960), ("Heat", 1995)] {
        invoke(
            &w,
            "add_film",
            json!({"input": {"title": title, "year": year, "directors": ["Someone"]}}),
        )
        .unwrap();
    }
    let page = invoke(
        &w,
        "list_film_page",
        json!({"query": {"sort": "year", "descending": true, "offset": 1, "limit": 1}}),
    )
    .unwrap();
    assert_eq!(page["total"], 3);
    assert_eq!(page["offset"], 1);
    assert_eq!(page["films"][0]["title"], "Psycho");
    assert_eq!(page["films"][0]["hasPoster"], false);

    let groups = invoke(&w, "list_film_groups", json!({"by": "decade", "query": {}})).unwrap();
    assert_eq!(
        groups,
        json!([{"key": "1950", "label": "1950s", "count": 1},
               {"key": "1960", "label": "1960s", "count": 1},
               {"key": "1990", "label": "1990s", "count": 1}])
    );

    let stats = invoke(&w, "get_stats", json!({"query": {"year": 2024}})).unwrap();
    assert_eq!(stats["filmCount"], 3);
    assert_eq!(
        stats["topDirectors"],
        json!([{"key": "Someone", "count": 3}])
    );
    assert_eq!(stats["heatmapTo"], "2024-12-31");
}

#[test]
fn attaching_something_that_is_not_an_image_is_refused_naming_the_file_field() {
    let w = window();
    let film = invoke(&w, "add_film", json!({"input": {"title": "Heat"}})).unwrap();
    let not_image = w._dir.path().join("notes.txt");
    std::fs::write(&not_image, "hello").unwrap();
    let error = invoke(
        &w,
        "attach_poster",
        json!({"filmId": film["id"], "path": not_image}),
    )
    .unwrap_err();
    assert_eq!(error["kind"], "invalid");
    assert_eq!(error["field"], "file");
}

#[test]
fn an_import_is_previewed_committed_and_exported_through_ipc() {
    let w = window();
    let csv = w._dir.path().join("films.csv");
    std::fs::write(&csv, "Film,Year,Seen\nPerfect Blue,1997,2024-01-01\n").unwrap();
    let path = csv.to_str().unwrap();
    let options = json!({"columns": [{"column": "Seen", "field": "watchedOn"}]});
    let preview = invoke(
        &w,
        "preview_import",
        json!({"source": "csv", "path": path, "options": options}),
    )
    .unwrap();
    assert_eq!(preview["newFilms"], 1);
    assert_eq!(preview["viewings"], 1);
    assert_eq!(preview["committed"], false);
    let report = invoke(
        &w,
        "run_import",
        json!({"source": "csv", "path": path, "options": options}),
    )
    .unwrap();
    assert_eq!(report["committed"], true);
    let films = invoke(&w, "list_films", json!({"query": {}})).unwrap();
    assert_eq!(films[0]["viewingCount"], 1);
    assert!(invoke(&w, "cancel_import", json!({})).is_ok());
    let out = w._dir.path().join("out.json");
    let exported = invoke(
        &w,
        "export_catalog",
        json!({"format": "json", "path": out.to_str().unwrap()}),
    )
    .unwrap();
    assert_eq!(exported["films"], 1);
    let again = json!({"format": "json", "path": out.to_str().unwrap()});
    let refused = invoke(&w, "export_catalog", again.clone()).unwrap_err();
    assert_eq!(refused["kind"], "conflict", "{refused}");
    let mut confirmed = again;
    confirmed["replace"] = json!(true);
    assert_eq!(invoke(&w, "export_catalog", confirmed).unwrap()["films"], 1);
    let error = invoke(
        &w,
        "preview_import",
        json!({"source": "letterboxd", "path": path, "options": {}}),
    )
    .unwrap_err();
    assert_eq!(error["kind"], "import");
    // A CSV that is not one of the export's own files is refused, naming the ones that are.
    assert!(
        error["message"].as_str().unwrap().contains("diary.csv"),
        "{error}"
    );
}

#[test]
fn searching_and_saving_a_smart_list_through_ipc() {
    let w = window();
    invoke(
        &w,
        "add_film",
        json!({"input": {"title": "Amélie", "year": 2001, "directors": ["Jean-Pierre Jeunet"]}}),
    )
    .unwrap();
    let results = invoke(&w, "search_films", json!({"query": "amel", "limit": 10})).unwrap();
    assert_eq!(results["hits"][0]["film"]["title"], "Amélie");
    assert_eq!(
        results["hits"][0]["title"][0],
        json!({"text": "Amél", "hit": true})
    );
    assert_eq!(results["facets"]["decades"][0]["filter"], "year:2000s");
    let odd = invoke(&w, "search_films", json!({"query": "NEAR( \" *"})).unwrap();
    assert_eq!(odd["hits"], json!([]));

    let list = invoke(
        &w,
        "add_smart_list",
        json!({"input": {"name": "Jeunet", "query": "director:jeunet"}}),
    )
    .unwrap();
    let lists = invoke(&w, "list_smart_lists", json!({})).unwrap();
    assert_eq!(lists[0]["name"], "Jeunet");
    let renamed = invoke(
        &w,
        "update_smart_list",
        json!({"id": list["id"], "input": {"name": "J-P Jeunet", "query": "director:jeunet"}}),
    )
    .unwrap();
    assert_eq!(renamed["name"], "J-P Jeunet");
    invoke(&w, "delete_smart_list", json!({"id": list["id"]})).unwrap();
    assert_eq!(
        invoke(&w, "list_smart_lists", json!({})).unwrap(),
        json!([])
    );
}

#[test]
fn lists_are_created_renamed_annotated_and_reordered_through_ipc() {
    let w = window();
    let list = invoke(
        &w,
        "create_list",
        json!({"name": "Été", "description": null}),
    )
    .unwrap();
    assert_eq!(
        (list["seen"].clone(), list["total"].clone()),
        (json!(0), json!(0))
    );
    let id = list["id"].as_i64().unwrap();
    let taken = invoke(&w, "create_list", json!({"name": "ete"})).unwrap_err();
    assert_eq!(taken["kind"], "invalid");
    assert_eq!(taken["field"], "name");
    let renamed = invoke(&w, "rename_list", json!({"id": id, "name": "Summer"})).unwrap();
    assert_eq!(renamed["name"], "Summer");
    let detail = invoke(&w, "get_list", json!({"id": id})).unwrap();
    assert_eq!(detail["entries"], json!([]));
    assert_eq!(detail["ghosts"], json!([]));
    let missing = invoke(
        &w,
        "reorder_list_entry",
        json!({"id": id, "position": 1, "toPosition": 2}),
    )
    .unwrap_err();
    assert_eq!(missing["field"], "position");
    let lists = invoke(&w, "list_lists", json!({})).unwrap();
    assert_eq!(lists[0]["name"], "Summer");
}

#[test]
fn a_person_page_crosses_ipc_in_its_generated_shape() {
    let w = window();
    invoke(
        &w,
        "add_film",
        json!({"input": {"title": "Vagabond", "originalTitle": null, "year": 1985,
                          "directors": ["Agnès Varda"], "themes": []}}),
    )
    .unwrap();
    let page = invoke(&w, "get_person", json!({"query": "agnes varda"})).unwrap();
    assert_eq!(page["person"]["name"], "Agnès Varda");
    assert_eq!(page["roles"][0]["role"], "director");
    assert_eq!(page["roles"][0]["films"][0]["status"], "notSeen");
    assert!(page.get("filmography").is_none());

    let unknown = invoke(&w, "get_person", json!({"query": "Jacques Demy"})).unwrap_err();
    assert_eq!(unknown["kind"], "notFound");
    // Without a reference id of hers there is nothing to ask, and nothing is asked.
    let id = page["person"]["id"].as_i64().unwrap();
    let none = invoke(&w, "get_person_filmography", json!({"id": id})).unwrap_err();
    assert_eq!(none["kind"], "invalid");
    assert_eq!(none["field"], "person");
}

#[test]
fn the_year_in_review_crosses_ipc_and_saves_as_markdown_or_a_checked_png() {
    let w = window();
    let review = invoke(&w, "get_year_in_review", json!({"year": 2024})).unwrap();
    assert_eq!(review["filmsSeen"], 0);
    assert_eq!(review["months"].as_array().unwrap().len(), 12);
    let md = w._dir.path().join("2024.md");
    let args = json!({"year": 2024, "format": "markdown", "path": md.to_str().unwrap()});
    invoke(&w, "export_year_in_review", args.clone()).unwrap();
    assert!(std::fs::read_to_string(&md)
        .unwrap()
        .starts_with("# 2024 in review"));
    let refused = invoke(&w, "export_year_in_review", args).unwrap_err();
    assert_eq!(refused["kind"], "conflict");
    let png = w._dir.path().join("2024.png");
    let one_pixel = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
    let save = |bytes: &str| {
        invoke(
            &w,
            "export_year_in_review",
            json!({"year": 2024, "format": "png", "path": png.to_str().unwrap(),
                   "replace": true, "pngBase64": bytes}),
        )
    };
    let not_png = save("R0lGODlhAQABAAAAACw=").unwrap_err();
    assert_eq!(not_png["field"], "image");
    assert!(!png.exists());
    save(one_pixel).unwrap();
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
}
