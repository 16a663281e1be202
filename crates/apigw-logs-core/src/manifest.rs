//! The declarative file `apply` reads (TOML): defaults, then `[[stage]]` entries matched by API id
//! or name glob and stage name glob. Pure: parsing, validation and merging; no AWS, no I/O.

use crate::api::{Api, ApiKind};
use crate::arn::parse_kms_key_arn;
use crate::request::Logging;

use crate::settings::{
    Level, MAX_TAGS, MethodSpec, Switch, parse_retention_days, parse_route_key, parse_tag,
};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The whole file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Role to create or repair when a stage needs the account role and the account has no healthy one.
    pub role_name: Option<String>,
    /// The same, per region (`[role_names] "eu-west-1" = "…"`), overriding `role_name` there.
    #[serde(default)]
    pub role_names: BTreeMap<String, String>,
    /// The account's control-plane quotas as a multiple of AWS's defaults (`--quota-scale`,
    /// which wins when given).
    pub quota_scale: Option<f64>,
    /// Settings every matched stage gets unless its entry says otherwise.
    #[serde(default)]
    pub defaults: Settings,
    /// Which stages to manage, in order; a later entry overrides an earlier one field by field.
    #[serde(default, rename = "stage")]
    pub stages: Vec<Settings>,
}

/// One entry's settings. The keys mirror the flags of `stage set` (`access_log_format` is
/// `--access-log-format`); a key left out leaves that setting of the stage as it is.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// API id, or a name glob (`orders`, `orders-*`); entries only.
    pub api: Option<String>,
    /// Only APIs of this type: `rest`, `http` or `websocket`; entries only, default any.
    pub api_type: Option<ApiKind>,
    /// Stage name glob (`prod`, `prod*`); entries only, default every stage.
    pub stage: Option<String>,
    /// Only in this AWS account (12 digits); entries only, default every account.
    pub account: Option<String>,
    /// Only in accounts under this organizational unit (`ou-…`, at any depth): runs with
    /// `--account`/`--all-accounts`; entries only.
    pub ou: Option<String>,
    #[serde(default, deserialize_with = "level")]
    pub level: Option<Level>,
    pub data_trace: Option<bool>,
    pub metrics: Option<bool>,
    /// `false` turns access logging off.
    pub access_log: Option<bool>,
    /// May hold `{api_id}` and `{stage}`, e.g. `API-Gateway-Access-Logs_{api_id}/{stage}`.
    pub access_log_group: Option<String>,
    pub access_log_destination: Option<String>,
    pub access_log_format: Option<String>,
    pub retention_days: Option<i64>,
    /// Retention of the stage's execution log group (created when missing).
    pub execution_log_retention_days: Option<i64>,
    /// KMS key ARN for the log groups the tool creates.
    pub kms_key_id: Option<String>,
    /// Tags for the log groups the tool creates; an entry's tags add to the defaults'.
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
    /// REST APIs: the whole set of execution log delivery destinations, each `ARN[,format=F]` as
    /// `--execution-log-destination` takes it; `[]` removes every delivery.
    pub execution_log_destinations: Option<Vec<String>>,
    /// Per-method overrides keyed `"GET /pets/{id}"` (REST APIs).
    #[serde(default)]
    pub methods: BTreeMap<String, MethodSettings>,
    /// Per-route overrides keyed by route key, `"$connect"` (HTTP and WebSocket APIs).
    #[serde(default)]
    pub routes: BTreeMap<String, MethodSettings>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodSettings {
    #[serde(default, deserialize_with = "level")]
    pub level: Option<Level>,
    pub data_trace: Option<bool>,
    pub metrics: Option<bool>,
}

fn level<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Option<Level>, D::Error> {
    let text = String::deserialize(de)?;
    <Level as crate::choice::Choice>::parse(&text)
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown level '{text}'; use OFF, ERROR or INFO")))
}

/// Parses and validates the file. Errors name the file position or the entry and key.
pub fn parse(text: &str) -> Result<Manifest, String> {
    let file: Manifest = toml::from_str(text).map_err(|e| e.to_string().trim_end().to_string())?;
    file.validate()?;
    Ok(file)
}

impl Manifest {
    fn validate(&self) -> Result<(), String> {
        if let Some(scale) = self.quota_scale {
            crate::settings::parse_quota_scale(&scale.to_string())
                .map_err(|e| format!("`quota_scale`: {e}"))?;
        }
        let d = &self.defaults;
        if d.api.is_some()
            || d.stage.is_some()
            || d.api_type.is_some()
            || d.account.is_some()
            || d.ou.is_some()
        {
            return Err(
                "[defaults]: `api`, `api_type`, `stage`, `account` and `ou` belong in [[stage]] entries"
                    .into(),
            );
        }
        self.defaults.validate().map_err(|e| format!("[defaults]: {e}"))?;
        if self.stages.is_empty() {
            return Err(
                "no [[stage]] entries: add at least one, e.g.\n[[stage]]\napi = \"orders\"\nstage = \"prod\""
                    .into(),
            );
        }
        for (index, entry) in self.stages.iter().enumerate() {
            let name = entry_name(index, entry);
            if entry.api.as_deref().is_none_or(str::is_empty) {
                return Err(format!("{name}: `api` is required (an API id or name glob)"));
            }
            for (key, pattern) in [("api", &entry.api), ("stage", &entry.stage)] {
                if let Some(pattern) = pattern {
                    glob::Pattern::new(pattern).map_err(|e| format!("{name}: `{key}` = '{pattern}': {e}"))?;
                }
            }
            entry.validate().map_err(|e| format!("{name}: {e}"))?;
            self.defaults.overlay(entry).validate().map_err(|e| format!("{name} (with [defaults]): {e}"))?;
        }
        for (key, role) in self
            .role_name
            .iter()
            .map(|r| ("role_name".to_string(), r))
            .chain(self.role_names.iter().map(|(region, r)| (format!("role_names.\"{region}\""), r)))
        {
            crate::arn::validate_role_name(role).map_err(|e| format!("`{key}`: {e}"))?;
        }
        Ok(())
    }

    /// Whether some entry is scoped by `ou` (the OUs of each account are then read).
    pub fn scopes_by_ou(&self) -> bool {
        self.stages.iter().any(|entry| entry.ou.is_some())
    }

    /// The first entry whose `account` or `ou` names none of the run's accounts (each with the
    /// OUs above it; `None`: not read), as an error message: such an entry is a typo or a
    /// forgotten `--account`, and would silently change nothing.
    pub fn scope_outside(&self, accounts: &[(String, Option<Vec<String>>)]) -> Option<String> {
        let ids: Vec<&str> = accounts.iter().map(|(id, _)| id.as_str()).collect();
        self.stages.iter().enumerate().find_map(|(index, entry)| {
            let name = entry_name(index, entry);
            if let Some(account) = entry.account.as_deref().filter(|a| !ids.contains(a)) {
                return Some(format!(
                    "{name}: `account = \"{account}\"` is not an account of this run ({}); add --account {account}, or correct the entry",
                    ids.join(", ")
                ));
            }
            let ou = entry.ou.as_deref()?;
            // Without every account's OUs nothing can be said (their reads failed and are
            // reported per account).
            let known: Option<Vec<&Vec<String>>> = accounts.iter().map(|(_, ous)| ous.as_ref()).collect();
            let matched = known?.iter().any(|ous| ous.iter().any(|o| o == ou));
            (!matched).then(|| {
                format!("{name}: `ou = \"{ou}\"` is above none of the accounts of this run; check the OU id (ou-…) in AWS Organizations")
            })
        })
    }

    /// The role `apply` creates or repairs in `region` when a stage needs one.
    pub fn role_name_in(&self, region: &str) -> &str {
        self.role_names
            .get(region)
            .or(self.role_name.as_ref())
            .map_or(crate::trust::DEFAULT_ROLE_NAME, String::as_str)
    }

    /// The settings for stage entry `index`, merged over the defaults. The defaults' keys that do
    /// not apply to the API's type are left out (methods for v2, routes for REST, execution
    /// logging for HTTP); an entry's own are kept, and refused when planned.
    pub fn merged(&self, index: usize, kind: ApiKind) -> Settings {
        let mut defaults = self.defaults.clone();
        // Method overrides are REST's, route overrides the v2 types'.
        match kind {
            ApiKind::Rest => defaults.routes.clear(),
            _ => defaults.methods.clear(),
        }
        if kind == ApiKind::Http {
            (defaults.level, defaults.data_trace, defaults.execution_log_retention_days) = (None, None, None);
            for route in defaults.routes.values_mut() {
                (route.level, route.data_trace) = (None, None);
            }
            defaults.routes.retain(|_, route| *route != MethodSettings::default());
        }
        defaults.overlay(&self.stages[index])
    }
}

/// How errors refer to an entry: `[[stage]] #2 (api = "orders", stage = "prod*")`.
pub fn entry_name(index: usize, entry: &Settings) -> String {
    format!(
        "[[stage]] #{} (api = {:?}, stage = {:?})",
        index + 1,
        entry.api.as_deref().unwrap_or(""),
        entry.stage.as_deref().unwrap_or("*")
    )
}

impl Settings {
    fn validate(&self) -> Result<(), String> {
        for (key, days) in [
            ("retention_days", self.retention_days),
            ("execution_log_retention_days", self.execution_log_retention_days),
        ] {
            if let Some(days) = days {
                parse_retention_days(&days.to_string()).map_err(|e| format!("`{key}`: {e}"))?;
            }
        }
        let destinations = [self.access_log_group.is_some(), self.access_log_destination.is_some()];
        if destinations.iter().all(|d| *d) {
            return Err("`access_log_group` and `access_log_destination` both set; keep one".into());
        }
        if self.access_log == Some(false)
            && (destinations.iter().any(|d| *d)
                || self.access_log_format.is_some()
                || self.retention_days.is_some())
        {
            return Err("`access_log = false` turns access logging off; drop the other access_log_* and retention_days keys".into());
        }
        if let Some(key) = &self.kms_key_id {
            parse_kms_key_arn(key).map_err(|e| format!("`kms_key_id`: {e}"))?;
        }
        if let Some(account) = &self.account {
            crate::arn::parse_account_id(account).map_err(|e| format!("`account`: {e}"))?;
        }
        if let Some(ou) = &self.ou
            && !(ou.starts_with("ou-")
                && ou.len() > 3
                && ou[3..].chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        {
            return Err(format!("`ou`: '{ou}' is not an organizational unit id (ou-…)"));
        }
        let destinations =
            self.delivery_destinations().map_err(|e| format!("`execution_log_destinations`: {e}"))?;
        crate::delivery::check_set(&destinations)
            .map_err(|e| format!("`execution_log_destinations`: {e}"))?;
        if !destinations.is_empty() && self.level == Some(Level::Off) {
            return Err("`level = \"OFF\"` with `execution_log_destinations`: AWS delivers execution logs only from stages at ERROR or INFO".into());
        }
        for (key, value) in &self.tags {
            parse_tag(&format!("{key}={value}")).map_err(|e| format!("`tags`: {e}"))?;
        }
        if self.tags.len() > MAX_TAGS {
            return Err(format!("`tags`: at most {MAX_TAGS} per log group"));
        }
        if let Some(name) = &self.access_log_group {
            crate::arn::validate_log_group_name(&expand_group(name, "id", "stage"))
                .map_err(|e| format!("`access_log_group`: {e}"))?;
        }
        for (key, route) in &self.routes {
            parse_route_key(key).map_err(|e| format!("`routes`: {e}"))?;
            if *route == MethodSettings::default() {
                return Err(format!("`routes.\"{key}\"`: set at least one of level, data_trace, metrics"));
            }
        }
        if !self.methods.is_empty() && !self.routes.is_empty() {
            return Err("`methods` (REST APIs) and `routes` (HTTP and WebSocket APIs) in one entry; split it by `api_type`".into());
        }
        for (key, method) in &self.methods {
            MethodSpec::parse(key).map_err(|e| format!("`methods`: {e}"))?;
            if *method == MethodSettings::default() {
                return Err(format!("`methods.\"{key}\"`: set at least one of level, data_trace, metrics"));
            }
        }
        Ok(())
    }

    /// `self` with every key `top` sets replaced by `top`'s value. A destination or `access_log`
    /// in `top` replaces all of `self`'s destination keys, and `access_log = false` also drops the
    /// format and retention, so an entry never conflicts with the defaults.
    pub fn overlay(&self, top: &Settings) -> Settings {
        let sets_destination = top.access_log.is_some()
            || top.access_log_group.is_some()
            || top.access_log_destination.is_some();
        let mut below = self.clone();
        if sets_destination {
            (below.access_log, below.access_log_group, below.access_log_destination) = (None, None, None);
        }
        if top.access_log == Some(false) {
            (below.access_log_format, below.retention_days) = (None, None);
        }
        let mut tags = below.tags.clone();
        tags.extend(top.tags.clone());
        let overlay_map = |below: &BTreeMap<String, MethodSettings>,
                           top: &BTreeMap<String, MethodSettings>| {
            let mut merged = below.clone();
            for (key, settings) in top {
                let over = merged.get(key).map_or(*settings, |m| m.overlay(settings));
                merged.insert(key.clone(), over);
            }
            merged
        };
        Settings {
            api: top.api.clone().or(below.api),
            api_type: top.api_type.or(below.api_type),
            stage: top.stage.clone().or(below.stage),
            account: top.account.clone().or(below.account),
            ou: top.ou.clone().or(below.ou),
            level: top.level.or(below.level),
            data_trace: top.data_trace.or(below.data_trace),
            metrics: top.metrics.or(below.metrics),
            access_log: top.access_log.or(below.access_log),
            access_log_group: top.access_log_group.clone().or(below.access_log_group),
            access_log_destination: top.access_log_destination.clone().or(below.access_log_destination),
            access_log_format: top.access_log_format.clone().or(below.access_log_format),
            retention_days: top.retention_days.or(below.retention_days),
            execution_log_retention_days: top
                .execution_log_retention_days
                .or(below.execution_log_retention_days),
            kms_key_id: top.kms_key_id.clone().or(below.kms_key_id),
            tags,
            execution_log_destinations: top
                .execution_log_destinations
                .clone()
                .or(below.execution_log_destinations),
            methods: overlay_map(&below.methods, &top.methods),
            routes: overlay_map(&below.routes, &top.routes),
        }
    }

    /// Whether the entry applies in this account (with the OUs above it).
    pub fn in_scope(&self, account: &str, ous: &[String]) -> bool {
        self.account.as_deref().is_none_or(|a| a == account)
            && self.ou.as_ref().is_none_or(|ou| ous.contains(ou))
    }

    pub fn matches_stage(&self, stage_name: &str) -> bool {
        self.stage.as_deref().is_none_or(|p| glob_matches(p, stage_name))
    }

    /// An API matches by exact id, or by name glob (and by type, when `api_type` is set).
    pub fn matches_api(&self, api: &Api) -> bool {
        self.api_type.is_none_or(|kind| kind == api.kind)
            && self.api.as_deref().is_some_and(|p| p == api.id || glob_matches(p, &api.name))
    }

    /// The stage-wide request for one stage, as the equivalent `stage set` flags.
    pub fn stage_args(&self, api_id: &str, stage_name: &str) -> Logging {
        Logging {
            level: self.level,
            data_trace: self.data_trace.map(Switch::from),
            metrics: self.metrics.map(Switch::from),
            methods: Vec::new(),
            clear_methods: Vec::new(),
            routes: Vec::new(),
            clear_routes: Vec::new(),
            access_log_group: self.access_log_group.as_deref().map(|g| expand_group(g, api_id, stage_name)),
            access_log_destination: self.access_log_destination.clone(),
            access_log_format: self.access_log_format.clone(),
            retention_days: self.retention_days.map(|d| d as i32),
            execution_log_retention_days: self.execution_log_retention_days.map(|d| d as i32),
            no_access_log: self.access_log == Some(false),
            kms_key_id: self.kms_key_id.clone(),
            tags: self.tags.clone().into_iter().collect(),
            no_execution_log_delivery: self.execution_log_destinations.as_ref().is_some_and(Vec::is_empty),
            execution_log_destinations: self.delivery_destinations().unwrap_or_default(),
        }
    }

    /// `execution_log_destinations`, parsed (checked by `validate` when the file was read).
    fn delivery_destinations(&self) -> Result<Vec<crate::delivery::DestinationSpec>, String> {
        self.execution_log_destinations
            .iter()
            .flatten()
            .map(|d| crate::delivery::parse_destination_spec(d))
            .collect()
    }

    /// One request per method or route override, as `stage set --method M` or `--route R`
    /// flags. A value the override leaves out comes from this entry's stage-wide value (the
    /// stage's state after this apply).
    pub fn override_args(&self) -> Vec<Logging> {
        let stage_wide =
            MethodSettings { level: self.level, data_trace: self.data_trace, metrics: self.metrics };
        let args = |settings: &MethodSettings| {
            let settings = stage_wide.overlay(settings);
            Logging {
                level: settings.level,
                data_trace: settings.data_trace.map(Switch::from),
                metrics: settings.metrics.map(Switch::from),
                ..Logging::default()
            }
        };
        let methods = self.methods.iter().map(|(key, settings)| Logging {
            methods: vec![MethodSpec::parse(key).expect("validated")],
            ..args(settings)
        });
        let routes =
            self.routes.iter().map(|(key, settings)| Logging { routes: vec![key.clone()], ..args(settings) });
        methods.chain(routes).collect()
    }
}

impl MethodSettings {
    fn overlay(&self, top: &MethodSettings) -> MethodSettings {
        MethodSettings {
            level: top.level.or(self.level),
            data_trace: top.data_trace.or(self.data_trace),
            metrics: top.metrics.or(self.metrics),
        }
    }
}

/// `{api_id}` and `{stage}` in a group name, so one entry can give every stage its own group.
fn expand_group(name: &str, api_id: &str, stage_name: &str) -> String {
    name.replace("{api_id}", api_id).replace("{stage}", stage_name)
}

fn glob_matches(pattern: &str, text: &str) -> bool {
    glob::Pattern::new(pattern).is_ok_and(|p| p.matches(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = r#"
role_name = "apigateway-cloudwatch-logs"

[defaults]
level = "error"
metrics = true
access_log_format = "clf"
retention_days = 90

[[stage]]
api = "orders"
stage = "prod*"
level = "INFO"
methods."GET /pets/{id}" = { data_trace = false, level = "error" }

[[stage]]
api = "legacy-*"
access_log = false
"#;

    #[test]
    fn entries_scoped_outside_the_run_are_named() {
        let file = parse(
            "[[stage]]\napi = \"a\"\naccount = \"111111111111\"\n[[stage]]\napi = \"b\"\nou = \"ou-ab12-cdefgh34\"\n",
        )
        .unwrap();
        let ous = |list: &[&str]| Some(list.iter().map(|o| o.to_string()).collect::<Vec<_>>());
        let run = |accounts: &[(&str, Option<Vec<String>>)]| {
            let accounts: Vec<(String, Option<Vec<String>>)> =
                accounts.iter().map(|(id, o)| (id.to_string(), o.clone())).collect();
            file.scope_outside(&accounts)
        };
        let outside = run(&[("222222222222", ous(&["ou-ab12-cdefgh34"]))]).unwrap();
        assert!(outside.starts_with("[[stage]] #1 (api = \"a\", stage = \"*\"): `account = \"111111111111\"` is not an account of this run (222222222222)"), "{outside}");
        let no_ou = run(&[("111111111111", ous(&["r-root"])), ("222222222222", ous(&[]))]).unwrap();
        assert!(
            no_ou.starts_with("[[stage]] #2") && no_ou.contains("is above none of the accounts"),
            "{no_ou}"
        );
        assert_eq!(run(&[("111111111111", ous(&[])), ("3", ous(&["ou-ab12-cdefgh34"]))]), None);
        assert_eq!(run(&[("111111111111", None)]), None, "unread OUs: nothing to say");
    }

    #[test]
    fn the_example_parses_and_merges_over_the_defaults() {
        let file = parse(EXAMPLE).unwrap();
        let orders = file.merged(0, ApiKind::Rest);
        assert_eq!(orders.level, Some(Level::Info));
        assert_eq!(orders.metrics, Some(true));
        assert_eq!(orders.retention_days, Some(90));
        assert!(
            orders.matches_stage("prod") && orders.matches_stage("prod-eu") && !orders.matches_stage("dev")
        );
        let api = |id: &str, name: &str| Api { id: id.into(), name: name.into(), ..Default::default() };
        assert!(
            orders.matches_api(&api("abc123", "orders")) && !orders.matches_api(&api("abc123", "orders-v2"))
        );
        let legacy = file.merged(1, ApiKind::Rest);
        assert!(
            legacy.matches_api(&api("x", "legacy-billing")) && legacy.matches_api(&api("legacy-*", "other"))
        );
        assert!(legacy.matches_stage("anything"));
        let args = legacy.stage_args("x", "prod");
        assert!(args.no_access_log);
        // An entry turning access logs off does not inherit the defaults' format and retention.
        assert_eq!((args.access_log_format, args.retention_days), (None, None));
    }

    #[test]
    fn method_overrides_take_missing_values_from_the_entry() {
        let file = parse(EXAMPLE).unwrap();
        let methods = file.merged(0, ApiKind::Rest).override_args();
        assert_eq!(methods.len(), 1);
        let get = &methods[0];
        assert_eq!(get.methods, vec![MethodSpec::parse("GET /pets/{id}").unwrap()]);
        assert_eq!(get.level, Some(Level::Error));
        assert_eq!(get.data_trace, Some(Switch::Off));
        assert_eq!(get.metrics, Some(Switch::On));
    }

    #[test]
    fn the_role_can_differ_per_region() {
        let file = parse(
            "role_name = \"logs\"\n[role_names]\n\"eu-west-1\" = \"logs-eu\"\n[[stage]]\napi = \"a\"\n",
        )
        .unwrap();
        assert_eq!(file.role_name_in("eu-west-1"), "logs-eu");
        assert_eq!(file.role_name_in("us-east-1"), "logs");
        assert_eq!(
            parse("[[stage]]\napi = \"a\"\n").unwrap().role_name_in("us-east-1"),
            crate::trust::DEFAULT_ROLE_NAME
        );
    }

    #[test]
    fn entry_tags_add_to_the_defaults() {
        let file = parse("[defaults]\ntags = { team = \"a\", env = \"prod\" }\n[[stage]]\napi = \"x\"\ntags = { team = \"b\" }\n").unwrap();
        let args = file.merged(0, ApiKind::Rest).stage_args("id", "prod");
        assert_eq!(
            args.tags,
            [("env".to_string(), "prod".to_string()), ("team".to_string(), "b".to_string())]
        );
    }

    #[test]
    fn group_names_expand_per_stage() {
        let file = parse("[[stage]]\napi = \"*\"\naccess_log_group = \"/apigw/{api_id}/{stage}\"\n").unwrap();
        let args = file.merged(0, ApiKind::Rest).stage_args("a1b2", "prod");
        assert_eq!(args.access_log_group.as_deref(), Some("/apigw/a1b2/prod"));
    }

    #[test]
    fn a_destination_in_an_entry_replaces_the_default_destination() {
        let defaults = Settings { access_log_group: Some("/shared".into()), ..Default::default() };
        let entry = Settings {
            access_log_destination: Some(
                "arn:aws:firehose:us-east-1:1:deliverystream/amazon-apigateway-x".into(),
            ),
            ..Default::default()
        };
        let merged = defaults.overlay(&entry);
        assert_eq!(merged.access_log_group, None);
        assert!(merged.access_log_destination.is_some());
        assert!(merged.validate().is_ok());
    }

    #[test]
    fn raised_quotas_are_declared_in_the_file() {
        let file = parse("quota_scale = 2.5\n[[stage]]\napi = \"a\"\n").unwrap();
        assert_eq!(file.quota_scale, Some(2.5));
        let whole = parse("quota_scale = 2\n[[stage]]\napi = \"a\"\n").unwrap();
        assert_eq!(whole.quota_scale, Some(2.0), "a whole number is a number too");
        assert_eq!(parse("[[stage]]\napi = \"a\"\n").unwrap().quota_scale, None);
    }

    #[test]
    fn bad_files_are_refused_with_the_key_named() {
        let cases = [
            ("[[stage]]\napi = \"a\"\nlevle = \"info\"\n", "unknown field `levle`"),
            ("[[stage]]\napi = \"a\"\nmetrics = \"yes\"\n", "metrics"),
            ("[[stage]]\napi = \"a\"\nlevel = \"verbose\"\n", "unknown level 'verbose'"),
            ("[[stage]]\napi = \"a\"\nretention_days = 13\n", "`retention_days`"),
            ("[[stage]]\napi = \"a\"\nexecution_log_retention_days = 2\n", "`execution_log_retention_days`"),
            ("[[stage]]\nstage = \"prod\"\n", "`api` is required"),
            ("[[stage]]\napi = \"a\"\nstage = \"[\"\n", "`stage` = '['"),
            ("[[stage]]\napi = \"a\"\nmethods.\"FETCH /x\" = { level = \"info\" }\n", "`methods`"),
            ("[[stage]]\napi = \"a\"\nmethods.\"GET /x\" = {}\n", "set at least one"),
            ("[[stage]]\napi = \"a\"\naccess_log = false\nretention_days = 30\n", "access_log = false"),
            ("[defaults]\napi = \"a\"\n", "[defaults]"),
            ("[defaults]\nlevel = \"info\"\n", "no [[stage]] entries"),
            ("unknown = 1\n", "unknown field `unknown`"),
            ("[[stage]]\napi = \"a\"\n[[stage]]\napi = \"b\"\naccess_log_group = \"bad name!\"\n", "#2"),
            ("role_name = \"a/b\"\n[[stage]]\napi = \"a\"\n", "`role_name`"),
            ("[role_names]\n\"eu-west-1\" = \"a b\"\n[[stage]]\napi = \"a\"\n", "`role_names.\"eu-west-1\"`"),
            ("[[stage]]\napi = \"a\"\nkms_key_id = \"alias/x\"\n", "`kms_key_id`"),
            ("[[stage]]\napi = \"a\"\ntags = { \"aws:x\" = \"y\" }\n", "`tags`"),
            ("[[stage]]\napi = \"a\"\ntags = { team = 5 }\n", "invalid type"),
            ("[[stage]\n", "TOML parse error"),
            ("quota_scale = 0\n[[stage]]\napi = \"a\"\n", "`quota_scale`"),
            ("quota_scale = -2.5\n[[stage]]\napi = \"a\"\n", "from 0.001 to 1000"),
            ("quota_scale = 1e-300\n[[stage]]\napi = \"a\"\n", "from 0.001 to 1000"),
        ];
        for (text, expected) in cases {
            let err = parse(text).unwrap_err();
            assert!(err.contains(expected), "{text:?}: expected {expected:?} in {err}");
        }
    }
}
