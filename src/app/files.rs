//! Files the user names (`--prices`, `--terraform-state`, `apply -f`, `@FORMAT`), read with a
//! size limit and a time limit: `/dev/zero` stops at the limit instead of filling memory, and a
//! FIFO nobody writes to ends with an error instead of a hang.

use crate::error;
use std::io::Read as _;
use std::path::Path;
use std::time::Duration;

/// Why a file could not be read.
#[derive(Debug)]
pub enum Unreadable {
    Io(std::io::Error),
    /// Larger than the limit: reading stopped there.
    TooLarge,
    /// Not a regular file, and nothing came within the wait.
    NoData(Duration),
}

/// The bytes of `path`, at most `limit` of them. Regular files are read at once; anything else (a
/// pipe from `<(…)`, a device) on a thread that is given up after `wait`.
pub fn read_limited(path: &Path, limit: usize, wait: Duration) -> Result<Vec<u8>, Unreadable> {
    let regular = std::fs::metadata(path).map_err(Unreadable::Io)?.is_file();
    let bytes = if regular {
        read_at_most(path, limit).map_err(Unreadable::Io)?
    } else {
        let (sender, receiver) = std::sync::mpsc::channel();
        let owned = path.to_path_buf();
        // Opening a FIFO blocks until a writer comes; this thread may never return.
        std::thread::spawn(move || {
            let _ = sender.send(read_at_most(&owned, limit));
        });
        receiver.recv_timeout(wait).map_err(|_| Unreadable::NoData(wait))?.map_err(Unreadable::Io)?
    };
    if bytes.len() > limit {
        return Err(Unreadable::TooLarge);
    }
    Ok(bytes)
}

/// [`read_limited`], with errors that name `flag` (exit 2).
pub fn read(flag: &str, path: &Path, limit: usize, wait: Duration) -> anyhow::Result<Vec<u8>> {
    let shown = path.display();
    read_limited(path, limit, wait).map_err(|why| match why {
        Unreadable::Io(e) => error::usage(format!("{flag}: cannot read '{shown}': {e}")),
        Unreadable::TooLarge => error::usage(format!(
            "{flag}: '{shown}' is larger than {}, more than any such file needs; stopped reading there",
            size(limit)
        )),
        Unreadable::NoData(wait) => error::usage_hint(
            format!(
                "{flag}: nothing could be read from '{shown}' within {}s: it is not a regular file (a pipe nobody writes to?)",
                wait.as_secs()
            ),
            "give a regular file, or make sure the pipe's writer runs",
        ),
    })
}

/// UTF-8 text of `path`, as [`read`] reads it.
pub fn read_text(flag: &str, path: &Path, limit: usize, wait: Duration) -> anyhow::Result<String> {
    String::from_utf8(read(flag, path, limit, wait)?)
        .map_err(|_| error::usage(format!("{flag}: '{}' is not UTF-8 text", path.display())))
}

/// Up to `limit + 1` bytes: one more than allowed tells a file that is too large.
fn read_at_most(path: &Path, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// `3 KB`, `1 MiB`, `256 MiB`.
fn size(bytes: usize) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WAIT: Duration = Duration::from_secs(5);

    #[test]
    fn a_device_stops_at_the_limit() {
        let err = read("--prices", Path::new("/dev/zero"), 1 << 20, WAIT).unwrap_err();
        assert_eq!(error::exit_code(&err), error::Exit::Usage);
        assert!(format!("{err}").contains("--prices: '/dev/zero' is larger than 1 MiB"), "{err}");
    }

    #[test]
    fn a_fifo_without_a_writer_is_given_up() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let err = read("--terraform-state", &fifo, 1 << 20, Duration::from_millis(200)).unwrap_err();
        assert!(format!("{err}").contains("not a regular file"), "{err}");
    }

    #[test]
    fn files_within_the_limit_are_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.toml");
        std::fs::write(&file, "ingestion_per_gb = 0.5\n").unwrap();
        assert_eq!(read_text("--prices", &file, 100, WAIT).unwrap(), "ingestion_per_gb = 0.5\n");
        assert!(read("--prices", &file, 10, WAIT).is_err());
        let missing = read("--prices", &dir.path().join("nope"), 10, WAIT).unwrap_err();
        assert!(format!("{missing}").starts_with("--prices: cannot read"), "{missing}");
    }
}
