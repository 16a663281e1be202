//! The pure core of apigw-logs: the model of API Gateway logging and every decision made from it,
//! with no AWS SDK, no async runtime and no CLI parser (this crate does not depend on them, so
//! the compiler keeps it pure). The `apigw-logs` crate reads AWS into these types, asks them what
//! to do, and makes the calls they plan.
//!
//! - APIs and settings: [`api`], [`arn`], [`settings`], [`choice`], [`regions`].
//! - Stage logging and how it changes: [`logging`], [`patch`], [`plan`], [`groups`], [`request`].
//! - Access log formats: [`format`].
//! - Costs: [`cost`]. Debug sessions: [`session`]. Owners: [`owner`]. `--emit`: [`emit`].
//!   `apply` files: [`manifest`]. `status` checks: [`audit`], [`finding`], [`controls`]. Execution log
//!   delivery: [`delivery`]. Trust policies: [`trust`]. Reading logs: [`tail`].
//! - Text from outside: [`escape`], [`redact`]. Errors and exit codes: [`error`].

pub mod access;
pub mod api;
pub mod arn;
pub mod audit;
pub mod choice;
pub mod controls;
pub mod cost;
pub mod delivery;
pub mod emit;
pub mod error;
pub mod escape;
pub mod finding;
pub mod format;
pub mod groups;
pub mod insights;
pub mod logging;
pub mod manifest;
pub mod owner;
pub mod patch;
pub mod plan;
pub mod redact;
pub mod regions;
pub mod request;
pub mod session;
pub mod settings;
pub mod silence;
pub mod summary;
pub mod tail;
pub mod trace;
pub mod trust;
