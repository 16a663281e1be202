//! Writes the man pages generated from the CLI into a directory (default: man/), one per command.
//! Run by scripts/update-completions.sh; a test fails when the committed pages drift.
//!
//!     cargo run --example man -- [DIR]

fn main() -> std::io::Result<()> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "man".into()));
    std::fs::create_dir_all(&dir)?;
    // Pages of commands that no longer exist go too.
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "1") {
            std::fs::remove_file(path)?;
        }
    }
    for (name, page) in apigw_logs::commands::completions::man_pages() {
        std::fs::write(dir.join(name), page)?;
    }
    Ok(())
}
