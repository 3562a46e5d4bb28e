using System.CommandLine;
using System.Globalization;
using Monitor.Cli.Audit;
using Monitor.Cli.Output;
using Monitor.Cli.State;
using Monitor.Detection;
using Monitor.Detection.Credentials;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor audit</c>: judge the credential ledger in a state file (plus a credential report) as of a time.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var state = new Option<string>("--state") { Description = "SQLite state file holding the credential ledger.", DefaultValueFactory = _ => Path.Combine(".monitor", "state.db") };
        var report = new Option<string?>("--credential-report") { Description = "An IAM credential report CSV to merge first (the report wins for existence, the ledger for recency)." };
        var asOf = new Option<string?>("--as-of") { Description = "Audit time (ISO 8601). Default: now." };
        var unusedAfter = new Option<int>("--unused-after") { Description = "Days after which an idle credential is unused (CIS uses 45).", DefaultValueFactory = _ => 90 };
        var rotateAfter = new Option<int>("--rotate-after") { Description = "Days after which an active access key is due for rotation.", DefaultValueFactory = _ => 90 };
        var rootWindow = new Option<int>("--root-window") { Description = "Days before the audit in which root use that only the credential report shows is reported.", DefaultValueFactory = _ => 90 };
        var format = new Option<OutputFormat>("--format") { Description = "Output: table, jsonl or json.", DefaultValueFactory = _ => OutputFormat.Table };

        var command = new Command("audit", "Report unused, never-used and unrotated credentials, root keys and passwords without MFA.");
        foreach (var option in new Option[] { state, report, asOf, unusedAfter, rotateAfter, rootWindow, format })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var asOfText = parse.GetValue(asOf);
            DateTimeOffset? asOfTime = null;
            if (!string.IsNullOrEmpty(asOfText))
            {
                if (!DateTimeOffset.TryParse(asOfText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"error: --as-of: '{asOfText}' is not an ISO 8601 time").ConfigureAwait(false);
                    return 2;
                }

                asOfTime = parsed;
            }

            if (parse.GetValue(unusedAfter) < 1 || parse.GetValue(rotateAfter) < 1 || parse.GetValue(rootWindow) < 1)
            {
                await Console.Error.WriteLineAsync("error: --unused-after, --rotate-after and --root-window must be at least 1 day").ConfigureAwait(false);
                return 2;
            }

            var options = new DetectionOptions
            {
                Credentials = new CredentialOptions
                {
                    UnusedAfter = TimeSpan.FromDays(parse.GetValue(unusedAfter)),
                    KeyRotationAfter = TimeSpan.FromDays(parse.GetValue(rotateAfter)),
                    RootWindow = TimeSpan.FromDays(parse.GetValue(rootWindow)),
                },
            };
            var settings = new AuditSettings(parse.GetValue(state)!, parse.GetValue(report), asOfTime, parse.GetValue(format), options);
            var store = StateFile.TryOpen(settings.StatePath, Console.Error);
            if (store is null)
            {
                return 2;
            }

            await using (store.ConfigureAwait(false))
            {
                return await AuditRun.ExecuteAsync(settings, store, TimeProvider.System, Console.Out, Console.Error, cancellationToken).ConfigureAwait(false);
            }
        });
        return command;
    }
}
