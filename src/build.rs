//! The split release build (`--features split`, see xtask) needs the linker's relocations to
//! cut the wasm into chunks; every other build links as usual.
fn main() {
    println!("cargo::rerun-if-changed=src/build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    if split && wasm {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
