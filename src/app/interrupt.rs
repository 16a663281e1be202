//! Ctrl-C: before any write the tool just exits; while a plan is being applied it finishes the
//! call in flight, then stops and reports what was applied (a rerun converges from there);
//! `tail --follow` exits 0.

use std::sync::atomic::{AtomicBool, Ordering};

static APPLYING: AtomicBool = AtomicBool::new(false);
static APPLY_STARTED: AtomicBool = AtomicBool::new(false);
static STOP_REQUESTED: AtomicBool = AtomicBool::new(false);
static FOLLOWING: AtomicBool = AtomicBool::new(false);
static APPLIED_ANY: AtomicBool = AtomicBool::new(false);
/// A debug session is being watched: Ctrl-C ends it (and reverts the stage) instead of exiting.
static SESSION: AtomicBool = AtomicBool::new(false);
static SESSION_END: tokio::sync::Notify = tokio::sync::Notify::const_new();
static SESSION_ENDING: AtomicBool = AtomicBool::new(false);
static SESSION_WARNED: AtomicBool = AtomicBool::new(false);
/// What a person who stops the revert half-way needs to know (the stage, the schedule's time).
static SESSION_ABORT_HINT: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Listens for Ctrl-C (SIGINT) for the life of the process. Call from inside the runtime.
pub fn install() {
    tokio::spawn(async {
        while tokio::signal::ctrl_c().await.is_ok() {
            if SESSION.load(Ordering::SeqCst) {
                on_session_signal("interrupt");
                continue;
            }
            if FOLLOWING.load(Ordering::SeqCst) {
                std::process::exit(0);
            }
            if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
                // A prompt may have hidden the cursor (a terminal command, so written raw).
                #[allow(clippy::disallowed_macros)]
                {
                    std::eprint!("\x1b[?25h");
                }
            }
            if !applying() {
                eprintln!("interrupted; {}", changed_so_far());
                std::process::exit(crate::error::Exit::Cancelled.code().into());
            }
            if STOP_REQUESTED.swap(true, Ordering::SeqCst) {
                eprintln!(
                    "interrupted again during a call; its outcome is unknown: run the command again to see the state"
                );
                std::process::exit(crate::error::Exit::Cancelled.code().into());
            }
            eprintln!("interrupt: stopping after the call in flight (Ctrl-C again to abort at once)");
        }
    });
}

/// Marks the span in which an interrupt must not cut a call in half.
pub fn set_applying(applying: bool) {
    if applying {
        APPLY_STARTED.store(true, Ordering::SeqCst);
    }
    APPLYING.store(applying, Ordering::SeqCst);
}

/// Whether a plan is being applied right now.
pub fn applying() -> bool {
    APPLYING.load(Ordering::SeqCst)
}

/// Whether a plan has begun to be applied in this run (so something may have changed).
pub fn apply_started() -> bool {
    APPLY_STARTED.load(Ordering::SeqCst)
}

/// Records that a write was applied (for messages that say whether anything changed).
pub fn note_applied() {
    APPLIED_ANY.store(true, Ordering::SeqCst);
}

/// "nothing was changed", unless an earlier plan (another region) was applied.
pub fn changed_so_far() -> &'static str {
    if APPLIED_ANY.load(Ordering::SeqCst) {
        "changes made before this point stay applied (see the output above); a rerun converges"
    } else {
        "nothing was changed"
    }
}

/// `tail --follow` ends with Ctrl-C: that is its normal way to stop, so it exits 0, quietly.
pub fn set_following() {
    FOLLOWING.store(true, Ordering::SeqCst);
}

pub fn stop_requested() -> bool {
    STOP_REQUESTED.load(Ordering::SeqCst)
}

/// Ctrl-C or SIGTERM while a debug session is watched: the first ends it (the stage is put
/// back), one more while it is being put back is only told so, the next exits now.
fn on_session_signal(what: &str) {
    if !SESSION_ENDING.swap(true, Ordering::SeqCst) {
        eprintln!("{what}: ending the debug session and putting the stage back");
        SESSION_END.notify_one();
    } else if !SESSION_WARNED.swap(true, Ordering::SeqCst) {
        eprintln!(
            "{what}: the debug session is ending already; the stage is being put back (again to stop now)"
        );
    } else {
        let hint = SESSION_ABORT_HINT.get().map_or("", String::as_str);
        eprintln!("{what}: stopped before the stage was put back; {hint}");
        std::process::exit(crate::error::Exit::Cancelled.code().into());
    }
}

/// A debug session has begun and is watched by this process: from now on Ctrl-C and SIGTERM
/// (e.g. from `timeout`) end it instead of exiting (see [`on_session_signal`]); `abort_hint` is
/// what stopping its revert half-way must say.
pub fn watch_session(abort_hint: String) {
    let _ = SESSION_ABORT_HINT.set(abort_hint);
    SESSION.store(true, Ordering::SeqCst);
    match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        Ok(mut terminate) => {
            tokio::spawn(async move {
                while terminate.recv().await.is_some() {
                    on_session_signal("terminated");
                }
            });
        }
        Err(err) => tracing::warn!("cannot listen for SIGTERM ({err}); only Ctrl-C ends the session early"),
    }
}

/// Waits until Ctrl-C or SIGTERM asks the watched debug session to end (a request made before
/// this is called counts).
pub async fn session_end_requested() {
    SESSION_END.notified().await;
}

/// The session is ending (its time is up, or it was asked to): a Ctrl-C from here is one during
/// its revert, told so, and the one after stops.
pub fn session_ending() {
    SESSION_ENDING.store(true, Ordering::SeqCst);
}
