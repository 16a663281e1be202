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
                if !SESSION_ENDING.swap(true, Ordering::SeqCst) {
                    eprintln!("interrupt: ending the debug session and putting the stage back");
                    SESSION_END.notify_one();
                } else if !SESSION_WARNED.swap(true, Ordering::SeqCst) {
                    eprintln!(
                        "interrupt: the debug session is ending already; the stage is being put back (Ctrl-C again to stop now)"
                    );
                } else {
                    let hint = SESSION_ABORT_HINT.get().map_or("", String::as_str);
                    eprintln!("interrupted before the stage was put back; {hint}");
                    std::process::exit(crate::error::Exit::Cancelled.code().into());
                }
                continue;
            }
            if FOLLOWING.load(Ordering::SeqCst) {
                std::process::exit(0);
            }
            if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
                // A prompt may have hidden the cursor.
                eprint!("\x1b[?25h");
            }
            if !APPLYING.load(Ordering::SeqCst) {
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

/// Waits until Ctrl-C or SIGTERM (e.g. from `timeout`) asks a watched debug session to end.
/// From the first call on, Ctrl-C ends the session instead of exiting, and once it is ending a
/// single Ctrl-C does not cut its revert short: only a second one does, printing `abort_hint`.
pub async fn session_end_requested(abort_hint: &str) {
    let _ = SESSION_ABORT_HINT.set(abort_hint.to_string());
    SESSION.store(true, Ordering::SeqCst);
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    let term = async {
        match terminate.as_mut() {
            Some(signal) => {
                signal.recv().await;
                eprintln!("terminated: ending the debug session and putting the stage back");
            }
            None => std::future::pending().await,
        }
    };
    tokio::select! {
        () = SESSION_END.notified() => {}
        () = term => {}
    }
    SESSION_ENDING.store(true, Ordering::SeqCst);
}

/// The session ended by itself (its time is up): from here a Ctrl-C counts as the first one
/// during its revert.
pub fn session_ending() {
    SESSION_ENDING.store(true, Ordering::SeqCst);
}
