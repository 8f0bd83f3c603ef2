//! The review report in a real browser: headless Chromium driven through
//! chromedriver (Debian's chromium and chromium-driver, installed by
//! `.ci/setup`), offline. For a real 决算 and a real budget it asserts one
//! entry per failed check, each with its compared figures outlined on its
//! page, a click on a table figure showing it on its page, and no console
//! error; then saves a screenshot (printed path) for a person to look at.
//!
//! Ignored by a plain `cargo test` (it needs the browser); `.ci/run` runs it:
//! `cargo test -p fiscal-extract-cli --test review_browser -- --ignored`.
#[path = "../../extract/tests/common/mod.rs"]
mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use common::testdata;
use serde_json::{json, Value};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A chromedriver on a free local port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (chromium-driver) is installed: run .ci/setup");
        let driver = Driver { child, port };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        driver
    }

    /// One WebDriver call: `method path` with an optional JSON body; the `value`.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("chromedriver");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        )
        .unwrap();
        // Read the head, then exactly Content-Length bytes of body (the
        // driver may keep the connection open).
        let mut response = Vec::new();
        let mut buf = [0u8; 65536];
        let body_at = loop {
            let n = stream.read(&mut buf).unwrap();
            assert!(n > 0, "{method} {path}: connection closed");
            response.extend_from_slice(&buf[..n]);
            if let Some(i) = response.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
        };
        let head = String::from_utf8_lossy(&response[..body_at]).to_string();
        let length: usize = head
            .lines()
            .find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.eq_ignore_ascii_case("content-length")
                    .then(|| v.trim().parse().ok())?
            })
            .expect("a Content-Length");
        while response.len() < body_at + length {
            let n = stream.read(&mut buf).unwrap();
            assert!(n > 0, "{method} {path}: body cut short");
            response.extend_from_slice(&buf[..n]);
        }
        let json = String::from_utf8_lossy(&response[body_at..body_at + length]);
        let reply: Value =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {head}\n{json}"));
        assert!(
            head.starts_with("HTTP/1.1 200"),
            "{method} {path}: {head}\n{reply}"
        );
        reply["value"].clone()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A browser session: headless, no sandbox (CI runs as root), no network use,
/// a fresh profile; console messages kept.
fn session(driver: &Driver, profile: &Path) -> String {
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1800",
    ]
    .iter()
    .map(|a| a.to_string())
    .chain([format!("--user-data-dir={}", profile.display())])
    .collect::<Vec<_>>();
    let caps = json!({"capabilities": {"alwaysMatch": {
        "browserName": "chrome",
        "goog:chromeOptions": {"binary": CHROMIUM, "args": args},
        "goog:loggingPrefs": {"browser": "ALL"}
    }}});
    let value = driver.call("POST", "/session", Some(caps));
    value["sessionId"].as_str().expect("a session").to_string()
}

/// Writes the report of `pdf` with `extract --review`; its path.
fn report_of(pdf: &str, dir: &Path) -> PathBuf {
    let f = Command::new(env!("CARGO_BIN_EXE_extract"))
        .arg("--review")
        .arg(dir)
        .arg(testdata(pdf))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(f.status.success(), "{}", String::from_utf8_lossy(&f.stderr));
    dir.join(pdf.replace(".pdf", ".html"))
}

/// Loads the report of `pdf`, checks it as a reviewer would use it and saves
/// a screenshot as `shot`.
fn review_in_browser(pdf: &str, shot: &str) {
    let out = fiscal_extract::extract_file(&testdata(pdf)).unwrap();
    let failed: Vec<_> = out.failed_checks().collect();
    let dir = tempfile::tempdir().unwrap();
    let report = report_of(pdf, dir.path());
    let driver = Driver::start();
    let id = session(&driver, &dir.path().join("profile"));
    let s = |p: &str| format!("/session/{id}{p}");
    let script = |code: &str| {
        driver.call(
            "POST",
            &s("/execute/sync"),
            Some(json!({"script": code, "args": []})),
        )
    };
    driver.call(
        "POST",
        &s("/url"),
        Some(json!({"url": format!("file://{}", report.display())})),
    );
    // One entry per failed check; each outlines every figure it names that has a box.
    let entries = script(
        "return Array.from(document.querySelectorAll('#failed section.check')).map(s => \
         [s.querySelectorAll('li[data-box]').length, s.querySelectorAll('.page-holder rect.outline').length, \
          s.querySelectorAll('.page-holder svg').length])",
    );
    let entries = entries.as_array().expect("entries");
    assert_eq!(entries.len(), failed.len(), "one entry per failed check");
    let mut outlined = 0;
    for (entry, check) in entries.iter().zip(&failed) {
        let placed = check.figures.iter().filter(|f| f.bbox.is_some()).count() as u64;
        assert_eq!(entry[0], placed, "{}: figures listed", check.rule);
        assert_eq!(entry[1], placed, "{}: figures outlined", check.rule);
        if !check.pages.is_empty() || placed > 0 {
            assert!(
                entry[2].as_u64().unwrap() >= 1,
                "{}: its page is drawn",
                check.rule
            );
        }
        outlined += placed;
    }
    assert!(outlined > 0, "some failed check outlines its figures");
    // The page drawn from what was read: the glyphs' text is there.
    let glyphs = script("return document.querySelectorAll('#failed text.glyphs').length");
    assert!(glyphs.as_u64().unwrap() > 50, "{glyphs}");
    // A click on a figure of a table shows its page with it outlined.
    let clicked = script(
        "const td = document.querySelector('#tables td[data-box]'); td.click(); \
         const v = document.getElementById('viewer'); \
         return [v.hidden, v.querySelectorAll('rect.outline').length, v.querySelectorAll('text.glyphs').length]",
    );
    assert_eq!(clicked, json!([false, 1, clicked[2]]), "{clicked}");
    assert!(clicked[2].as_u64().unwrap() > 10);
    script("document.querySelector('.viewer-close').click(); window.scrollTo(0, 0); return 0");
    // Nothing went wrong in the console (a blocked load, a script error).
    let log = driver.call("POST", &s("/se/log"), Some(json!({"type": "browser"})));
    let severe: Vec<&Value> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["level"] == "SEVERE")
        .collect();
    assert!(severe.is_empty(), "console errors: {severe:#?}");
    let png = driver.call("GET", &s("/screenshot"), None);
    let png = base64::engine::general_purpose::STANDARD
        .decode(png.as_str().unwrap())
        .unwrap();
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(shot);
    std::fs::write(&target, png).unwrap();
    println!("screenshot: {}", target.display());
    driver.call("DELETE", &s(""), None);
}

#[test]
#[ignore = "needs chromium and chromedriver (.ci/setup); .ci/run runs it"]
fn a_final_accounts_report_shows_each_failed_check_on_its_page() {
    review_in_browser("real-narrative-errors.pdf", "review-final-accounts.png");
}

#[test]
#[ignore = "needs chromium and chromedriver (.ci/setup); .ci/run runs it"]
fn a_budget_report_shows_each_failed_check_on_its_page() {
    review_in_browser("budget-xian-economic-units.pdf", "review-budget.png");
}
