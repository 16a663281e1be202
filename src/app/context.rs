//! What every command gets: the global options, the user interface (stdout for results, stderr for
//! progress, warnings and prompts) and the AWS clients.

use crate::aws::{AwsOptions, Clients};
use crate::cli::{ColorWhen, GlobalArgs, OutputFormat};
use crate::error;
use anstyle::{AnsiColor, Style};
use std::io::IsTerminal;
use std::time::Duration;

pub struct Ctx {
    pub global: GlobalArgs,
    interactive: bool,
    /// When the command must be over (`--timeout`); restarted once the user has confirmed, so
    /// time spent reading a plan at a prompt does not count against the writes.
    deadline: std::sync::Mutex<tokio::time::Instant>,
    warned: std::sync::Mutex<std::collections::HashSet<String>>,
    /// Set while a progress bar shows the steps' progress instead.
    steps_quiet: std::sync::atomic::AtomicBool,
    /// Paces every AWS call of the run at the account's quotas.
    pub pacer: std::sync::Arc<crate::aws::pacing::Pacer>,
    /// In a run over several accounts: the account this context works in, and its credentials
    /// (`None`: the caller's own).
    pub account: Option<Account>,
    credentials: Option<aws_credential_types::provider::SharedCredentialsProvider>,
    /// What the run saw and did, for the per-account summary.
    pub tally: std::sync::Mutex<Tally>,
    /// `status --controls`: pass and fail counts per Security Hub control, over every region.
    pub controls: std::sync::Mutex<Vec<crate::controls::ControlCount>>,
    /// Prices for cost estimates: the built-in table, or `--prices`'s (see [`Ctx::load_prices`]).
    pub prices: crate::cost::PriceBook,
    /// `--terraform-state`'s stages (see [`Ctx::load_terraform_state`]).
    pub terraform: Option<std::sync::Arc<crate::owner::TerraformState>>,
    /// The command's plans say who owns each stage: owner look-ups start while stages are read.
    pub reads_owners: bool,
    /// The region-wide reads the command will ask for: started as its clients are made.
    pub prefetch: Vec<crate::aws::reads::Read>,
}

/// The account a context works in, in a run over several accounts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Account {
    pub id: String,
    pub name: Option<String>,
    /// The OUs above it, nearest first (read only when an `apply` file scopes entries by `ou`).
    pub ous: Vec<String>,
}

/// Counts for the per-account summary: stages read, stages changed, findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    pub stages: usize,
    pub changed: usize,
    pub errors: usize,
    pub warnings: usize,
}

pub const GREEN: Style = AnsiColor::Green.on_default();
pub const YELLOW: Style = AnsiColor::Yellow.on_default();
pub const RED: Style = AnsiColor::Red.on_default().bold();
pub const BOLD: Style = Style::new().bold();

impl Ctx {
    pub fn new(mut global: GlobalArgs) -> Ctx {
        // A region given twice is one region: its plan must run (and write) once.
        let mut seen = std::collections::HashSet::new();
        global.regions.retain(|region| seen.insert(region.clone()));
        anstream::ColorChoice::write_global(match global.color {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        });
        // Prompts need a person at a terminal: stdin to answer, stderr to see the question.
        let interactive =
            !global.no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        let deadline =
            std::sync::Mutex::new(tokio::time::Instant::now() + Duration::from_secs(global.timeout()));
        let pacer = std::sync::Arc::new(crate::aws::pacing::Pacer::new(global.quota_scale.unwrap_or(1.0)));
        Ctx {
            global,
            interactive,
            deadline,
            warned: Default::default(),
            steps_quiet: Default::default(),
            pacer,
            account: None,
            credentials: None,
            tally: Default::default(),
            controls: Default::default(),
            prices: Default::default(),
            terraform: None,
            reads_owners: false,
            prefetch: Vec::new(),
        }
    }

    /// Reads `--prices` (exit 2 naming the file and key when it is not a valid price file).
    pub fn load_prices(&mut self) -> anyhow::Result<()> {
        let Some(path) = &self.global.prices else { return Ok(()) };
        let shown = path.display().to_string();
        // A price file is a few hundred bytes; a megabyte is not one.
        let text = crate::app::files::read_text("--prices", path, 1 << 20, self.file_wait())?;
        self.prices = crate::cost::PriceBook::parse(&text, &shown)
            .map_err(|e| error::usage(format!("--prices {shown}: {e}")))?;
        Ok(())
    }

    /// Reads `--terraform-state` (exit 2 naming the file when it is not JSON or not a state).
    pub fn load_terraform_state(&mut self) -> anyhow::Result<()> {
        let Some(path) = &self.global.terraform_state else { return Ok(()) };
        let shown = path.display().to_string();
        // States of large estates run to megabytes; past this, it is not a state file.
        let bytes = crate::app::files::read("--terraform-state", path, 256 << 20, self.file_wait())?;
        let text = String::from_utf8_lossy(&bytes);
        let state = crate::owner::TerraformState::parse(&text)
            .map_err(|e| error::usage(format!("--terraform-state {shown}: {e}")))?;
        self.terraform = Some(std::sync::Arc::new(state));
        Ok(())
    }

    /// How long a file that is not a regular file (a pipe) may take to be read: `--timeout`.
    pub fn file_wait(&self) -> Duration {
        Duration::from_secs(self.global.timeout())
    }

    /// A context for one account of a run over several: the same options, deadline and pacing
    /// (whose buckets are per access key, so per account), `credentials` for that account
    /// (`None`: the caller's own), its own warnings, prefixed with the account.
    pub fn for_account(
        &self,
        account: Account,
        credentials: Option<aws_credential_types::provider::SharedCredentialsProvider>,
    ) -> Ctx {
        Ctx {
            global: self.global.clone(),
            interactive: self.interactive,
            deadline: std::sync::Mutex::new(self.deadline()),
            warned: Default::default(),
            steps_quiet: Default::default(),
            pacer: self.pacer.clone(),
            account: Some(account),
            credentials,
            tally: Default::default(),
            controls: Default::default(),
            prices: self.prices.clone(),
            terraform: self.terraform.clone(),
            reads_owners: self.reads_owners,
            prefetch: self.prefetch.clone(),
        }
    }

    pub fn count(&self, add: impl FnOnce(&mut Tally)) {
        add(&mut self.tally.lock().expect("tally lock"));
    }

    /// Adds one region's control counts to the run's.
    pub fn count_controls(&self, counts: &[crate::controls::ControlCount]) {
        let mut totals = self.controls.lock().expect("controls lock");
        for count in counts {
            match totals.iter_mut().find(|t| t.control == count.control) {
                Some(total) => {
                    total.passed += count.passed;
                    total.failed += count.failed;
                }
                None => totals.push(count.clone()),
            }
        }
    }

    /// `[account 123456789012] ` in a run over several accounts.
    fn prefix(&self) -> String {
        self.account.as_ref().map(|a| format!("[{}] ", a.id)).unwrap_or_default()
    }

    pub fn json(&self) -> bool {
        self.global.output == OutputFormat::Json
    }

    pub fn deadline(&self) -> tokio::time::Instant {
        *self.deadline.lock().expect("deadline lock")
    }

    pub fn restart_deadline(&self) {
        *self.deadline.lock().expect("deadline lock") =
            tokio::time::Instant::now() + Duration::from_secs(self.global.timeout());
    }

    /// Whether a person can answer prompts (terminal on stdin and stderr, no `--no-input`).
    pub fn interactive(&self) -> bool {
        self.interactive
    }

    /// The region the AWS configuration names when `--region` is not given, if any.
    pub async fn configured_region(&self) -> Option<String> {
        let options = AwsOptions {
            profile: self.global.profile.clone(),
            region: self.global.regions.first().cloned(),
            endpoint_url: None,
            call_timeout: Duration::from_secs(self.global.call_timeout),
            max_attempts: 1,
            pacer: self.pacer.clone(),
            credentials: None,
        };
        crate::aws::resolve_region(&options).await.ok().map(|r| r.to_string())
    }

    pub fn dry_run(&self) -> bool {
        self.global.dry_run
    }

    /// Clients for the one region this command works on.
    pub async fn clients(&self) -> anyhow::Result<Clients> {
        match self.regions().as_slice() {
            [region] => self.clients_in(region.clone()).await,
            several => Err(crate::error::usage(format!(
                "--region is given {} times; this command works on one region",
                several.len()
            ))),
        }
    }

    /// The regions given with `--region`; `[None]` (the configured region) when none was.
    pub fn regions(&self) -> Vec<Option<String>> {
        if self.global.regions.is_empty() {
            vec![None]
        } else {
            self.global.regions.iter().cloned().map(Some).collect()
        }
    }

    /// Clients for `region` (`None`: the configured one).
    pub async fn clients_in(&self, region: Option<String>) -> anyhow::Result<Clients> {
        let clients = Clients::connect(&self.options(region)).await?;
        clients.prefetch(&self.prefetch);
        Ok(clients)
    }

    /// How this context connects to `region` (`None`: the configured one).
    pub fn options(&self, region: Option<String>) -> AwsOptions {
        AwsOptions {
            profile: self.global.profile.clone(),
            region,
            endpoint_url: self.global.endpoint_url.clone(),
            call_timeout: Duration::from_secs(self.global.call_timeout),
            max_attempts: 8,
            pacer: self.pacer.clone(),
            credentials: self.credentials.clone(),
        }
    }

    /// Prints a result document on stdout (runs over several regions or accounts hold each one
    /// back and print them as one).
    pub fn print_json(&self, document: &impl serde::Serialize) -> anyhow::Result<()> {
        println!("{}", serde_json::to_string_pretty(document)?);
        Ok(())
    }

    /// Progress for people, on stderr; silent with `--output json` unless verbose.
    pub fn progress(&self, message: impl std::fmt::Display) {
        if !self.json() || self.global.verbose > 0 {
            eprintln!("{}{message}", self.prefix());
        }
    }

    /// One applied step, like `progress`, unless a progress bar stands in for the steps.
    pub fn step(&self, message: impl std::fmt::Display) {
        if !self.steps_quiet.load(std::sync::atomic::Ordering::Relaxed) {
            self.progress(message);
        }
    }

    pub fn quiet_steps(&self, quiet: bool) {
        self.steps_quiet.store(quiet, std::sync::atomic::Ordering::Relaxed);
    }

    /// Prints a warning once, however many targets raise it.
    pub fn warn(&self, message: impl std::fmt::Display) {
        let message = message.to_string();
        if self.warned.lock().expect("warned lock").insert(message.clone()) {
            eprintln!("{}{YELLOW}warning:{YELLOW:#} {message}", self.prefix());
        }
    }

    /// Asks once for all `reasons`. `--yes` answers for scripts; without a terminal the answer is
    /// an error naming `--yes`, never a hang.
    /// `question` is asked even without reasons (default "Apply?", asked only with some).
    pub fn confirm(&self, reasons: &[&str], question: Option<&str>) -> anyhow::Result<()> {
        if (reasons.is_empty() && question.is_none()) || self.global.yes {
            return Ok(());
        }
        let why = reasons.join("; ");
        if !self.interactive {
            return Err(error::usage_hint(
                format!(
                    "this change needs confirmation: {}",
                    if why.is_empty() { question.unwrap_or_default() } else { &why }
                ),
                "pass --yes to confirm when not running interactively",
            ));
        }
        let question = question.unwrap_or("Apply?");
        let prompt = if why.is_empty() { question.to_string() } else { format!("{why}. {question}") };
        let answer = dialoguer::Confirm::new().with_prompt(prompt).default(false).interact_opt()?;
        match answer {
            Some(true) => Ok(()),
            _ => Err(error::cancelled()),
        }
    }
}
