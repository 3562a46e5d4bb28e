using System.CommandLine;
using System.Globalization;
using Monitor.Cli.Output;
using Monitor.Cli.Replay;
using Monitor.Detection;
using Monitor.Detection.Credentials;
using Monitor.Detection.PublicBuckets;
using Monitor.Detection.Roles;
using Monitor.Detection.Tampering;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor replay &lt;path&gt;...</c>: feed local files through the pipeline with an embedded store.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Files or folders (recursive), replayed oldest first: Lambda SQS events, CloudTrail logs (.json, .json.gz), single records, EventBridge events, S3/SNS notifications, IAM credential report CSVs.",
        };
        var objects = new Option<string>("--objects") { Description = "Folder that s3://bucket/key references resolve under (DIR/bucket/key).", DefaultValueFactory = _ => Path.Combine("events", "objects") };
        var state = new Option<string>("--state") { Description = "SQLite state file, or :memory: for a throwaway store.", DefaultValueFactory = _ => Path.Combine(".monitor", "state.db") };
        var format = new Option<OutputFormat>("--format") { Description = "Output: table (for people), jsonl (one finding per line) or json.", DefaultValueFactory = _ => OutputFormat.Table };
        var asOf = new Option<string?>("--as-of") { Description = "Audit time (ISO 8601). Default: each account as of its own latest record." };
        var unusedAfter = new Option<int>("--unused-after") { Description = "Days after which an idle credential is unused.", DefaultValueFactory = _ => 90 };
        var rootWindow = new Option<int>("--root-window") { Description = "Days before the audit in which root use that only a credential report shows is reported.", DefaultValueFactory = _ => 90 };
        var learning = new Option<int>("--learning-period") { Description = "Days of an account's history during which novelty is learned, not reported.", DefaultValueFactory = _ => 14 };
        var trusted = ListOption("--trusted-accounts", "Account ids (comma-separated) whose principals may assume roles here without being external.");
        var allowCallers = ListOption("--allow-callers", "Role-assumption callers never reported (ARN or caller key; a trailing * matches a prefix).");
        var allowRoles = ListOption("--allow-roles", "Roles whose assumptions and sessions (and workload sessions) are never reported (ARN; a trailing * matches a prefix).");
        var allowNetworks = ListOption("--allow-networks", "Networks (CIDR) counted as known for every role and session, and never off-platform for a workload: on-premises egress, VPN, Outposts.");
        var allowPrincipals = ListOption("--allow-principals", "Principals whose logging, trust and credential changes are never reported: break-glass users, the IaC role (ARN; a trailing * matches a prefix).");
        var publicBuckets = ListOption("--public-buckets", "Buckets meant to be public (a trailing * matches a prefix): anonymous access to them is not reported.");

        var command = new Command("replay", "Replay sample or real log files through the pipeline and print the findings.");
        command.Arguments.Add(paths);
        foreach (var option in new Option[] { objects, state, format, asOf, unusedAfter, rootWindow, learning, trusted, allowCallers, allowRoles, allowNetworks, allowPrincipals, publicBuckets })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!TryParseTime(parse.GetValue(asOf), out var asOfTime))
            {
                await Console.Error.WriteLineAsync($"error: --as-of: '{parse.GetValue(asOf)}' is not an ISO 8601 time").ConfigureAwait(false);
                return 2;
            }

            var accounts = Split(parse.GetValue(trusted));
            var networks = Split(parse.GetValue(allowNetworks));
            if (RoleOptionsError(accounts, networks) is { } error)
            {
                await Console.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
                return 2;
            }

            var options = new DetectionOptions
            {
                Credentials = new CredentialOptions { UnusedAfter = TimeSpan.FromDays(parse.GetValue(unusedAfter)), RootWindow = TimeSpan.FromDays(parse.GetValue(rootWindow)) },
                Roles = new RoleOptions
                {
                    LearningPeriod = TimeSpan.FromDays(parse.GetValue(learning)),
                    TrustedAccounts = accounts.ToHashSet(StringComparer.Ordinal),
                    AllowList = new RoleAllowList { Callers = Split(parse.GetValue(allowCallers)), Roles = Split(parse.GetValue(allowRoles)), Networks = networks },
                },
                PublicBuckets = new PublicBucketOptions { PublicBuckets = new PublicBucketList(Split(parse.GetValue(publicBuckets))) },
                Tampering = new TamperingOptions { TrustedAccounts = accounts.ToHashSet(StringComparer.Ordinal), AllowedPrincipals = Split(parse.GetValue(allowPrincipals)) },
            };
            var settings = new ReplaySettings(parse.GetValue(paths)!, parse.GetValue(objects)!, parse.GetValue(state)!, parse.GetValue(format), asOfTime, options);
            return await ReplayRun.ExecuteAsync(settings, Console.Out, Console.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Option<string[]> ListOption(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [] };

    /// <summary>Values given as repeated options, space- or comma-separated.</summary>
    private static string[] Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    private static string? RoleOptionsError(string[] accounts, string[] networks)
    {
        if (accounts.FirstOrDefault(a => a.Length != 12 || !a.All(char.IsAsciiDigit)) is { } account)
        {
            return $"--trusted-accounts: '{TerminalText.Safe(account, 40)}' is not a 12-digit account id";
        }

        return networks.FirstOrDefault(n => !Cidr.TryParse(n, out _)) is { } network
            ? $"--allow-networks: '{TerminalText.Safe(network, 60)}' is not a CIDR (e.g. 203.0.113.0/24)"
            : null;
    }

    private static bool TryParseTime(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }
}
