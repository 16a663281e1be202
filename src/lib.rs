//! apigw-logs: turn on, inspect and tune logging for Amazon API Gateway stages.
//!
//! Pure logic (no AWS, no I/O): [`arn`], [`format`], [`logging`], [`plan`], [`settings`], [`trust`].
//! AWS access: [`aws`]. Commands: [`commands`], applying plans through [`apply`].

// First: its `print!`/`println!` replace std's in every module below (a closed stdout exits 0).
#[macro_use]
mod stdout;

pub mod apply;
pub mod arn;
pub mod audit;
pub mod aws;
pub mod cli;
pub mod commands;
pub mod context;
pub mod error;
pub mod fleet;
pub mod format;
pub mod interrupt;
pub mod logging;
pub mod plan;
pub mod settings;
pub mod tail;
pub mod trust;
pub mod wizard;
