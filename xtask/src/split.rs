//! The split release build: Trunk builds the page, the styles and one wasm module with the
//! `split` feature (its linker keeps relocations); this cuts that wasm at the split points
//! (`src/ui/lazy.rs`) into a main module and chunks, runs wasm-bindgen on the main module
//! (keeping the exports the chunks link against) and wasm-opt on every module, and puts them in
//! `dist/` in place of Trunk's module. Every chunk and the loader that fetches them are named by
//! a hash of their content, so a browser never mixes files of two releases.

use std::fs;
use std::path::Path;

use crate::dist::{fnv64, FNV_OFFSET};
use crate::run;
use crate::tools::Tools;

/// The raw wasm cargo linked (before wasm-bindgen), relative to the target directory.
const LINKED: &str = "wasm32-unknown-unknown/release/distributor-assessment.wasm";
/// The name the split main module imports its chunk loaders from.
const LINK_NAME: &str = "./__wasm_split.js";

/// Replaces Trunk's wasm module in `dist` with the split main module and its chunks.
pub fn split(tools: &Tools, root: &Path, dist: &Path) -> Result<(), String> {
    let err = |e: std::io::Error| e.to_string();
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let glue = fs::read_dir(dist)
        .map_err(err)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.starts_with("distributor-assessment-") && n.ends_with(".js"))
        .ok_or("dist/ has no distributor-assessment-*.js from trunk")?;
    let stem = glue.trim_end_matches(".js").to_owned();
    let work = target.join("split");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(err)?;
    let input = fs::read(target.join(LINKED)).map_err(|e| format!("{LINKED}: {e}"))?;
    let main_module = format!("./{glue}");
    let main_out = work.join("main.wasm");
    let out = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(&input);
        opts.output_dir = &work;
        opts.main_out_path = &main_out;
        opts.main_module = &main_module;
        opts.link_name = LINK_NAME;
        opts
    })
    .map_err(|e| format!("wasm-split: {e:#}"))?;
    let bindgen = work.join("bindgen");
    let out_dir = format!("--out-dir={}", bindgen.display());
    let out_name = format!("--out-name={stem}");
    let main_str = main_out.display().to_string();
    run(
        tools,
        root,
        "wasm-bindgen",
        &[
            "--target=web",
            "--keep-lld-exports",
            "--no-typescript",
            &out_dir,
            &out_name,
            &main_str,
        ],
    )?;
    let optimise = |from: &Path, to: &Path| {
        let (from, to) = (from.display().to_string(), to.display().to_string());
        run(tools, root, "wasm-opt", &["-Oz", &from, "-o", &to])
    };
    optimise(
        &bindgen.join(format!("{stem}_bg.wasm")),
        &dist.join(format!("{stem}_bg.wasm")),
    )?;
    // The chunks, named by their content; the loader refers to them by those names.
    let mut loader = fs::read_to_string(work.join(LINK_NAME)).map_err(err)?;
    for chunk in &out.split_modules {
        let name = chunk
            .file_stem()
            .and_then(|n| n.to_str())
            .ok_or("a chunk without a name")?
            .to_owned();
        let optimised = work.join(format!("{name}.opt.wasm"));
        optimise(chunk, &optimised)?;
        let bytes = fs::read(&optimised).map_err(err)?;
        let hashed = format!("{name}-{:016x}.wasm", fnv64(&bytes, FNV_OFFSET));
        fs::write(dist.join(&hashed), &bytes).map_err(err)?;
        let reference = format!("\"./{name}.wasm\"");
        if !loader.contains(&reference) {
            return Err(format!("the chunk loader does not mention {reference}"));
        }
        loader = loader.replace(&reference, &format!("\"./{hashed}\""));
    }
    let loader_name = format!("split-{:016x}.js", fnv64(loader.as_bytes(), FNV_OFFSET));
    fs::write(dist.join(&loader_name), &loader).map_err(err)?;
    // The glue imports the loaders by the link name; only the file it fetches is renamed (the
    // wasm's import object keeps the link name as its key).
    let js = fs::read_to_string(bindgen.join(&glue)).map_err(err)?;
    let import = format!("from \"{LINK_NAME}\"");
    if !js.contains(&import) {
        return Err(format!("the wasm-bindgen glue has no `{import}`"));
    }
    fs::write(
        dist.join(&glue),
        js.replace(&import, &format!("from \"./{loader_name}\"")),
    )
    .map_err(err)?;
    println!(
        "    split into a main module and {} chunks (loader {loader_name})",
        out.split_modules.len()
    );
    Ok(())
}
