//! `cargo xtask site DIR [--out OUT] [--url URL] [--title T] [--aliases
//! FILE]`: the app's
//! assets (the release dist), then the release `shilu-site` over DIR into
//! OUT (default `site/`). `cargo xtask serve --site DIR` builds it and
//! serves OUT at http://127.0.0.1:8080/ with the policy of its `_headers`.

use crate::setup::{self, Scope};
use crate::util::{self, cargo, command, run, step, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

/// What `cargo xtask site` was asked to build.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteArgs {
    pub dir: PathBuf,
    pub out: Option<PathBuf>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Who is one person under several names (`shilu site --aliases`).
    pub aliases: Option<PathBuf>,
}

/// Builds the site; returns its folder.
pub fn site(args: &SiteArgs) -> Result<PathBuf> {
    if !args.dir.is_dir() {
        return Err(format!("site: {} is not a folder", args.dir.display()));
    }
    setup::setup(Scope { browser: false })?;
    // The app's assets first: every transcript page is the app's page
    // (built again only if a source changed since the last build).
    crate::dist::dist_if_changed()?;
    step("site: the release shilu-site");
    run(cargo().args(["build", "--release", "--offline", "-p", "shilu-site"]))?;
    let root = util::root();
    let out = args.out.clone().unwrap_or_else(|| root.join("site"));
    let mut c = command(root.join("target/release/shilu-site"));
    c.arg(&args.dir)
        .arg("--assets")
        .arg(root.join("dist"))
        .arg("--out")
        .arg(&out);
    if let Some(url) = &args.url {
        c.args(["--url", url]);
    }
    if let Some(title) = &args.title {
        c.args(["--title", title]);
    }
    if let Some(aliases) = &args.aliases {
        c.arg("--aliases").arg(aliases);
    }
    step(&format!("site: {} → {}", args.dir.display(), out.display()));
    run(&mut c)?;
    Ok(out)
}

/// Serves the folder `root` at `address:port` until stopped: files as
/// they are, a folder as its `index.html`, with the site's policy.
pub fn serve_folder(root: &Path, address: &str, port: u16) -> Result {
    let policy = std::fs::read_to_string(root.join("_headers"))
        .ok()
        .and_then(|h| {
            h.lines()
                .find_map(|l| l.trim().strip_prefix("Content-Security-Policy: "))
                .map(str::to_string)
        });
    let listener =
        TcpListener::bind((address, port)).map_err(|e| format!("serve: {address}:{port}: {e}"))?;
    step(&format!("serve: http://{address}:{port}/  (Ctrl-C stops)"));
    for stream in listener.incoming().flatten() {
        let (root, policy) = (root.to_path_buf(), policy.clone());
        std::thread::spawn(move || {
            let _ = answer(stream, &root, policy.as_deref());
        });
    }
    Ok(())
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript",
        "css" => "text/css",
        "wasm" => "application/wasm",
        "json" | "webmanifest" => "application/json",
        "xml" => "application/xml",
        "jsonl" => "application/x-ndjson",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// `%XX` sequences decoded (UTF-8 paths).
fn decode_path(p: &str) -> String {
    let bytes = p.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(a), Some(b)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((a * 16 + b) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The file for a request's path, if it is inside `root`.
pub fn file_for(root: &Path, path: &str) -> Option<PathBuf> {
    let path = decode_path(path.split(['?', '#']).next().unwrap_or(""));
    if path.split('/').any(|part| part == "..") {
        return None;
    }
    let mut file = root.join(path.trim_start_matches('/'));
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

fn answer(mut stream: TcpStream, root: &Path, policy: Option<&str>) -> std::io::Result<()> {
    let mut line = String::new();
    let mut reader = BufReader::new(&stream);
    reader.read_line(&mut line)?;
    // The headers: only `Range` matters here.
    let mut range = None;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            if k.trim().eq_ignore_ascii_case("range") {
                range = Some(v.trim().to_string());
            }
        }
    }
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let head = method == "HEAD";
    if method != "GET" && !head {
        return stream.write_all(
            b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
    }
    let Some(file) = file_for(root, path) else {
        let body = b"not found";
        write!(
            stream,
            "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )?;
        return stream.write_all(body);
    };
    let mut body = std::fs::read(&file)?;
    let csp = policy
        .map(|p| format!("Content-Security-Policy: {p}\r\n"))
        .unwrap_or_default();
    let len = body.len() as u64;
    let status = match crate::range::wanted(range.as_deref(), len) {
        crate::range::Wanted::Whole => "200 OK".to_string(),
        crate::range::Wanted::Part(r) => {
            body = body[r.start as usize..r.end as usize].to_vec();
            format!(
                "206 Partial Content\r\nContent-Range: bytes {}-{}/{len}",
                r.start,
                r.end - 1
            )
        }
        crate::range::Wanted::Unsatisfiable => {
            return write!(
                stream,
                "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */{len}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {}\r\nContent-Length: {}\r\nAccept-Ranges: bytes\r\nCache-Control: no-cache\r\n{csp}Connection: close\r\n\r\n",
        mime(&file),
        body.len()
    )?;
    if !head {
        stream.write_all(&body)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_finds_its_file_and_never_leaves_the_root() {
        let root = std::env::temp_dir().join(format!("xtask-site-{}", std::process::id()));
        std::fs::create_dir_all(root.join("s/p-唐凤")).unwrap();
        std::fs::write(root.join("index.html"), "home").unwrap();
        std::fs::write(root.join("s/p-唐凤/index.html"), "p").unwrap();
        assert_eq!(file_for(&root, "/"), Some(root.join("index.html")));
        assert_eq!(
            file_for(&root, "/s/p-%E5%94%90%E5%87%A4/?q=1"),
            Some(root.join("s/p-唐凤/index.html"))
        );
        assert_eq!(file_for(&root, "/../etc/passwd"), None);
        assert_eq!(file_for(&root, "/missing"), None);
        let _ = std::fs::remove_dir_all(&root);
    }
}
