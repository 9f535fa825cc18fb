//! What the release build gets after trunk: no inline script (so the app runs under a strict
//! Content-Security-Policy), a release id, a service worker that knows its files, and
//! precompressed copies of every file.

use std::fs;
use std::io::Write;
use std::path::Path;

pub fn fnv64(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Moves the inline `<script type="module">` that trunk writes into `index.html` into a file of
/// its own, adds the service-worker registration to it, and returns the new `index.html`.
pub fn externalise_loader(html: &str, write: &mut dyn FnMut(&str, &str)) -> Result<String, String> {
    const OPEN: &str = "<script type=\"module\">";
    let start = html
        .find(OPEN)
        .ok_or("index.html has no inline module script to move")?;
    let body_start = start + OPEN.len();
    let end = body_start
        + html[body_start..]
            .find("</script>")
            .ok_or("unclosed <script>")?;
    if html[end..].contains(OPEN) {
        return Err("index.html has more than one inline module script".into());
    }
    let script = format!(
        "{}\n// Offline support: the service worker caches this release (see sw.js), every chunk and\n\
         // language included. Registered once the page is idle, so that its downloads never\n\
         // compete with what the first screens need.\n\
         if ('serviceWorker' in navigator) {{\n  \
           const register = () => navigator.serviceWorker.register('sw.js').catch(() => {{}});\n  \
           if ('requestIdleCallback' in window) requestIdleCallback(register, {{ timeout: 3000 }});\n  \
           else setTimeout(register, 0);\n\
         }}\n",
        html[body_start..end].trim()
    );
    let name = format!("loader-{:016x}.js", fnv64(script.as_bytes(), FNV_OFFSET));
    write(&name, &script);
    Ok(format!(
        "{}<script type=\"module\" src=\"./{name}\"></script>{}",
        &html[..start],
        &html[end + "</script>".len()..]
    ))
}

/// Post-processes `dist/` after `trunk build --release`.
pub fn postprocess(dist: &Path) -> Result<(), String> {
    let err = |e: std::io::Error| e.to_string();
    let index_path = dist.join("index.html");
    let html = fs::read_to_string(&index_path).map_err(err)?;
    let mut written = Vec::new();
    let html = crate::welcome::insert(&html, &crate::welcome::html()?)?;
    let html = externalise_loader(&html, &mut |name, text| {
        written.push((name.to_owned(), text.to_owned()))
    })?;
    for (name, text) in &written {
        fs::write(dist.join(name), text).map_err(err)?;
    }
    // The release id: a hash of every file's name and content (sw.js and embed.js aside).
    let mut files: Vec<String> = fs::read_dir(dist)
        .map_err(err)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| !n.ends_with(".gz") && !n.ends_with(".br") && n != "index.html")
        .collect();
    files.sort();
    let mut h = fnv64(html.as_bytes(), FNV_OFFSET);
    for f in files.iter().filter(|f| *f != "sw.js") {
        h = fnv64(f.as_bytes(), h);
        h = fnv64(&fs::read(dist.join(f)).map_err(err)?, h);
    }
    let release = format!("{h:016x}");
    let html = html.replacen(
        "<head>",
        &format!("<head>\n    <meta name=\"dra-release\" content=\"{release}\" />"),
        1,
    );
    fs::write(&index_path, &html).map_err(err)?;
    // The service worker caches the page and every file it needs.
    let assets: Vec<String> = std::iter::once("./".to_owned())
        .chain(
            files
                .iter()
                .filter(|f| *f != "sw.js" && *f != "embed.js")
                .cloned(),
        )
        .collect();
    let sw_path = dist.join("sw.js");
    let sw = fs::read_to_string(&sw_path).map_err(err)?;
    let list = format!(
        "[{}]",
        assets
            .iter()
            .map(|a| format!("\"{a}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    fs::write(
        &sw_path,
        sw.replace("'__VERSION__'", &format!("'{release}'"))
            .replace("__ASSETS__", &list),
    )
    .map_err(err)?;
    // Precompressed copies for servers that can send them as they are.
    let mut all = files.clone();
    all.push("index.html".into());
    for f in &all {
        let bytes = fs::read(dist.join(f)).map_err(err)?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&bytes).map_err(err)?;
        fs::write(dist.join(format!("{f}.gz")), gz.finish().map_err(err)?).map_err(err)?;
        let mut br = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut bytes.as_slice(), &mut br, &params).map_err(err)?;
        fs::write(dist.join(format!("{f}.br")), br).map_err(err)?;
    }
    println!("    release {release}: loader moved out of index.html, sw.js versioned, {} files precompressed", all.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::externalise_loader;

    #[test]
    fn the_inline_loader_moves_to_a_file() {
        let html = "<head><script type=\"module\">\nimport init from '/a.js';\nawait init();\n</script><link rel=x></head>";
        let mut files = Vec::new();
        let out =
            externalise_loader(html, &mut |n, t| files.push((n.to_owned(), t.to_owned()))).unwrap();
        assert_eq!(files.len(), 1);
        let (name, text) = &files[0];
        assert!(name.starts_with("loader-") && name.ends_with(".js"));
        assert!(text.starts_with("import init from '/a.js';\nawait init();"));
        assert!(text.contains("serviceWorker.register('sw.js')"));
        assert_eq!(
            out,
            format!("<head><script type=\"module\" src=\"./{name}\"></script><link rel=x></head>")
        );
        assert!(!out.contains("import init"));
    }

    #[test]
    fn no_or_two_inline_scripts_are_errors() {
        assert!(externalise_loader("<head></head>", &mut |_, _| {}).is_err());
        let two = "<script type=\"module\">a</script><script type=\"module\">b</script>";
        assert!(externalise_loader(two, &mut |_, _| {}).is_err());
    }
}
