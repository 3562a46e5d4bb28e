namespace Monitor.Cli.Output;

/// <summary>How <c>replay</c> prints its findings.</summary>
internal enum OutputFormat
{
    Table,
    Jsonl,
    Json,
}
