//! apigw-logs: turn on, inspect and tune logging for Amazon API Gateway stages.
//!
//! Pure logic (no AWS, no I/O): [`api`], [`arn`], [`audit`], [`format`], [`logging`],
//! [`manifest`], [`plan`], [`settings`], [`trust`]. AWS access: [`aws`]. What the commands share:
//! [`targets`] (which APIs, stages and regions), [`planner`] (checks and plans) and [`execute`]
//! (applying a plan). Commands: [`commands`].

// First: its `print!`/`println!` replace std's in every module below (a closed stdout exits 0).
#[macro_use]
mod stdout;

pub mod accounts;
pub mod api;
pub mod arn;
pub mod audit;
pub mod aws;
pub mod cli;
pub mod commands;
pub mod context;
pub mod delivery;
pub mod error;
pub mod execute;
pub mod format;
pub mod interrupt;
pub mod logging;
pub mod manifest;
pub mod plan;
pub mod planner;
pub mod settings;
pub mod tail;
pub mod targets;
pub mod trust;
pub mod wizard;
