using System.CommandLine;
using Monitor.Cli.Output;
using Monitor.LeastPrivilege.Granted;
using Monitor.LeastPrivilege.Policies;
using Monitor.LeastPrivilege.Reporting;
using Monitor.Pipeline;
using Monitor.Records.CredentialReports;

namespace Monitor.Cli.LeastPrivilege;

/// <summary><c>monitor report &lt;path&gt;... --out DIR [--granted FILE]</c>: the least-privilege report as JSON, Markdown and HTML.</summary>
internal static class ReportCommand
{
    /// <summary>The report's files in a local folder.</summary>
    private sealed class FolderOutput(string folder) : IReportOutput
    {
        public Task WriteAsync(string name, string content, string contentType, CancellationToken cancellationToken) =>
            File.WriteAllTextAsync(Path.Combine(folder, name), content, cancellationToken);
    }

    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Arity = ArgumentArity.OneOrMore, Description = "The inputs replay reads: CloudTrail logs, SQS/SNS/S3/EventBridge events, folders." };
        var output = new Option<string>("--out") { Description = "Folder to write report.json, report.md and report.html into.", Required = true };
        var granted = new Option<string?>("--granted") { Description = "Output of 'aws iam get-account-authorization-details' (JSON): what is granted." };
        var objects = new Option<string>("--objects") { Description = "Folder that s3://bucket/key references resolve under.", DefaultValueFactory = _ => Path.Combine("events", "objects") };
        var inline = new Option<bool>("--inline") { Description = "Fit suggestions to the role inline budget (10,240) instead of 6,144." };
        var credentials = new Option<string?>("--credential-report") { Description = "IAM credential report CSV: shows each user's keys and password beside what they used." };
        var command = new Command("report", "Write the least-privilege report: granted versus used per principal, and suggested policies.");
        command.Arguments.Add(paths);
        var catalog = CatalogOption.Create();
        command.Options.Add(catalog);
        foreach (var option in new Option[] { output, granted, objects, inline, credentials })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) => await ExecuteAsync(
            parse.GetValue(paths)!, parse.GetValue(output)!, parse.GetValue(granted), parse.GetValue(objects)!, parse.GetValue(inline), Console.Out, Console.Error, cancellationToken, parse.GetValue(catalog), parse.GetValue(credentials)).ConfigureAwait(false));
        return command;
    }

    public static async Task<int> ExecuteAsync(string[] paths, string outDir, string? grantedFile, string objects, bool inline, TextWriter output, TextWriter errors, CancellationToken cancellationToken, string? catalogFile = null, string? credentialReportFile = null)
    {
        CredentialReport? credentials = null;
        if (credentialReportFile is not null)
        {
            try
            {
                using var text = File.OpenText(credentialReportFile);
                credentials = CredentialReportReader.Read(text, credentialReportFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                credentials = CredentialReport.Rejected(credentialReportFile, e.Message);
            }

            if (credentials.IsRejected)
            {
                await errors.WriteLineAsync($"error: --credential-report {TerminalText.Safe(credentials.Error, 400)}").ConfigureAwait(false);
                return 2;
            }
        }

        IReadOnlyList<GrantedPrincipal> granted = [];
        if (grantedFile is not null)
        {
            try
            {
                await using var stream = File.OpenRead(grantedFile);
                granted = AuthorizationDetailsReader.Read(stream);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                await errors.WriteLineAsync($"error: --granted {TerminalText.Safe(grantedFile, 200)}: {TerminalText.Safe(e.Message, 300)}").ConfigureAwait(false);
                return 2;
            }
        }

        var (usage, result) = await UsageCollector.CollectAsync(paths, objects, cancellationToken, CatalogOption.Load(catalogFile)).ConfigureAwait(false);
        foreach (var error in result.Errors)
        {
            await errors.WriteLineAsync($"error: {TerminalText.Safe(error, 400)}").ConfigureAwait(false);
        }

        Directory.CreateDirectory(outDir);
        var reporter = new LeastPrivilegeReporter(usage.Mapper.Catalog, new FolderOutput(outDir), inline ? PolicyBudgets.RoleInline : PolicyBudgets.Managed);
        var report = await reporter.WriteAsync(usage, granted, result.LatestEventTime, credentials, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"wrote report.json, report.md, report.html to {TerminalText.Safe(outDir, 300)} ({report.Principals.Count} principals)").ConfigureAwait(false);
        return result.Errors.Count == 0 ? 0 : 1;
    }
}
