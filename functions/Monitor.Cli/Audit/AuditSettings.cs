using Monitor.Cli.Output;
using Monitor.Detection;

namespace Monitor.Cli.Audit;

/// <summary>The options of one <c>audit</c> run, as parsed from the command line.</summary>
internal sealed record AuditSettings(
    string StatePath,
    string? CredentialReport,
    DateTimeOffset? AsOf,
    OutputFormat Format,
    DetectionOptions Detection);
