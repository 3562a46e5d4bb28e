using System.CommandLine;
using Monitor.Cli.Commands;

var root = new RootCommand("monitor: AWS IAM activity monitor. Replays CloudTrail and S3 access logs through the detection pipeline, audits credentials, and suggests least-privilege policies.");
root.Subcommands.Add(ReplayCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
foreach (var command in Monitor.Cli.LeastPrivilege.LeastPrivilegeCommands.All())
{
    root.Subcommands.Add(command);
}

// Unusable options exit 2 (an input that fails exits 1), so scripts can tell a typo from bad data.
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
    }

    await Console.Error.WriteLineAsync("Run with --help for usage.").ConfigureAwait(false);
    return 2;
}

return await parse.InvokeAsync().ConfigureAwait(false);
