//! Results on stdout, and what happens when nobody reads them any more.
//!
//! The crate's `print!` and `println!` are these (declared first in lib.rs, they shadow std's in
//! every module). They write through anstream, so styles are stripped when stdout is not a
//! terminal or colour is off, and they treat a closed stdout (`apigw-logs stage show --all-apis |
//! head -1`) the way ripgrep does: the run stops at that write and exits 0 with no message,
//! where std's macros would panic. One exception: once a plan has begun to be applied, its run is
//! not cut short; the rest of the output is dropped and the run ends as it would have (errors on
//! stderr, the usual exit code), so a failed change is never reported as success.
//!
//! Every write, here and on stderr ([`diagnostic`]), escapes hostile characters in what it
//! prints (`escape::terminal_stream`): a name read from AWS cannot rewrite the terminal.
//!
//! clippy.toml forbids std's and anstream's print macros so that every write goes through here.

use std::io::{ErrorKind, Write as _};
use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes to stdout; see the module documentation for a closed stdout. Any other write error
/// panics, as std's `print!` does.
pub fn write(args: std::fmt::Arguments<'_>) {
    let held = CAPTURE.try_with(|held| {
        use std::fmt::Write as _;
        let _ = held.borrow_mut().write_fmt(args);
    });
    // (Held output is escaped when it is printed, through this function.)
    if held.is_ok() {
        return;
    }
    if cfg!(test) {
        return captured(args);
    }
    if !CLOSED.load(Ordering::SeqCst) {
        let text = args.to_string();
        // Locked for the whole write, so concurrent targets never interleave within a line.
        match anstream::stdout().lock().write_all(crate::escape::terminal_stream(&text).as_bytes()) {
            Ok(()) => return,
            Err(err) if err.kind() == ErrorKind::BrokenPipe => CLOSED.store(true, Ordering::SeqCst),
            Err(err) => panic!("failed printing to stdout: {err}"),
        }
    }
    if !crate::app::interrupt::apply_started() {
        std::process::exit(0);
    }
}

tokio::task_local! {
    /// One account's results, in a run over several: printed together once it is done.
    static CAPTURE: std::cell::RefCell<String>;
}

/// Runs `future` with what it prints held back, and returns that with its output.
pub async fn held<F: std::future::Future>(future: F) -> (F::Output, String) {
    CAPTURE
        .scope(std::cell::RefCell::new(String::new()), async move {
            let output = future.await;
            (output, CAPTURE.with(|held| held.take()))
        })
        .await
}

/// Unit tests: std's macro, whose output the test harness captures.
#[allow(clippy::disallowed_macros)]
fn captured(args: std::fmt::Arguments<'_>) {
    std::print!("{args}");
}

/// Diagnostics (progress, warnings, errors) on stderr, through anstream (styles stripped where
/// they would not show), with hostile characters in what they quote escaped.
pub fn diagnostic(args: std::fmt::Arguments<'_>) {
    let text = args.to_string();
    let _ = anstream::stderr().lock().write_all(crate::escape::terminal_stream(&text).as_bytes());
}

/// Like std's `eprintln!`, through [`diagnostic`].
macro_rules! eprintln {
    () => {
        $crate::app::stdout::diagnostic(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::app::stdout::diagnostic(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Like std's `print!`, with a closed stdout handled as the module says.
macro_rules! print {
    ($($arg:tt)*) => {
        $crate::app::stdout::write(format_args!($($arg)*))
    };
}

/// Like std's `println!`, with a closed stdout handled as the module says.
macro_rules! println {
    () => {
        $crate::app::stdout::write(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::app::stdout::write(format_args!("{}\n", format_args!($($arg)*)))
    };
}
