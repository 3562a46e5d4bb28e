using System.CommandLine;
using Monitor.Cli.Output;
using Monitor.LeastPrivilege;
using Monitor.LeastPrivilege.Policies;

namespace Monitor.Cli.LeastPrivilege;

/// <summary>How <c>policy</c> prints.</summary>
internal enum PolicyFormat
{
    Text,
    Json,
}

/// <summary><c>monitor policy &lt;path&gt;... [--principal ARN] [--format json]</c>: the least-privilege policy each principal needs.</summary>
internal static class PolicyCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Arity = ArgumentArity.OneOrMore, Description = "The inputs replay reads: CloudTrail logs, SQS/SNS/S3/EventBridge events, folders." };
        var objects = new Option<string>("--objects") { Description = "Folder that s3://bucket/key references resolve under.", DefaultValueFactory = _ => Path.Combine("events", "objects") };
        var principal = new Option<string?>("--principal") { Description = "Only this principal (user or role ARN)." };
        var format = new Option<PolicyFormat>("--format") { Description = "text (default) or json.", DefaultValueFactory = _ => PolicyFormat.Text };
        var inline = new Option<bool>("--inline") { Description = "Fit the role inline budget (10,240 characters) instead of a managed policy's 6,144." };
        var command = new Command("policy", "Suggest a least-privilege IAM policy per principal from observed activity.");
        command.Arguments.Add(paths);
        var catalog = CatalogOption.Create();
        command.Options.Add(catalog);
        foreach (var option in new Option[] { objects, principal, format, inline })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
            await ExecuteAsync(parse.GetValue(paths)!, parse.GetValue(objects)!, parse.GetValue(principal), parse.GetValue(format), parse.GetValue(inline), Console.Out, Console.Error, cancellationToken, parse.GetValue(catalog)).ConfigureAwait(false));
        return command;
    }

    public static async Task<int> ExecuteAsync(string[] paths, string objects, string? principal, PolicyFormat format, bool inline, TextWriter output, TextWriter errors, CancellationToken cancellationToken, string? catalogFile = null)
    {
        var (usage, result) = await UsageCollector.CollectAsync(paths, objects, cancellationToken, CatalogOption.Load(catalogFile)).ConfigureAwait(false);
        foreach (var error in result.Errors)
        {
            await errors.WriteLineAsync($"error: {TerminalText.Safe(error, 400)}").ConfigureAwait(false);
        }

        var builder = new PolicyBuilder(usage.Mapper.Catalog);
        var budget = inline ? PolicyBudgets.RoleInline : PolicyBudgets.Managed;
        var selected = usage.Principals.Values
            .Where(p => principal is null || string.Equals(p.Key, principal, StringComparison.Ordinal))
            .Select(p => (p, builder.Build(p, budget)))
            .ToList();
        if (principal is not null && selected.Count == 0)
        {
            await errors.WriteLineAsync($"error: no activity of {TerminalText.Safe(principal, 200)} in the inputs").ConfigureAwait(false);
            return 1;
        }

        if (format == PolicyFormat.Json)
        {
            using var buffer = new MemoryStream();
            PolicyOutput.Write(buffer, selected);
            await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
        }
        else
        {
            foreach (var (usageOf, suggestion) in selected)
            {
                await WriteTextAsync(output, usageOf, suggestion).ConfigureAwait(false);
            }
        }

        return result.Errors.Count == 0 ? 0 : 1;
    }

    private static async Task WriteTextAsync(TextWriter output, PrincipalUsage usage, PolicySuggestion suggestion)
    {
        await output.WriteLineAsync($"# {TerminalText.Safe(usage.Key, 300)}  ({usage.Calls} calls, {usage.Used.Count} actions, {suggestion.Size}/{suggestion.Budget} characters)").ConfigureAwait(false);
        if (suggestion.Reductions.Count > 0)
        {
            await output.WriteLineAsync($"# reduced to fit: {string.Join(", ", suggestion.Reductions)}").ConfigureAwait(false);
        }

        foreach (var document in suggestion.Documents)
        {
            await output.WriteLineAsync(PolicyJson.ToJson(document, indented: true)).ConfigureAwait(false);
        }

        foreach (var (action, count) in usage.Denied)
        {
            await output.WriteLineAsync($"denied: {TerminalText.Safe(action, 200)} x{count}").ConfigureAwait(false);
        }

        foreach (var ((source, name), count) in usage.Unmapped)
        {
            await output.WriteLineAsync($"unmapped: {TerminalText.Safe(source, 100)} {TerminalText.Safe(name, 100)} x{count}").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
    }
}
