//! What the commands share while they run: the context of a run ([`context::Ctx`]: options,
//! clients, warnings, confirmations), the one plan → confirm → apply → report path
//! ([`execute`]), runs over several accounts ([`accounts`]), Ctrl-C and SIGTERM ([`interrupt`]), output ([`stdout`]), files the
//! user names ([`files`]) and following log groups ([`follow`]).

// First: its `print!`/`println!` replace std's in every module below (a closed stdout exits 0).
#[macro_use]
pub mod stdout;

pub mod accounts;
pub mod context;
pub mod execute;
pub mod files;
pub mod follow;
pub mod interrupt;
