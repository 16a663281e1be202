use apigw_logs::app::{context::RED, interrupt, stdout};
use apigw_logs::{cli::Cli, commands, error};
use clap::Parser;
use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(cli.global.verbose);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    // `--timeout` bounds the whole command. `tail --follow` runs until Ctrl-C by design.
    let timeout = Duration::from_secs(cli.global.timeout());
    let unbounded = cli.command.runs_until_interrupted();
    let backstop = async {
        tokio::time::sleep(timeout).await;
        // Plan application bounds each step by the deadline itself, to report what was applied:
        // it gets the time to. Anything else stops at the deadline.
        if interrupt::applying() {
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    };
    let run = async {
        interrupt::install();
        if unbounded {
            return commands::run(cli).await;
        }
        tokio::select! {
            biased;
            result = commands::run(cli) => result,
            () = backstop => Err(anyhow::anyhow!(
                "gave up after {}s (--timeout); {}",
                timeout.as_secs(),
                interrupt::changed_so_far()
            )),
        }
    };
    match runtime.block_on(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // `{:#}` prints the cause chain on one line; `{:?}` would dump a backtrace.
            stdout::diagnostic(format_args!("{RED}error:{RED:#} {err:#}\n"));
            if let Some(hint) = error::hint(&err) {
                stdout::diagnostic(format_args!("  hint: {hint}\n"));
            }
            ExitCode::from(error::exit_code(&err).code())
        }
    }
}

/// `-v` shows the tool's own diagnostics, `-vv` adds the AWS SDK's, `-vvv` everything. The signer
/// is always silenced: at trace level it would print canonical requests and signatures.
fn init_tracing(verbose: u8) {
    let filter = match verbose {
        0 => "warn",
        1 => "apigw_logs=info,warn",
        2 => "apigw_logs=debug,aws_smithy_runtime=debug,aws_config=debug,warn",
        _ => "trace",
    };
    let filter = format!("{filter},aws_sigv4=off,aws_smithy_runtime::client::http=off");
    tracing_subscriber::fmt()
        .with_writer(|| RedactedStderr)
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_ansi(false)
        .init();
}

/// stderr for diagnostics, with access key ids masked. Each event arrives as one write.
struct RedactedStderr;

impl std::io::Write for RedactedStderr {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        let text = apigw_logs::redact::access_key_ids(&text);
        std::io::stderr().write_all(apigw_logs::escape::terminal_stream(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}
