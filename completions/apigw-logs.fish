# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_apigw_logs_global_optspecs
    string join \n profile= region= endpoint-url= output= dry-run y/yes no-input v/verbose color= timeout= concurrency= quota-scale= traffic-days= prices= terraform-state= call-timeout= h/help V/version
end

function __fish_apigw_logs_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_apigw_logs_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_apigw_logs_using_subcommand
    set -l cmd (__fish_apigw_logs_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -s V -l version -d 'Print version'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "role" -d 'The IAM role API Gateway assumes to write logs'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "account" -d 'The region\'s API Gateway account setting (cloudwatchRoleArn), shared by every API in it'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "stage" -d 'Show or change a stage\'s logging settings (REST, HTTP or WebSocket API)'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "enable" -d 'Turn on logging for a stage: role, account setting, log group and stage, in one go'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "disable" -d 'Turn off logging for a stage (never deletes roles; log groups only when asked)'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "setup" -d 'Interactive setup wizard: role, API, stages, execution and access logging; prints the equivalent command'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "tail" -d 'Print a stage\'s access or execution log events, optionally following new ones'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "trace" -d 'One request\'s access log line, execution log lines and integration (Lambda) logs, as one timeline'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "summary" -d 'Figures of a window of a stage\'s access logs, or of an access log file: requests, status classes, latency percentiles, routes with most errors, the slowest routes, top callers'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "debug" -d 'Full logging on one stage for a while, followed live, then put back exactly as it was (an EventBridge Scheduler schedule puts it back if this process cannot)'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "status" -d 'Diagnose the logging chain of a region\'s APIs and stages; exit 5 when something is broken'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "apply" -d 'Bring every stage a TOML file names to its declared logging settings (one plan)'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "cost" -d 'What the stages\' logging costs a month, from their CloudWatch traffic; with logging flags, what that change would cost (nothing is applied)'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "formats" -d 'Access-log format presets and linter'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c apigw-logs -n "__fish_apigw_logs_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -f -a "create" -d 'Create (or repair) the logging role: trusted by API Gateway, with the managed policy'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and not __fish_seen_subcommand_from create help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l role-name -d 'Name of the role' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l hardened-trust -d 'Give a new role an aws:SourceAccount condition in its trust policy. Not confirmed by AWS for this role: API Gateway may not set that key, and UpdateAccount then refuses the role'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create (or repair) the logging role: trusted by API Gateway, with the managed policy'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -f -a "show" -d 'Show the account\'s logging role and its health'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -f -a "set-role" -d 'Point the account at a logging role (checks the role first)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -f -a "reset" -d 'Unset the account\'s logging role'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and not __fish_seen_subcommand_from show set-role reset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l role-arn -d 'ARN of the role' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l role-name -d 'Name of a role in this account' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l wait -d 'How long to keep retrying while IAM propagates a new role, in seconds' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from set-role" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the account\'s logging role and its health'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "set-role" -d 'Point the account at a logging role (checks the role first)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Unset the account\'s logging role'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -f -a "show" -d 'Show execution and access logging of one stage, or of every stage of the API'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -f -a "set" -d 'Change a stage\'s logging settings (one UpdateStage call, only what changes)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and not __fish_seen_subcommand_from show set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l api -d 'API id or name: REST, HTTP or WebSocket (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l api-type -d 'Only APIs of this type (needed when a name is used by APIs of several types)' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l stage -d 'Stage name (repeatable; default: every stage)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l emit -d 'Print the code that gives the stages their current settings in this tool' -r -f -a "terraform\t''
cloudformation\t''
cdk\t''
sam\t''
serverless\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l account -d 'Run in this AWS account (repeatable): through --assume-role, or with your own credentials when it is your own account' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l assume-role -d 'The role to assume in each account, e.g. OrganizationAccountAccessRole' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l external-id -d 'The external id the role\'s trust policy asks for' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l all-apis -d 'Every API in the region (of --api-type, when given)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l all-accounts -d 'Run in every ACTIVE account of your AWS Organization (ListAccounts: call it from the management account or a delegated administrator); your own account only with --include-caller-account'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l include-caller-account -d 'With --all-accounts: also run in your own account, with your own credentials'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l api -d 'API id or name: REST, HTTP or WebSocket (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l api-type -d 'Only APIs of this type (needed when a name is used by APIs of several types)' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l stage -d 'Stage name (repeatable; with several APIs, those without it are skipped)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l level -d 'Execution logging level' -r -f -a "off\t''
error\t''
info\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l data-trace -d 'Log full request and response bodies (may write secrets and personal data to the logs)' -r -f -a "on\t''
off\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l metrics -d 'Detailed CloudWatch metrics' -r -f -a "on\t''
off\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l method -d 'Apply --level/--data-trace/--metrics to this method only, e.g. \'GET /pets/{id}\' (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l clear-method -d 'Remove this method\'s override, e.g. \'GET /pets/{id}\' (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l route -d 'HTTP/WebSocket APIs: apply --level/--data-trace/--metrics to this route only, e.g. \'$connect\' (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l clear-route -d 'HTTP/WebSocket APIs: remove this route\'s override (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l access-log-group -d 'Send access logs to this CloudWatch Logs group (created when missing)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l access-log-destination -d 'Send access logs to this log group ARN or Firehose stream ARN (amazon-apigateway-*)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l access-log-format -d 'Access log format: a preset (clf, json, xml, csv), a format string, or @FILE' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l retention-days -d 'Retention of the access log group, in days (CloudWatch Logs values only)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l execution-log-retention-days -d 'Retention of the execution log group API-Gateway-Execution-Logs_{apiId}/{stage}, in days; the group is created now when missing (`enable`: 30 when the group would never expire)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l kms-key-id -d 'Encrypt the log groups the tool creates with this KMS key (key ARN, same region)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l tag -d 'Tag the log groups the tool creates (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l execution-log-destination -d 'REST APIs: also deliver execution logs, untruncated (events up to 1 MB), through CloudWatch Logs to this log group, S3 bucket or Firehose stream ARN; FORMAT is json (default) or plain, and for S3 also w3c or parquet, for Firehose also raw. Repeatable, one per kind: the list is the stage\'s whole set, deliveries elsewhere are removed. A stage at level OFF is set to ERROR' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l emit -d 'Print the code that gives the stages the planned settings in this tool (log groups with their retention, the account role, method and access log settings); nothing is applied unless --apply is given too' -r -f -a "terraform\t''
cloudformation\t''
cdk\t''
sam\t''
serverless\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l account -d 'Run in this AWS account (repeatable): through --assume-role, or with your own credentials when it is your own account' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l assume-role -d 'The role to assume in each account, e.g. OrganizationAccountAccessRole' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l external-id -d 'The external id the role\'s trust policy asks for' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l all-apis -d 'Every API in the region (of --api-type, when given)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l all-stages -d 'Every stage of each API'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l all-regions -d 'Every region where the account answers API Gateway calls (instead of --region)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l no-access-log -d 'Turn access logging off'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l no-execution-log-delivery -d 'REST APIs: stop delivering execution logs to your own destinations (removes the stage\'s deliveries and its delivery source; the destinations themselves are kept)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l apply -d 'With --emit: apply the plan as well'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l all-accounts -d 'Run in every ACTIVE account of your AWS Organization (ListAccounts: call it from the management account or a delegated administrator); your own account only with --include-caller-account'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l include-caller-account -d 'With --all-accounts: also run in your own account, with your own credentials'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show execution and access logging of one stage, or of every stage of the API'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change a stage\'s logging settings (one UpdateStage call, only what changes)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand stage; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l api -d 'API id or name: REST, HTTP or WebSocket (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l api-type -d 'Only APIs of this type (needed when a name is used by APIs of several types)' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l stage -d 'Stage name (repeatable; with several APIs, those without it are skipped)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l level -d 'Execution logging level' -r -f -a "off\t''
error\t''
info\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l data-trace -d 'Log full request and response bodies (may write secrets and personal data to the logs)' -r -f -a "on\t''
off\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l metrics -d 'Detailed CloudWatch metrics' -r -f -a "on\t''
off\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l method -d 'Apply --level/--data-trace/--metrics to this method only, e.g. \'GET /pets/{id}\' (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l clear-method -d 'Remove this method\'s override, e.g. \'GET /pets/{id}\' (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l route -d 'HTTP/WebSocket APIs: apply --level/--data-trace/--metrics to this route only, e.g. \'$connect\' (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l clear-route -d 'HTTP/WebSocket APIs: remove this route\'s override (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l access-log-group -d 'Send access logs to this CloudWatch Logs group (created when missing)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l access-log-destination -d 'Send access logs to this log group ARN or Firehose stream ARN (amazon-apigateway-*)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l access-log-format -d 'Access log format: a preset (clf, json, xml, csv), a format string, or @FILE' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l retention-days -d 'Retention of the access log group, in days (CloudWatch Logs values only)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l execution-log-retention-days -d 'Retention of the execution log group API-Gateway-Execution-Logs_{apiId}/{stage}, in days; the group is created now when missing (`enable`: 30 when the group would never expire)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l kms-key-id -d 'Encrypt the log groups the tool creates with this KMS key (key ARN, same region)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l tag -d 'Tag the log groups the tool creates (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l execution-log-destination -d 'REST APIs: also deliver execution logs, untruncated (events up to 1 MB), through CloudWatch Logs to this log group, S3 bucket or Firehose stream ARN; FORMAT is json (default) or plain, and for S3 also w3c or parquet, for Firehose also raw. Repeatable, one per kind: the list is the stage\'s whole set, deliveries elsewhere are removed. A stage at level OFF is set to ERROR' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l emit -d 'Print the code that gives the stages the planned settings in this tool (log groups with their retention, the account role, method and access log settings); nothing is applied unless --apply is given too' -r -f -a "terraform\t''
cloudformation\t''
cdk\t''
sam\t''
serverless\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l role-name -d 'Role to create or repair when the account has no healthy role' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l wait -d 'How long to keep retrying while IAM propagates a new role, in seconds' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l account -d 'Run in this AWS account (repeatable): through --assume-role, or with your own credentials when it is your own account' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l assume-role -d 'The role to assume in each account, e.g. OrganizationAccountAccessRole' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l external-id -d 'The external id the role\'s trust policy asks for' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l all-apis -d 'Every API in the region (of --api-type, when given)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l all-stages -d 'Every stage of each API'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l all-regions -d 'Every region where the account answers API Gateway calls (instead of --region)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l no-access-log -d 'Turn access logging off'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l no-execution-log-delivery -d 'REST APIs: stop delivering execution logs to your own destinations (removes the stage\'s deliveries and its delivery source; the destinations themselves are kept)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l apply -d 'With --emit: apply the plan as well'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l hardened-trust -d 'Give a new role an aws:SourceAccount condition in its trust policy. Not confirmed by AWS for this role: API Gateway may not set that key, and UpdateAccount then refuses the role'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l all-accounts -d 'Run in every ACTIVE account of your AWS Organization (ListAccounts: call it from the management account or a delegated administrator); your own account only with --include-caller-account'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l include-caller-account -d 'With --all-accounts: also run in your own account, with your own credentials'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand enable" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l api -d 'API id or name: REST, HTTP or WebSocket (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l api-type -d 'Only APIs of this type (needed when a name is used by APIs of several types)' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l stage -d 'Stage name (repeatable; with several APIs, those without it are skipped)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l account -d 'Run in this AWS account (repeatable): through --assume-role, or with your own credentials when it is your own account' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l assume-role -d 'The role to assume in each account, e.g. OrganizationAccountAccessRole' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l external-id -d 'The external id the role\'s trust policy asks for' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l all-apis -d 'Every API in the region (of --api-type, when given)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l all-stages -d 'Every stage of each API'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l all-regions -d 'Every region where the account answers API Gateway calls (instead of --region)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l execution-only -d 'Only turn execution logging off (and, on REST stages, end execution log delivery)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l access-only -d 'Only turn access logging off'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l delete-log-group -d 'Also delete the log groups of the logging turned off: access, execution (asks for confirmation)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l all-accounts -d 'Run in every ACTIVE account of your AWS Organization (ListAccounts: call it from the management account or a delegated administrator); your own account only with --include-caller-account'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l include-caller-account -d 'With --all-accounts: also run in your own account, with your own credentials'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand disable" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l api -d 'API id or name: REST, HTTP or WebSocket (answers the API question)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l api-type -d 'The API\'s type, when its name is used by APIs of several types' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l stage -d 'Stage name (repeatable; answers the stage question)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l level -d 'Execution logging level' -r -f -a "off\t''
error\t''
info\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l data-trace -d 'Log full request and response bodies (may write secrets and personal data to the logs)' -r -f -a "on\t''
off\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l metrics -d 'Detailed CloudWatch metrics' -r -f -a "on\t''
off\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l method -d 'Apply --level/--data-trace/--metrics to this method only, e.g. \'GET /pets/{id}\' (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l clear-method -d 'Remove this method\'s override, e.g. \'GET /pets/{id}\' (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l route -d 'HTTP/WebSocket APIs: apply --level/--data-trace/--metrics to this route only, e.g. \'$connect\' (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l clear-route -d 'HTTP/WebSocket APIs: remove this route\'s override (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l access-log-group -d 'Send access logs to this CloudWatch Logs group (created when missing)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l access-log-destination -d 'Send access logs to this log group ARN or Firehose stream ARN (amazon-apigateway-*)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l access-log-format -d 'Access log format: a preset (clf, json, xml, csv), a format string, or @FILE' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l retention-days -d 'Retention of the access log group, in days (CloudWatch Logs values only)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l execution-log-retention-days -d 'Retention of the execution log group API-Gateway-Execution-Logs_{apiId}/{stage}, in days; the group is created now when missing (`enable`: 30 when the group would never expire)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l kms-key-id -d 'Encrypt the log groups the tool creates with this KMS key (key ARN, same region)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l tag -d 'Tag the log groups the tool creates (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l execution-log-destination -d 'REST APIs: also deliver execution logs, untruncated (events up to 1 MB), through CloudWatch Logs to this log group, S3 bucket or Firehose stream ARN; FORMAT is json (default) or plain, and for S3 also w3c or parquet, for Firehose also raw. Repeatable, one per kind: the list is the stage\'s whole set, deliveries elsewhere are removed. A stage at level OFF is set to ERROR' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l emit -d 'Print the code that gives the stages the planned settings in this tool (log groups with their retention, the account role, method and access log settings); nothing is applied unless --apply is given too' -r -f -a "terraform\t''
cloudformation\t''
cdk\t''
sam\t''
serverless\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l wait -d 'How long to keep retrying while IAM propagates a new role, in seconds' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l no-access-log -d 'Turn access logging off'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l no-execution-log-delivery -d 'REST APIs: stop delivering execution logs to your own destinations (removes the stage\'s deliveries and its delivery source; the destinations themselves are kept)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l apply -d 'With --emit: apply the plan as well'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand setup" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l api -d 'API id or name: REST, HTTP or WebSocket' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l api-type -d 'The API\'s type, when its name is used by APIs of several types' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l stage -d 'Stage name' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l since -d 'Start this long ago (30s, 10m, 1h, 2d) or at this time (RFC 3339)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l filter -d 'CloudWatch Logs filter pattern, e.g. \'ERROR\' or \'{ $.status = "500" }\'' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l where -d 'Only JSON access-log lines whose FIELD equals VALUE (`*` wildcard; repeatable, all must match)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l access -d 'Read the access logs, from the stage\'s destination (the default)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l execution -d 'Read the execution logs (API-Gateway-Execution-Logs_{apiId}/{stage})'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -s f -l follow -d 'Keep printing new events until Ctrl-C'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l utc -d 'Print times in UTC instead of local time'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand tail" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l api -d 'API id or name: REST, HTTP or WebSocket' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l api-type -d 'The API\'s type, when its name is used by APIs of several types' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l stage -d 'Stage name' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l since -d 'How far back the request may be: a duration (30m, 24h, 7d) or a time (RFC 3339)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l utc -d 'Print times in UTC instead of local time'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand trace" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l api -d 'API id or name (REST, HTTP or WebSocket): its stage\'s access logs are read, or with --file its format' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l api-type -d 'The API\'s type, when its name is used by APIs of several types (with --format alone: whose presets the name means)' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l stage -d 'Stage name' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l since -d 'The window: from this long ago (30m, 1h, 2d) or this time (RFC 3339) until now' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l file -d 'Read access log lines from this file (\'-\': standard input) instead of CloudWatch Logs: a Firehose delivery, an S3 export' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l format -d 'The format the lines were written in: a preset (clf, json, xml, csv), the format, or @FILE (default: the stage\'s)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l insights-query -d 'Print the CloudWatch Logs Insights queries that compute these figures server-side (for windows too large to download) instead of reading logs'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand summary" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l api -d 'API id or name: REST, HTTP or WebSocket' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l api-type -d 'The API\'s type, when its name is used by APIs of several types' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l stage -d 'Stage name' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l for -d 'How long the session lasts: 1m to 12h (90s, 15m, 2h, 1h30m)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l method -d 'REST API: only this method (\'GET /pets/{id}\'; repeatable), instead of the whole stage' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l route -d 'WebSocket API: only this route (\'$connect\'; repeatable), instead of the whole stage' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l data-trace -d 'Log full request and response bodies too (may write secrets and personal data to the logs; asks first, or --yes)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l detach -d 'Make the change and exit; the schedule puts the stage back when the time is up'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l utc -d 'Print times in UTC instead of local time'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -f -a "list" -d 'The debug sessions still open in the region (from their schedules)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -f -a "end" -d 'Put a stage\'s debug session back now and delete its schedule'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and not __fish_seen_subcommand_from list end help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l api -d 'API id or name: REST, HTTP or WebSocket' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l api-type -d 'The API\'s type, when its name is used by APIs of several types' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l stage -d 'Stage name' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from end" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from help" -f -a "list" -d 'The debug sessions still open in the region (from their schedules)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from help" -f -a "end" -d 'Put a stage\'s debug session back now and delete its schedule'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand debug; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l api -d 'API id or name to check (repeatable; default: every API in the region)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l api-type -d 'Only APIs of this type' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l stage -d 'Only check stages with this name (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l min-retention-days -d 'The least retention CloudWatch.16 should accept, in days (the control\'s default: 365); a log group kept for less is flagged, and --fix raises it' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l wait -d 'How long to keep retrying while IAM propagates a new role, in seconds' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l account -d 'Run in this AWS account (repeatable): through --assume-role, or with your own credentials when it is your own account' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l assume-role -d 'The role to assume in each account, e.g. OrganizationAccountAccessRole' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l external-id -d 'The external id the role\'s trust policy asks for' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l all-apis -d 'Check every API in the region (the default when no --api is given)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l all-stages -d 'Check every stage of each API (the default when no --stage is given)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l strict -d 'Exit 5 on warnings too'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l fix -d 'Repair every finding that has a safe automatic fix, in one plan (confirm, or --yes)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l controls -d 'Also count passes and failures per AWS Security Hub control (APIGateway.1, APIGateway.9, CloudWatch.16) and flag log groups kept for less than --min-retention-days'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l all-accounts -d 'Run in every ACTIVE account of your AWS Organization (ListAccounts: call it from the management account or a delegated administrator); your own account only with --include-caller-account'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l include-caller-account -d 'With --all-accounts: also run in your own account, with your own credentials'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand status" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -s f -l file -d 'The file: defaults and [[stage]] entries (schema in docs/guide/apply.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l emit -d 'Print the code that gives the stages the planned settings in this tool (log groups with their retention, the account role, method and access log settings); nothing is applied unless --apply is given too' -r -f -a "terraform\t''
cloudformation\t''
cdk\t''
sam\t''
serverless\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l wait -d 'How long to keep retrying while IAM propagates a new role, in seconds' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l account -d 'Run in this AWS account (repeatable): through --assume-role, or with your own credentials when it is your own account' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l assume-role -d 'The role to assume in each account, e.g. OrganizationAccountAccessRole' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l external-id -d 'The external id the role\'s trust policy asks for' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l check -d 'Change nothing; exit 0 when the stages match the file, 4 when changes are pending'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l apply -d 'With --emit: apply the plan as well'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l all-accounts -d 'Run in every ACTIVE account of your AWS Organization (ListAccounts: call it from the management account or a delegated administrator); your own account only with --include-caller-account'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l include-caller-account -d 'With --all-accounts: also run in your own account, with your own credentials'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand apply" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l api -d 'API id or name: REST, HTTP or WebSocket (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l api-type -d 'Only APIs of this type (needed when a name is used by APIs of several types)' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l stage -d 'Stage name (repeatable; with several APIs, those without it are skipped)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l level -d 'Execution logging level' -r -f -a "off\t''
error\t''
info\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l data-trace -d 'Log full request and response bodies (may write secrets and personal data to the logs)' -r -f -a "on\t''
off\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l metrics -d 'Detailed CloudWatch metrics' -r -f -a "on\t''
off\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l method -d 'Apply --level/--data-trace/--metrics to this method only, e.g. \'GET /pets/{id}\' (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l clear-method -d 'Remove this method\'s override, e.g. \'GET /pets/{id}\' (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l route -d 'HTTP/WebSocket APIs: apply --level/--data-trace/--metrics to this route only, e.g. \'$connect\' (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l clear-route -d 'HTTP/WebSocket APIs: remove this route\'s override (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l access-log-group -d 'Send access logs to this CloudWatch Logs group (created when missing)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l access-log-destination -d 'Send access logs to this log group ARN or Firehose stream ARN (amazon-apigateway-*)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l access-log-format -d 'Access log format: a preset (clf, json, xml, csv), a format string, or @FILE' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l retention-days -d 'Retention of the access log group, in days (CloudWatch Logs values only)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l execution-log-retention-days -d 'Retention of the execution log group API-Gateway-Execution-Logs_{apiId}/{stage}, in days; the group is created now when missing (`enable`: 30 when the group would never expire)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l kms-key-id -d 'Encrypt the log groups the tool creates with this KMS key (key ARN, same region)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l tag -d 'Tag the log groups the tool creates (repeatable)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l execution-log-destination -d 'REST APIs: also deliver execution logs, untruncated (events up to 1 MB), through CloudWatch Logs to this log group, S3 bucket or Firehose stream ARN; FORMAT is json (default) or plain, and for S3 also w3c or parquet, for Firehose also raw. Repeatable, one per kind: the list is the stage\'s whole set, deliveries elsewhere are removed. A stage at level OFF is set to ERROR' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l all-apis -d 'Every API in the region (of --api-type, when given)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l all-stages -d 'Every stage of each API'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l all-regions -d 'Every region where the account answers API Gateway calls (instead of --region)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l no-access-log -d 'Turn access logging off'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l no-execution-log-delivery -d 'REST APIs: stop delivering execution logs to your own destinations (removes the stage\'s deliveries and its delivery source; the destinations themselves are kept)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand cost" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -f -a "list" -d 'List the presets'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -f -a "show" -d 'Print one preset\'s format'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -f -a "check" -d 'Lint an access log format (exit 2 when it has errors)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and not __fish_seen_subcommand_from list show check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l api-type -d 'API type: REST, HTTP or WebSocket (v2 APIs reject variables they do not know)' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l api-type -d 'API type: REST, HTTP or WebSocket (v2 APIs reject variables they do not know)' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l api-type -d 'API type: REST, HTTP or WebSocket (v2 APIs reject variables they do not know)' -r -f -a "rest\t''
http\t''
websocket\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the presets'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print one preset\'s format'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from help" -f -a "check" -d 'Lint an access log format (exit 2 when it has errors)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand formats; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -l profile -d 'AWS profile to use (default: the standard AWS configuration chain)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -l region -d 'AWS region (default: AWS_REGION, then the profile\'s region); repeatable for status, apply, enable, disable and stage set' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -l endpoint-url -d 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -l output -d 'Result format on stdout' -r -f -a "text\t''
json\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR is respected)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -l timeout -d 'Give up on the whole command after this many seconds [default: 600] (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C; a `debug` session runs until its --for is up, or until a --timeout given here, then puts the stage back)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -l concurrency -d 'How many targets (stages) are read and changed at once' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -l quota-scale -d 'Your account\'s control-plane quotas as a multiple of AWS\'s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -l traffic-days -d 'Days of CloudWatch traffic metrics a cost estimate averages (1 to 90)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -l prices -d 'CloudWatch Logs prices (TOML) for cost estimates, instead of the built-in us-east-1 table (other regions, negotiated rates; keys in docs/guide/cost.md)' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -l terraform-state -d 'A Terraform state (`terraform show -json > state.json`): plans and status say which stages it manages and what its next apply does to a change' -r -F
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -l call-timeout -d 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)' -r
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -l dry-run -d 'Print the plan and stop: no write call is made'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations (required for confirmed changes when not interactive)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -l no-input -d 'Never prompt; fail instead, naming the flag that answers the question'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv, -vvv)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand completions" -s h -l help -d 'Print help'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "role" -d 'The IAM role API Gateway assumes to write logs'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "account" -d 'The region\'s API Gateway account setting (cloudwatchRoleArn), shared by every API in it'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "stage" -d 'Show or change a stage\'s logging settings (REST, HTTP or WebSocket API)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "enable" -d 'Turn on logging for a stage: role, account setting, log group and stage, in one go'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "disable" -d 'Turn off logging for a stage (never deletes roles; log groups only when asked)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "setup" -d 'Interactive setup wizard: role, API, stages, execution and access logging; prints the equivalent command'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "tail" -d 'Print a stage\'s access or execution log events, optionally following new ones'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "trace" -d 'One request\'s access log line, execution log lines and integration (Lambda) logs, as one timeline'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "summary" -d 'Figures of a window of a stage\'s access logs, or of an access log file: requests, status classes, latency percentiles, routes with most errors, the slowest routes, top callers'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "debug" -d 'Full logging on one stage for a while, followed live, then put back exactly as it was (an EventBridge Scheduler schedule puts it back if this process cannot)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "status" -d 'Diagnose the logging chain of a region\'s APIs and stages; exit 5 when something is broken'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "apply" -d 'Bring every stage a TOML file names to its declared logging settings (one plan)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "cost" -d 'What the stages\' logging costs a month, from their CloudWatch traffic; with logging flags, what that change would cost (nothing is applied)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "formats" -d 'Access-log format presets and linter'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and not __fish_seen_subcommand_from role account stage enable disable setup tail trace summary debug status apply cost formats completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "create" -d 'Create (or repair) the logging role: trusted by API Gateway, with the managed policy'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "show" -d 'Show the account\'s logging role and its health'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "set-role" -d 'Point the account at a logging role (checks the role first)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "reset" -d 'Unset the account\'s logging role'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and __fish_seen_subcommand_from stage" -f -a "show" -d 'Show execution and access logging of one stage, or of every stage of the API'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and __fish_seen_subcommand_from stage" -f -a "set" -d 'Change a stage\'s logging settings (one UpdateStage call, only what changes)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and __fish_seen_subcommand_from debug" -f -a "list" -d 'The debug sessions still open in the region (from their schedules)'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and __fish_seen_subcommand_from debug" -f -a "end" -d 'Put a stage\'s debug session back now and delete its schedule'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and __fish_seen_subcommand_from formats" -f -a "list" -d 'List the presets'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and __fish_seen_subcommand_from formats" -f -a "show" -d 'Print one preset\'s format'
complete -c apigw-logs -n "__fish_apigw_logs_using_subcommand help; and __fish_seen_subcommand_from formats" -f -a "check" -d 'Lint an access log format (exit 2 when it has errors)'
