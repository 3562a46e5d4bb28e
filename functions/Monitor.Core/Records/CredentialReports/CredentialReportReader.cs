namespace Monitor.Records.CredentialReports;

/// <summary>
/// Reads the IAM credential report CSV: exactly the 22 documented columns in their order (anything else is
/// refused, naming the file), the sentinels kept distinct (<see cref="ReportTime"/>), TRUE/true/FALSE/false.
/// A malformed row fails alone, naming its line.
/// </summary>
public static class CredentialReportReader
{
    public static readonly IReadOnlyList<string> Header =
    [
        "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
        "password_next_rotation", "mfa_active", "access_key_1_active", "access_key_1_last_rotated",
        "access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
        "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
        "access_key_2_last_used_region", "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated",
        "cert_2_active", "cert_2_last_rotated",
    ];

    public static string HeaderLine { get; } = string.Join(',', Header);

    /// <summary>Reads a whole report. <paramref name="generatedAt"/> comes from <c>GetCredentialReport</c> when known.</summary>
    public static CredentialReport Read(TextReader text, string source, DateTimeOffset? generatedAt = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var header = text.ReadLine()?.TrimStart('\uFEFF').TrimEnd('\r');
        if (header is null || CsvLine.Split(header) is not { } names || !names.SequenceEqual(Header, StringComparer.Ordinal))
        {
            return CredentialReport.Rejected(source, $"{source}: not an IAM credential report: the first line must be the 22-column header \"{HeaderLine}\", found \"{Clip(header)}\"");
        }

        var rows = new List<CredentialReportRow>();
        var errors = new List<string>();
        var number = 1;
        while (text.ReadLine() is { } line)
        {
            number++;
            line = line.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var fields = CsvLine.Split(line);
            if (fields is null || fields.Count != Header.Count)
            {
                errors.Add($"{source}: line {number}: expected {Header.Count} comma-separated fields, found {(fields is null ? "an unterminated quote" : fields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
                continue;
            }

            var parsed = CredentialReportRows.Parse(fields, out var error);
            if (parsed is null)
            {
                errors.Add($"{source}: line {number}: {error}");
            }
            else
            {
                rows.Add(parsed);
            }
        }

        return new CredentialReport { Source = source, GeneratedAt = generatedAt ?? LatestTime(rows), Rows = rows, Errors = errors };
    }

    private static DateTimeOffset? LatestTime(List<CredentialReportRow> rows) =>
        rows.SelectMany(r => new[] { r.UserCreated, r.PasswordLastUsed, r.PasswordLastChanged, r.Key1.LastRotated, r.Key1.LastUsed, r.Key2.LastRotated, r.Key2.LastUsed })
            .Where(t => t.HasTime)
            .Select(t => t.Time)
            .Max();

    private static string Clip(string? text) => text is null ? "(empty file)" : text.Length <= 80 ? text : text[..80] + "...";
}
