// The default theme, the guidance and the sample data are compiled into the binary
// (include_dir!). Cargo does not notice a file added under those folders on its own,
// so tell it to rebuild when they change.

// Cargo reads a build script's instructions from its stdout: `println!` is how
// they are written (clippy.toml keeps std's print macros out of careerbook).
#![allow(clippy::disallowed_macros)]

fn main() {
    for dir in ["themes", "content", "data", "book.toml"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
