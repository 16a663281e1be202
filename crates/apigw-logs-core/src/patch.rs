//! What a write changes, at the lowest level: one field before → after, and the JSON-Patch-style
//! operations API Gateway's Update* calls take. Plans ([`crate::plan`]) and the logging diff
//! ([`crate::logging`]) both build on these.

use serde::Serialize;

/// One field that changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl Change {
    pub fn new(field: impl Into<String>, before: Option<String>, after: Option<String>) -> Change {
        Change { field: field.into(), before, after }
    }
}

/// A JSON-Patch-style operation as API Gateway's Update* calls take it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PatchOp {
    pub op: PatchVerb,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PatchVerb {
    Replace,
    Remove,
}

impl PatchOp {
    pub fn replace(path: impl Into<String>, value: impl Into<String>) -> PatchOp {
        PatchOp { op: PatchVerb::Replace, path: path.into(), value: Some(value.into()) }
    }

    pub fn remove(path: impl Into<String>) -> PatchOp {
        PatchOp { op: PatchVerb::Remove, path: path.into(), value: None }
    }
}
