namespace Monitor.Records.CredentialReports;

/// <summary>Turns the 22 text fields of a report row into a <see cref="CredentialReportRow"/>, naming the first bad column.</summary>
internal static class CredentialReportRows
{
    public static CredentialReportRow? Parse(IReadOnlyList<string> fields, out string? error)
    {
        ArgumentNullException.ThrowIfNull(fields);
        error = null;
        if (fields.Count != CredentialReportReader.Header.Count)
        {
            error = $"expected {CredentialReportReader.Header.Count} fields, found {fields.Count}";
            return null;
        }

        var columns = new Columns(fields);
        var row = new CredentialReportRow
        {
            User = fields[0],
            Arn = fields[1],
            UserCreated = columns.Time(2),
            PasswordEnabled = columns.Flag(3),
            PasswordLastUsed = columns.Time(4),
            PasswordLastChanged = columns.Time(5),
            MfaActive = columns.Flag(7) == ReportFlag.True,
            Key1 = columns.Key(1, 8),
            Key2 = columns.Key(2, 13),
            Fields = [.. fields],
        };
        _ = columns.Time(6);
        _ = (columns.Flag(18), columns.Time(19), columns.Flag(20), columns.Time(21));
        if (row.User.Length == 0 || !row.Arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            columns.Fail(row.User.Length == 0 ? 0 : 1, "is empty or not an ARN");
        }

        error = columns.Error;
        return error is null ? row : null;
    }

    private sealed class Columns(IReadOnlyList<string> fields)
    {
        public string? Error { get; private set; }

        public ReportTime Time(int index)
        {
            if (ReportTime.TryParse(fields[index], out var time))
            {
                return time;
            }

            Fail(index, $"is not an ISO 8601 time within {EventTimeRange.Description}, N/A, no_information or not_supported");
            return ReportTime.NotApplicable;
        }

        public ReportFlag Flag(int index)
        {
            if (ReportFlags.TryParse(fields[index], out var flag))
            {
                return flag;
            }

            Fail(index, "is not TRUE, FALSE or not_supported");
            return ReportFlag.False;
        }

        public ReportKey Key(int slot, int first) => new(
            slot,
            Flag(first) == ReportFlag.True,
            Time(first + 1),
            Time(first + 2),
            Text(first + 3),
            Text(first + 4));

        public void Fail(int index, string reason) =>
            Error ??= $"column {CredentialReportReader.Header[index]} \"{Clip(fields[index])}\" {reason}";

        // Region and service are N/A when the key was never used; they are names, not sentinels to keep.
        private string? Text(int index) => fields[index] is "N/A" or "" ? null : fields[index];

        private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "...";
    }
}
