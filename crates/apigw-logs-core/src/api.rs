//! What an API is to the tool: its id, name and type (REST, HTTP or WebSocket). Each type has its
//! own `$context` variables, presets and logging rules.

/// The type of an API.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ApiKind {
    #[default]
    Rest,
    Http,
    Websocket,
}

impl crate::choice::Choice for ApiKind {
    const ALL: &'static [ApiKind] = &ApiKind::ALL;

    fn name(self) -> &'static str {
        self.flag()
    }
}

impl ApiKind {
    pub const ALL: [ApiKind; 3] = [ApiKind::Rest, ApiKind::Http, ApiKind::Websocket];

    /// Used in messages, so that a platform engineer knows which list a name was checked against.
    pub fn label(self) -> &'static str {
        match self {
            ApiKind::Rest => "REST API",
            ApiKind::Http => "HTTP API",
            ApiKind::Websocket => "WebSocket API",
        }
    }

    /// The `--api-type` value that selects this type.
    pub fn flag(self) -> &'static str {
        match self {
            ApiKind::Rest => "rest",
            ApiKind::Http => "http",
            ApiKind::Websocket => "websocket",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Api {
    pub id: String,
    pub name: String,
    #[serde(rename = "api_type")]
    pub kind: ApiKind,
    /// Creation date (`2026-11-25`), shown by the wizard.
    #[serde(skip)]
    pub created: Option<String>,
    /// The API's tags (CloudFormation's `aws:cloudformation:*` among them).
    #[serde(skip)]
    pub tags: std::collections::BTreeMap<String, String>,
}

impl Api {
    /// `orders (a1b2c3, HTTP API)`.
    pub fn label(&self) -> String {
        format!("{} ({}, {})", self.shown_name(), crate::escape::terminal(&self.id), self.kind.label())
    }

    /// The name for human output: whatever AWS holds, with control characters escaped.
    pub fn shown_name(&self) -> std::borrow::Cow<'_, str> {
        crate::escape::terminal(&self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_flag_parses_back_to_its_type() {
        for kind in ApiKind::ALL {
            assert_eq!(<ApiKind as crate::choice::Choice>::parse(kind.flag()), Some(kind));
        }
    }
}
