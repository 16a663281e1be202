//! ARN parsing and validation for the destinations and roles the tool accepts.
//! API Gateway checks little of this itself (and the emulator checks nothing), so mistakes are
//! caught here, before any write.

use serde::Serialize;

/// The six fields of an ARN.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arn {
    pub partition: String,
    pub service: String,
    pub region: String,
    pub account: String,
    pub resource: String,
}

impl Arn {
    pub fn parse(text: &str) -> Result<Arn, String> {
        let fields: Vec<&str> = text.splitn(6, ':').collect();
        let [prefix, partition, service, region, account, resource] = fields[..] else {
            return Err(format!(
                "'{text}' is not an ARN (expected arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)"
            ));
        };
        if prefix != "arn" || !partition.starts_with("aws") || service.is_empty() || resource.is_empty() {
            return Err(format!(
                "'{text}' is not an ARN (expected arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)"
            ));
        }
        if !account.is_empty() && !is_account_id(account) {
            return Err(format!("'{text}': account '{account}' is not a 12-digit AWS account id"));
        }
        Ok(Arn {
            partition: partition.into(),
            service: service.into(),
            region: region.into(),
            account: account.into(),
            resource: resource.into(),
        })
    }

    /// Refuses an ARN from another partition, region or account: API Gateway delivers logs only
    /// within its own.
    pub fn check_home(&self, partition: &str, region: &str, account: &str) -> Result<(), String> {
        if self.partition != partition {
            return Err(format!(
                "it is in partition {}, but the stage is in partition {partition}; use an arn:{partition}: destination",
                self.partition
            ));
        }
        if !self.region.is_empty() && self.region != region {
            return Err(format!(
                "it is in region {}, but the stage is in {region}; use a destination in {region}",
                self.region
            ));
        }
        if self.account != account {
            return Err(format!(
                "it belongs to account {}, but the credentials are for account {account}; use a resource in {account}",
                self.account
            ));
        }
        Ok(())
    }
}

/// clap value parser for `--kms-key-id`: CloudWatch Logs takes a key ARN (not an alias or a bare id).
pub fn parse_kms_key_arn(text: &str) -> Result<String, String> {
    let arn = Arn::parse(text)?;
    let key_id = arn.resource.strip_prefix("key/").filter(|id| !id.is_empty() && !id.contains('/'));
    if arn.service != "kms" || key_id.is_none() || arn.region.is_empty() || arn.account.is_empty() {
        return Err(format!(
            "'{text}' is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/KEY_ID); CloudWatch Logs takes no aliases"
        ));
    }
    Ok(text.to_string())
}

/// clap value parser for `--account`: a 12-digit account id (kept as text: ids may start with 0).
pub fn parse_account_id(text: &str) -> Result<String, String> {
    if is_account_id(text) {
        Ok(text.to_string())
    } else {
        Err(format!("'{text}' is not an AWS account id (12 digits)"))
    }
}

pub fn is_account_id(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())
}

/// Where access logs go.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Destination {
    /// A CloudWatch Logs group, by name (in the stage's region and account).
    LogGroup { name: String },
    /// A Kinesis Data Firehose delivery stream, by ARN.
    Firehose { arn: String },
}

/// Firehose streams API Gateway writes to must carry this name prefix.
pub const FIREHOSE_PREFIX: &str = "amazon-apigateway-";

/// Parses `--access-log-destination`: a log group ARN (a trailing `:*` is stripped) or a Firehose
/// delivery stream ARN. Returns the destination and the ARN, whose home is checked later against the
/// caller's region and account.
pub fn parse_destination(text: &str) -> Result<(Destination, Arn), String> {
    let arn = Arn::parse(text.trim())?;
    if matches!(arn.service.as_str(), "logs" | "firehose")
        && (arn.region.is_empty() || arn.account.is_empty())
    {
        return Err(format!(
            "'{text}' must name a region and an account (arn:aws:{}:REGION:ACCOUNT:…)",
            arn.service
        ));
    }
    match arn.service.as_str() {
        "logs" => {
            let Some(name) = arn.resource.strip_prefix("log-group:") else {
                return Err(format!("'{text}' is not a log group ARN (expected …:log-group:NAME)"));
            };
            let name = name.strip_suffix(":*").unwrap_or(name);
            validate_log_group_name(name)?;
            Ok((Destination::LogGroup { name: name.to_string() }, arn))
        }
        "firehose" => {
            let Some(stream) = arn.resource.strip_prefix("deliverystream/") else {
                return Err(format!(
                    "'{text}' is not a Firehose stream ARN (expected …:deliverystream/NAME)"
                ));
            };
            validate_firehose_stream_name(stream)?;
            let canonical = format!(
                "arn:{}:firehose:{}:{}:deliverystream/{stream}",
                arn.partition, arn.region, arn.account
            );
            Ok((Destination::Firehose { arn: canonical }, arn))
        }
        other => Err(format!(
            "'{text}' is an ARN of service '{other}'; access logs go to a CloudWatch Logs group (arn:aws:logs:…) or a Firehose stream (arn:aws:firehose:…)"
        )),
    }
}

/// CloudWatch Logs group names: 1–512 characters of `[.-_/#A-Za-z0-9]`.
pub fn validate_log_group_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > 512 {
        return Err(format!("log group name '{name}' must be 1 to 512 characters long"));
    }
    if let Some(bad) =
        name.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | '#')))
    {
        return Err(format!(
            "log group name '{name}' contains '{bad}'; only letters, digits and . - _ / # are allowed"
        ));
    }
    Ok(())
}

fn validate_firehose_stream_name(name: &str) -> Result<(), String> {
    if !name.starts_with(FIREHOSE_PREFIX) {
        return Err(format!(
            "Firehose stream '{name}' cannot receive API Gateway access logs: its name must start with '{FIREHOSE_PREFIX}' (create one named e.g. '{FIREHOSE_PREFIX}{name}')"
        ));
    }
    if name.len() > 64 || !name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')) {
        return Err(format!(
            "'{name}' is not a valid Firehose stream name (1–64 characters of letters, digits, . - _)"
        ));
    }
    Ok(())
}

/// The ARN API Gateway wants as `destinationArn` for a log group: without the `:*` suffix.
pub fn log_group_arn(partition: &str, region: &str, account: &str, name: &str) -> String {
    format!("arn:{partition}:logs:{region}:{account}:log-group:{name}")
}

/// The role name at the end of a role ARN (`arn:aws:iam::1:role/path/NAME` → `NAME`).
pub fn role_name(role_arn: &str) -> &str {
    role_arn.rsplit('/').next().unwrap_or(role_arn)
}

/// Whether `text` has the shape of an API id (`a1b2c3d4e5`): letters and digits only. API names
/// may look like one too; this only tells an id from what cannot be one.
pub fn is_api_id(text: &str) -> bool {
    (1..=32).contains(&text.len()) && text.chars().all(|c| c.is_ascii_alphanumeric())
}

/// A destination ARN without the `:*` DescribeLogGroups puts on log group ARNs (API Gateway
/// stores it without; the two name the same group).
pub fn without_star(destination_arn: &str) -> &str {
    destination_arn.strip_suffix(":*").unwrap_or(destination_arn)
}

/// The log group name inside a stored `destinationArn`, when it is a CloudWatch Logs ARN.
pub fn log_group_name_of(destination_arn: &str) -> Option<String> {
    match parse_destination(destination_arn) {
        Ok((Destination::LogGroup { name }, _)) => Some(name),
        _ => None,
    }
}

/// An IAM role ARN: `arn:aws:iam::ACCOUNT:role/[PATH/]NAME`. Returns the parsed ARN and the name.
pub fn parse_role_arn(text: &str) -> Result<(Arn, String), String> {
    let arn = Arn::parse(text.trim())?;
    if arn.service != "iam" || !arn.region.is_empty() {
        return Err(format!("'{text}' is not an IAM role ARN (expected arn:aws:iam::ACCOUNT:role/NAME)"));
    }
    let Some(path_and_name) = arn.resource.strip_prefix("role/") else {
        return Err(format!("'{text}' is not an IAM role ARN (expected arn:aws:iam::ACCOUNT:role/NAME)"));
    };
    let name = path_and_name.rsplit('/').next().unwrap_or_default().to_string();
    validate_role_name(&name).map_err(|e| format!("'{text}': {e}"))?;
    Ok((arn, name))
}

/// IAM role names: 1–64 characters of `[A-Za-z0-9+=,.@_-]`.
pub fn validate_role_name(name: &str) -> Result<(), String> {
    let valid_char = |c: char| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c);
    if name.is_empty() || name.len() > 64 || !name.chars().all(valid_char) {
        return Err(format!(
            "role name '{name}' is invalid: use 1 to 64 characters of letters, digits and + = , . @ _ -"
        ));
    }
    Ok(())
}

/// clap value parser for `--role-name`.
pub fn parse_role_name(text: &str) -> Result<String, String> {
    validate_role_name(text).map(|()| text.to_string())
}

/// clap value parser for `--access-log-group`.
pub fn parse_log_group_name(text: &str) -> Result<String, String> {
    validate_log_group_name(text).map(|()| text.to_string())
}

/// Whether `name` has the shape of an AWS region (`us-east-1`, `us-gov-west-1`,
/// `eusc-de-east-1`): lower-case words joined by `-`, ending in a number. The shape, not a list,
/// since AWS keeps adding regions.
pub fn validate_region(name: &str) -> Result<(), String> {
    let parts: Vec<&str> = name.split('-').collect();
    let shaped = match parts.as_slice() {
        [first, middle @ .., number] if !middle.is_empty() && middle.len() <= 3 => {
            (2..=4).contains(&first.len())
                && first.bytes().all(|b| b.is_ascii_lowercase())
                && middle
                    .iter()
                    .all(|w| (1..=12).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()))
                && (1..=2).contains(&number.len())
                && number.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    };
    if shaped {
        Ok(())
    } else {
        Err(format!(
            "{name:?} is not an AWS region name; use a region code such as us-east-1 or eu-west-2 (`aws ec2 describe-regions` lists them)"
        ))
    }
}

/// clap value parser for `--region`.
pub fn parse_region(text: &str) -> Result<String, String> {
    validate_region(text).map(|()| text.to_string())
}

/// An endpoint the SDK can send calls to: an `http://` or `https://` URL with a host. Checked
/// before the first call; the SDK would otherwise retry a malformed one for half a minute.
pub fn validate_endpoint_url(text: &str) -> Result<(), String> {
    let expected = "expected an http:// or https:// URL with a host, e.g. http://127.0.0.1:5000";
    let uri: http::Uri = text.parse().map_err(|e| format!("'{text}' is not a URL ({e}); {expected}"))?;
    match (uri.scheme_str(), uri.host()) {
        (Some("http" | "https"), Some(host)) if !host.is_empty() => Ok(()),
        (Some(scheme), _) if scheme != "http" && scheme != "https" => {
            Err(format!("'{text}' has the scheme {scheme}:, which the AWS SDK cannot use; {expected}"))
        }
        _ => Err(format!("'{text}' is not a URL with a scheme and a host; {expected}")),
    }
}

/// clap value parser for `--endpoint-url`.
pub fn parse_endpoint_url(text: &str) -> Result<String, String> {
    validate_endpoint_url(text).map(|()| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_urls_need_an_http_scheme_and_a_host() {
        for good in [
            "http://127.0.0.1:5000",
            "https://apigateway.us-east-1.amazonaws.com",
            "http://[::1]:4566/",
            "http://localhost",
        ] {
            assert_eq!(validate_endpoint_url(good), Ok(()), "{good}");
        }
        for (bad, why) in [
            ("garbage", "not a URL with a scheme and a host"),
            ("ftp://127.0.0.1", "the scheme ftp:"),
            ("http://[::1", "is not a URL"),
            ("notaurl", "not a URL with a scheme and a host"),
            ("", "is not a URL"),
            ("127.0.0.1:5000", "127.0.0.1"),
            ("http://", "is not a URL"),
        ] {
            let err = validate_endpoint_url(bad).unwrap_err();
            assert!(err.contains(why) && err.contains("e.g. http://127.0.0.1:5000"), "{bad}: {err}");
        }
    }

    #[test]
    fn region_names_are_checked_by_shape() {
        for good in [
            "us-east-1",
            "eu-central-2",
            "ap-southeast-4",
            "us-gov-west-1",
            "cn-north-1",
            "us-isob-east-1",
            "eusc-de-east-1",
            "mx-central-1",
            "il-central-1",
        ] {
            assert_eq!(validate_region(good), Ok(()), "{good}");
        }
        for bad in [
            "not-a-region",
            "",
            "us-east",
            "US-EAST-1",
            "us_east_1",
            "us-east-1 ",
            "useast1",
            "us-east-123",
            "https://x",
            "a-b-1",
            "us--1",
            "us-east-1-",
        ] {
            let err = validate_region(bad).unwrap_err();
            assert!(err.contains("not an AWS region name") && err.contains("us-east-1"), "{bad}: {err}");
        }
    }

    const ACCOUNT: &str = "123456789012";

    #[test]
    fn kms_keys_must_be_key_arns() {
        let key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assert_eq!(parse_kms_key_arn(key).as_deref(), Ok(key));
        for bad in [
            "1234abcd-12ab-34cd-56ef-1234567890ab",
            "arn:aws:kms:us-east-1:123456789012:alias/logs",
            "arn:aws:kms::123456789012:key/abc",
            "arn:aws:s3:us-east-1:123456789012:key/abc",
            "arn:aws:kms:us-east-1:123456789012:key/",
        ] {
            assert!(parse_kms_key_arn(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn log_group_arns_lose_the_trailing_star() {
        let (dest, arn) =
            parse_destination("arn:aws:logs:eu-west-1:123456789012:log-group:/my/logs:*").unwrap();
        assert_eq!(dest, Destination::LogGroup { name: "/my/logs".into() });
        assert_eq!(arn.region, "eu-west-1");
        assert!(arn.check_home("aws", "eu-west-1", ACCOUNT).is_ok());
        assert_eq!(
            log_group_arn("aws", "eu-west-1", ACCOUNT, "/my/logs"),
            "arn:aws:logs:eu-west-1:123456789012:log-group:/my/logs"
        );
        assert_eq!(log_group_name_of("arn:aws:logs:eu-west-1:123456789012:log-group:x"), Some("x".into()));
    }

    #[test]
    fn firehose_streams_need_the_api_gateway_prefix() {
        let ok = "arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-prod";
        assert_eq!(parse_destination(ok).unwrap().0, Destination::Firehose { arn: ok.into() });
        let err =
            parse_destination("arn:aws:firehose:us-east-1:123456789012:deliverystream/prod").unwrap_err();
        assert!(err.contains("must start with 'amazon-apigateway-'"), "{err}");
    }

    #[test]
    fn bad_destinations_say_what_is_wrong() {
        let cases = [
            ("arn:aws:s3:::bucket", "service 's3'"),
            ("arn:aws:logs:us-east-1:123456789012:log-group:ok:extra", "contains ':'"),
            ("arn:aws:logs:us-east-1:123456789012:log-group:a b", "contains ' '"),
            ("arn:aws:logs:us-east-1:12345:log-group:x", "12-digit"),
            ("arn:aws:logs:us-east-1:123456789012:destination:x", "not a log group ARN"),
            ("not-an-arn", "is not an ARN"),
            ("arn:aws:firehose:us-east-1:123456789012:stream/x", "not a Firehose stream ARN"),
            ("arn:aws:firehose::123456789012:deliverystream/amazon-apigateway-x", "must name a region"),
        ];
        for (input, expected) in cases {
            let err = parse_destination(input).unwrap_err();
            assert!(err.contains(expected), "{input}: {err}");
        }
    }

    #[test]
    fn destinations_from_other_regions_or_accounts_are_refused() {
        let (_, arn) = parse_destination("arn:aws:logs:us-west-2:123456789012:log-group:x").unwrap();
        assert!(arn.check_home("aws", "us-east-1", ACCOUNT).unwrap_err().contains("region us-west-2"));
        let (_, arn) = parse_destination("arn:aws:logs:us-east-1:999999999999:log-group:x").unwrap();
        assert!(arn.check_home("aws", "us-east-1", ACCOUNT).unwrap_err().contains("account 999999999999"));
        let (_, arn) = parse_destination("arn:aws-cn:logs:us-east-1:123456789012:log-group:x").unwrap();
        assert!(arn.check_home("aws", "us-east-1", ACCOUNT).unwrap_err().contains("partition aws-cn"));
    }

    #[test]
    fn role_arns_with_paths() {
        let (arn, name) = parse_role_arn("arn:aws:iam::123456789012:role/service-role/logs").unwrap();
        assert_eq!(name, "logs");
        assert_eq!(arn.account, ACCOUNT);
        assert!(parse_role_arn("arn:aws:iam::123456789012:user/bob").is_err());
        assert!(parse_role_arn("arn:aws:iam:us-east-1:123456789012:role/x").is_err());
        assert!(parse_role_arn("arn:aws:iam::123456789012:role/bad name").is_err());
    }

    #[test]
    fn names_are_validated() {
        assert!(validate_log_group_name("API-Gateway-Access-Logs_abc/prod").is_ok());
        assert!(validate_log_group_name("").is_err());
        assert!(validate_log_group_name(&"a".repeat(513)).is_err());
        assert!(parse_role_name("apigateway-cloudwatch-logs").is_ok());
        assert!(parse_role_name(&"r".repeat(65)).is_err());
    }
}
