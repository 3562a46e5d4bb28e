using System.CommandLine;
using System.Text.Json;
using Monitor.Cli.Output;
using Monitor.LeastPrivilege.Catalog;

namespace Monitor.Cli.LeastPrivilege;

/// <summary>
/// <c>monitor catalog refresh [--source URL|DIR] --out FILE</c>: rebuilds the IAM catalog from AWS's service
/// reference (default: the official endpoint; a folder holding <c>index.json</c> and the service files works
/// offline). <c>policy</c> and <c>report</c> use the result with <c>--catalog FILE</c>.
/// </summary>
internal static class CatalogCommand
{
    public const string OfficialSource = "https://servicereference.us-east-1.amazonaws.com/";

    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Service reference root URL, or a folder with index.json and <service>.json files.", DefaultValueFactory = _ => OfficialSource };
        var output = new Option<string>("--out") { Description = "Catalog file to write (JSON).", Required = true };
        var refresh = new Command("refresh", "Rebuild the IAM catalog from AWS's service reference JSON.");
        refresh.Options.Add(source);
        refresh.Options.Add(output);
        refresh.SetAction(async (parse, cancellationToken) => await RefreshAsync(parse.GetValue(source)!, parse.GetValue(output)!, Console.Out, Console.Error, cancellationToken).ConfigureAwait(false));
        var command = new Command("catalog", "Manage the IAM action catalog.");
        command.Subcommands.Add(refresh);
        return command;
    }

    public static async Task<int> RefreshAsync(string source, string output, TextWriter console, TextWriter errors, CancellationToken cancellationToken)
    {
        var isFolder = Directory.Exists(source);
        if (!isFolder && !source.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !source.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            await errors.WriteLineAsync($"error: catalog refresh from {TerminalText.Safe(source, 200)}: no such folder, and not an http(s) URL").ConfigureAwait(false);
            return 1;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        async Task<JsonDocument> LoadAsync(string location)
        {
            await using var stream = isFolder ? File.OpenRead(location) : await http.GetStreamAsync(new Uri(location), cancellationToken).ConfigureAwait(false);
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var documents = new List<(string Prefix, JsonDocument Document)>();
        try
        {
            using var index = await LoadAsync(isFolder ? Path.Combine(source, "index.json") : source).ConfigureAwait(false);
            foreach (var entry in index.RootElement.EnumerateArray())
            {
                var service = entry.GetProperty("service").GetString()!;
                var url = entry.GetProperty("url").GetString()!;
                documents.Add((service, await LoadAsync(isFolder ? Path.Combine(source, Path.GetFileName(new Uri(url).AbsolutePath)) : url).ConfigureAwait(false)));
            }

            await using (var file = File.Create(output))
            {
                await using var writer = new Utf8JsonWriter(file);
                ServiceReferenceConverter.Write(writer, documents.Select(d => (d.Prefix, d.Document.RootElement)), $"AWS service reference {source}");
            }

            await using var check = File.OpenRead(output);
            var catalog = IamCatalogReader.Read(check);
            await console.WriteLineAsync($"wrote {TerminalText.Safe(output, 300)}: {catalog.Services.Count} services, {catalog.ActionCount} actions").ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException or UriFormatException or TaskCanceledException)
        {
            await errors.WriteLineAsync($"error: catalog refresh from {TerminalText.Safe(source, 200)}: {TerminalText.Safe(e.Message, 300)}").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            documents.ForEach(d => d.Document.Dispose());
        }
    }
}
