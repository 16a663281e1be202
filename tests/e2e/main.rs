//! End-to-end tests of the real binary against a local AWS emulator (moto server). One test
//! binary with modules, so the large SDK-linked executable is built once.

mod apply;
mod bad_input;
mod chain;
mod cli;
mod cost;
mod debug;
mod delivery;
mod double;
mod emit;
mod faults;
mod fleet;
mod hardening;
mod harness;
mod order;
mod orgs;
mod owner;
mod quotas;
mod reliability;
mod setup;
mod silent;
mod stage;
mod status;
mod summary;
mod tail;
mod trace;
mod trust;
mod v2;
