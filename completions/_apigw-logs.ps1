
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'apigw-logs' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'apigw-logs'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'apigw-logs' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'The IAM role API Gateway assumes to write logs')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'The region''s API Gateway account setting (cloudwatchRoleArn), shared by every API in it')
            [CompletionResult]::new('stage', 'stage', [CompletionResultType]::ParameterValue, 'Show or change a stage''s logging settings (REST, HTTP or WebSocket API)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn on logging for a stage: role, account setting, log group and stage, in one go')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn off logging for a stage (never deletes roles; log groups only when asked)')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Interactive setup wizard: role, API, stages, execution and access logging; prints the equivalent command')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Print a stage''s access or execution log events, optionally following new ones')
            [CompletionResult]::new('trace', 'trace', [CompletionResultType]::ParameterValue, 'One request''s access log line, execution log lines and integration (Lambda) logs, as one timeline')
            [CompletionResult]::new('summary', 'summary', [CompletionResultType]::ParameterValue, 'Figures of a window of a stage''s access logs, or of an access log file: requests, status classes, latency percentiles, routes with most errors, the slowest routes, top callers')
            [CompletionResult]::new('debug', 'debug', [CompletionResultType]::ParameterValue, 'Full logging on one stage for a while, followed live, then put back exactly as it was (an EventBridge Scheduler schedule puts it back if this process cannot)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Diagnose the logging chain of a region''s APIs and stages; exit 5 when something is broken')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Bring every stage a TOML file names to its declared logging settings (one plan)')
            [CompletionResult]::new('cost', 'cost', [CompletionResultType]::ParameterValue, 'What the stages'' logging costs a month, from their CloudWatch traffic; with logging flags, what that change would cost (nothing is applied)')
            [CompletionResult]::new('formats', 'formats', [CompletionResultType]::ParameterValue, 'Access-log format presets and linter')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw-logs;role' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or repair) the logging role: trusted by API Gateway, with the managed policy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw-logs;role;create' {
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'Name of the role')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--hardened-trust', '--hardened-trust', [CompletionResultType]::ParameterName, 'Give a new role an aws:SourceAccount condition in its trust policy. Not confirmed by AWS for this role: API Gateway may not set that key, and UpdateAccount then refuses the role')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;role;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or repair) the logging role: trusted by API Gateway, with the managed policy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw-logs;role;help;create' {
            break
        }
        'apigw-logs;role;help;help' {
            break
        }
        'apigw-logs;account' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the account''s logging role and its health')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Point the account at a logging role (checks the role first)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Unset the account''s logging role')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw-logs;account;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;account;set-role' {
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'ARN of the role')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'Name of a role in this account')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'How long to keep retrying while IAM propagates a new role, in seconds')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;account;reset' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;account;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the account''s logging role and its health')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Point the account at a logging role (checks the role first)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Unset the account''s logging role')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw-logs;account;help;show' {
            break
        }
        'apigw-logs;account;help;set-role' {
            break
        }
        'apigw-logs;account;help;reset' {
            break
        }
        'apigw-logs;account;help;help' {
            break
        }
        'apigw-logs;stage' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show execution and access logging of one stage, or of every stage of the API')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a stage''s logging settings (one UpdateStage call, only what changes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw-logs;stage;show' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'API id or name: REST, HTTP or WebSocket (repeatable)')
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'Only APIs of this type (needed when a name is used by APIs of several types)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name (repeatable; default: every stage)')
            [CompletionResult]::new('--emit', '--emit', [CompletionResultType]::ParameterName, 'Print the code that gives the stages their current settings in this tool')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Run in this AWS account (repeatable): through --assume-role, or with your own credentials when it is your own account')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'The role to assume in each account, e.g. OrganizationAccountAccessRole')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'The external id the role''s trust policy asks for')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--all-apis', '--all-apis', [CompletionResultType]::ParameterName, 'Every API in the region (of --api-type, when given)')
            [CompletionResult]::new('--all-accounts', '--all-accounts', [CompletionResultType]::ParameterName, 'Run in every ACTIVE account of your AWS Organization (ListAccounts: call it from the management account or a delegated administrator); your own account only with --include-caller-account')
            [CompletionResult]::new('--include-caller-account', '--include-caller-account', [CompletionResultType]::ParameterName, 'With --all-accounts: also run in your own account, with your own credentials')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;stage;set' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'API id or name: REST, HTTP or WebSocket (repeatable)')
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'Only APIs of this type (needed when a name is used by APIs of several types)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name (repeatable; with several APIs, those without it are skipped)')
            [CompletionResult]::new('--level', '--level', [CompletionResultType]::ParameterName, 'Execution logging level')
            [CompletionResult]::new('--data-trace', '--data-trace', [CompletionResultType]::ParameterName, 'Log full request and response bodies (may write secrets and personal data to the logs)')
            [CompletionResult]::new('--metrics', '--metrics', [CompletionResultType]::ParameterName, 'Detailed CloudWatch metrics')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'Apply --level/--data-trace/--metrics to this method only, e.g. ''GET /pets/{id}'' (repeatable)')
            [CompletionResult]::new('--clear-method', '--clear-method', [CompletionResultType]::ParameterName, 'Remove this method''s override, e.g. ''GET /pets/{id}'' (repeatable)')
            [CompletionResult]::new('--route', '--route', [CompletionResultType]::ParameterName, 'HTTP/WebSocket APIs: apply --level/--data-trace/--metrics to this route only, e.g. ''$connect'' (repeatable)')
            [CompletionResult]::new('--clear-route', '--clear-route', [CompletionResultType]::ParameterName, 'HTTP/WebSocket APIs: remove this route''s override (repeatable)')
            [CompletionResult]::new('--access-log-group', '--access-log-group', [CompletionResultType]::ParameterName, 'Send access logs to this CloudWatch Logs group (created when missing)')
            [CompletionResult]::new('--access-log-destination', '--access-log-destination', [CompletionResultType]::ParameterName, 'Send access logs to this log group ARN or Firehose stream ARN (amazon-apigateway-*)')
            [CompletionResult]::new('--access-log-format', '--access-log-format', [CompletionResultType]::ParameterName, 'Access log format: a preset (clf, json, xml, csv), a format string, or @FILE')
            [CompletionResult]::new('--retention-days', '--retention-days', [CompletionResultType]::ParameterName, 'Retention of the access log group, in days (CloudWatch Logs values only)')
            [CompletionResult]::new('--execution-log-retention-days', '--execution-log-retention-days', [CompletionResultType]::ParameterName, 'Retention of the execution log group API-Gateway-Execution-Logs_{apiId}/{stage}, in days; the group is created now when missing (`enable`: 30 when the group would never expire)')
            [CompletionResult]::new('--kms-key-id', '--kms-key-id', [CompletionResultType]::ParameterName, 'Encrypt the log groups the tool creates with this KMS key (key ARN, same region)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag the log groups the tool creates (repeatable)')
            [CompletionResult]::new('--execution-log-destination', '--execution-log-destination', [CompletionResultType]::ParameterName, 'REST APIs: also deliver execution logs, untruncated (events up to 1 MB), through CloudWatch Logs to this log group, S3 bucket or Firehose stream ARN; FORMAT is json (default) or plain, and for S3 also w3c or parquet, for Firehose also raw. Repeatable, one per kind: the list is the stage''s whole set, deliveries elsewhere are removed. A stage at level OFF is set to ERROR')
            [CompletionResult]::new('--emit', '--emit', [CompletionResultType]::ParameterName, 'Print the code that gives the stages the planned settings in this tool (log groups with their retention, the account role, method and access log settings); nothing is applied unless --apply is given too')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Run in this AWS account (repeatable): through --assume-role, or with your own credentials when it is your own account')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'The role to assume in each account, e.g. OrganizationAccountAccessRole')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'The external id the role''s trust policy asks for')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--all-apis', '--all-apis', [CompletionResultType]::ParameterName, 'Every API in the region (of --api-type, when given)')
            [CompletionResult]::new('--all-stages', '--all-stages', [CompletionResultType]::ParameterName, 'Every stage of each API')
            [CompletionResult]::new('--all-regions', '--all-regions', [CompletionResultType]::ParameterName, 'Every region where the account answers API Gateway calls (instead of --region)')
            [CompletionResult]::new('--no-access-log', '--no-access-log', [CompletionResultType]::ParameterName, 'Turn access logging off')
            [CompletionResult]::new('--no-execution-log-delivery', '--no-execution-log-delivery', [CompletionResultType]::ParameterName, 'REST APIs: stop delivering execution logs to your own destinations (removes the stage''s deliveries and its delivery source; the destinations themselves are kept)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'With --emit: apply the plan as well')
            [CompletionResult]::new('--all-accounts', '--all-accounts', [CompletionResultType]::ParameterName, 'Run in every ACTIVE account of your AWS Organization (ListAccounts: call it from the management account or a delegated administrator); your own account only with --include-caller-account')
            [CompletionResult]::new('--include-caller-account', '--include-caller-account', [CompletionResultType]::ParameterName, 'With --all-accounts: also run in your own account, with your own credentials')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;stage;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show execution and access logging of one stage, or of every stage of the API')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a stage''s logging settings (one UpdateStage call, only what changes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw-logs;stage;help;show' {
            break
        }
        'apigw-logs;stage;help;set' {
            break
        }
        'apigw-logs;stage;help;help' {
            break
        }
        'apigw-logs;enable' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'API id or name: REST, HTTP or WebSocket (repeatable)')
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'Only APIs of this type (needed when a name is used by APIs of several types)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name (repeatable; with several APIs, those without it are skipped)')
            [CompletionResult]::new('--level', '--level', [CompletionResultType]::ParameterName, 'Execution logging level')
            [CompletionResult]::new('--data-trace', '--data-trace', [CompletionResultType]::ParameterName, 'Log full request and response bodies (may write secrets and personal data to the logs)')
            [CompletionResult]::new('--metrics', '--metrics', [CompletionResultType]::ParameterName, 'Detailed CloudWatch metrics')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'Apply --level/--data-trace/--metrics to this method only, e.g. ''GET /pets/{id}'' (repeatable)')
            [CompletionResult]::new('--clear-method', '--clear-method', [CompletionResultType]::ParameterName, 'Remove this method''s override, e.g. ''GET /pets/{id}'' (repeatable)')
            [CompletionResult]::new('--route', '--route', [CompletionResultType]::ParameterName, 'HTTP/WebSocket APIs: apply --level/--data-trace/--metrics to this route only, e.g. ''$connect'' (repeatable)')
            [CompletionResult]::new('--clear-route', '--clear-route', [CompletionResultType]::ParameterName, 'HTTP/WebSocket APIs: remove this route''s override (repeatable)')
            [CompletionResult]::new('--access-log-group', '--access-log-group', [CompletionResultType]::ParameterName, 'Send access logs to this CloudWatch Logs group (created when missing)')
            [CompletionResult]::new('--access-log-destination', '--access-log-destination', [CompletionResultType]::ParameterName, 'Send access logs to this log group ARN or Firehose stream ARN (amazon-apigateway-*)')
            [CompletionResult]::new('--access-log-format', '--access-log-format', [CompletionResultType]::ParameterName, 'Access log format: a preset (clf, json, xml, csv), a format string, or @FILE')
            [CompletionResult]::new('--retention-days', '--retention-days', [CompletionResultType]::ParameterName, 'Retention of the access log group, in days (CloudWatch Logs values only)')
            [CompletionResult]::new('--execution-log-retention-days', '--execution-log-retention-days', [CompletionResultType]::ParameterName, 'Retention of the execution log group API-Gateway-Execution-Logs_{apiId}/{stage}, in days; the group is created now when missing (`enable`: 30 when the group would never expire)')
            [CompletionResult]::new('--kms-key-id', '--kms-key-id', [CompletionResultType]::ParameterName, 'Encrypt the log groups the tool creates with this KMS key (key ARN, same region)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag the log groups the tool creates (repeatable)')
            [CompletionResult]::new('--execution-log-destination', '--execution-log-destination', [CompletionResultType]::ParameterName, 'REST APIs: also deliver execution logs, untruncated (events up to 1 MB), through CloudWatch Logs to this log group, S3 bucket or Firehose stream ARN; FORMAT is json (default) or plain, and for S3 also w3c or parquet, for Firehose also raw. Repeatable, one per kind: the list is the stage''s whole set, deliveries elsewhere are removed. A stage at level OFF is set to ERROR')
            [CompletionResult]::new('--emit', '--emit', [CompletionResultType]::ParameterName, 'Print the code that gives the stages the planned settings in this tool (log groups with their retention, the account role, method and access log settings); nothing is applied unless --apply is given too')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'Role to create or repair when the account has no healthy role')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'How long to keep retrying while IAM propagates a new role, in seconds')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Run in this AWS account (repeatable): through --assume-role, or with your own credentials when it is your own account')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'The role to assume in each account, e.g. OrganizationAccountAccessRole')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'The external id the role''s trust policy asks for')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--all-apis', '--all-apis', [CompletionResultType]::ParameterName, 'Every API in the region (of --api-type, when given)')
            [CompletionResult]::new('--all-stages', '--all-stages', [CompletionResultType]::ParameterName, 'Every stage of each API')
            [CompletionResult]::new('--all-regions', '--all-regions', [CompletionResultType]::ParameterName, 'Every region where the account answers API Gateway calls (instead of --region)')
            [CompletionResult]::new('--no-access-log', '--no-access-log', [CompletionResultType]::ParameterName, 'Turn access logging off')
            [CompletionResult]::new('--no-execution-log-delivery', '--no-execution-log-delivery', [CompletionResultType]::ParameterName, 'REST APIs: stop delivering execution logs to your own destinations (removes the stage''s deliveries and its delivery source; the destinations themselves are kept)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'With --emit: apply the plan as well')
            [CompletionResult]::new('--hardened-trust', '--hardened-trust', [CompletionResultType]::ParameterName, 'Give a new role an aws:SourceAccount condition in its trust policy. Not confirmed by AWS for this role: API Gateway may not set that key, and UpdateAccount then refuses the role')
            [CompletionResult]::new('--all-accounts', '--all-accounts', [CompletionResultType]::ParameterName, 'Run in every ACTIVE account of your AWS Organization (ListAccounts: call it from the management account or a delegated administrator); your own account only with --include-caller-account')
            [CompletionResult]::new('--include-caller-account', '--include-caller-account', [CompletionResultType]::ParameterName, 'With --all-accounts: also run in your own account, with your own credentials')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;disable' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'API id or name: REST, HTTP or WebSocket (repeatable)')
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'Only APIs of this type (needed when a name is used by APIs of several types)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name (repeatable; with several APIs, those without it are skipped)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Run in this AWS account (repeatable): through --assume-role, or with your own credentials when it is your own account')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'The role to assume in each account, e.g. OrganizationAccountAccessRole')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'The external id the role''s trust policy asks for')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--all-apis', '--all-apis', [CompletionResultType]::ParameterName, 'Every API in the region (of --api-type, when given)')
            [CompletionResult]::new('--all-stages', '--all-stages', [CompletionResultType]::ParameterName, 'Every stage of each API')
            [CompletionResult]::new('--all-regions', '--all-regions', [CompletionResultType]::ParameterName, 'Every region where the account answers API Gateway calls (instead of --region)')
            [CompletionResult]::new('--execution-only', '--execution-only', [CompletionResultType]::ParameterName, 'Only turn execution logging off (and, on REST stages, end execution log delivery)')
            [CompletionResult]::new('--access-only', '--access-only', [CompletionResultType]::ParameterName, 'Only turn access logging off')
            [CompletionResult]::new('--delete-log-group', '--delete-log-group', [CompletionResultType]::ParameterName, 'Also delete the log groups of the logging turned off: access, execution (asks for confirmation)')
            [CompletionResult]::new('--all-accounts', '--all-accounts', [CompletionResultType]::ParameterName, 'Run in every ACTIVE account of your AWS Organization (ListAccounts: call it from the management account or a delegated administrator); your own account only with --include-caller-account')
            [CompletionResult]::new('--include-caller-account', '--include-caller-account', [CompletionResultType]::ParameterName, 'With --all-accounts: also run in your own account, with your own credentials')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;setup' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'API id or name: REST, HTTP or WebSocket (answers the API question)')
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'The API''s type, when its name is used by APIs of several types')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name (repeatable; answers the stage question)')
            [CompletionResult]::new('--level', '--level', [CompletionResultType]::ParameterName, 'Execution logging level')
            [CompletionResult]::new('--data-trace', '--data-trace', [CompletionResultType]::ParameterName, 'Log full request and response bodies (may write secrets and personal data to the logs)')
            [CompletionResult]::new('--metrics', '--metrics', [CompletionResultType]::ParameterName, 'Detailed CloudWatch metrics')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'Apply --level/--data-trace/--metrics to this method only, e.g. ''GET /pets/{id}'' (repeatable)')
            [CompletionResult]::new('--clear-method', '--clear-method', [CompletionResultType]::ParameterName, 'Remove this method''s override, e.g. ''GET /pets/{id}'' (repeatable)')
            [CompletionResult]::new('--route', '--route', [CompletionResultType]::ParameterName, 'HTTP/WebSocket APIs: apply --level/--data-trace/--metrics to this route only, e.g. ''$connect'' (repeatable)')
            [CompletionResult]::new('--clear-route', '--clear-route', [CompletionResultType]::ParameterName, 'HTTP/WebSocket APIs: remove this route''s override (repeatable)')
            [CompletionResult]::new('--access-log-group', '--access-log-group', [CompletionResultType]::ParameterName, 'Send access logs to this CloudWatch Logs group (created when missing)')
            [CompletionResult]::new('--access-log-destination', '--access-log-destination', [CompletionResultType]::ParameterName, 'Send access logs to this log group ARN or Firehose stream ARN (amazon-apigateway-*)')
            [CompletionResult]::new('--access-log-format', '--access-log-format', [CompletionResultType]::ParameterName, 'Access log format: a preset (clf, json, xml, csv), a format string, or @FILE')
            [CompletionResult]::new('--retention-days', '--retention-days', [CompletionResultType]::ParameterName, 'Retention of the access log group, in days (CloudWatch Logs values only)')
            [CompletionResult]::new('--execution-log-retention-days', '--execution-log-retention-days', [CompletionResultType]::ParameterName, 'Retention of the execution log group API-Gateway-Execution-Logs_{apiId}/{stage}, in days; the group is created now when missing (`enable`: 30 when the group would never expire)')
            [CompletionResult]::new('--kms-key-id', '--kms-key-id', [CompletionResultType]::ParameterName, 'Encrypt the log groups the tool creates with this KMS key (key ARN, same region)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag the log groups the tool creates (repeatable)')
            [CompletionResult]::new('--execution-log-destination', '--execution-log-destination', [CompletionResultType]::ParameterName, 'REST APIs: also deliver execution logs, untruncated (events up to 1 MB), through CloudWatch Logs to this log group, S3 bucket or Firehose stream ARN; FORMAT is json (default) or plain, and for S3 also w3c or parquet, for Firehose also raw. Repeatable, one per kind: the list is the stage''s whole set, deliveries elsewhere are removed. A stage at level OFF is set to ERROR')
            [CompletionResult]::new('--emit', '--emit', [CompletionResultType]::ParameterName, 'Print the code that gives the stages the planned settings in this tool (log groups with their retention, the account role, method and access log settings); nothing is applied unless --apply is given too')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'How long to keep retrying while IAM propagates a new role, in seconds')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--no-access-log', '--no-access-log', [CompletionResultType]::ParameterName, 'Turn access logging off')
            [CompletionResult]::new('--no-execution-log-delivery', '--no-execution-log-delivery', [CompletionResultType]::ParameterName, 'REST APIs: stop delivering execution logs to your own destinations (removes the stage''s deliveries and its delivery source; the destinations themselves are kept)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'With --emit: apply the plan as well')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;tail' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'API id or name: REST, HTTP or WebSocket')
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'The API''s type, when its name is used by APIs of several types')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start this long ago (30s, 10m, 1h, 2d) or at this time (RFC 3339)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'CloudWatch Logs filter pattern, e.g. ''ERROR'' or ''{ $.status = "500" }''')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only JSON access-log lines whose FIELD equals VALUE (`*` wildcard; repeatable, all must match)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'Read the access logs, from the stage''s destination (the default)')
            [CompletionResult]::new('--execution', '--execution', [CompletionResultType]::ParameterName, 'Read the execution logs (API-Gateway-Execution-Logs_{apiId}/{stage})')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new events until Ctrl-C')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new events until Ctrl-C')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Print times in UTC instead of local time')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;trace' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'API id or name: REST, HTTP or WebSocket')
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'The API''s type, when its name is used by APIs of several types')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back the request may be: a duration (30m, 24h, 7d) or a time (RFC 3339)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Print times in UTC instead of local time')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;summary' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'API id or name (REST, HTTP or WebSocket): its stage''s access logs are read, or with --file its format')
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'The API''s type, when its name is used by APIs of several types (with --format alone: whose presets the name means)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'The window: from this long ago (30m, 1h, 2d) or this time (RFC 3339) until now')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read access log lines from this file (''-'': standard input) instead of CloudWatch Logs: a Firehose delivery, an S3 export')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The format the lines were written in: a preset (clf, json, xml, csv), the format, or @FILE (default: the stage''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--insights-query', '--insights-query', [CompletionResultType]::ParameterName, 'Print the CloudWatch Logs Insights queries that compute these figures server-side (for windows too large to download) instead of reading logs')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;debug' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'API id or name: REST, HTTP or WebSocket')
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'The API''s type, when its name is used by APIs of several types')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'How long the session lasts: 1m to 12h (90s, 15m, 2h, 1h30m)')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'REST API: only this method (''GET /pets/{id}''; repeatable), instead of the whole stage')
            [CompletionResult]::new('--route', '--route', [CompletionResultType]::ParameterName, 'WebSocket API: only this route (''$connect''; repeatable), instead of the whole stage')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--data-trace', '--data-trace', [CompletionResultType]::ParameterName, 'Log full request and response bodies too (may write secrets and personal data to the logs; asks first, or --yes)')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Make the change and exit; the schedule puts the stage back when the time is up')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Print times in UTC instead of local time')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The debug sessions still open in the region (from their schedules)')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'Put a stage''s debug session back now and delete its schedule')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw-logs;debug;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;debug;end' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'API id or name: REST, HTTP or WebSocket')
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'The API''s type, when its name is used by APIs of several types')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;debug;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The debug sessions still open in the region (from their schedules)')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'Put a stage''s debug session back now and delete its schedule')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw-logs;debug;help;list' {
            break
        }
        'apigw-logs;debug;help;end' {
            break
        }
        'apigw-logs;debug;help;help' {
            break
        }
        'apigw-logs;status' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'API id or name to check (repeatable; default: every API in the region)')
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'Only APIs of this type')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Only check stages with this name (repeatable)')
            [CompletionResult]::new('--min-retention-days', '--min-retention-days', [CompletionResultType]::ParameterName, 'The least retention CloudWatch.16 should accept, in days (the control''s default: 365); a log group kept for less is flagged, and --fix raises it')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'How long to keep retrying while IAM propagates a new role, in seconds')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Run in this AWS account (repeatable): through --assume-role, or with your own credentials when it is your own account')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'The role to assume in each account, e.g. OrganizationAccountAccessRole')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'The external id the role''s trust policy asks for')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--all-apis', '--all-apis', [CompletionResultType]::ParameterName, 'Check every API in the region (the default when no --api is given)')
            [CompletionResult]::new('--all-stages', '--all-stages', [CompletionResultType]::ParameterName, 'Check every stage of each API (the default when no --stage is given)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 5 on warnings too')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Repair every finding that has a safe automatic fix, in one plan (confirm, or --yes)')
            [CompletionResult]::new('--controls', '--controls', [CompletionResultType]::ParameterName, 'Also count passes and failures per AWS Security Hub control (APIGateway.1, APIGateway.9, CloudWatch.16) and flag log groups kept for less than --min-retention-days')
            [CompletionResult]::new('--all-accounts', '--all-accounts', [CompletionResultType]::ParameterName, 'Run in every ACTIVE account of your AWS Organization (ListAccounts: call it from the management account or a delegated administrator); your own account only with --include-caller-account')
            [CompletionResult]::new('--include-caller-account', '--include-caller-account', [CompletionResultType]::ParameterName, 'With --all-accounts: also run in your own account, with your own credentials')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The file: defaults and [[stage]] entries (schema in docs/guide/apply.md)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The file: defaults and [[stage]] entries (schema in docs/guide/apply.md)')
            [CompletionResult]::new('--emit', '--emit', [CompletionResultType]::ParameterName, 'Print the code that gives the stages the planned settings in this tool (log groups with their retention, the account role, method and access log settings); nothing is applied unless --apply is given too')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'How long to keep retrying while IAM propagates a new role, in seconds')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Run in this AWS account (repeatable): through --assume-role, or with your own credentials when it is your own account')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'The role to assume in each account, e.g. OrganizationAccountAccessRole')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'The external id the role''s trust policy asks for')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Change nothing; exit 0 when the stages match the file, 4 when changes are pending')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'With --emit: apply the plan as well')
            [CompletionResult]::new('--all-accounts', '--all-accounts', [CompletionResultType]::ParameterName, 'Run in every ACTIVE account of your AWS Organization (ListAccounts: call it from the management account or a delegated administrator); your own account only with --include-caller-account')
            [CompletionResult]::new('--include-caller-account', '--include-caller-account', [CompletionResultType]::ParameterName, 'With --all-accounts: also run in your own account, with your own credentials')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;cost' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'API id or name: REST, HTTP or WebSocket (repeatable)')
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'Only APIs of this type (needed when a name is used by APIs of several types)')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Stage name (repeatable; with several APIs, those without it are skipped)')
            [CompletionResult]::new('--level', '--level', [CompletionResultType]::ParameterName, 'Execution logging level')
            [CompletionResult]::new('--data-trace', '--data-trace', [CompletionResultType]::ParameterName, 'Log full request and response bodies (may write secrets and personal data to the logs)')
            [CompletionResult]::new('--metrics', '--metrics', [CompletionResultType]::ParameterName, 'Detailed CloudWatch metrics')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'Apply --level/--data-trace/--metrics to this method only, e.g. ''GET /pets/{id}'' (repeatable)')
            [CompletionResult]::new('--clear-method', '--clear-method', [CompletionResultType]::ParameterName, 'Remove this method''s override, e.g. ''GET /pets/{id}'' (repeatable)')
            [CompletionResult]::new('--route', '--route', [CompletionResultType]::ParameterName, 'HTTP/WebSocket APIs: apply --level/--data-trace/--metrics to this route only, e.g. ''$connect'' (repeatable)')
            [CompletionResult]::new('--clear-route', '--clear-route', [CompletionResultType]::ParameterName, 'HTTP/WebSocket APIs: remove this route''s override (repeatable)')
            [CompletionResult]::new('--access-log-group', '--access-log-group', [CompletionResultType]::ParameterName, 'Send access logs to this CloudWatch Logs group (created when missing)')
            [CompletionResult]::new('--access-log-destination', '--access-log-destination', [CompletionResultType]::ParameterName, 'Send access logs to this log group ARN or Firehose stream ARN (amazon-apigateway-*)')
            [CompletionResult]::new('--access-log-format', '--access-log-format', [CompletionResultType]::ParameterName, 'Access log format: a preset (clf, json, xml, csv), a format string, or @FILE')
            [CompletionResult]::new('--retention-days', '--retention-days', [CompletionResultType]::ParameterName, 'Retention of the access log group, in days (CloudWatch Logs values only)')
            [CompletionResult]::new('--execution-log-retention-days', '--execution-log-retention-days', [CompletionResultType]::ParameterName, 'Retention of the execution log group API-Gateway-Execution-Logs_{apiId}/{stage}, in days; the group is created now when missing (`enable`: 30 when the group would never expire)')
            [CompletionResult]::new('--kms-key-id', '--kms-key-id', [CompletionResultType]::ParameterName, 'Encrypt the log groups the tool creates with this KMS key (key ARN, same region)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag the log groups the tool creates (repeatable)')
            [CompletionResult]::new('--execution-log-destination', '--execution-log-destination', [CompletionResultType]::ParameterName, 'REST APIs: also deliver execution logs, untruncated (events up to 1 MB), through CloudWatch Logs to this log group, S3 bucket or Firehose stream ARN; FORMAT is json (default) or plain, and for S3 also w3c or parquet, for Firehose also raw. Repeatable, one per kind: the list is the stage''s whole set, deliveries elsewhere are removed. A stage at level OFF is set to ERROR')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--all-apis', '--all-apis', [CompletionResultType]::ParameterName, 'Every API in the region (of --api-type, when given)')
            [CompletionResult]::new('--all-stages', '--all-stages', [CompletionResultType]::ParameterName, 'Every stage of each API')
            [CompletionResult]::new('--all-regions', '--all-regions', [CompletionResultType]::ParameterName, 'Every region where the account answers API Gateway calls (instead of --region)')
            [CompletionResult]::new('--no-access-log', '--no-access-log', [CompletionResultType]::ParameterName, 'Turn access logging off')
            [CompletionResult]::new('--no-execution-log-delivery', '--no-execution-log-delivery', [CompletionResultType]::ParameterName, 'REST APIs: stop delivering execution logs to your own destinations (removes the stage''s deliveries and its delivery source; the destinations themselves are kept)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;formats' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the presets')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one preset''s format')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Lint an access log format (exit 2 when it has errors)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw-logs;formats;list' {
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'API type: REST, HTTP or WebSocket (v2 APIs reject variables they do not know)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;formats;show' {
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'API type: REST, HTTP or WebSocket (v2 APIs reject variables they do not know)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;formats;check' {
            [CompletionResult]::new('--api-type', '--api-type', [CompletionResultType]::ParameterName, 'API type: REST, HTTP or WebSocket (v2 APIs reject variables they do not know)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;formats;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the presets')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one preset''s format')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Lint an access log format (exit 2 when it has errors)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw-logs;formats;help;list' {
            break
        }
        'apigw-logs;formats;help;show' {
            break
        }
        'apigw-logs;formats;help;check' {
            break
        }
        'apigw-logs;formats;help;help' {
            break
        }
        'apigw-logs;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard AWS configuration chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Result format on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many targets (stages) are read and changed at once')
            [CompletionResult]::new('--quota-scale', '--quota-scale', [CompletionResultType]::ParameterName, 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them')
            [CompletionResult]::new('--traffic-days', '--traffic-days', [CompletionResultType]::ParameterName, 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)')
            [CompletionResult]::new('--prices', '--prices', [CompletionResultType]::ParameterName, 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)')
            [CompletionResult]::new('--terraform-state', '--terraform-state', [CompletionResultType]::ParameterName, 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change')
            [CompletionResult]::new('--call-timeout', '--call-timeout', [CompletionResultType]::ParameterName, 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and stop: no write call is made')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required for confirmed changes when not interactive)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead, naming the flag that answers the question')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv, -vvv)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw-logs;help' {
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'The IAM role API Gateway assumes to write logs')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'The region''s API Gateway account setting (cloudwatchRoleArn), shared by every API in it')
            [CompletionResult]::new('stage', 'stage', [CompletionResultType]::ParameterValue, 'Show or change a stage''s logging settings (REST, HTTP or WebSocket API)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn on logging for a stage: role, account setting, log group and stage, in one go')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn off logging for a stage (never deletes roles; log groups only when asked)')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Interactive setup wizard: role, API, stages, execution and access logging; prints the equivalent command')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Print a stage''s access or execution log events, optionally following new ones')
            [CompletionResult]::new('trace', 'trace', [CompletionResultType]::ParameterValue, 'One request''s access log line, execution log lines and integration (Lambda) logs, as one timeline')
            [CompletionResult]::new('summary', 'summary', [CompletionResultType]::ParameterValue, 'Figures of a window of a stage''s access logs, or of an access log file: requests, status classes, latency percentiles, routes with most errors, the slowest routes, top callers')
            [CompletionResult]::new('debug', 'debug', [CompletionResultType]::ParameterValue, 'Full logging on one stage for a while, followed live, then put back exactly as it was (an EventBridge Scheduler schedule puts it back if this process cannot)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Diagnose the logging chain of a region''s APIs and stages; exit 5 when something is broken')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Bring every stage a TOML file names to its declared logging settings (one plan)')
            [CompletionResult]::new('cost', 'cost', [CompletionResultType]::ParameterValue, 'What the stages'' logging costs a month, from their CloudWatch traffic; with logging flags, what that change would cost (nothing is applied)')
            [CompletionResult]::new('formats', 'formats', [CompletionResultType]::ParameterValue, 'Access-log format presets and linter')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw-logs;help;role' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or repair) the logging role: trusted by API Gateway, with the managed policy')
            break
        }
        'apigw-logs;help;role;create' {
            break
        }
        'apigw-logs;help;account' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the account''s logging role and its health')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Point the account at a logging role (checks the role first)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Unset the account''s logging role')
            break
        }
        'apigw-logs;help;account;show' {
            break
        }
        'apigw-logs;help;account;set-role' {
            break
        }
        'apigw-logs;help;account;reset' {
            break
        }
        'apigw-logs;help;stage' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show execution and access logging of one stage, or of every stage of the API')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a stage''s logging settings (one UpdateStage call, only what changes)')
            break
        }
        'apigw-logs;help;stage;show' {
            break
        }
        'apigw-logs;help;stage;set' {
            break
        }
        'apigw-logs;help;enable' {
            break
        }
        'apigw-logs;help;disable' {
            break
        }
        'apigw-logs;help;setup' {
            break
        }
        'apigw-logs;help;tail' {
            break
        }
        'apigw-logs;help;trace' {
            break
        }
        'apigw-logs;help;summary' {
            break
        }
        'apigw-logs;help;debug' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The debug sessions still open in the region (from their schedules)')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'Put a stage''s debug session back now and delete its schedule')
            break
        }
        'apigw-logs;help;debug;list' {
            break
        }
        'apigw-logs;help;debug;end' {
            break
        }
        'apigw-logs;help;status' {
            break
        }
        'apigw-logs;help;apply' {
            break
        }
        'apigw-logs;help;cost' {
            break
        }
        'apigw-logs;help;formats' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the presets')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one preset''s format')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Lint an access log format (exit 2 when it has errors)')
            break
        }
        'apigw-logs;help;formats;list' {
            break
        }
        'apigw-logs;help;formats;show' {
            break
        }
        'apigw-logs;help;formats;check' {
            break
        }
        'apigw-logs;help;completions' {
            break
        }
        'apigw-logs;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
