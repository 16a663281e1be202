//! Checks of the logging flags: those that need no AWS call (done first, so bad input exits 2
//! even without credentials), and the rules of each target's API type (for every region before
//! the first is changed).

use crate::api::{Api, ApiKind};
use crate::app::context::Ctx;
use crate::arn::{self, Destination};
use crate::cli::Targets;
use crate::error;
use crate::format;
use crate::logging::StageLogging;
use crate::request::Logging;
use std::time::Duration;

/// The logging flags after every check that needs no AWS call: the destination ARN parsed, the
/// format checked as far as the API type is known. Done first, so bad input exits 2 even without
/// credentials.
pub struct CheckedLogging<'a> {
    pub args: &'a Logging,
    pub destination: Option<(Destination, arn::Arn)>,
}

/// `--kms-key-id` and `--access-log-destination` name a resource in one region: they cannot go to
/// several regions at once.
pub fn check_region_bound(ctx: &Ctx, targets: &Targets, logging: &Logging) -> anyhow::Result<()> {
    if !targets.all_regions && ctx.global.regions.len() <= 1 {
        return Ok(());
    }
    let bound = [
        ("--kms-key-id", logging.kms_key_id.is_some()),
        ("--access-log-destination", logging.access_log_destination.is_some()),
        ("--execution-log-destination", !logging.execution_log_destinations.is_empty()),
    ];
    match bound.iter().find(|(_, given)| *given) {
        Some((flag, _)) => Err(error::usage(format!(
            "{flag} names a resource in one region; with several regions run the command once per region"
        ))),
        None => Ok(()),
    }
}

/// Checks that need no AWS call. `kind` is the API type when `--api-type` names it; the rules
/// of each target's type are checked again when it is planned.
pub fn check_offline<'a>(
    ctx: &Ctx,
    logging: &'a Logging,
    kind: Option<ApiKind>,
) -> anyhow::Result<CheckedLogging<'a>> {
    let sets_execution = logging.level.is_some() || logging.data_trace.is_some() || logging.metrics.is_some();
    if !logging.methods.is_empty() && !sets_execution {
        return Err(error::usage(
            "--method: say what to set for the method with --level, --data-trace or --metrics",
        ));
    }
    if !logging.routes.is_empty() && !sets_execution {
        return Err(error::usage(
            "--route: say what to set for the route with --level, --data-trace or --metrics",
        ));
    }
    if !logging.methods.is_empty() && !logging.routes.is_empty() {
        return Err(error::usage(
            "--method is for REST APIs and --route for HTTP and WebSocket APIs; one request cannot use both",
        ));
    }
    let mut tag_keys = std::collections::HashSet::new();
    if let Some((key, _)) = logging.tags.iter().find(|(key, _)| !tag_keys.insert(key)) {
        return Err(error::usage(format!("--tag: key '{key}' is given twice")));
    }
    if logging.tags.len() > crate::settings::MAX_TAGS {
        return Err(error::usage(format!("--tag: at most {} tags per log group", crate::settings::MAX_TAGS)));
    }
    if let Some(both) = logging.methods.iter().find(|m| logging.clear_methods.contains(m)) {
        return Err(error::usage(format!("--method and --clear-method both name '{both}'; use one")));
    }
    if let Some(both) = logging.routes.iter().find(|r| logging.clear_routes.contains(r)) {
        return Err(error::usage(format!("--route and --clear-route both name '{both}'; use one")));
    }
    crate::delivery::check_set(&logging.execution_log_destinations)
        .map_err(|e| error::usage(format!("--execution-log-destination: {e}")))?;
    if !logging.execution_log_destinations.is_empty() && logging.level == Some(crate::settings::Level::Off) {
        return Err(error::usage(
            "--level off with --execution-log-destination: AWS delivers execution logs only from stages at ERROR or INFO; use --level error (or info), or --no-execution-log-delivery to stop delivering",
        ));
    }
    let destination = match &logging.access_log_destination {
        Some(text) => Some(
            arn::parse_destination(text)
                .map_err(|e| error::usage(format!("--access-log-destination: {e}")))?,
        ),
        None => None,
    };
    match kind {
        Some(kind) => {
            let subject = format!("--api-type {} selects {}s", kind.flag(), kind.label());
            check_kind(logging, destination.as_ref().map(|d| &d.0), kind, &subject)?
        }
        None => {
            if let Some(arg) = &logging.access_log_format {
                // Whatever the targets' types, a format no type accepts is wrong.
                let valid_somewhere = ApiKind::ALL.iter().any(|kind| {
                    resolve_format_arg("--access-log-format", arg, *kind)
                        .is_ok_and(|text| !format::lint(&text, *kind).has_errors())
                });
                if !valid_somewhere {
                    checked_format(ctx, "--access-log-format", arg, ApiKind::Rest)?;
                }
            }
        }
    }
    Ok(CheckedLogging { args: logging, destination })
}

/// "API web (a1b2) is an HTTP API", for messages about type rules.
pub fn type_of(api: &Api) -> String {
    let article = if api.kind == ApiKind::Http { "an" } else { "a" };
    format!("API {} ({}) is {article} {}", api.shown_name(), api.id, api.kind.label())
}

/// The rules of each target's API type (and the format for each type), for every region's
/// targets before the first region is changed.
pub fn check_targets(ctx: &Ctx, logging: &Logging, targets: &[(Api, StageLogging)]) -> anyhow::Result<()> {
    let destination = logging.access_log_destination.as_deref().and_then(|d| arn::parse_destination(d).ok());
    let mut kinds_seen = Vec::new();
    for (api, _) in targets {
        check_kind(logging, destination.as_ref().map(|d| &d.0), api.kind, &type_of(api))?;
        if !kinds_seen.contains(&api.kind) {
            kinds_seen.push(api.kind);
            if let Some(arg) = &logging.access_log_format {
                checked_format(ctx, "--access-log-format", arg, api.kind)?;
            }
        }
    }
    Ok(())
}

/// The rules of one API type: HTTP APIs have no execution logging and no Firehose delivery;
/// `--method` is for REST APIs, `--route` for the others. `subject` says which targets are of
/// that type, e.g. "API web (a1b2) is an HTTP API".
pub fn check_kind(
    logging: &Logging,
    destination: Option<&Destination>,
    kind: ApiKind,
    subject: &str,
) -> anyhow::Result<()> {
    // `types`: the API types the flag is for, e.g. `rest` (for --api-type).
    let narrow = |flag: &str, why: &str, types: &str| {
        error::usage_hint(
            format!("{flag}: {subject}; {why}"),
            format!("narrow the targets with --api-type {types}, or drop the flag"),
        )
    };
    if kind == ApiKind::Http {
        let execution_flag = [
            ("--level", logging.level.is_some()),
            ("--data-trace", logging.data_trace.is_some()),
            ("--execution-log-retention-days", logging.execution_log_retention_days.is_some()),
        ];
        if let Some((flag, _)) = execution_flag.iter().find(|(_, given)| *given) {
            return Err(narrow(
                flag,
                "AWS refuses execution logging there (\"Execution logs are not supported on protocolType HTTP\"): HTTP APIs have access logging and detailed metrics only",
                "rest|websocket",
            ));
        }
        if matches!(destination, Some(Destination::Firehose { .. })) {
            return Err(narrow(
                "--access-log-destination",
                "HTTP APIs deliver access logs to CloudWatch Logs only, not to Firehose",
                "rest|websocket",
            ));
        }
    }
    if kind != ApiKind::Rest && logging.wanted_deliveries().is_some() {
        let flag = if logging.no_execution_log_delivery {
            "--no-execution-log-delivery"
        } else {
            "--execution-log-destination"
        };
        return Err(narrow(
            flag,
            "CloudWatch Logs delivers execution logs of REST API stages only (AWS offers it for no other API type)",
            "rest",
        ));
    }
    if kind == ApiKind::Rest && !(logging.routes.is_empty() && logging.clear_routes.is_empty()) {
        return Err(narrow(
            "--route/--clear-route",
            "REST APIs have method overrides: use --method/--clear-method",
            "http|websocket",
        ));
    }
    if kind != ApiKind::Rest && !(logging.methods.is_empty() && logging.clear_methods.is_empty()) {
        return Err(narrow(
            "--method/--clear-method",
            "it has route overrides: use --route/--clear-route",
            "rest",
        ));
    }
    Ok(())
}

/// A preset name (of this kind of API), `@FILE`, or the format itself. A file's final newline is
/// dropped.
pub fn resolve_format_arg(flag: &str, arg: &str, kind: ApiKind) -> anyhow::Result<String> {
    if let Some(preset) = kind.preset(arg) {
        return Ok(preset.format.to_string());
    }
    let Some(path) = arg.strip_prefix('@') else {
        return Ok(arg.to_string());
    };
    // A pipe (`@<(…)`) gets a minute to deliver its few bytes.
    let limit = format::MAX_FORMAT_BYTES + "\r\n".len();
    let bytes = crate::app::files::read_limited(std::path::Path::new(path), limit, Duration::from_secs(60))
        .map_err(|why| match why {
            crate::app::files::Unreadable::Io(e) => {
                error::usage(format!("{flag}: cannot read format file '{path}': {e}"))
            }
            crate::app::files::Unreadable::TooLarge => error::usage(format!(
                "{flag}: format file '{path}' is larger than the {}-byte (3 KB) limit of a format; stopped reading there",
                format::MAX_FORMAT_BYTES
            )),
            crate::app::files::Unreadable::NoData(wait) => error::usage(format!(
                "{flag}: nothing could be read from format file '{path}' within {}s: it is not a regular file",
                wait.as_secs()
            )),
        })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| error::usage(format!("{flag}: format file '{path}' is not valid UTF-8")))?;
    let text = text.strip_suffix('\n').unwrap_or(&text);
    Ok(text.strip_suffix('\r').unwrap_or(text).to_string())
}

/// Resolves and lints a format given on the command line: errors stop the command before any
/// write (exit 2, naming the flag); warnings are printed and the command goes on.
pub fn checked_format(ctx: &Ctx, flag: &str, arg: &str, kind: ApiKind) -> anyhow::Result<String> {
    let text = resolve_format_arg(flag, arg, kind)?;
    let lint = format::lint(&text, kind);
    for warning in lint.warnings() {
        ctx.warn(format_args!("{flag}: {}", warning.message));
    }
    if lint.has_errors() {
        let errors: Vec<&str> = lint.errors().map(|f| f.message.as_str()).collect();
        let (of_type, type_flag) = match kind {
            ApiKind::Rest => (String::new(), String::new()),
            other => (format!(" for {}s", other.label()), format!(" --api-type {}", other.flag())),
        };
        return Err(error::usage_hint(
            format!("{flag}: the format is invalid{of_type}: {}", errors.join("; ")),
            format!(
                "check it with `apigw-logs formats check{type_flag}`, or use a preset: clf, json, xml, csv"
            ),
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn presets_files_and_literals_resolve() {
        assert_eq!(
            resolve_format_arg("F", "clf", ApiKind::Rest).unwrap(),
            ApiKind::Rest.preset("clf").unwrap().format
        );
        assert_eq!(
            resolve_format_arg("F", "$context.requestId", ApiKind::Rest).unwrap(),
            "$context.requestId"
        );
        let mut file = tempfile::NamedTempFile::new().unwrap();
        writeln!(file, "$context.requestId $context.status").unwrap();
        let arg = format!("@{}", file.path().display());
        assert_eq!(
            resolve_format_arg("F", &arg, ApiKind::Rest).unwrap(),
            "$context.requestId $context.status"
        );
    }

    #[test]
    fn format_files_are_read_up_to_the_limit_only() {
        let message = message(resolve_format_arg("--access-log-format", "@/dev/zero", ApiKind::Rest));
        assert!(message.contains("'/dev/zero' is larger than the 3072-byte (3 KB) limit"), "{message}");
        let dir = tempfile::tempdir().unwrap();
        let at_limit = dir.path().join("f");
        std::fs::write(&at_limit, format!("{}\r\n", "x".repeat(format::MAX_FORMAT_BYTES))).unwrap();
        let arg = format!("@{}", at_limit.display());
        assert_eq!(resolve_format_arg("F", &arg, ApiKind::Rest).unwrap().len(), format::MAX_FORMAT_BYTES);
    }

    #[test]
    fn unreadable_files_name_the_flag() {
        let err =
            resolve_format_arg("--access-log-format", "@/nonexistent/format.txt", ApiKind::Rest).unwrap_err();
        assert!(format!("{err}").starts_with("--access-log-format: cannot read format file"), "{err}");
        assert_eq!(error::exit_code(&err), error::Exit::Usage);
    }

    fn ctx(regions: &[&str]) -> Ctx {
        let mut argv = vec!["apigw-logs", "formats", "list"];
        for region in regions {
            argv.extend(["--region", region]);
        }
        Ctx::new(<crate::cli::Cli as clap::Parser>::try_parse_from(argv).unwrap().global)
    }

    fn message(result: anyhow::Result<impl Sized>) -> String {
        let err = result.err().expect("refused");
        assert_eq!(error::exit_code(&err), error::Exit::Usage, "{err:#}");
        format!("{err:#}")
    }

    fn method(text: &str) -> crate::settings::MethodSpec {
        crate::settings::MethodSpec::parse(text).unwrap()
    }

    #[test]
    fn offline_checks_refuse_contradictions_before_any_call() {
        let ctx = ctx(&[]);
        let check = |logging: Logging| check_offline(&ctx, &logging, None).map(|c| c.destination.is_some());
        let level = || Logging { level: Some(crate::settings::Level::Info), ..Default::default() };
        let cases = [
            (Logging { methods: vec![method("GET /x")], ..Default::default() }, "--method: say what to set"),
            (Logging { routes: vec!["$connect".into()], ..Default::default() }, "--route: say what to set"),
            (
                Logging { methods: vec![method("GET /x")], routes: vec!["$connect".into()], ..level() },
                "one request cannot use both",
            ),
            (
                Logging {
                    tags: vec![("a".into(), "1".into()), ("a".into(), "2".into())],
                    ..Default::default()
                },
                "key 'a' is given twice",
            ),
            (
                Logging { methods: vec![method("GET /x")], clear_methods: vec![method("GET /x")], ..level() },
                "--clear-method both name 'GET /x'",
            ),
            (
                Logging { routes: vec!["$default".into()], clear_routes: vec!["$default".into()], ..level() },
                "--clear-route both name '$default'",
            ),
            (
                Logging { access_log_destination: Some("arn:aws:s3:::bucket".into()), ..Default::default() },
                "--access-log-destination:",
            ),
            (
                Logging { access_log_format: Some("$context.status".into()), ..Default::default() },
                "--access-log-format: the format is invalid",
            ),
        ];
        for (logging, expected) in cases {
            let text = message(check(logging));
            assert!(text.contains(expected), "expected {expected:?} in {text}");
        }
        let firehose = "arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-x";
        let ok = Logging { access_log_destination: Some(firehose.into()), ..level() };
        assert!(check(ok).unwrap(), "the destination is parsed once, here");
    }

    #[test]
    fn a_named_api_type_is_checked_offline_too() {
        let ctx = ctx(&[]);
        let logging = Logging { level: Some(crate::settings::Level::Error), ..Default::default() };
        let text = message(check_offline(&ctx, &logging, Some(ApiKind::Http)));
        assert!(text.contains("--level: --api-type http selects HTTP APIs"), "{text}");
        assert!(check_offline(&ctx, &logging, Some(ApiKind::Websocket)).is_ok());
    }

    #[test]
    fn each_api_type_has_its_rules() {
        let kind_check = |logging: &Logging, destination: Option<&Destination>, kind: ApiKind| {
            check_kind(logging, destination, kind, "API x (a1) is a test")
        };
        let level = Logging { level: Some(crate::settings::Level::Info), ..Default::default() };
        let retention = Logging { execution_log_retention_days: Some(30), ..Default::default() };
        let routes = Logging { clear_routes: vec!["$connect".into()], ..Default::default() };
        let methods = Logging { clear_methods: vec![method("GET /x")], ..Default::default() };
        let firehose = Destination::Firehose { arn: "arn:aws:firehose:x".into() };
        let none = Logging::default();

        for (logging, destination, kind, expected) in [
            (&level, None, ApiKind::Http, "--level: API x (a1) is a test; AWS refuses execution logging"),
            (&retention, None, ApiKind::Http, "--execution-log-retention-days"),
            (&none, Some(&firehose), ApiKind::Http, "not to Firehose"),
            (&routes, None, ApiKind::Rest, "REST APIs have method overrides"),
            (&methods, None, ApiKind::Websocket, "it has route overrides"),
            (&methods, None, ApiKind::Http, "it has route overrides"),
        ] {
            let text = message(kind_check(logging, destination, kind));
            assert!(text.contains(expected), "{kind:?}: expected {expected:?} in {text}");
        }
        for (logging, destination, kind) in [
            (&level, None, ApiKind::Rest),
            (&level, Some(&firehose), ApiKind::Websocket),
            (&retention, None, ApiKind::Websocket),
            (&routes, None, ApiKind::Http),
            (&methods, None, ApiKind::Rest),
        ] {
            assert!(kind_check(logging, destination, kind).is_ok(), "{kind:?} {logging:?}");
        }
    }

    #[test]
    fn region_bound_resources_go_to_one_region_only() {
        let targets = Targets {
            apis: crate::cli::ApisRef::default(),
            stages: vec![],
            all_stages: true,
            all_regions: false,
        };
        let key = Logging { kms_key_id: Some("arn:aws:kms:us-east-1:1:key/k".into()), ..Default::default() };
        assert!(check_region_bound(&ctx(&["us-east-1"]), &targets, &key).is_ok());
        let text = message(check_region_bound(&ctx(&["us-east-1", "eu-west-1"]), &targets, &key));
        assert!(text.starts_with("--kms-key-id names a resource in one region"), "{text}");
        let everywhere = Targets { all_regions: true, ..targets };
        let destination =
            Logging { access_log_destination: Some("arn:aws:logs:x".into()), ..Default::default() };
        assert!(
            message(check_region_bound(&ctx(&[]), &everywhere, &destination))
                .contains("--access-log-destination")
        );
        assert!(check_region_bound(&ctx(&[]), &everywhere, &Logging::default()).is_ok());
    }
}
