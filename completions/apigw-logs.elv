
use builtin;
use str;

set edit:completion:arg-completer[apigw-logs] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'apigw-logs'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'apigw-logs'= {
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand role 'The IAM role API Gateway assumes to write logs'
            cand account 'The region''s API Gateway account setting (cloudwatchRoleArn), shared by every API in it'
            cand stage 'Show or change a stage''s logging settings (REST, HTTP or WebSocket API)'
            cand enable 'Turn on logging for a stage: role, account setting, log group and stage, in one go'
            cand disable 'Turn off logging for a stage (never deletes roles; log groups only when asked)'
            cand setup 'Interactive setup wizard: role, API, stages, execution and access logging; prints the equivalent command'
            cand tail 'Print a stage''s access or execution log events, optionally following new ones'
            cand status 'Diagnose the logging chain of a region''s APIs and stages; exit 5 when something is broken'
            cand apply 'Bring every stage a TOML file names to its declared logging settings (one plan)'
            cand formats 'Access-log format presets and linter'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw-logs;role'= {
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create (or repair) the logging role: trusted by API Gateway, with the managed policy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw-logs;role;create'= {
            cand --role-name 'Name of the role'
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --hardened-trust 'Give a new role an aws:SourceAccount condition in its trust policy. Not confirmed by AWS for this role: API Gateway may not set that key, and UpdateAccount then refuses the role'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;role;help'= {
            cand create 'Create (or repair) the logging role: trusted by API Gateway, with the managed policy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw-logs;role;help;create'= {
        }
        &'apigw-logs;role;help;help'= {
        }
        &'apigw-logs;account'= {
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'Show the account''s logging role and its health'
            cand set-role 'Point the account at a logging role (checks the role first)'
            cand reset 'Unset the account''s logging role'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw-logs;account;show'= {
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;account;set-role'= {
            cand --role-arn 'ARN of the role'
            cand --role-name 'Name of a role in this account'
            cand --wait 'How long to keep retrying while IAM propagates a new role, in seconds'
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;account;reset'= {
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;account;help'= {
            cand show 'Show the account''s logging role and its health'
            cand set-role 'Point the account at a logging role (checks the role first)'
            cand reset 'Unset the account''s logging role'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw-logs;account;help;show'= {
        }
        &'apigw-logs;account;help;set-role'= {
        }
        &'apigw-logs;account;help;reset'= {
        }
        &'apigw-logs;account;help;help'= {
        }
        &'apigw-logs;stage'= {
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'Show execution and access logging of one stage, or of every stage of the API'
            cand set 'Change a stage''s logging settings (one UpdateStage call, only what changes)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw-logs;stage;show'= {
            cand --api 'API id or name: REST, HTTP or WebSocket (repeatable)'
            cand --api-type 'Only APIs of this type (needed when a name is used by APIs of several types)'
            cand --stage 'Stage name (repeatable; default: every stage)'
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --all-apis 'Every API in the region (of --api-type, when given)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;stage;set'= {
            cand --api 'API id or name: REST, HTTP or WebSocket (repeatable)'
            cand --api-type 'Only APIs of this type (needed when a name is used by APIs of several types)'
            cand --stage 'Stage name (repeatable; with several APIs, those without it are skipped)'
            cand --level 'Execution logging level'
            cand --data-trace 'Log full request and response bodies (may write secrets and personal data to the logs)'
            cand --metrics 'Detailed CloudWatch metrics'
            cand --method 'Apply --level/--data-trace/--metrics to this method only, e.g. ''GET /pets/{id}'' (repeatable)'
            cand --clear-method 'Remove this method''s override, e.g. ''GET /pets/{id}'' (repeatable)'
            cand --route 'HTTP/WebSocket APIs: apply --level/--data-trace/--metrics to this route only, e.g. ''$connect'' (repeatable)'
            cand --clear-route 'HTTP/WebSocket APIs: remove this route''s override (repeatable)'
            cand --access-log-group 'Send access logs to this CloudWatch Logs group (created when missing)'
            cand --access-log-destination 'Send access logs to this log group ARN or Firehose stream ARN (amazon-apigateway-*)'
            cand --access-log-format 'Access log format: a preset (clf, json, xml, csv), a format string, or @FILE'
            cand --retention-days 'Retention of the access log group, in days (CloudWatch Logs values only)'
            cand --execution-log-retention-days 'Retention of the execution log group API-Gateway-Execution-Logs_{apiId}/{stage}, in days; the group is created now when missing (`enable`: 30 when the group would never expire)'
            cand --kms-key-id 'Encrypt the log groups the tool creates with this KMS key (key ARN, same region)'
            cand --tag 'Tag the log groups the tool creates (repeatable)'
            cand --execution-log-destination 'REST APIs: also deliver execution logs, untruncated (events up to 1 MB), through CloudWatch Logs to this log group, S3 bucket or Firehose stream ARN; FORMAT is json (default) or plain, and for S3 also w3c or parquet, for Firehose also raw. Repeatable, one per kind: the list is the stage''s whole set, deliveries elsewhere are removed. A stage at level OFF is set to ERROR'
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --all-apis 'Every API in the region (of --api-type, when given)'
            cand --all-stages 'Every stage of each API'
            cand --all-regions 'Every region where the account answers API Gateway calls (instead of --region)'
            cand --no-access-log 'Turn access logging off'
            cand --no-execution-log-delivery 'REST APIs: stop delivering execution logs to your own destinations (removes the stage''s deliveries and its delivery source; the destinations themselves are kept)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;stage;help'= {
            cand show 'Show execution and access logging of one stage, or of every stage of the API'
            cand set 'Change a stage''s logging settings (one UpdateStage call, only what changes)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw-logs;stage;help;show'= {
        }
        &'apigw-logs;stage;help;set'= {
        }
        &'apigw-logs;stage;help;help'= {
        }
        &'apigw-logs;enable'= {
            cand --api 'API id or name: REST, HTTP or WebSocket (repeatable)'
            cand --api-type 'Only APIs of this type (needed when a name is used by APIs of several types)'
            cand --stage 'Stage name (repeatable; with several APIs, those without it are skipped)'
            cand --level 'Execution logging level'
            cand --data-trace 'Log full request and response bodies (may write secrets and personal data to the logs)'
            cand --metrics 'Detailed CloudWatch metrics'
            cand --method 'Apply --level/--data-trace/--metrics to this method only, e.g. ''GET /pets/{id}'' (repeatable)'
            cand --clear-method 'Remove this method''s override, e.g. ''GET /pets/{id}'' (repeatable)'
            cand --route 'HTTP/WebSocket APIs: apply --level/--data-trace/--metrics to this route only, e.g. ''$connect'' (repeatable)'
            cand --clear-route 'HTTP/WebSocket APIs: remove this route''s override (repeatable)'
            cand --access-log-group 'Send access logs to this CloudWatch Logs group (created when missing)'
            cand --access-log-destination 'Send access logs to this log group ARN or Firehose stream ARN (amazon-apigateway-*)'
            cand --access-log-format 'Access log format: a preset (clf, json, xml, csv), a format string, or @FILE'
            cand --retention-days 'Retention of the access log group, in days (CloudWatch Logs values only)'
            cand --execution-log-retention-days 'Retention of the execution log group API-Gateway-Execution-Logs_{apiId}/{stage}, in days; the group is created now when missing (`enable`: 30 when the group would never expire)'
            cand --kms-key-id 'Encrypt the log groups the tool creates with this KMS key (key ARN, same region)'
            cand --tag 'Tag the log groups the tool creates (repeatable)'
            cand --execution-log-destination 'REST APIs: also deliver execution logs, untruncated (events up to 1 MB), through CloudWatch Logs to this log group, S3 bucket or Firehose stream ARN; FORMAT is json (default) or plain, and for S3 also w3c or parquet, for Firehose also raw. Repeatable, one per kind: the list is the stage''s whole set, deliveries elsewhere are removed. A stage at level OFF is set to ERROR'
            cand --role-name 'Role to create or repair when the account has no healthy role'
            cand --wait 'How long to keep retrying while IAM propagates a new role, in seconds'
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --all-apis 'Every API in the region (of --api-type, when given)'
            cand --all-stages 'Every stage of each API'
            cand --all-regions 'Every region where the account answers API Gateway calls (instead of --region)'
            cand --no-access-log 'Turn access logging off'
            cand --no-execution-log-delivery 'REST APIs: stop delivering execution logs to your own destinations (removes the stage''s deliveries and its delivery source; the destinations themselves are kept)'
            cand --hardened-trust 'Give a new role an aws:SourceAccount condition in its trust policy. Not confirmed by AWS for this role: API Gateway may not set that key, and UpdateAccount then refuses the role'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;disable'= {
            cand --api 'API id or name: REST, HTTP or WebSocket (repeatable)'
            cand --api-type 'Only APIs of this type (needed when a name is used by APIs of several types)'
            cand --stage 'Stage name (repeatable; with several APIs, those without it are skipped)'
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --all-apis 'Every API in the region (of --api-type, when given)'
            cand --all-stages 'Every stage of each API'
            cand --all-regions 'Every region where the account answers API Gateway calls (instead of --region)'
            cand --execution-only 'Only turn execution logging off (and, on REST stages, end execution log delivery)'
            cand --access-only 'Only turn access logging off'
            cand --delete-log-group 'Also delete the log groups of the logging turned off: access, execution (asks for confirmation)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;setup'= {
            cand --api 'API id or name: REST, HTTP or WebSocket (answers the API question)'
            cand --api-type 'The API''s type, when its name is used by APIs of several types'
            cand --stage 'Stage name (repeatable; answers the stage question)'
            cand --level 'Execution logging level'
            cand --data-trace 'Log full request and response bodies (may write secrets and personal data to the logs)'
            cand --metrics 'Detailed CloudWatch metrics'
            cand --method 'Apply --level/--data-trace/--metrics to this method only, e.g. ''GET /pets/{id}'' (repeatable)'
            cand --clear-method 'Remove this method''s override, e.g. ''GET /pets/{id}'' (repeatable)'
            cand --route 'HTTP/WebSocket APIs: apply --level/--data-trace/--metrics to this route only, e.g. ''$connect'' (repeatable)'
            cand --clear-route 'HTTP/WebSocket APIs: remove this route''s override (repeatable)'
            cand --access-log-group 'Send access logs to this CloudWatch Logs group (created when missing)'
            cand --access-log-destination 'Send access logs to this log group ARN or Firehose stream ARN (amazon-apigateway-*)'
            cand --access-log-format 'Access log format: a preset (clf, json, xml, csv), a format string, or @FILE'
            cand --retention-days 'Retention of the access log group, in days (CloudWatch Logs values only)'
            cand --execution-log-retention-days 'Retention of the execution log group API-Gateway-Execution-Logs_{apiId}/{stage}, in days; the group is created now when missing (`enable`: 30 when the group would never expire)'
            cand --kms-key-id 'Encrypt the log groups the tool creates with this KMS key (key ARN, same region)'
            cand --tag 'Tag the log groups the tool creates (repeatable)'
            cand --execution-log-destination 'REST APIs: also deliver execution logs, untruncated (events up to 1 MB), through CloudWatch Logs to this log group, S3 bucket or Firehose stream ARN; FORMAT is json (default) or plain, and for S3 also w3c or parquet, for Firehose also raw. Repeatable, one per kind: the list is the stage''s whole set, deliveries elsewhere are removed. A stage at level OFF is set to ERROR'
            cand --wait 'How long to keep retrying while IAM propagates a new role, in seconds'
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --no-access-log 'Turn access logging off'
            cand --no-execution-log-delivery 'REST APIs: stop delivering execution logs to your own destinations (removes the stage''s deliveries and its delivery source; the destinations themselves are kept)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;tail'= {
            cand --api 'API id or name: REST, HTTP or WebSocket'
            cand --api-type 'The API''s type, when its name is used by APIs of several types'
            cand --stage 'Stage name'
            cand --since 'Start this long ago (30s, 10m, 1h, 2d) or at this time (RFC 3339)'
            cand --filter 'CloudWatch Logs filter pattern, e.g. ''ERROR'' or ''{ $.status = "500" }'''
            cand --where 'Only JSON access-log lines whose FIELD equals VALUE (`*` wildcard; repeatable, all must match)'
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --access 'Read the access logs, from the stage''s destination (the default)'
            cand --execution 'Read the execution logs (API-Gateway-Execution-Logs_{apiId}/{stage})'
            cand -f 'Keep printing new events until Ctrl-C'
            cand --follow 'Keep printing new events until Ctrl-C'
            cand --utc 'Print times in UTC instead of local time'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;status'= {
            cand --api 'API id or name to check (repeatable; default: every API in the region)'
            cand --api-type 'Only APIs of this type'
            cand --stage 'Only check stages with this name (repeatable)'
            cand --wait 'How long to keep retrying while IAM propagates a new role, in seconds'
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --all-apis 'Check every API in the region (the default when no --api is given)'
            cand --strict 'Exit 5 on warnings too'
            cand --fix 'Repair every finding that has a safe automatic fix, in one plan (confirm, or --yes)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;apply'= {
            cand -f 'The file: defaults and [[stage]] entries (schema in the README)'
            cand --file 'The file: defaults and [[stage]] entries (schema in the README)'
            cand --wait 'How long to keep retrying while IAM propagates a new role, in seconds'
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --check 'Change nothing; exit 0 when the stages match the file, 4 when changes are pending'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;formats'= {
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List the presets'
            cand show 'Print one preset''s format'
            cand check 'Lint an access log format (exit 2 when it has errors)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw-logs;formats;list'= {
            cand --api-type 'API type: REST, HTTP or WebSocket (v2 APIs reject variables they do not know)'
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;formats;show'= {
            cand --api-type 'API type: REST, HTTP or WebSocket (v2 APIs reject variables they do not know)'
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;formats;check'= {
            cand --api-type 'API type: REST, HTTP or WebSocket (v2 APIs reject variables they do not know)'
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;formats;help'= {
            cand list 'List the presets'
            cand show 'Print one preset''s format'
            cand check 'Lint an access log format (exit 2 when it has errors)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw-logs;formats;help;list'= {
        }
        &'apigw-logs;formats;help;show'= {
        }
        &'apigw-logs;formats;help;check'= {
        }
        &'apigw-logs;formats;help;help'= {
        }
        &'apigw-logs;completions'= {
            cand --profile 'AWS profile to use (default: the standard AWS configuration chain)'
            cand --region 'AWS region (default: AWS_REGION, then the profile''s region); repeatable for status, apply, enable, disable and stage set'
            cand --endpoint-url 'Send AWS calls to this endpoint, e.g. a local emulator (AWS_ENDPOINT_URL is honoured too)'
            cand --output 'Result format on stdout'
            cand --color 'When to use colour (NO_COLOR is respected)'
            cand --timeout 'Give up on the whole command after this many seconds (a plan being applied reports what was applied; `tail --follow` runs until Ctrl-C)'
            cand --concurrency 'How many targets (stages) are read and changed at once'
            cand --quota-scale 'Your account''s control-plane quotas as a multiple of AWS''s defaults (e.g. 2 after a quota increase, 0.5 to leave half to other tools); calls are paced to stay under them'
            cand --call-timeout 'Timeout for each AWS call attempt, in seconds (the SDK makes up to 8 attempts)'
            cand --dry-run 'Print the plan and stop: no write call is made'
            cand -y 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --yes 'Answer yes to confirmations (required for confirmed changes when not interactive)'
            cand --no-input 'Never prompt; fail instead, naming the flag that answers the question'
            cand -v 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand --verbose 'More diagnostics on stderr (-v, -vv, -vvv)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw-logs;help'= {
            cand role 'The IAM role API Gateway assumes to write logs'
            cand account 'The region''s API Gateway account setting (cloudwatchRoleArn), shared by every API in it'
            cand stage 'Show or change a stage''s logging settings (REST, HTTP or WebSocket API)'
            cand enable 'Turn on logging for a stage: role, account setting, log group and stage, in one go'
            cand disable 'Turn off logging for a stage (never deletes roles; log groups only when asked)'
            cand setup 'Interactive setup wizard: role, API, stages, execution and access logging; prints the equivalent command'
            cand tail 'Print a stage''s access or execution log events, optionally following new ones'
            cand status 'Diagnose the logging chain of a region''s APIs and stages; exit 5 when something is broken'
            cand apply 'Bring every stage a TOML file names to its declared logging settings (one plan)'
            cand formats 'Access-log format presets and linter'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw-logs;help;role'= {
            cand create 'Create (or repair) the logging role: trusted by API Gateway, with the managed policy'
        }
        &'apigw-logs;help;role;create'= {
        }
        &'apigw-logs;help;account'= {
            cand show 'Show the account''s logging role and its health'
            cand set-role 'Point the account at a logging role (checks the role first)'
            cand reset 'Unset the account''s logging role'
        }
        &'apigw-logs;help;account;show'= {
        }
        &'apigw-logs;help;account;set-role'= {
        }
        &'apigw-logs;help;account;reset'= {
        }
        &'apigw-logs;help;stage'= {
            cand show 'Show execution and access logging of one stage, or of every stage of the API'
            cand set 'Change a stage''s logging settings (one UpdateStage call, only what changes)'
        }
        &'apigw-logs;help;stage;show'= {
        }
        &'apigw-logs;help;stage;set'= {
        }
        &'apigw-logs;help;enable'= {
        }
        &'apigw-logs;help;disable'= {
        }
        &'apigw-logs;help;setup'= {
        }
        &'apigw-logs;help;tail'= {
        }
        &'apigw-logs;help;status'= {
        }
        &'apigw-logs;help;apply'= {
        }
        &'apigw-logs;help;formats'= {
            cand list 'List the presets'
            cand show 'Print one preset''s format'
            cand check 'Lint an access log format (exit 2 when it has errors)'
        }
        &'apigw-logs;help;formats;list'= {
        }
        &'apigw-logs;help;formats;show'= {
        }
        &'apigw-logs;help;formats;check'= {
        }
        &'apigw-logs;help;completions'= {
        }
        &'apigw-logs;help;help'= {
        }
    ]
    $completions[$command]
}
