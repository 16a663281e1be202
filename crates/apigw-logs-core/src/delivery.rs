//! Execution log delivery (REST APIs): CloudWatch Logs sends a stage's execution logs, untruncated,
//! to log groups, S3 buckets or Firehose streams the user chooses. Pure logic: destination specs,
//! the names the tool gives its delivery objects, what exists for a stage, and the plan steps that
//! take a stage's deliveries to the requested set.

use crate::arn::{self, Arn};
use crate::patch::Change;
use crate::plan::{Action, Step};
use serde::Serialize;
use sha2::Digest as _;
use std::fmt;

/// What CloudWatch Logs calls a stage's execution logs as a delivery source.
pub const LOG_TYPE: &str = "EXECUTION_LOGS";

/// Prefix of every delivery source and destination name the tool gives. Only destinations named
/// so are ever deleted by the tool.
pub const NAME_PREFIX: &str = "apigw-exec-";

/// CloudWatch Logs' limit on delivery source and destination names (`[\w-]{1,60}`).
const MAX_NAME: usize = 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DestinationKind {
    LogGroup,
    S3,
    Firehose,
}

impl DestinationKind {
    pub fn label(self) -> &'static str {
        match self {
            DestinationKind::LogGroup => "log group",
            DestinationKind::S3 => "S3 bucket",
            DestinationKind::Firehose => "Firehose stream",
        }
    }

    /// Output formats CloudWatch Logs accepts for this kind of destination.
    pub fn formats(self) -> &'static [&'static str] {
        match self {
            DestinationKind::LogGroup => &["json", "plain"],
            DestinationKind::S3 => &["json", "plain", "w3c", "parquet"],
            DestinationKind::Firehose => &["json", "plain", "raw"],
        }
    }

    /// Short tag used in generated names (CloudWatch Logs' own `deliveryDestinationType` values).
    fn tag(self) -> &'static str {
        match self {
            DestinationKind::LogGroup => "cwl",
            DestinationKind::S3 => "s3",
            DestinationKind::Firehose => "fh",
        }
    }

    /// The kind of a destination resource ARN, whatever its shape otherwise.
    pub fn of_arn(resource_arn: &str) -> Option<DestinationKind> {
        match resource_arn.split(':').nth(2)? {
            "logs" => Some(DestinationKind::LogGroup),
            "s3" => Some(DestinationKind::S3),
            "firehose" => Some(DestinationKind::Firehose),
            _ => None,
        }
    }
}

impl fmt::Display for DestinationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Format used when a destination names none: every kind accepts it.
pub const DEFAULT_FORMAT: &str = "json";

/// One requested destination: its resource ARN (canonical) and output format.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct DestinationSpec {
    pub kind: DestinationKind,
    pub arn: String,
    pub format: String,
}

impl DestinationSpec {
    /// For a log group destination, the group's name.
    pub fn log_group(&self) -> Option<&str> {
        (self.kind == DestinationKind::LogGroup)
            .then(|| self.arn.rsplit_once(":log-group:").map(|(_, n)| n))?
    }

    /// Refuses a destination in another partition, region or account than the stage's:
    /// cross-account delivery needs a destination policy in the other account, which the tool
    /// does not manage.
    pub fn check_home(&self, partition: &str, region: &str, account: &str) -> Result<(), String> {
        let parsed = Arn::parse(&self.arn)?;
        // S3 bucket ARNs carry neither region nor account, only the partition.
        if self.kind == DestinationKind::S3 {
            return parsed.check_home(partition, "", &parsed.account);
        }
        parsed.check_home(partition, region, account)
    }
}

impl fmt::Display for DestinationSpec {
    /// The flag's own syntax, so a printed spec can be pasted back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},format={}", self.arn, self.format)
    }
}

/// clap value parser for `--execution-log-destination ARN[,format=FORMAT]`: a log group, S3 bucket
/// (optionally with a key prefix) or Firehose stream ARN, and an output format that kind accepts.
pub fn parse_destination_spec(text: &str) -> Result<DestinationSpec, String> {
    let (arn_text, format) = match text.trim().split_once(',') {
        None => (text.trim(), None),
        Some((arn, option)) => match option.trim().strip_prefix("format=") {
            Some(format) => (arn.trim(), Some(format.trim().to_ascii_lowercase())),
            None => {
                return Err(format!(
                    "'{option}' is not an option of a destination; write ARN or ARN,format=FORMAT"
                ));
            }
        },
    };
    let arn = Arn::parse(arn_text)?;
    let (kind, canonical) = match arn.service.as_str() {
        // The same log group ARNs access logs take (a trailing `:*` is dropped).
        "logs" => match arn::parse_destination(arn_text)? {
            (arn::Destination::LogGroup { name }, _) => (
                DestinationKind::LogGroup,
                arn::log_group_arn(&arn.partition, &arn.region, &arn.account, &name),
            ),
            _ => unreachable!("a logs ARN parses as a log group or not at all"),
        },
        "s3" => {
            if !arn.region.is_empty() || !arn.account.is_empty() {
                return Err(format!(
                    "'{arn_text}' is not an S3 bucket ARN (expected arn:aws:s3:::BUCKET or arn:aws:s3:::BUCKET/PREFIX)"
                ));
            }
            let bucket = arn.resource.split('/').next().unwrap_or_default();
            validate_bucket_name(bucket)?;
            (DestinationKind::S3, arn_text.trim_end_matches('/').to_string())
        }
        "firehose" => {
            let Some(stream) = arn.resource.strip_prefix("deliverystream/") else {
                return Err(format!(
                    "'{arn_text}' is not a Firehose stream ARN (expected …:deliverystream/NAME)"
                ));
            };
            if stream.is_empty()
                || stream.len() > 64
                || !stream.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
            {
                return Err(format!(
                    "'{stream}' is not a valid Firehose stream name (1–64 characters of letters, digits, . - _)"
                ));
            }
            home_required(&arn, arn_text)?;
            (DestinationKind::Firehose, arn_text.to_string())
        }
        other => {
            return Err(format!(
                "'{arn_text}' is an ARN of service '{other}'; execution logs can be delivered to a CloudWatch Logs group (arn:aws:logs:…), an S3 bucket (arn:aws:s3:::…) or a Firehose stream (arn:aws:firehose:…)"
            ));
        }
    };
    let format = format.unwrap_or_else(|| DEFAULT_FORMAT.to_string());
    if !kind.formats().contains(&format.as_str()) {
        return Err(format!(
            "format '{format}' is not available for a {kind}; use one of {}",
            kind.formats().join(", ")
        ));
    }
    Ok(DestinationSpec { kind, arn: canonical, format })
}

fn home_required(arn: &Arn, text: &str) -> Result<(), String> {
    if arn.region.is_empty() || arn.account.is_empty() {
        return Err(format!(
            "'{text}' must name a region and an account (arn:aws:{}:REGION:ACCOUNT:…)",
            arn.service
        ));
    }
    Ok(())
}

/// S3 bucket names: 3–63 characters of lower-case letters, digits, `.` and `-`, starting and
/// ending with a letter or digit.
fn validate_bucket_name(bucket: &str) -> Result<(), String> {
    let edge_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    let valid = (3..=63).contains(&bucket.len())
        && bucket.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
        && edge_ok(bucket.chars().next())
        && edge_ok(bucket.chars().last());
    if valid {
        Ok(())
    } else {
        Err(format!(
            "'{bucket}' is not a valid S3 bucket name (3–63 lower-case letters, digits, . and -, starting and ending with a letter or digit)"
        ))
    }
}

/// Problems of a requested set as a whole: one destination per kind (CloudWatch Logs refuses a
/// second delivery of one source to the same kind of destination, per the emulator; unconfirmed
/// on AWS, so refused before any write), and no resource twice.
pub fn check_set(specs: &[DestinationSpec]) -> Result<(), String> {
    for (i, spec) in specs.iter().enumerate() {
        if let Some(other) = specs[..i].iter().find(|o| o.kind == spec.kind) {
            return Err(format!(
                "two {} destinations ({} and {}); a stage's execution logs go to at most one destination of each kind",
                spec.kind, other.arn, spec.arn
            ));
        }
    }
    Ok(())
}

/// `arn:aws:apigateway:{region}::/restapis/{id}/stages/{stage}` is the stage's own ARN; the
/// delivery source wants the account in it.
pub fn stage_resource_arn(partition: &str, region: &str, account: &str, api_id: &str, stage: &str) -> String {
    format!("arn:{partition}:apigateway:{region}:{account}:/restapis/{api_id}/stages/{stage}")
}

/// `prefix` + `body`, cut to CloudWatch Logs' 60 characters; a cut name ends in a hash of what was
/// cut, so distinct inputs keep distinct names.
fn bounded_name(body: &str, suffix: &str) -> String {
    let full = format!("{NAME_PREFIX}{body}{suffix}");
    if full.len() <= MAX_NAME {
        return full;
    }
    let hash = short_hash(&full);
    let room = MAX_NAME - NAME_PREFIX.len() - suffix.len() - hash.len() - 1;
    let cut: String = body.chars().take(room).collect();
    format!("{NAME_PREFIX}{cut}-{hash}{suffix}")
}

fn short_hash(text: &str) -> String {
    let digest = sha2::Sha256::digest(text.as_bytes());
    digest.iter().take(4).map(|b| format!("{b:02x}")).collect()
}

/// The delivery source name the tool gives a stage: `apigw-exec-{apiId}-{stage}`.
pub fn source_name(api_id: &str, stage: &str) -> String {
    bounded_name(&format!("{api_id}-{stage}"), "")
}

/// The delivery destination name the tool gives one destination of a stage: the stage, the kind,
/// the format and a hash of the resource, so each (stage, resource, format) has its own object.
pub fn destination_name(api_id: &str, stage: &str, spec: &DestinationSpec) -> String {
    let hash = short_hash(&format!("{api_id}/{stage}/{}/{}", spec.arn, spec.format));
    bounded_name(&format!("{api_id}-{stage}"), &format!("-{}-{}-{hash}", spec.kind.tag(), spec.format))
}

pub fn destination_arn(partition: &str, region: &str, account: &str, name: &str) -> String {
    format!("arn:{partition}:logs:{region}:{account}:delivery-destination:{name}")
}

/// A delivery source as CloudWatch Logs lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub resource_arns: Vec<String>,
    pub log_type: String,
}

/// A delivery destination object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Destination {
    pub name: String,
    pub arn: String,
    pub resource_arn: String,
    pub format: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivery {
    pub id: String,
    pub source_name: String,
    pub destination_arn: String,
}

/// Every delivery object of a region, read once (three listings) and looked up per stage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Index {
    pub sources: Vec<Source>,
    pub destinations: Vec<Destination>,
    pub deliveries: Vec<Delivery>,
}

/// One delivery of a stage's execution logs, resolved to where it goes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StageDelivery {
    pub id: String,
    /// The destination resource: log group, bucket or stream ARN. `None` when the delivery
    /// destination object is gone.
    pub destination: Option<String>,
    pub kind: Option<DestinationKind>,
    pub format: Option<String>,
    /// The delivery destination object's name and ARN.
    pub destination_name: Option<String>,
    pub destination_arn: String,
}

impl StageDelivery {
    /// The requested destination this delivery satisfies, when it is fully known.
    pub fn spec(&self) -> Option<DestinationSpec> {
        Some(DestinationSpec {
            kind: self.kind?,
            arn: self.destination.clone()?,
            format: self.format.clone().unwrap_or_else(|| DEFAULT_FORMAT.to_string()),
        })
    }
}

/// A stage's delivery source and its deliveries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StageDeliveries {
    pub source: String,
    pub deliveries: Vec<StageDelivery>,
}

impl Index {
    /// The execution-log source of this stage (by resource, whatever its name) and its
    /// deliveries. The index holds one account and region, so the ARN's path identifies the stage.
    pub fn for_stage(&self, api_id: &str, stage: &str) -> Option<StageDeliveries> {
        let path = format!(":/restapis/{api_id}/stages/{stage}");
        let source = self.sources.iter().find(|s| {
            s.log_type == LOG_TYPE
                && s.resource_arns
                    .iter()
                    .any(|a| a.split(':').nth(2) == Some("apigateway") && a.ends_with(&path))
        })?;
        let deliveries = self
            .deliveries
            .iter()
            .filter(|d| d.source_name == source.name)
            .map(|d| {
                let destination = self.destinations.iter().find(|x| x.arn == d.destination_arn);
                StageDelivery {
                    id: d.id.clone(),
                    destination: destination.map(|x| normalized_resource(&x.resource_arn)),
                    kind: destination.and_then(|x| DestinationKind::of_arn(&x.resource_arn)),
                    format: destination.and_then(|x| x.format.clone()),
                    destination_name: destination.map(|x| x.name.clone()),
                    destination_arn: d.destination_arn.clone(),
                }
            })
            .collect();
        Some(StageDeliveries { source: source.name.clone(), deliveries })
    }

    /// Deliveries (of any source) that use this destination object.
    fn users(&self, destination_arn: &str) -> impl Iterator<Item = &Delivery> {
        self.deliveries.iter().filter(move |d| d.destination_arn == destination_arn)
    }
}

/// A log group resource as the spec parser writes it (no `:*`).
fn normalized_resource(resource_arn: &str) -> String {
    resource_arn.strip_suffix(":*").unwrap_or(resource_arn).to_string()
}

/// Where the stage's delivery objects live.
pub struct StageKey<'a> {
    pub partition: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    pub api_id: &'a str,
    pub stage: &'a str,
}

impl StageKey<'_> {
    pub fn resource_arn(&self) -> String {
        stage_resource_arn(self.partition, self.region, self.account, self.api_id, self.stage)
    }
}

/// The steps that take a stage's deliveries from what `index` holds to exactly `wanted`: deletes
/// first (a delivery whose destination or format changes, then destination objects the tool
/// created that nothing uses any more, then the source when nothing is wanted), then the source,
/// destination objects and deliveries to create. Empty when the stage already matches.
pub fn plan(key: &StageKey, index: &Index, wanted: &[DestinationSpec]) -> Vec<Step> {
    steps(index, key.api_id, key.stage, wanted, Some(key))
}

/// The steps that remove every delivery of the stage and its source (`disable`).
pub fn removal(index: &Index, api_id: &str, stage: &str) -> Vec<Step> {
    steps(index, api_id, stage, &[], None)
}

/// `key` (where new objects go) is needed only when something is to be created.
fn steps(
    index: &Index,
    api_id: &str,
    stage: &str,
    wanted: &[DestinationSpec],
    key: Option<&StageKey>,
) -> Vec<Step> {
    let resource = format!("restapis/{api_id}/stages/{stage}");
    let existing = index.for_stage(api_id, stage);
    let current: &[StageDelivery] = existing.as_ref().map_or(&[], |e| &e.deliveries);
    let mut steps = Vec::new();

    let (kept, dropped): (Vec<&StageDelivery>, Vec<&StageDelivery>) =
        current.iter().partition(|d| d.spec().is_some_and(|s| wanted.contains(&s)));
    let mut deleted_ids = Vec::new();
    for delivery in &dropped {
        steps.push(Step::new(
            &resource,
            Action::DeleteDelivery { id: delivery.id.clone() },
            vec![Change::new("execution log delivery", Some(describe(delivery)), None)],
        ));
        deleted_ids.push(delivery.id.as_str());
    }
    for delivery in &dropped {
        let Some(name) = &delivery.destination_name else { continue };
        let still_used =
            index.users(&delivery.destination_arn).any(|d| !deleted_ids.contains(&d.id.as_str()));
        if name.starts_with(NAME_PREFIX) && !still_used {
            steps.push(Step::new(
                &resource,
                Action::DeleteDeliveryDestination { name: name.clone() },
                vec![Change::new("delivery destination", Some(name.clone()), None)],
            ));
        }
    }
    if wanted.is_empty() {
        if let Some(existing) = &existing {
            steps.push(Step::new(
                &resource,
                Action::DeleteDeliverySource { name: existing.source.clone() },
                vec![Change::new("execution log delivery source", Some(existing.source.clone()), None)],
            ));
        }
        return steps;
    }

    let missing: Vec<&DestinationSpec> =
        wanted.iter().filter(|w| !kept.iter().any(|d| d.spec().as_ref() == Some(*w))).collect();
    let Some(key) = key.filter(|_| !missing.is_empty()) else {
        return steps;
    };
    let source = match &existing {
        Some(existing) => existing.source.clone(),
        None => {
            let name = source_name(key.api_id, key.stage);
            steps.push(Step::new(
                &resource,
                Action::PutDeliverySource {
                    name: name.clone(),
                    resource_arn: key.resource_arn(),
                    log_type: LOG_TYPE.to_string(),
                },
                vec![Change::new("execution log delivery source", None, Some(name.clone()))],
            ));
            name
        }
    };
    for spec in missing {
        let own = destination_name(key.api_id, key.stage, spec);
        // Reuse a destination object for the same resource and format: the tool's own for this
        // stage, or one made by someone else (the tool's objects of other stages are theirs).
        let reusable = index.destinations.iter().find(|d| {
            normalized_resource(&d.resource_arn) == spec.arn
                && d.format.as_deref().unwrap_or(DEFAULT_FORMAT) == spec.format
                && (d.name == own || !d.name.starts_with(NAME_PREFIX))
        });
        let destination_arn = match reusable {
            Some(found) => found.arn.clone(),
            None => {
                steps.push(Step::new(
                    &resource,
                    Action::PutDeliveryDestination {
                        name: own.clone(),
                        output_format: spec.format.clone(),
                        destination_resource_arn: spec.arn.clone(),
                    },
                    vec![Change::new("delivery destination", None, Some(own.clone()))],
                ));
                destination_arn(key.partition, key.region, key.account, &own)
            }
        };
        steps.push(Step::new(
            &resource,
            Action::CreateDelivery {
                delivery_source_name: source.clone(),
                delivery_destination_arn: destination_arn,
            },
            vec![Change::new(
                "execution log delivery",
                None,
                Some(format!("{} ({}, {})", spec.arn, spec.kind, spec.format)),
            )],
        ));
    }
    steps
}

fn describe(delivery: &StageDelivery) -> String {
    match (&delivery.destination, delivery.kind, &delivery.format) {
        (Some(arn), Some(kind), Some(format)) => format!("{arn} ({kind}, {format})"),
        (Some(arn), _, _) => arn.clone(),
        _ => format!("{} (destination object gone)", delivery.destination_arn),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str) -> DestinationSpec {
        parse_destination_spec(text).unwrap()
    }

    const GROUP: &str = "arn:aws:logs:us-east-1:123456789012:log-group:/exec/orders";
    const BUCKET: &str = "arn:aws:s3:::exec-logs/orders";
    const STREAM: &str = "arn:aws:firehose:us-east-1:123456789012:deliverystream/exec";

    fn key(stage: &str) -> StageKey<'_> {
        StageKey { partition: "aws", region: "us-east-1", account: "123456789012", api_id: "a1", stage }
    }

    /// Applies a plan's delivery steps to an index, as CloudWatch Logs would.
    fn apply(index: &mut Index, steps: &[Step]) {
        for step in steps {
            match &step.action {
                Action::PutDeliverySource { name, resource_arn, log_type } => index.sources.push(Source {
                    name: name.clone(),
                    resource_arns: vec![resource_arn.clone()],
                    log_type: log_type.clone(),
                }),
                Action::PutDeliveryDestination { name, output_format, destination_resource_arn } => {
                    index.destinations.push(Destination {
                        name: name.clone(),
                        arn: destination_arn("aws", "us-east-1", "123456789012", name),
                        resource_arn: destination_resource_arn.clone(),
                        format: Some(output_format.clone()),
                    })
                }
                Action::CreateDelivery { delivery_source_name, delivery_destination_arn } => {
                    index.deliveries.push(Delivery {
                        id: format!("d{}", index.deliveries.len() + 100),
                        source_name: delivery_source_name.clone(),
                        destination_arn: delivery_destination_arn.clone(),
                    })
                }
                Action::DeleteDelivery { id } => index.deliveries.retain(|d| &d.id != id),
                Action::DeleteDeliveryDestination { name } => index.destinations.retain(|d| &d.name != name),
                Action::DeleteDeliverySource { name } => index.sources.retain(|s| &s.name != name),
                other => panic!("not a delivery step: {other:?}"),
            }
        }
    }

    fn calls(steps: &[Step]) -> Vec<&'static str> {
        steps.iter().map(|s| s.action.call()).collect()
    }

    #[test]
    fn destinations_parse_by_kind_with_their_formats() {
        let group = spec(&format!("{GROUP}:*"));
        assert_eq!(
            (group.kind, group.arn.as_str(), group.format.as_str()),
            (DestinationKind::LogGroup, GROUP, "json")
        );
        assert_eq!(group.log_group(), Some("/exec/orders"));
        let bucket = spec(&format!("{BUCKET}/,format=Parquet"));
        assert_eq!(
            (bucket.kind, bucket.arn.as_str(), bucket.format.as_str()),
            (DestinationKind::S3, BUCKET, "parquet")
        );
        assert_eq!(spec(&format!("{STREAM},format=raw")).kind, DestinationKind::Firehose);
        assert_eq!(spec(&bucket.to_string()), bucket, "a printed spec parses back");
    }

    #[test]
    fn bad_destinations_name_what_is_wrong() {
        let cases = [
            (format!("{GROUP},format=w3c"), "not available for a log group; use one of json, plain"),
            (format!("{GROUP},format=parquet"), "use one of json, plain"),
            (format!("{STREAM},format=w3c"), "json, plain, raw"),
            (format!("{BUCKET},fmt=json"), "not an option"),
            ("arn:aws:s3:us-east-1:123456789012:bucket".to_string(), "not an S3 bucket ARN"),
            ("arn:aws:s3:::Bad_Bucket".to_string(), "not a valid S3 bucket name"),
            ("arn:aws:sqs:us-east-1:123456789012:q".to_string(), "service 'sqs'"),
            ("arn:aws:logs:::log-group:x".to_string(), "must name a region and an account"),
            ("arn:aws:logs:us-east-1:123456789012:destination:x".to_string(), "not a log group ARN"),
            ("arn:aws:firehose:us-east-1:123456789012:stream/x".to_string(), "not a Firehose stream ARN"),
            ("bucket".to_string(), "is not an ARN"),
        ];
        for (text, expected) in cases {
            let err = parse_destination_spec(&text).unwrap_err();
            assert!(err.contains(expected), "{text}: {err}");
        }
    }

    #[test]
    fn one_destination_per_kind() {
        let err = check_set(&[spec(BUCKET), spec(GROUP), spec("arn:aws:s3:::other")]).unwrap_err();
        assert!(err.contains("two S3 bucket destinations"), "{err}");
        assert!(check_set(&[spec(BUCKET), spec(GROUP), spec(STREAM)]).is_ok());
    }

    #[test]
    fn cross_account_and_cross_region_destinations_are_refused() {
        let other = spec("arn:aws:logs:eu-west-1:123456789012:log-group:g");
        assert!(
            other.check_home("aws", "us-east-1", "123456789012").unwrap_err().contains("region eu-west-1")
        );
        let foreign = spec("arn:aws:firehose:us-east-1:210987654321:deliverystream/s");
        assert!(
            foreign
                .check_home("aws", "us-east-1", "123456789012")
                .unwrap_err()
                .contains("account 210987654321")
        );
        assert!(spec(BUCKET).check_home("aws", "us-east-1", "123456789012").is_ok());
        for china in ["arn:aws-cn:logs:us-east-1:123456789012:log-group:g", "arn:aws-cn:s3:::bucket"] {
            let err = spec(china).check_home("aws", "us-east-1", "123456789012").unwrap_err();
            assert!(err.contains("partition aws-cn, but the stage is in partition aws"), "{china}: {err}");
        }
    }

    #[test]
    fn names_fit_cloudwatch_limits_and_stay_distinct() {
        assert_eq!(source_name("a1", "prod"), "apigw-exec-a1-prod");
        let long = "s".repeat(128);
        let longer = format!("{long}x");
        for stage in ["prod", long.as_str(), longer.as_str()] {
            let names = [
                source_name("abcdefghij", stage),
                destination_name("abcdefghij", stage, &spec(BUCKET)),
                destination_name("abcdefghij", stage, &spec(&format!("{BUCKET},format=parquet"))),
            ];
            for name in &names {
                assert!(
                    name.len() <= 60 && name.chars().all(|c| c.is_alphanumeric() || "-_".contains(c)),
                    "{name}"
                );
                assert!(name.starts_with(NAME_PREFIX));
            }
            assert_ne!(names[1], names[2], "a format change is a new destination object");
        }
        assert_ne!(source_name("abcdefghij", &long), source_name("abcdefghij", &longer));
        assert_eq!(source_name("a1", &long), source_name("a1", &long), "stable across runs");
    }

    #[test]
    fn a_new_stage_gets_source_destinations_and_deliveries_and_a_rerun_nothing() {
        let wanted = [spec(GROUP), spec(&format!("{BUCKET},format=parquet"))];
        let mut index = Index::default();
        let steps = plan(&key("prod"), &index, &wanted);
        assert_eq!(
            calls(&steps),
            [
                "logs:PutDeliverySource",
                "logs:PutDeliveryDestination",
                "logs:CreateDelivery",
                "logs:PutDeliveryDestination",
                "logs:CreateDelivery"
            ]
        );
        let Action::PutDeliverySource { resource_arn, log_type, .. } = &steps[0].action else { panic!() };
        assert_eq!(resource_arn, "arn:aws:apigateway:us-east-1:123456789012:/restapis/a1/stages/prod");
        assert_eq!(log_type, "EXECUTION_LOGS");
        apply(&mut index, &steps);
        assert_eq!(plan(&key("prod"), &index, &wanted), vec![], "idempotent");
        let shown = index.for_stage("a1", "prod").unwrap();
        assert_eq!(shown.deliveries.iter().filter_map(StageDelivery::spec).collect::<Vec<_>>(), wanted);
        assert_eq!(index.for_stage("a1", "test"), None);
    }

    #[test]
    fn a_format_change_replaces_the_delivery_and_drops_the_old_object() {
        let mut index = Index::default();
        let steps = plan(&key("prod"), &index, &[spec(GROUP), spec(BUCKET)]);
        apply(&mut index, &steps);
        let old = destination_name("a1", "prod", &spec(BUCKET));
        let steps = plan(&key("prod"), &index, &[spec(GROUP), spec(&format!("{BUCKET},format=w3c"))]);
        assert_eq!(
            calls(&steps),
            [
                "logs:DeleteDelivery",
                "logs:DeleteDeliveryDestination",
                "logs:PutDeliveryDestination",
                "logs:CreateDelivery"
            ]
        );
        assert_eq!(steps[1].action, Action::DeleteDeliveryDestination { name: old });
        apply(&mut index, &steps);
        assert_eq!(index.sources.len(), 1, "the source is reused");
        assert_eq!(index.destinations.len(), 2);
    }

    #[test]
    fn removal_deletes_deliveries_own_unused_objects_and_the_source() {
        let mut index = Index::default();
        // Someone else's destination for the same bucket and format is reused, never deleted.
        index.destinations.push(Destination {
            name: "team-bucket".into(),
            arn: "arn:aws:logs:us-east-1:123456789012:delivery-destination:team-bucket".into(),
            resource_arn: BUCKET.into(),
            format: Some("json".into()),
        });
        let steps = plan(&key("prod"), &index, &[spec(GROUP), spec(BUCKET)]);
        assert_eq!(calls(&steps).iter().filter(|c| **c == "logs:PutDeliveryDestination").count(), 1);
        apply(&mut index, &steps);
        // Another stage uses the log group destination object... of its own: not shared.
        let steps = plan(&key("test"), &index, &[spec(GROUP)]);
        apply(&mut index, &steps);
        let steps = removal(&index, "a1", "prod");
        assert_eq!(
            calls(&steps),
            [
                "logs:DeleteDelivery",
                "logs:DeleteDelivery",
                "logs:DeleteDeliveryDestination",
                "logs:DeleteDeliverySource"
            ]
        );
        assert_eq!(
            steps[2].action,
            Action::DeleteDeliveryDestination { name: destination_name("a1", "prod", &spec(GROUP)) }
        );
        apply(&mut index, &steps);
        assert_eq!(index.for_stage("a1", "prod"), None);
        assert!(index.for_stage("a1", "test").is_some(), "the other stage keeps its delivery");
        assert!(removal(&index, "a1", "prod").is_empty());
    }

    #[test]
    fn a_destination_object_still_used_elsewhere_is_kept() {
        let mut index = Index::default();
        index.destinations.push(Destination {
            name: "shared".into(),
            arn: "arn:d:shared".into(),
            resource_arn: BUCKET.into(),
            format: Some("json".into()),
        });
        let steps = plan(&key("prod"), &index, &[spec(BUCKET)]);
        apply(&mut index, &steps);
        let steps = plan(&key("test"), &index, &[spec(BUCKET)]);
        apply(&mut index, &steps);
        assert_eq!(index.deliveries.len(), 2);
        assert_eq!(
            calls(&removal(&index, "a1", "prod")),
            ["logs:DeleteDelivery", "logs:DeleteDeliverySource"]
        );
    }

    #[test]
    fn a_delivery_whose_destination_object_is_gone_is_replaced() {
        let mut index = Index::default();
        let steps = plan(&key("prod"), &index, &[spec(GROUP)]);
        apply(&mut index, &steps);
        index.destinations.clear();
        let shown = index.for_stage("a1", "prod").unwrap();
        assert_eq!(shown.deliveries[0].spec(), None);
        assert_eq!(
            calls(&plan(&key("prod"), &index, &[spec(GROUP)])),
            ["logs:DeleteDelivery", "logs:PutDeliveryDestination", "logs:CreateDelivery"]
        );
    }
}
