using Monitor.Cli.Replay;

namespace Monitor.Cli.Output;

/// <summary>Prints a run's skipped items and errors (stderr) and its findings in the chosen format (stdout).</summary>
internal static class ResultPrinter
{
    public static void Print(ReplayResult result, OutputFormat format, DateTimeOffset? asOf, TextWriter output, TextWriter errors)
    {
        foreach (var note in result.Outcomes.SelectMany(o => o.Notes))
        {
            errors.WriteLine($"skipped: {TerminalText.Safe(note, 400)}");
        }

        foreach (var error in result.Errors)
        {
            errors.WriteLine($"error: {TerminalText.Safe(error, 400)}");
        }

        switch (format)
        {
            case OutputFormat.Jsonl:
                JsonRenderer.RenderLines(output, result);
                break;
            case OutputFormat.Json:
                JsonRenderer.RenderDocument(output, result, asOf);
                break;
            default:
                TableRenderer.Render(output, result, asOf);
                break;
        }
    }
}
